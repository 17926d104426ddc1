// Node-side checks of the npm package as a consumer gets it, run after `npm run build`:
//   1. `npm pack` holds the package's files and nothing else, its chunks import only declared
//      dependencies (none bundled), and its declarations never mention a build-time module;
//   2. the tarball installs into a scratch project (`npm install <tarball>`, dependencies from
//      the npm cache when they are there);
//   3. Node resolves `clinic-locator`, `clinic-locator/element` and `clinic-locator/package.json`
//      and refuses a path that is not exported; every bare import of the installed chunks
//      resolves; both entries import in Node (Lit's Node build brings a DOM shim), and `.`
//      registers the class that `./element` exports;
//   4. `tsc --noEmit` (the repo's TypeScript, skipLibCheck off) type-checks a consumer file that
//      imports from both entries, with `moduleResolution` Bundler, NodeNext and Node (node10,
//      through `typesVersions`);
//   5. Vite (the repo's) builds a consumer page that does `import 'clinic-locator'`, keeping the
//      lazy chunks lazy and emitting every data file;
//   6. esbuild builds one that copies the data files and sets `base-url`, and it searches in
//      headless Chromium without a 404.
// Prints one `ok`/`FAIL` line per check and exits 1 when any fails.
//
//   npm run build && npx tsx scripts/test-package.ts [--keep]
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS } from './lib/chrome-flags.js';
import { findChrome } from './lib/chrome.ts';
import { DATA_FILES, ROOT } from './lib/modules.js';
import { startStaticServer } from './lib/static-server.ts';
import { EXTERNAL_PACKAGES, PACKAGE_DIR } from './build-package.ts';
import { finish, report } from './lib/check-report.ts';

const NAME = 'clinic-locator';
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
};
/** A string in each library's code (minified or not) and nowhere in src/: a copy is bundled. */
const MARKS: Record<string, string> = {
  lit: 'reactiveElementVersions',
  leaflet: 'Map container not found',
  'fuse.js': "Incorrect 'index' type",
  papaparse: 'Unable to auto-detect delimiting character',
  supercluster: 'No cluster with the specified id',
};
/** The one-tag build: dist/'s own files (not the package's folder). */
const CDN_FILES = readdirSync(`${ROOT}dist`)
  .filter((name) => /\.(js|bin)$/.test(name))
  .map((name) => `dist/${name}`);
const DATA_NAMES = Object.values(DATA_FILES).map((path) => path.slice(path.lastIndexOf('/') + 1));

function sh(command: string, args: string[], cwd: string): { status: number | null; out: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return {
    status: result.status,
    out: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`,
  };
}

/** Bare specifiers (`from "lit"`, `import("x")`) of an ES module's imports. */
function bareImports(code: string): string[] {
  const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"([^"./][^"]*)"/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(found)];
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

if (!existsSync(`${ROOT}${PACKAGE_DIR}/index.js`)) {
  report(
    'the package is built',
    false,
    () => `${PACKAGE_DIR}/ is missing: run \`npm run build\` first`,
  );
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'clinic-locator-package-'));
try {
  // 1. The tarball.
  const packed = sh(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch],
    ROOT,
  );
  let tarball = '';
  let files: { path: string; size: number }[] = [];
  try {
    const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as {
      filename: string;
      files: { path: string; size: number }[];
    }[];
    tarball = join(scratch, info?.filename ?? '');
    files = info?.files ?? [];
  } catch {
    // reported below
  }
  const paths = files.map((f) => f.path);
  const expected = [
    'package.json',
    'README.md',
    'custom-elements.json',
    'data/ATTRIBUTION',
    'LICENSE',
    `${PACKAGE_DIR}/index.js`,
    `${PACKAGE_DIR}/clinic-locator.js`,
    `${PACKAGE_DIR}/types/index.d.ts`,
    `${PACKAGE_DIR}/types/clinic-locator.d.ts`,
    ...DATA_NAMES.map((name) => `${PACKAGE_DIR}/${name}`),
    // The one-tag build, for a public npm CDN (package.json `unpkg`, `jsdelivr`): every file of
    // dist/ beside the loader, which it loads by name.
    ...CDN_FILES,
  ];
  const stray = paths.filter(
    (p) =>
      ![
        'package.json',
        'README.md',
        'custom-elements.json',
        'data/ATTRIBUTION',
        'LICENSE',
      ].includes(p) &&
      !p.startsWith(`${PACKAGE_DIR}/`) &&
      !CDN_FILES.includes(p),
  );
  const missing = expected.filter((p) => !paths.includes(p));
  report(
    'npm pack: the entries, declarations, data files, manifest and one-tag build, nothing else',
    packed.status === 0 && existsSync(tarball) && !missing.length && !stray.length,
    () =>
      `${packed.status === 0 ? '' : packed.out}missing: ${missing.join(', ') || '-'}\nnot package files: ${stray.join(', ') || '-'}`,
  );

  // The ES module build's chunks (the one-tag build bundles its dependencies, by design).
  const chunks = paths
    .filter((p) => p.startsWith(`${PACKAGE_DIR}/`) && p.endsWith('.js'))
    .map((p) => [p, readFileSync(`${ROOT}${p}`, 'utf8')] as const);
  const undeclared = chunks.flatMap(([p, code]) =>
    bareImports(code)
      .filter((s) => !EXTERNAL_PACKAGES.includes(packageName(s)))
      .map((s) => `${p}: ${s}`),
  );
  const bundled = chunks.flatMap(([p, code]) =>
    Object.entries(MARKS)
      .filter(([, mark]) => code.includes(mark))
      .map(([name]) => `${p} bundles ${name}`),
  );
  report(
    'chunks import dependencies by name, only declared ones, and bundle none',
    chunks.length > 2 && !undeclared.length && !bundled.length,
    () => [...undeclared.map((u) => `undeclared ${u}`), ...bundled].join('\n'),
  );
  const depsImported = new Set(chunks.flatMap(([, code]) => bareImports(code).map(packageName)));
  const unused = EXTERNAL_PACKAGES.filter((name) => !depsImported.has(name));
  report('every runtime dependency is imported by some chunk', !unused.length, () =>
    unused.map((u) => `${u} is in dependencies but no chunk imports it`).join('\n'),
  );

  const declarations = paths.filter((p) => p.endsWith('.d.ts'));
  const leaking = declarations.filter((p) =>
    /virtual:|\?inline/.test(readFileSync(`${ROOT}${p}`, 'utf8')),
  );
  report(
    'declarations never mention a build-time virtual module',
    declarations.length > 0 && !leaking.length,
    () => `${declarations.length} declaration files; mention one: ${leaking.join(', ')}`,
  );

  // 2. A scratch project installs the tarball.
  const app = join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'scratch-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = sh(
    'npm',
    [
      'install',
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    app,
  );
  const installed = join(app, 'node_modules', NAME);
  const depsInstalled = Object.keys(pkg.dependencies).filter(
    (name) => !existsSync(join(app, 'node_modules', name)),
  );
  report(
    `npm install <tarball> in a scratch project (with ${Object.keys(pkg.dependencies).join(', ')})`,
    install.status === 0 && existsSync(join(installed, 'package.json')) && !depsInstalled.length,
    () => `${install.out}\nnot installed: ${depsInstalled.join(', ')}`,
  );

  // 3. Node: resolution of the exports and of every import of the installed chunks, then import.
  writeFileSync(
    join(app, 'resolve.mjs'),
    `const out = {};
for (const s of ['${NAME}', '${NAME}/element', '${NAME}/package.json', '${NAME}/custom-elements.json', '${NAME}/${PACKAGE_DIR}/index.js']) {
  try { out[s] = import.meta.resolve(s); } catch (e) { out[s] = e.code ?? String(e); }
}
console.log(JSON.stringify(out));
`,
  );
  const resolved = sh(process.execPath, ['resolve.mjs'], app);
  let map: Record<string, string> = {};
  try {
    map = JSON.parse(resolved.out) as Record<string, string>;
  } catch {
    // reported below
  }
  const at = (s: string) => map[s] ?? '';
  report(
    "Node resolves '.', './element', './package.json' and './custom-elements.json', and refuses an unexported path",
    at(NAME).endsWith(`/${PACKAGE_DIR}/node/clinic-locator.js`) &&
      at(`${NAME}/element`).endsWith(`/${PACKAGE_DIR}/node/index.js`) &&
      at(`${NAME}/package.json`).endsWith(`/${NAME}/package.json`) &&
      at(`${NAME}/custom-elements.json`).endsWith(`/${NAME}/custom-elements.json`) &&
      at(`${NAME}/${PACKAGE_DIR}/index.js`) === 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    () => resolved.out,
  );

  // import.meta.resolve answers relative to the module that asks: ask from inside the package.
  const probe = join(installed, PACKAGE_DIR, '__resolve-probe.mjs');
  const specifiers = [...new Set(chunks.flatMap(([, code]) => bareImports(code)))];
  writeFileSync(
    probe,
    `const bad = [];
for (const s of ${JSON.stringify(specifiers)}) { try { import.meta.resolve(s); } catch (e) { bad.push(s + ': ' + (e.code ?? e)); } }
console.log(bad.join('\\n'));
`,
  );
  const deps = sh(process.execPath, [probe], app);
  rmSync(probe);
  report(
    `every import of the installed chunks resolves (${specifiers.join(', ')})`,
    deps.status === 0 && deps.out.trim() === '',
    () => deps.out,
  );

  writeFileSync(
    join(app, 'import.mjs'),
    `const element = await import('${NAME}/element');
const before = customElements.get('${NAME}');
await import('${NAME}');
console.log(JSON.stringify({
  before: before === undefined,
  registered: customElements.get('${NAME}') === element.ClinicLocator,
  exports: Object.keys(element).sort(),
}));
`,
  );
  const imported = sh(process.execPath, ['import.mjs'], app);
  let result: { before?: boolean; registered?: boolean; exports?: string[] } = {};
  try {
    result = JSON.parse(imported.out) as typeof result;
  } catch {
    // reported below
  }
  const wanted = [
    'ClinicLocator',
    'ClinicSearchEvent',
    'ClinicSelectEvent',
    'ClinicErrorEvent',
    'rankClinics',
    'lookupZip',
  ];
  report(
    "Node imports './element' without side effects, then '.' registers its ClinicLocator",
    result.before === true &&
      result.registered === true &&
      wanted.every((name) => result.exports?.includes(name)),
    () => imported.out,
  );

  // A server runtime that resolves Lit's browser build and has no DOM classes (Node with the
  // `browser` condition and no shim): both entries still import; `./element` gives the domain
  // functions, working, and no element.
  writeFileSync(
    join(app, 'no-dom.mjs'),
    `const element = await import('${NAME}/element');
await import('${NAME}');
const ranked = element.rankClinics(
  [{ id: 'a', name: 'A', lat: 42.96, lon: -85.66 }],
  { lat: 42.97, lon: -85.67 },
);
console.log(JSON.stringify({
  domShim: typeof HTMLElement !== 'undefined',
  element: element.ClinicLocator === undefined ? 'undefined' : 'defined',
  ranked: ranked.map((r) => r.clinic.id),
  zip: element.normalizeZip('49503-1234'),
}));
`,
  );
  const noDom = sh(process.execPath, ['--conditions=browser', 'no-dom.mjs'], app);
  let server: { domShim?: boolean; element?: string; ranked?: string[]; zip?: string } = {};
  try {
    server = JSON.parse(noDom.out) as typeof server;
  } catch {
    // reported below
  }
  report(
    "Node with the browser condition and no DOM imports both entries; './element' gives its functions",
    noDom.status === 0 &&
      server.domShim === false &&
      server.element === 'undefined' &&
      server.ranked?.join() === 'a' &&
      server.zip === '49503',
    () => noDom.out,
  );

  // 4. Types, as a consumer's TypeScript sees them.
  writeFileSync(
    join(app, 'consumer.ts'),
    `import '${NAME}';
import {
  ClinicLocator,
  ClinicSearchEvent,
  rankClinics,
  type Clinic,
  type MapView,
  type RankedClinic,
} from '${NAME}/element';

const element: ClinicLocator = document.createElement('${NAME}');
element.limit = 5;
element.addEventListener('clinic-search', (event: ClinicSearchEvent) => {
  const ids: string[] = event.results.map((result) => result.id);
  console.log(ids, event.origin.label);
});
export function nearest(clinics: Clinic[]): RankedClinic[] {
  return rankClinics(clinics, { lat: 42.96, lon: -85.66 }).slice(0, 1);
}
export type Map = MapView;
// @ts-expect-error: limit is a number
element.limit = 'five';
`,
  );
  const tsc = `${ROOT}node_modules/typescript/bin/tsc`;
  // Node (node10) ignores `exports`: `./element` is found through `typesVersions`.
  for (const resolution of ['Bundler', 'NodeNext', 'Node']) {
    const config = `tsconfig.${resolution.toLowerCase()}.json`;
    writeFileSync(
      join(app, config),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
          moduleResolution: resolution,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const checked = sh(process.execPath, [tsc, '-p', config], app);
    report(
      `tsc --noEmit of a consumer importing both entries (moduleResolution ${resolution}, skipLibCheck off)`,
      checked.status === 0,
      () => checked.out,
    );
  }

  // JSX: a component per framework, with typed attributes and a typed event handler, and props
  // that must not type-check. The frameworks' types come from this repository's devDependencies
  // (linked into the scratch project, as an app would have them installed).
  for (const name of ['@types/react', 'csstype', 'preact', 'solid-js']) {
    const target = join(app, 'node_modules', name);
    mkdirSync(join(target, '..'), { recursive: true });
    if (!existsSync(target)) symlinkSync(`${ROOT}node_modules/${name}`, target, 'dir');
  }
  const frameworks = {
    react: {
      jsx: { jsx: 'react-jsx' },
      code: `import type {} from '${NAME}/react';
import type { ClinicSearchEvent } from '${NAME}/element';

export function Finder({ zip }: { zip: string }) {
  return (
    <clinic-locator
      zip={zip}
      limit={5}
      radius={40}
      units="km"
      layout="compact"
      without-map
      sync-url="q"
      className="finder"
      onclinic-search={(e) => console.log(e.results.length, e.origin.label)}
      onclinic-error={(e) => console.log(e.source, e.fatal)}
      clinics={[]}
    />
  );
}
export const handler = (e: ClinicSearchEvent) => e.query;
// @ts-expect-error: limit is a number
export const a = <clinic-locator limit="five" />;
// @ts-expect-error: units are mi or km
export const b = <clinic-locator units="miles" />;
// @ts-expect-error: clinic-search gives a ClinicSearchEvent, which has no clinicId
export const c = <clinic-locator onclinic-search={(e) => e.clinicId} />;
`,
    },
    preact: {
      jsx: { jsx: 'react-jsx', jsxImportSource: 'preact' },
      code: `import type {} from '${NAME}/preact';

export const Finder = () => (
  <clinic-locator zip="49503" limit={5} without-map onclinic-select={(e) => console.log(e.clinicId)} />
);
// @ts-expect-error: layout is full or compact
export const a = <clinic-locator layout="wide" />;
`,
    },
    solid: {
      jsx: { jsx: 'preserve', jsxImportSource: 'solid-js' },
      code: `import type {} from '${NAME}/solid';

export const Finder = () => (
  <clinic-locator zip="49503" limit={5} prop:clinics={[]} on:clinic-search={(e) => console.log(e.results.length)} />
);
// @ts-expect-error: limit is a number
export const a = <clinic-locator limit="five" />;
`,
    },
  };
  for (const [framework, { jsx, code }] of Object.entries(frameworks)) {
    writeFileSync(join(app, `${framework}.tsx`), code);
    const config = `tsconfig.${framework}.json`;
    writeFileSync(
      join(app, config),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          ...jsx,
        },
        files: [`${framework}.tsx`],
      }),
    );
    const checked = sh(process.execPath, [tsc, '-p', config], app);
    report(
      `tsc --noEmit of a ${framework} component: typed attributes and event handlers (clinic-locator/${framework})`,
      checked.status === 0,
      () => checked.out,
    );
  }

  // 5. A consumer's Vite build.
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html>\n<clinic-locator zip="49503"></clinic-locator>\n<script type="module" src="./main.ts"></script>\n',
  );
  writeFileSync(join(app, 'main.ts'), `import '${NAME}';\n`);
  const vite = sh(
    process.execPath,
    [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'error'],
    app,
  );
  const out = join(app, 'dist', 'assets');
  const emitted = existsSync(out) ? readdirSync(out) : [];
  const js = emitted.filter((f) => f.endsWith('.js'));
  const html = existsSync(join(app, 'dist', 'index.html'))
    ? readFileSync(join(app, 'dist', 'index.html'), 'utf8')
    : '';
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1] ?? '';
  const entryCode = entry ? readFileSync(join(out, entry), 'utf8') : '';
  const allCode = js.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  // A data file is emitted (name-hash.bin), or Vite inlined it (under its 4 KB inline limit).
  const dataMissing = DATA_NAMES.filter((name) => {
    const stem = name.replace(/\.bin$/, '');
    return !emitted.some((f) => f.startsWith(`${stem}-`) && f.endsWith('.bin'));
  });
  const inlined = (allCode.match(/data:application\/octet-stream;base64,/g) ?? []).length;
  // Leaflet, fuse.js, papaparse and supercluster load lazily; Lit is in the entry.
  const lazyLibraries = ['leaflet', 'fuse.js', 'papaparse', 'supercluster'];
  const lazyInEntry = lazyLibraries.filter((name) => entryCode.includes(MARKS[name] ?? ''));
  const lazyBuilt = lazyLibraries.filter((name) => allCode.includes(MARKS[name] ?? ''));
  report(
    `vite build of a page with import '${NAME}': lazy chunks stay lazy, every data file emitted`,
    vite.status === 0 &&
      entry !== '' &&
      js.length >= 5 &&
      dataMissing.length <= inlined &&
      !lazyInEntry.length &&
      lazyBuilt.length === lazyLibraries.length &&
      entryCode.includes(MARKS.lit ?? '') &&
      entryCode.includes('customElements.define'),
    () =>
      `${vite.out}\nentry: ${entry || '-'}; ${js.length} chunks (${js.join(', ')})\nnot emitted: ${dataMissing.join(', ') || '-'} (${inlined} inlined)\nin the entry chunk: ${lazyInEntry.join(', ') || '-'}; built: ${lazyBuilt.join(', ')}`,
  );

  // 6. esbuild, which does not follow `new URL('./x.bin', import.meta.url)`: the README's recipe
  // (copy the data files, name their folder with `base-url`), then a search in Chromium.
  const esb = join(app, 'esbuild-site');
  mkdirSync(join(esb, 'data'), { recursive: true });
  writeFileSync(join(app, 'esbuild-main.js'), `import '${NAME}';\n`);
  let built = '';
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      absWorkingDir: app,
      entryPoints: ['esbuild-main.js'],
      bundle: true,
      format: 'esm',
      splitting: true,
      outdir: join(esb, 'js'),
      logLevel: 'silent',
    });
  } catch (error) {
    built = String(error);
  }
  for (const name of readdirSync(join(installed, PACKAGE_DIR)).filter((f) => f.endsWith('.bin'))) {
    copyFileSync(join(installed, PACKAGE_DIR, name), join(esb, 'data', name));
  }
  writeFileSync(
    join(esb, 'index.html'),
    `<!doctype html>
<clinic-locator base-url="data/" tile-url="/tiles/{z}/{x}/{y}.png" tile-attribution="Local test tiles"></clinic-locator>
<script type="module" src="js/esbuild-main.js"></script>
`,
  );
  const failed: string[] = [];
  let names: string[] = [];
  const chrome = findChrome();
  if (!built && chrome) {
    const server = await startStaticServer({ root: esb, port: 0 });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await puppeteer.launch({
      executablePath: chrome,
      headless: true,
      args: CHROME_FLAGS,
    });
    try {
      const page = await browser.newPage();
      page.on('response', (r) => {
        // The browser's own favicon request is not the widget's.
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) {
          failed.push(`${r.status()} ${r.url()}`);
        }
      });
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => customElements.get('clinic-locator'), { timeout: 20_000 });
      names = await page.evaluate(async () => {
        const el = document.querySelector('clinic-locator') as HTMLElement & {
          search(q: string): Promise<void>;
          updateComplete: Promise<unknown>;
        };
        await el.search('49503');
        await el.updateComplete;
        const found = el.shadowRoot?.querySelectorAll('[part~="result-name"]') ?? [];
        return Array.from(found).map((n) => n.textContent?.trim() ?? '');
      });
    } catch (error) {
      failed.push(String(error));
    } finally {
      await browser.close();
      server.close();
    }
  }
  report(
    'esbuild consumer with the data files copied and base-url set: a search in Chromium lists clinics, no 404',
    !built && Boolean(chrome) && names.length > 0 && !failed.length,
    () =>
      `${built || (chrome ? '' : 'no Chromium (CHROME_PATH)')}\nresults: ${names.length}\n${failed.join('\n')}`,
  );
} finally {
  if (process.argv.includes('--keep')) console.log(`scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

finish('package checks');
