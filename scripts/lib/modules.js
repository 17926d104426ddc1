// Module sources shared by the Vite build (vite.config.ts) and the test runner
// (web-test-runner.config.js), so both serve the same code for the same import.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GENERATED = `${ROOT}data/generated/`;

/** The virtual module that names the lazy data files (declared in src/load/virtual.d.ts). */
export const ASSETS_MODULE = 'virtual:clinic-locator-assets';
/** The virtual module that holds the compiled bundled clinics. */
export const CLINICS_MODULE = 'virtual:clinic-locator-clinics';

/** The virtual module that holds the service vocabulary, data/services.json. */
export const SERVICES_MODULE = 'virtual:clinic-locator-services';

/**
 * Source of the services module: each service's id and labels, as a JavaScript module. The
 * synonyms are left out: the main chunk imports this module for the filter labels, and the
 * synonyms load with the search instead (SERVICE_WORDS_MODULE).
 */
export function servicesModuleSource() {
  /** @type {{ id: string, label: string, label_es?: string }[]} */
  const services = JSON.parse(readFileSync(`${ROOT}data/services.json`, 'utf8'));
  const labels = services.map(({ id, label, label_es }) =>
    label_es === undefined ? { id, label } : { id, label, label_es },
  );
  return `export default ${JSON.stringify(labels)};\n`;
}

/**
 * The virtual module that holds the services' synonyms (`{ id, synonyms, synonyms_es }` of
 * data/services.json), apart from the labels so that only the search chunk downloads them.
 */
export const SERVICE_WORDS_MODULE = 'virtual:clinic-locator-service-words';

/** Source of the service-words module: each service's id and synonyms, nothing else. */
export function serviceWordsModuleSource() {
  /** @type {{ id: string, synonyms?: string[], synonyms_es?: string[] }[]} */
  const services = JSON.parse(readFileSync(`${ROOT}data/services.json`, 'utf8'));
  const words = services.map(({ id, synonyms = [], synonyms_es = [] }) => ({
    id,
    synonyms,
    synonyms_es,
  }));
  return `export default ${JSON.stringify(words)};\n`;
}

/** The virtual module that holds the insurance plans, data/insurance.json. */
export const INSURANCE_MODULE = 'virtual:clinic-locator-insurance';

/** Every virtual module the build resolves (the assets module's source is the build's own). */
export const VIRTUAL_MODULES = [
  ASSETS_MODULE,
  CLINICS_MODULE,
  SERVICES_MODULE,
  SERVICE_WORDS_MODULE,
  INSURANCE_MODULE,
];

/** Source of the insurance module: the plans as a JavaScript module. */
export function insuranceModuleSource() {
  return `export default ${readFileSync(`${ROOT}data/insurance.json`, 'utf8')};\n`;
}

/**
 * The data files the widget fetches at run time, by logical name, and their source paths: the
 * same three for every search (src/load/zip-data.ts). The place-name shards places-D.bin that
 * scripts/build-zips.ts still writes are not shipped: which one a ZIP search fetched told its
 * first digit (issue 15).
 * @type {Record<string, string>}
 */
export const DATA_FILES = {
  zips: `${GENERATED}zips.bin`,
  zip3: `${GENERATED}zip3.bin`,
  places: `${GENERATED}places.bin`,
};

/**
 * Source of the assets module. `files` maps a logical name to the path the file is served at,
 * resolved against the URL of the chunk that imports it (flat in dist/ for the build, an
 * absolute path under the test server's root for tests).
 * @param {Record<string, string>} files
 */
export function assetsModuleSource(files) {
  return `const files = ${JSON.stringify(files)};\nexport function assetUrl(name) {\n  return new URL(files[name], import.meta.url).href;\n}\n`;
}

/** Source of the bundled-clinics module, from the compiled file the build writes. */
export function clinicsModuleSource() {
  const file = `${GENERATED}clinics.json`;
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run \`npm run build\` (or \`npm run data:clinics\`) first`,
    );
  }
  return `export default ${readFileSync(file, 'utf8')};\n`;
}

/**
 * Leaflet's stylesheet as a JavaScript module exporting the CSS text, for adoption inside the
 * shadow root. Its three url(images/…) rules are dropped: markers are inline SVG and the
 * layers control is unused, and a bundler would otherwise inline the PNGs as base64.
 * @param {string} css
 */
export function cssModuleSource(css) {
  const stripped = css.replace(/^[^\n{}]*url\((?:images\/|#default#VML)[^)]*\);?[^\n]*\n/gm, '');
  return `export default ${JSON.stringify(stripped)};\n`;
}

/** The resolved id both builds give `leaflet/dist/leaflet.css?inline`. */
export const LEAFLET_CSS_ID = '\0leaflet-css.js';

/**
 * The source of a module the Vite builds (script tag and npm package) serve the same way, by its
 * resolved id: the bundled clinics, the services vocabulary and their synonyms, the insurance
 * plans and Leaflet's stripped CSS; undefined for any other id.
 * @param {string} id
 */
export function sharedModuleSource(id) {
  if (id === `\0${CLINICS_MODULE}`) return clinicsModuleSource();
  if (id === `\0${SERVICES_MODULE}`) return servicesModuleSource();
  if (id === `\0${SERVICE_WORDS_MODULE}`) return serviceWordsModuleSource();
  if (id === `\0${INSURANCE_MODULE}`) return insuranceModuleSource();
  if (id === LEAFLET_CSS_ID) {
    return cssModuleSource(readFileSync(`${ROOT}node_modules/leaflet/dist/leaflet.css`, 'utf8'));
  }
  return undefined;
}

/** The exact specifier `leaflet` resolves to its ES module build, never the UMD main. */
export const LEAFLET_ESM = 'leaflet/dist/leaflet-src.esm.js';
