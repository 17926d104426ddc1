// `npm run build:package`: the npm package in dist/package/ (the script-tag files stay at the top
// of dist/). An ES module build with two entries, `clinic-locator.js` (registers the element) and
// `index.js` (side-effect-free exports), the same lazy chunks as the script-tag build, the
// dependencies left as bare imports for the consumer's bundler, the data files emitted beside the
// chunks and found through `new URL('./x.bin', import.meta.url)`, TypeScript declarations in
// dist/package/types/ (tsconfig.package.json), and custom-elements.json (`npm run analyze`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { build as viteBuild, type Plugin } from 'vite';
import {
  ASSETS_MODULE,
  CLINICS_MODULE,
  DATA_FILES,
  LEAFLET_ESM,
  ROOT,
  LEAFLET_CSS_ID,
  sharedModuleSource,
  SERVICES_MODULE,
  SERVICE_WORDS_MODULE,
  INSURANCE_MODULE,
} from './lib/modules.js';

/** Where the package's files go (package.json's `files`, `exports` and `types` point here). */
export const PACKAGE_DIR = 'dist/package';
export const TYPES_DIR = `${PACKAGE_DIR}/types`;

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * The runtime dependencies, imported by the consumer's bundler rather than bundled: every
 * `dependencies` entry except type-only packages.
 */
export const EXTERNAL_PACKAGES = Object.keys(pkg.dependencies).filter(
  (n) => !n.startsWith('@types/'),
);

function isExternal(id: string): boolean {
  // Leaflet's CSS is bundled: it is adopted inside the shadow root as a string, stripped of its
  // image rules (scripts/lib/modules.js), which no consumer's bundler would do.
  if (id.endsWith('.css?inline')) return false;
  return EXTERNAL_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * The package's virtual modules. The data files keep their plain names (`zips.bin`,
 * `places-3.bin`) so that a consumer whose bundler does not understand
 * `new URL('./x.bin', import.meta.url)` knows what to copy beside its bundle; the URL of each is
 * a literal in the built chunk, which Vite, webpack 5, Parcel 2 and Rollup (with an
 * import-meta-assets plugin) follow and copy; esbuild does not (README, "Package").
 */
function packageModules(): Plugin {
  const refs: Record<string, string> = {};
  return {
    name: 'clinic-locator-package-modules',
    enforce: 'pre',
    buildStart() {
      for (const [name, path] of Object.entries(DATA_FILES)) {
        const fileName = path.slice(path.lastIndexOf('/') + 1);
        refs[name] = this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      }
    },
    resolveId(source) {
      // Leaflet's `main` is a UMD script that overwrites the page's `window.L`: always import its
      // ES module build, whichever field the consumer's bundler reads.
      if (source === 'leaflet') return { id: LEAFLET_ESM, external: true };
      if (
        [
          ASSETS_MODULE,
          CLINICS_MODULE,
          SERVICES_MODULE,
          SERVICE_WORDS_MODULE,
          INSURANCE_MODULE,
        ].includes(source)
      )
        return `\0${source}`;
      if (source.endsWith('leaflet.css?inline')) return LEAFLET_CSS_ID;
      if (isExternal(source)) return { id: source, external: true };
      return undefined;
    },
    load(id) {
      if (id === `\0${ASSETS_MODULE}`) {
        const cases = Object.entries(refs)
          .map(
            ([name, ref]) =>
              `    case ${JSON.stringify(name)}: return import.meta.ROLLUP_FILE_URL_${ref};`,
          )
          .join('\n');
        return `export function assetUrl(name) {\n  switch (name) {\n${cases}\n    default: throw new Error('clinic-locator: no data file ' + name);\n  }\n}\n`;
      }
      return sharedModuleSource(id);
    },
    // A literal relative URL, the pattern bundlers recognise as "emit this file".
    resolveFileUrl({ fileName, relativePath }) {
      if (!fileName.endsWith('.bin')) return undefined;
      return `new URL(${JSON.stringify(`./${relativePath}`)}, import.meta.url).href`;
    },
  };
}

/** The package's entry modules, by output name. */
const ENTRIES = { index: 'src/index.ts', 'clinic-locator': 'src/clinic-locator.ts' };

async function buildModules(quiet: boolean): Promise<void> {
  await viteBuild({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: quiet ? 'error' : 'warn',
    plugins: [packageModules()],
    build: {
      outDir: PACKAGE_DIR,
      emptyOutDir: true,
      assetsDir: '',
      target: 'es2022',
      // Library mode: no module-preload helper around the lazy imports.
      lib: { entry: ENTRIES, formats: ['es'] },
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: (chunk) =>
            `${chunk.name.replace(/^_virtual_clinic-locator-/, '')}-[hash].js`,
          assetFileNames: '[name][extname]',
        },
      },
    },
  });
}

function run(command: string, args: string[]): void {
  const result = spawnSync(process.execPath, [command, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Emits the declarations and checks that none of them refers to a build-time virtual module. */
function buildTypes(): void {
  rmSync(`${ROOT}${TYPES_DIR}`, { recursive: true, force: true });
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.package.json']);
  const leaks = filesUnder(`${ROOT}${TYPES_DIR}`).filter((file) =>
    /\bvirtual:|\.css\?inline/.test(readFileSync(file, 'utf8')),
  );
  if (leaks.length) {
    throw new Error(
      `declarations refer to build-time modules, which consumers cannot resolve:\n${leaks.join('\n')}`,
    );
  }
}

/** custom-elements.json from the JSDoc (custom-elements-manifest.config.mjs). */
export function analyze(): void {
  run('node_modules/@custom-elements-manifest/analyzer/cem.js', ['analyze', '--quiet']);
}

/** The package build: modules, declarations and the manifest. Needs the generated data. */
export async function buildPackage({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
  await buildModules(quiet);
  buildTypes();
  analyze();
  if (!quiet) {
    const files = filesUnder(`${ROOT}${PACKAGE_DIR}`);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    console.log(`${PACKAGE_DIR}/: ${files.length} files, ${(bytes / 1024).toFixed(1)} KB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { ensureZipTables } = await import('./build-zips.ts');
    const { compileClinics } = await import('./compile-clinics.ts');
    await ensureZipTables();
    await compileClinics();
    await buildPackage();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
