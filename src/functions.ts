// The domain functions of `clinic-locator/element`, apart from the element: pure code with no DOM
// and no Lit, so that the package's server entries (dist/package/node/) can still export them
// where the element cannot be defined (scripts/build-package.ts).
export { rankClinics, type RankedClinic, type RankOptions } from './domain/rank.js';
export { lookupZip, normalizeZip, type ZipLookup, type ZipTables } from './domain/zip-table.js';
export { originFromZip, type Origin } from './domain/query.js';
export { fromKm, toKm, type Units } from './domain/units.js';
