// Fetches and decodes the data files that sit beside the script: the ZIP tables (zips.bin,
// zip3.bin) and the place names with the gazetteer (places.bin). Every search needs the same
// three files, whatever was typed (a ZIP's place name comes from places.bin too): which files
// are fetched, and in what order, never tells what the visitor typed (issue 15). places.bin is
// read as it streams in: its first three quarters, the postal names, are all a ZIP search needs
// (its town), and they are decoded as soon as they are there, without waiting for the gazetteer.
import { dataFileUrl } from './data-files.js';
import type { PlaceList } from '../domain/places.js';
import {
  checkPlaceTable,
  decodePlaceNames,
  decodePlaceTable,
  decodeZip3Table,
  decodeZipTable,
  listPlaces,
  placeNamesEnd,
  type PlaceNames,
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
let placeNamesMemo: Promise<PlaceNames> | undefined;
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

/**
 * places.bin, decoded in two steps as it arrives: its postal part (placeNamesMemo) as soon as
 * those bytes are in, then the rest (memoised, retried after a rejection).
 */
function loadPlaceTable(): Promise<PlaceTable> {
  return memoise(
    () => placeTableMemo,
    (value) => (placeTableMemo = value),
    () => {
      let known: { names: PlaceNames; end: number } | undefined;
      let named!: (names: PlaceNames) => void;
      let failed!: (error: unknown) => void;
      const names = new Promise<PlaceNames>((resolve, reject) => {
        named = resolve;
        failed = reject;
      });
      placeNamesMemo = names;
      names.catch(() => {
        if (placeNamesMemo === names) placeNamesMemo = undefined;
      });
      const table = fetchBytes('places', (head) => {
        const end = placeNamesEnd(head);
        if (end === undefined) return false;
        known = { names: decodePlaceNames(head.subarray(0, end)), end };
        named(known.names);
        return true;
      }).then((bytes) => decodePlaceTable(bytes, known));
      // Without a readable stream the whole file comes at once: the names come with it.
      table.then(named, failed);
      return table;
    },
  );
}

/** The postal part of places.bin: every place, and each ZIP's (it starts places.bin's fetch). */
function loadPlaceNames(): Promise<PlaceNames> {
  const table = loadPlaceTable();
  return placeNamesMemo ?? table;
}

/**
 * What a ZIP search needs: the ZIP tables and the postal part of places.bin (for the town's
 * name), without waiting for the gazetteer. It starts the same fetches as
 * {@link loadSearchData}, in the same order.
 * Rejects with an Error naming the file that failed, or saying that the files come from
 * different builds; each file is retried on the next call.
 */
export async function loadZipSearchData(): Promise<{ tables: ZipTables; names: PlaceNames }> {
  const [tables, names] = await Promise.all([loadZipTables(), loadPlaceNames()]);
  checkPlaceTable(tables.zips, names);
  return { tables, names };
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

/**
 * The bytes of a data file. `onHead`, when given, sees the bytes received so far as they stream
 * in, until it returns true (it has read what it needed); the last call sees the whole file.
 */
async function fetchBytes(
  name: string,
  onHead?: (head: Uint8Array) => boolean,
): Promise<Uint8Array> {
  const url = dataFileUrl(name);
  const cannot = (why: string, cause?: unknown) =>
    new Error(`Could not load the ZIP code table ${url}: ${why}`.trim(), { cause });
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw cannot(String(error), error);
  }
  if (!response.ok) throw cannot(`HTTP ${response.status} ${response.statusText}`);
  const body = onHead ? response.body : null;
  if (!body || !onHead) return new Uint8Array(await response.arrayBuffer());
  let bytes = new Uint8Array(1 << 16);
  let length = 0;
  let done = false;
  const reader = body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw cannot(String(error), error);
    }
    if (chunk.done) break;
    if (length + chunk.value.length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, length + chunk.value.length));
      grown.set(bytes.subarray(0, length));
      bytes = grown;
    }
    bytes.set(chunk.value, length);
    length += chunk.value.length;
    try {
      if (!done) done = onHead(bytes.subarray(0, length));
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
  }
  return bytes.subarray(0, length);
}
