// ZIP lookup, in Node (the same V8 as Chromium; no DOM is involved): ours (lookupZip on the
// decoded tables, with places.bin for its town) vs the `zipcodes` npm package's
// lookup() vs a plain JSON object keyed by ZIP; and the bytes each ships to the browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { decodePlaceTable, lookupZip, placeAt } from '../src/domain/zip-table.js';
import { readBytes, random, zipTables, GENERATED } from './lib/data.ts';
import { kb, ms, ratio, table, time, type Timing } from './lib/measure.ts';

interface Shipped {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizes(bytes: Uint8Array | string): Shipped {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(...all: Shipped[]): Shipped {
  return all.reduce((a, b) => ({
    raw: a.raw + b.raw,
    gzip: a.gzip + b.gzip,
    brotli: a.brotli + b.brotli,
  }));
}

export interface ZipResult {
  ours: Timing;
  zipcodes: Timing;
  json: Timing;
  oursLoad: number;
  zipcodesLoad: number;
  jsonLoad: number;
  oursBytes: Shipped;
  oursPlaces: Shipped;
  zipcodesBytes: Shipped;
  jsonBytes: Shipped;
  inputs: number;
}

interface JsonZip {
  lat: number;
  lon: number;
  city: string;
  state: string;
}

export async function runZip(): Promise<ZipResult> {
  // Decoding what a ZIP search downloads (any search: the fetch set is fixed): zips.bin,
  // zip3.bin and places.bin.
  let start = performance.now();
  const tables = zipTables();
  const places = decodePlaceTable(readBytes('places.bin'));
  const oursLoad = performance.now() - start; // one decode of everything
  const { zips } = tables.zips;

  // The peers' data, the same ZIPs: a JSON object built from our tables (with town and state).
  const object: Record<string, JsonZip> = {};
  for (let i = 0; i < zips.length; i++) {
    const zip = String(zips[i]).padStart(5, '0');
    const place = placeAt(places, places.zipPlace[i] as number);
    object[zip] = {
      lat: (tables.zips.lat[i] as number) / 1000,
      lon: (tables.zips.lon[i] as number) / 1000,
      city: place.name,
      state: place.state,
    };
  }
  const jsonText = JSON.stringify(object);
  start = performance.now();
  const parsed = JSON.parse(jsonText) as Record<string, JsonZip>;
  const jsonLoad = performance.now() - start;

  const require = createRequire(import.meta.url);
  start = performance.now();
  const zipcodes = require('zipcodes') as { lookup(zip: string): unknown };
  const zipcodesLoad = performance.now() - start;

  // 1,000 inputs as visitors type them: mostly real ZIPs, some unknown, some ZIP+4.
  const next = random(7);
  const inputs = Array.from({ length: 1000 }, (_, i) => {
    const zip = String(zips[Math.floor(next() * zips.length)]).padStart(5, '0');
    return i % 10 === 0 ? String(Math.floor(next() * 100000)).padStart(5, '0') : zip;
  });
  const at = (i: number) => inputs[i % inputs.length] as string;

  const ours = time((i) => {
    const input = at(i);
    return lookupZip(tables, input, places);
  });
  const zipcodesTiming = time((i) => zipcodes.lookup(at(i)));
  const json = time((i) => parsed[at(i)]);

  // Bytes to the browser. Ours: zips.bin + zip3.bin + places.bin (every search's three files).
  const placesBytes = sizes(readFileSync(`${GENERATED}places.bin`));
  const oursBytes = sum(
    sizes(readFileSync(`${GENERATED}zips.bin`)),
    sizes(readFileSync(`${GENERATED}zip3.bin`)),
    placesBytes,
  );
  // zipcodes bundled for the browser as any bundler would (minified, its whole data file).
  const bundled = await build({
    stdin: { contents: "export { lookup } from 'zipcodes';", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const zipcodesBytes = sizes(bundled.outputFiles[0]?.contents ?? new Uint8Array());
  return {
    ours,
    zipcodes: zipcodesTiming,
    json,
    oursLoad,
    zipcodesLoad,
    jsonLoad,
    oursBytes,
    oursPlaces: placesBytes,
    zipcodesBytes,
    jsonBytes: sizes(jsonText),
    inputs: inputs.length,
  };
}

export function zipTable(r: ZipResult): string {
  const bytes = (s: Shipped) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
  return table(
    [
      'ZIP lookup',
      'median per lookup',
      'ours vs it',
      'load (decode / require / JSON.parse), once',
      'bytes shipped raw / gzip / brotli',
    ],
    [
      [
        'ours: `lookupZip` (zips.bin + zip3.bin + places.bin)',
        ms(r.ours.median),
        '–',
        ms(r.oursLoad),
        bytes(r.oursBytes),
      ],
      [
        '`zipcodes@8` `lookup()` (bundled with esbuild, minified)',
        ms(r.zipcodes.median),
        ratio(r.ours.median, r.zipcodes.median),
        ms(r.zipcodesLoad),
        bytes(r.zipcodesBytes),
      ],
      [
        'plain JSON object keyed by ZIP (same ZIPs, lat/lon/town/state)',
        ms(r.json.median),
        ratio(r.ours.median, r.json.median),
        ms(r.jsonLoad),
        bytes(r.jsonBytes),
      ],
    ],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(zipTable(await runZip()));
}
