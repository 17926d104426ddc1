// The script-tag build. Vite's IIFE library build cannot split code (TOOLCHAIN.md), so this is a
// code-split ES build with content-hashed chunks and data files, plus a tiny classic loader,
// dist/clinic-locator.js, that imports the hashed main chunk relative to its own URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import {
  ASSETS_MODULE,
  CLINICS_MODULE,
  SERVICES_MODULE,
  SERVICE_WORDS_MODULE,
  INSURANCE_MODULE,
  DATA_FILES,
  LEAFLET_ESM,
  ROOT,
  LEAFLET_CSS_ID,
  sharedModuleSource,
  assetsModuleSource,
} from './scripts/lib/modules.js';
import { loaderSource } from './scripts/lib/loader.js';
import { noAmd } from './scripts/lib/no-amd.js';

/** The name of the classic entry script an embedder puts in `<script src>`. */
export const ENTRY_SCRIPT = 'clinic-locator.js';

function contentHash(source: Uint8Array | string): string {
  return createHash('sha256').update(source).digest('base64url').slice(0, 8);
}

/** Virtual modules, Leaflet's ESM build and its stripped CSS, and the hashed data files. */
function projectModules(): Plugin {
  const files: Record<string, string> = {};
  return {
    name: 'clinic-locator-modules',
    enforce: 'pre',
    buildStart() {
      for (const [name, path] of Object.entries(DATA_FILES)) {
        const source = readFileSync(path);
        const ext = path.slice(path.lastIndexOf('.'));
        const fileName = `${name}-${contentHash(source)}${ext}`;
        this.emitFile({ type: 'asset', fileName, source });
        files[name] = fileName;
      }
    },
    resolveId(source) {
      if (source === 'leaflet')
        return fileURLToPath(new URL(`node_modules/${LEAFLET_ESM}`, `file://${ROOT}`));
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
      return undefined;
    },
    load(id) {
      if (id === `\0${ASSETS_MODULE}`) return assetsModuleSource(files);
      return sharedModuleSource(id);
    },
  };
}

/** Emits the classic loader script that imports the hashed main chunk. */
function classicLoader(): Plugin {
  return {
    name: 'clinic-locator-loader',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) throw new Error('clinic-locator: the build produced no entry chunk');
      this.emitFile({
        type: 'asset',
        fileName: ENTRY_SCRIPT,
        source: loaderSource(entry.fileName),
      });
    },
  };
}

export default defineConfig({
  // Chunks import each other with relative URLs, so dist/ works from any folder or CDN path.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [projectModules(), classicLoader(), noAmd()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: '',
    target: ['es2022', 'chrome111', 'edge111', 'firefox111', 'safari16.4'],
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { 'clinic-locator-main': 'src/script-tag.ts' },
      preserveEntrySignatures: false,
      output: {
        format: 'es',
        entryFileNames: '[name]-[hash].js',
        // Lazy chunks: clinic-locator-leaflet-map-view-<hash>.js, clinic-locator-clinics-<hash>.js.
        chunkFileNames: (chunk) =>
          `clinic-locator-${chunk.name.replace(/^_virtual_clinic-locator-/, '')}-[hash].js`,
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
});
