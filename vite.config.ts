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
import { fallbackSource, loaderSource } from './scripts/lib/loader.js';
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

/** A source rewrite that must apply: a dependency upgrade that moves the code fails the build. */
function rewrite(code: string, pattern: RegExp, replacement: string, what: string): string {
  const out = code.replace(pattern, replacement);
  if (out === code) throw new Error(`clinic-locator: ${what}: the pattern was not found`);
  return out;
}

/**
 * Rewrites in Lit and Leaflet for hostile host pages (issue 14), done at build time so neither
 * is forked:
 * - Lit's Trusted Types policy gets a name of the widget's own, `clinic-locator-lit`: a page
 *   that lists allowed names, or whose own Lit already created `lit-html`, no longer makes
 *   `createPolicy` throw while the main chunk evaluates. When the name is refused, Lit goes on
 *   without a policy if the page does not enforce Trusted Types (strings may reach sinks), and
 *   throws as before if it does: the loader then imports a fallback module that shows a
 *   plain-text message and fires `clinic-error` (scripts/lib/loader.js).
 * - Leaflet's feature tests write HTML strings into `innerHTML` while the module evaluates,
 *   which throws under `require-trusted-types-for 'script'`. Every browser the widget supports
 *   has inline SVG and no VML, so the answers are constants (and the VML renderer goes).
 * - Leaflet's `for…in` loops (options, layers, tiles, event maps) also visit enumerable
 *   properties that old libraries add to Object.prototype (`Object.prototype.extend = …`), and
 *   `L.map()` throws on them. Each loop skips a key whose value is Object.prototype's own.
 */
function hostilePageFixes(): Plugin {
  return {
    name: 'clinic-locator-hostile-page-fixes',
    transform(code, id) {
      if (/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) {
        return rewrite(
          code,
          /(\w+)\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\)/,
          // Refused: without enforcement Lit goes on with strings; with it, the probe throws.
          '(()=>{try{return $1.createPolicy("clinic-locator-lit",$2)}catch{document.createElement("b").innerHTML=""}})()',
          'Lit’s Trusted Types policy',
        );
      }
      if (id.endsWith(LEAFLET_ESM)) {
        let out = rewrite(
          code,
          /var inlineSvg = !!svg\$1 && \(function \(\) \{[^}]*\}\)\(\);/,
          'var inlineSvg = !!svg$1;',
          'Leaflet’s inline SVG test',
        );
        out = rewrite(
          out,
          /var vml = !svg\$1 && \(function \(\) \{[\s\S]*?\n\}\(\)\);/,
          'var vml = false;',
          'Leaflet’s VML test',
        );
        // With no VML, Leaflet's VML renderer is dead code: drop it (room for the fixes here).
        out = rewrite(
          out,
          /var vmlCreate = \(function \(\) \{[\s\S]*?\nvar create = Browser\.vml \? vmlCreate : svgCreate;/,
          'var create = svgCreate;',
          'Leaflet’s VML renderer',
        );
        out = rewrite(
          out,
          /if \(Browser\.vml\) \{\n\tSVG\.include\(vmlMixin\);\n\}/,
          '',
          'Leaflet’s VML mixin',
        );
        let loops = 0;
        out = out.replace(/for \((var )?(\w+) in ([\w.$[\]]+)\) \{/g, (_m, decl = '', key, obj) => {
          loops++;
          return `for (${decl}${key} in ${obj}) { if (inheritedFromObject(${obj}, ${key})) { continue; }`;
        });
        if (loops < 40) throw new Error(`clinic-locator: only ${loops} for…in loops in Leaflet`);
        return `${out}\nfunction inheritedFromObject(o, k) { return k in Object.prototype && o[k] === Object.prototype[k]; }\n`;
      }
      return undefined;
    },
  };
}

/**
 * The element's stylesheets keep their comments for readers, not in every visitor's download: the
 * minifier keeps css`` text verbatim. (These files have no `/*` in strings or URLs.)
 */
function stripStyleComments(): Plugin {
  return {
    name: 'clinic-locator-strip-style-comments',
    transform(code, id) {
      if (!/[\\/]src[\\/]element[\\/].*\.styles\.ts$/.test(id)) return undefined;
      return code.replace(/\/\*[\s\S]*?\*\//g, '');
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
      const fallback = fallbackSource();
      const fallbackFile = `clinic-locator-fallback-${contentHash(fallback)}.js`;
      this.emitFile({ type: 'asset', fileName: fallbackFile, source: fallback });
      this.emitFile({
        type: 'asset',
        fileName: ENTRY_SCRIPT,
        source: loaderSource(entry.fileName, fallbackFile),
      });
    },
  };
}

export default defineConfig({
  // Chunks import each other with relative URLs, so dist/ works from any folder or CDN path.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [projectModules(), stripStyleComments(), hostilePageFixes(), classicLoader(), noAmd()],
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
