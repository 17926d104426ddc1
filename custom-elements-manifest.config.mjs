// `npm run analyze`: custom-elements.json from the element's JSDoc (@summary, @fires, @csspart,
// @cssproperty, @slot, @tagname), read with the analyzer's Lit plugin.

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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [withoutLifecycle()],
};
