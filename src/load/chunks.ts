// The element's lazily loaded chunks, each fetched on first need and evaluated once by the
// module system (so every widget on a page shares them).

// The ZIP and place-name loader is a chunk of its own, shared by the search and the clinic-data
// chunks: fetched beside them, not after them.
const besideZipData = <T>(chunk: Promise<T>): Promise<T> =>
  Promise.all([chunk, import('./zip-data.js')]).then(([module]) => module);

/** Search by words (fuse.js, the place index), loaded on the first search or keystroke. */
export const loadSearch = () => besideZipData(import('./resolve.js'));

/**
 * The first sign of a search (the box focused or touched): the search code and the data files
 * every search needs, requested now and the same whatever is typed, so that they are there by
 * Enter. Failures are left to the search itself, which retries and reports them.
 */
export function prepareSearch(): void {
  void import('./zip-data.js').then((data) => data.loadSearchData()).catch(() => undefined);
  void loadSearch().catch(() => undefined);
}

/**
 * Clinic data given at run time (`src`, `clinics`) is fetched and checked by its own chunk, with
 * the CSV parser and the schema library: pages with the bundled clinics never download it.
 */
export const loadClinicSourceModule = () => besideZipData(import('./clinic-source.js'));

/** Opening hours are shown with results only, which need the clinics: loaded with them. */
export const loadHours = () => import('../domain/hours.js');
