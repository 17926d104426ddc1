// Fetches and decodes the ZIP tables (zips.bin, zip3.bin, places.bin) that sit beside the script.
import { assetUrl } from 'virtual:clinic-locator-assets';
import {
  decodePlaceTable,
  decodeZip3Table,
  decodeZipTable,
  zipCount,
  type ZipTables,
} from '../domain/zip-table.js';

// Module-level memo, the one kind of shared state the architecture allows: the tables are
// immutable data, identical for every widget on the page, so they are fetched and decoded once
// and the same promise is handed to all. A failed load clears it so a later call retries.
let memo: Promise<ZipTables> | undefined;

/**
 * The ZIP tables, fetched in parallel and decoded on first call; later calls share the same
 * promise. Rejects with an Error naming the file that could not be loaded or decoded; after a
 * rejection, the next call tries again.
 */
export function loadZipTables(): Promise<ZipTables> {
  if (!memo) {
    const loading = fetchAndDecode();
    memo = loading;
    loading.catch(() => {
      if (memo === loading) memo = undefined;
    });
  }
  return memo;
}

async function fetchAndDecode(): Promise<ZipTables> {
  const [zips, zip3, places] = await Promise.all([
    fetchBytes('zips').then(decodeZipTable),
    fetchBytes('zip3').then(decodeZip3Table),
    fetchBytes('places').then(decodePlaceTable),
  ]);
  if (places.zipPlace.length !== zipCount(zips)) {
    throw new Error(
      `ZIP tables do not match: places.bin has ${places.zipPlace.length} ZIPs, zips.bin ${zipCount(zips)} (files from different builds?)`,
    );
  }
  return { zips, zip3, places };
}

async function fetchBytes(name: string): Promise<Uint8Array> {
  const url = assetUrl(name);
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
