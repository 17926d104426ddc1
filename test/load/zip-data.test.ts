import { expect } from '@open-wc/testing';
import distance from '@turf/distance';
import type { Place } from '../../src/domain/places.js';
import {
  decodePlaceShard,
  lookupZip,
  mergePlaceShards,
  type PlaceShard,
} from '../../src/domain/zip-table.js';
import { loadPlaces, loadSearchData, loadZipTables } from '../../src/load/zip-data.js';

/**
 * A place shard of data/generated, decoded: the widget no longer fetches them, but the build
 * still writes them, and they must agree with places.bin.
 */
async function loadPlaceShard(digit: number): Promise<PlaceShard> {
  const response = await fetch(`/data/generated/places-${digit}.bin`);
  return decodePlaceShard(new Uint8Array(await response.arrayBuffer()));
}

/** Names of the data files fetched so far, e.g. `places-4.bin`. */
function fetchedFiles(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes('/data/generated/'))
    .map((url) => new URL(url).pathname.split('/').pop()!);
}

/** Great-circle km, by @turf/distance (the reference rank.ts is tested against). */
const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number =>
  distance([lon1, lat1], [lon2, lat2]);

describe('loadZipTables()', () => {
  // Runs first: nothing is memoised yet, so the failing fetch is the one this call makes.
  it('rejects with a clear error when a file cannot be fetched, and retries on the next call', async () => {
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith('/zip3.bin')
        ? Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' }))
        : realFetch(input, init);
    let error: unknown;
    try {
      await loadZipTables();
    } catch (e) {
      error = e;
    } finally {
      window.fetch = realFetch;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.equal(
      `Could not load the ZIP code table ${new URL('/data/generated/zip3.bin', location.href).href}: HTTP 404 Not Found`,
    );
    const tables = await loadZipTables();
    expect(lookupZip(tables, '49503')).to.include({ kind: 'found', zip: '49503' });
  });

  it('hands every caller the same promise', () => {
    const first = loadZipTables();
    expect(loadZipTables()).to.equal(first);
  });
});

describe('loadPlaces()', () => {
  // The first call to loadPlaces() in this file.
  it('rejects with a clear error when places.bin cannot be fetched, and retries', async () => {
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith('/places.bin')
        ? Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' }))
        : realFetch(input, init);
    let error: unknown;
    try {
      await loadPlaces();
    } catch (e) {
      error = e;
    } finally {
      window.fetch = realFetch;
    }
    expect((error as Error).message).to.equal(
      `Could not load the ZIP code table ${new URL('/data/generated/places.bin', location.href).href}: HTTP 404 Not Found`,
    );
  });

  // The stubbed response above made no resource entry: these are the retry's fetches.
  it('fetches places.bin, and no place shard', async () => {
    const before = fetchedFiles();
    expect(before).not.to.include('places.bin');
    await loadPlaces();
    const added = fetchedFiles().slice(before.length);
    expect(added).to.include('places.bin');
    expect(added.filter((f) => /^places-\d\.bin$/.test(f))).to.deep.equal([]);
    expect(fetchedFiles().filter((f) => f === 'places.bin')).to.have.length(1);
  });

  it("gives every place once, Grand Rapids, MI at the mean of its ZIPs, near 49503's point", async () => {
    const places = await loadPlaces();
    // 29,542 postal places, then 4,365 gazetteer towns that name no ZIP.
    expect(places.filter((p) => p.zipCount > 0)).to.have.length(29_542);
    expect(places.length).to.equal(33_907);
    const keys = new Set(places.map((p) => `${p.name}, ${p.state}`));
    expect(keys.size).to.equal(33_907);
    expect(places.stateCenters.size).to.equal(51);
    const tables = await loadZipTables();
    const zip = lookupZip(tables, '49503');
    const grandRapids = places.find((p) => p.name === 'Grand Rapids' && p.state === 'MI')!;
    expect(grandRapids.zipCount).to.be.at.least(20);
    if (zip.kind !== 'found') throw new Error('49503 not found');
    expect(haversineKm(grandRapids.lat, grandRapids.lon, zip.lat, zip.lon)).to.be.below(10);
    expect(places.reduce((n, p) => n + p.zipCount, 0)).to.equal(40_979);
  });

  it('gives the places the ten shards merge into', async () => {
    const places = await loadPlaces();
    const tables = await loadZipTables();
    const shards = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => loadPlaceShard(d)));
    const merged = mergePlaceShards(tables.zips, shards);
    const pick = (list: readonly Omit<Place, 'population'>[], name: string, state: string) =>
      list
        .filter((p) => p.name === name && p.state === state)
        .map(({ name, state, lat, lon, zipCount }) => ({ name, state, lat, lon, zipCount }));
    for (const [name, state] of [
      ['Grand Rapids', 'MI'],
      ['New York', 'NY'],
      ['Springfield', 'IL'],
      ['Springfield', 'MA'],
      ['Honolulu', 'HI'],
      ['Anchorage', 'AK'],
      ['El Paso', 'TX'],
    ] as const) {
      const found = pick(places, name, state);
      expect(found, `${name}, ${state}`).to.have.length(1);
      expect(found).to.deep.equal(pick(merged, name, state));
    }
    // The shards hold the postal places only, not the gazetteer towns (which have no ZIPs).
    expect(places.filter((p) => p.zipCount > 0).length).to.equal(merged.length);
  });

  it('merges a place whose ZIPs start with two digits: El Paso, TX (798xx, 885xx)', async () => {
    const places = await loadPlaces();
    const elPaso = places.filter((p) => p.name === 'El Paso' && p.state === 'TX');
    expect(elPaso).to.have.length(1);
    const tables = await loadZipTables();
    const [shard7, shard8] = await Promise.all([loadPlaceShard(7), loadPlaceShard(8)]);
    const counted = [shard7, shard8].map(
      // El Paso, AR (72045) is in shard 7 too: match the state as well.
      (s) =>
        [...s.zipPlace].filter(
          (p) => s.names[p] === 'El Paso' && s.states[s.stateIndex[p]!] === 'TX',
        ).length,
    );
    expect(counted[0]).to.be.above(0);
    expect(counted[1]).to.be.above(0);
    expect(elPaso[0]!.zipCount).to.equal(counted[0]! + counted[1]!);
    expect(lookupZip(tables, '88510', shard8)).to.include({ place: 'El Paso', state: 'TX' });
    expect(lookupZip(tables, '79901', shard7)).to.include({ place: 'El Paso', state: 'TX' });
  });

  it('hands every caller the same promise', () => {
    expect(loadPlaces()).to.equal(loadPlaces());
  });
});

describe('loadSearchData()', () => {
  // Which files a search fetches (and never a shard) is checked on the built widget, in
  // test/e2e/fetch-set.test.ts: this file fetches the shards itself (loadPlaceShard above).
  it("reads zips.bin, zip3.bin and places.bin, and names a ZIP's place", async () => {
    const { tables, places } = await loadSearchData();
    for (const [zip, place, state] of [
      ['49503', 'Grand Rapids', 'MI'],
      ['90210', 'Beverly Hills', 'CA'],
      ['10001', 'New York', 'NY'],
      ['88510', 'El Paso', 'TX'],
      ['79901', 'El Paso', 'TX'],
    ] as const) {
      expect(lookupZip(tables, zip, places), zip).to.include({ kind: 'found', place, state });
    }
    expect(fetchedFiles()).to.include.members(['places.bin', 'zip3.bin', 'zips.bin']);
  });
});
