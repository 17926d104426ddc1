// Fetches and decodes the ZIP tables (zips.bin, zip3.bin) and the place names that sit beside
// the script: places-0.bin … places-9.bin, one of which a ZIP search needs for its place, and
// places.bin, all of them in one file (~105 KB brotli), for place search.
import { dataFileUrl } from './data-files.js';
import type { PlaceList } from '../domain/places.js';
import {
  decodePlaceShard,
  decodePlaceTable,
  decodeZip3Table,
  decodeZipTable,
  listPlaces,
  type PlaceShard,
  type ZipTables,
} from '../domain/zip-table.js';
import { nextTask } from './next-task.js';

// Module-level memos, the one kind of shared state the architecture allows: the tables are
// immutable data, identical for every widget on the page, so each file is fetched and decoded
// once and the same promise is handed to all. A failed load clears its memo so a later call
// retries.
let tablesMemo: Promise<ZipTables> | undefined;
const shardMemos = new Map<number, Promise<PlaceShard>>();
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
 * The ZIP tables (zips.bin and zip3.bin), fetched in parallel and decoded on first call; later
 * calls share the same promise. Place names are separate: {@link loadPlaceShard}. Rejects with
 * an Error naming the file that could not be loaded or decoded; after a rejection, the next
 * call tries again.
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
 * The place names of the ZIPs starting with `digit` (places-D.bin, ~11 KB brotli), fetched and
 * decoded on first call for that digit; pass it to `lookupZip` for a found ZIP's place and
 * state. Later calls for the same digit share the promise. Rejects with an Error naming the
 * file; after a rejection, the next call tries again.
 * @param digit the first digit of the ZIP, 0..9 (`placeShardDigit(zip)`).
 */
export function loadPlaceShard(digit: number): Promise<PlaceShard> {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) {
    return Promise.reject(new RangeError(`no place shard for digit ${digit}: expected 0..9`));
  }
  return memoise(
    () => shardMemos.get(digit),
    (value) => (value ? shardMemos.set(digit, value) : shardMemos.delete(digit)),
    async () => {
      const shard = decodePlaceShard(await fetchBytes(`places-${digit}`));
      if (shard.digit !== digit) {
        throw new Error(`places-${digit}.bin holds the place names of digit ${shard.digit}`);
      }
      return shard;
    },
  );
}

/**
 * Every place of the ZIP table: each distinct (name, state) with its mean point over its ZIPs
 * (degrees) and its number of ZIPs, in order of first use in ZIP order. Fetches places.bin
 * (~105 KB brotli), never the shards, and the ZIP tables for the points unless a ZIP search
 * already has: call it when the visitor types letters, not for a ZIP search. Memoised, and
 * retried after a rejection, like the files it reads; rejects with an Error naming the file
 * that failed, or saying that the files come from different builds.
 */
export function loadPlaces(): Promise<PlaceList> {
  return memoise(
    () => placesMemo,
    (value) => (placesMemo = value),
    async () => {
      const [tables, places] = await Promise.all([
        loadZipTables(),
        fetchBytes('places').then(decodePlaceTable),
      ]);
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
