// Modules provided by the build (vite.config.ts) and by the test runner
// (web-test-runner.config.js), both from scripts/lib/modules.js.

declare module 'virtual:clinic-locator-assets' {
  /** The absolute URL of a lazily fetched data file, by logical name (`zips`, `zip3`, `places`). */
  export function assetUrl(name: string): string;
}

declare module 'virtual:clinic-locator-clinics' {
  import type { CompiledClinics } from '../domain/clinic-codec.js';
  const clinics: CompiledClinics;
  export default clinics;
}

declare module '*.css?inline' {
  const css: string;
  export default css;
}

declare module 'virtual:clinic-locator-services' {
  /** The service vocabulary from data/services.json. */
  const services: readonly { id: string; label: string; label_es?: string }[];
  export default services;
}

declare module 'virtual:clinic-locator-service-words' {
  /**
   * Each service's id and the phrases visitors type for it, from data/services.json (labels left
   * out): imported only by src/domain/service-words.ts, in the search chunk.
   */
  const words: readonly {
    id: string;
    synonyms: readonly string[];
    synonyms_es: readonly string[];
  }[];
  export default words;
}

declare module 'virtual:clinic-locator-insurance' {
  /**
   * The insurance plans from data/insurance.json, in display order: `id` is what clinic files
   * list in `insurance`, `label` the English name, `label_es` the Spanish one.
   */
  const insurance: readonly { id: string; label: string; label_es: string }[];
  export default insurance;
}
