// `npm run analyze`: custom-elements.json from the element's JSDoc (@summary, @fires, @csspart,
// @cssproperty, @slot, @tagname), read with the analyzer's Lit plugin.

import { posix } from 'node:path';

/** Members every Lit element has; they are not the element's API. */
const LIFECYCLE = new Set([
  'styles',
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'createRenderRoot',
  'shouldUpdate',
  'willUpdate',
  'update',
  'render',
  'firstUpdated',
  'updated',
]);

/** Drops the inherited lifecycle overrides from each class's members. */
function withoutLifecycle() {
  return {
    name: 'clinic-locator-without-lifecycle',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.members) continue;
          declaration.members = declaration.members.filter((m) => !LIFECYCLE.has(m.name));
        }
      }
    },
  };
}

/** Where the package's entries are (package.json `exports`), and the one-tag CDN file. */
const PACKAGE_INDEX = 'dist/package/index.js';
const PACKAGE_REGISTER = 'dist/package/clinic-locator.js';
const SCRIPT_TAG = 'dist/clinic-locator.js';

/**
 * Describes the files the package ships, not the sources: the analyzer reads src/*.ts, which the
 * package does not contain. Every declaration exported by `clinic-locator/element` (src/index.ts)
 * moves into the module `dist/package/index.js`, the entry that exports it; `clinic-locator`
 * (dist/package/clinic-locator.js) and the script-tag file define the element; each event's type
 * refers to its class there. Nothing else is listed: internal modules are hashed chunks.
 */
function packagePaths() {
  return {
    name: 'clinic-locator-package-paths',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const index = manifest.modules.find((m) => m.path === 'src/index.ts');
      if (!index) throw new Error('custom-elements.json: src/index.ts was not analysed');
      /** The analysed module a reference names, seen from the module `from`. */
      const moduleAt = (reference, from) => {
        const path = reference.startsWith('.')
          ? posix.join(posix.dirname(from), reference)
          : reference.replace(/^\//, '');
        return manifest.modules.find((m) => m.path === path.replace(/\.js$/, '.ts'));
      };
      /** The declarations `name` (or `*`) of `reference` stands for, following re-exports. */
      const declarationsOf = (name, reference, from) => {
        const m = moduleAt(reference, from);
        if (!m) return [];
        if (name === '*') {
          // Its own declarations, and what it re-exports from elsewhere.
          const again = (m.exports ?? []).filter((e) => e.declaration.module !== m.path);
          return [
            ...(m.declarations ?? []),
            ...again.flatMap((e) =>
              declarationsOf(e.declaration.name, e.declaration.module, m.path),
            ),
          ];
        }
        const found = m.declarations?.find((d) => d.name === name);
        if (found) return [found];
        const again = m.exports?.find((e) => e.name === name);
        return again && again.declaration.module !== m.path
          ? declarationsOf(again.declaration.name, again.declaration.module, m.path)
          : [];
      };
      const declarations = [];
      for (const e of index.exports ?? []) {
        // Type-only exports (interfaces, type aliases) have no declaration in the manifest.
        for (const d of declarationsOf(e.declaration.name, e.declaration.module, index.path)) {
          if (!declarations.includes(d)) declarations.push(d);
        }
      }
      const exports = declarations.map((d) => ({
        kind: 'js',
        name: d.name,
        declaration: { name: d.name, module: PACKAGE_INDEX },
      }));
      const element = declarations.find((d) => d.customElement);
      if (!element) throw new Error('custom-elements.json: no custom element among the exports');
      const exported = new Set(exports.map((e) => e.name));
      for (const event of element.events ?? []) {
        const type = event.type?.text;
        if (!type || !exported.has(type)) {
          throw new Error(`custom-elements.json: event ${event.name} has no exported class type`);
        }
        event.type = { text: type, references: [{ name: type, module: PACKAGE_INDEX }] };
      }
      const definition = {
        kind: 'custom-element-definition',
        name: element.tagName,
        declaration: { name: element.name, module: PACKAGE_INDEX },
      };
      manifest.modules = [
        { kind: 'javascript-module', path: PACKAGE_INDEX, declarations, exports },
        {
          kind: 'javascript-module',
          path: PACKAGE_REGISTER,
          declarations: [],
          exports: [definition],
        },
        { kind: 'javascript-module', path: SCRIPT_TAG, declarations: [], exports: [definition] },
      ];
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [withoutLifecycle(), packagePaths()],
};
