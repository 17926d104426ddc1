// Fetches and decodes the data files that sit beside the script: the ZIP tables (zips.bin,
// zip3.bin) and the place names with the gazetteer (places.bin). Every search needs the same
// three files, whatever was typed (a ZIP's place name comes from places.bin too): which files
// are fetched, and in what order, never tells what the visitor typed (issue 15).
import { dataFileUrl } from './data-files.js';
import type { PlaceList } from '../domain/places.js';
import {
  checkPlaceTable,
  decodePlaceTable,
  decodeZip3Table,
  decodeZipTable,
  listPlaces,
  type PlaceTable,
  type ZipTables,
} from '../domain/zip-table.js';
import { nextTask } from './next-task.js';

// Module-level memos, the one kind of shared state the architecture allows: the tables are
// immutable data, identical for every widget on the page, so each file is fetched and decoded
// once and the same promise is handed to all. A failed load clears its memo so a later call
// retries.
let tablesMemo: Promise<ZipTables> | undefined;
let placeTableMemo: Promise<PlaceTable> | undefined;
let placesMemo: Promise<PlaceList> | undefined;

/** Calls `load` once and shares its promise through `get`/`set` until it rejects. */
function memoise<T>(
  get: () => Promise<T> | undefined,
  set: (value: Promise<T> | undefined) => void,
  load: () => Promise<T>,
): Promise<T> {
  const existing = get();
  if (existing) return existing;
  const loading = load();
  set(loading);
  loading.catch(() => {
    if (get() === loading) set(undefined);
  });
  return loading;
}

/**
 * The ZIP tables (zips.bin and zip3.bin), fetched in parallel and each decoded as soon as its
 * bytes arrive; later calls share the same promise. Rejects with an Error naming the file that
 * could not be loaded or decoded; after a rejection, the next call tries again.
 */
export function loadZipTables(): Promise<ZipTables> {
  return memoise(
    () => tablesMemo,
    (value) => (tablesMemo = value),
    async () => {
      const [zips, zip3] = await Promise.all([
        fetchBytes('zips').then(decodeZipTable),
        fetchBytes('zip3').then(decodeZip3Table),
      ]);
      return { zips, zip3 };
    },
  );
}

/** places.bin, decoded as soon as its bytes arrive (memoised, retried after a rejection). */
function loadPlaceTable(): Promise<PlaceTable> {
  return memoise(
    () => placeTableMemo,
    (value) => (placeTableMemo = value),
    () => fetchBytes('places').then(decodePlaceTable),
  );
}

/**
 * Everything any search needs, the same three files whatever is typed, requested at once in a
 * fixed order (zips.bin, zip3.bin, places.bin): the ZIP tables, and the place names that name
 * a found ZIP's town and answer place search. Call it at the first sign of a search (the box
 * focused or touched) so the files are there, decoded, by the time the visitor presses Enter.
 * Rejects with an Error naming the file that failed, or saying that the files come from
 * different builds; each file is retried on the next call.
 */
export async function loadSearchData(): Promise<{ tables: ZipTables; places: PlaceTable }> {
  const [tables, places] = await Promise.all([loadZipTables(), loadPlaceTable()]);
  checkPlaceTable(tables.zips, places);
  return { tables, places };
}

/**
 * Every place of the ZIP table: each distinct (name, state) with its mean point over its ZIPs
 * (degrees) and its number of ZIPs, in order of first use in ZIP order, then the gazetteer
 * towns. Reads the files of {@link loadSearchData}. Memoised, and retried after a rejection,
 * like the files it reads; rejects with an Error naming the file that failed, or saying that
 * the files come from different builds.
 */
export function loadPlaces(): Promise<PlaceList> {
  return memoise(
    () => placesMemo,
    (value) => (placesMemo = value),
    async () => {
      const { tables, places } = await loadSearchData();
      // Listing the places is its own task, apart from decoding the files.
      await nextTask();
      return listPlaces(tables.zips, places);
    },
  );
}

async function fetchBytes(name: string): Promise<Uint8Array> {
  const url = dataFileUrl(name);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the ZIP code table ${url}: ${String(error)}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new Error(
      `Could not load the ZIP code table ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
