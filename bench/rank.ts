// Ranking the nearest 10 of N clinics, in Node (the same V8 as Chromium; no DOM is involved):
// ours (rankClinics, and clinicsWithin as the element calls it) vs "turf distance to all, then
// sort" vs geokdbush over a prebuilt kdbush index (its build timed separately).
import distance from '@turf/distance';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { Clinic } from '../src/domain/clinic.js';
import { clinicsWithin, preloadRankIndex, rankClinics } from '../src/domain/rank.js';
import { origins, sampleClinics, syntheticClinics, zipTables } from './lib/data.ts';
import { ms, ratio, table, time, timeEach, type Timing } from './lib/measure.ts';

/** The element's default radius: 25 miles. */
const RADIUS_KM = 25 * 1.609344;

export interface RankRow {
  n: number;
  ours: Timing;
  oursWithin: Timing;
  /** Each call on an array never ranked before: the linear pass, no index (the element's case). */
  oursFresh: Timing;
  oursWithinFresh: Timing;
  turf: Timing;
  geokdbush: Timing;
  geokdbushBuild: Timing;
  mismatches: number;
}

function turfThenSort(clinics: readonly Clinic[], o: { lat: number; lon: number }, k: number) {
  const from = [o.lon, o.lat];
  return clinics
    .map((clinic) => ({ clinic, d: distance(from, [clinic.lon, clinic.lat]) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);
}

function buildIndex(clinics: readonly Clinic[]): KDBush {
  const index = new KDBush(clinics.length);
  for (const c of clinics) index.add(c.lon, c.lat);
  index.finish();
  return index;
}

export async function runRank(sizes = [1_200, 10_000, 50_000, 200_000]): Promise<RankRow[]> {
  await preloadRankIndex();
  const tables = zipTables();
  const points = origins(tables, 200);
  const rows: RankRow[] = [];
  for (const n of sizes) {
    const clinics = n === 1_200 ? sampleClinics() : syntheticClinics(tables, n);
    const big = n >= 50_000;
    const opts = { runs: big ? 15 : 25, runMs: big ? 60 : 20 };
    const at = (i: number) => points[i % points.length] as { lat: number; lon: number };
    // Same answers: ours (linear on a fresh array, then indexed from the second call on) must
    // list exactly the clinics turf+sort lists, at the same distances.
    let mismatches = 0;
    const fresh = clinics.slice();
    for (let i = 0; i < 50; i++) {
      const b = turfThenSort(clinics, at(i), 10);
      const key = (list: { clinic: Clinic; d?: number; distanceKm?: number }[]) =>
        list.map((r) => `${r.clinic.id}@${r.d ?? r.distanceKm}`).join();
      const a = rankClinics(fresh, at(i), { limit: 10 });
      if (key(a) !== key(b)) mismatches++;
    }
    const index = buildIndex(clinics);
    rows.push({
      n,
      ours: time((i) => rankClinics(clinics, at(i), { limit: 10 }), opts),
      oursWithin: time((i) => clinicsWithin(clinics, at(i), RADIUS_KM, 10), opts),
      oursFresh: timeEach(
        () => clinics.slice(),
        (copy, i) => rankClinics(copy, at(i), { limit: 10 }),
        big ? 15 : 25,
      ),
      oursWithinFresh: timeEach(
        () => clinics.slice(),
        (copy, i) => clinicsWithin(copy, at(i), RADIUS_KM, 10),
        big ? 15 : 25,
      ),
      turf: time((i) => turfThenSort(clinics, at(i), 10), opts),
      geokdbush: time((i) => around(index, at(i).lon, at(i).lat, 10), opts),
      geokdbushBuild: time(() => buildIndex(clinics), { runs: big ? 9 : 15, runMs: 1 }),
      mismatches,
    });
  }
  return rows;
}

export function rankTable(rows: readonly RankRow[]): string {
  return table(
    [
      'N clinics',
      'ours: rankClinics (10), new array',
      'ours: clinicsWithin 25 mi, new array',
      'ours: rankClinics (10), same array again',
      'ours: clinicsWithin 25 mi, same array again',
      'turf to all + sort',
      'geokdbush around (10)',
      'geokdbush index build',
      'ours (new array) vs turf+sort',
      'ours (new array) vs geokdbush build + query',
      'ours (same array) vs geokdbush query',
      'same 10 as turf+sort',
    ],
    rows.map((r) => [
      r.n.toLocaleString('en-US'),
      ms(r.oursFresh.median),
      ms(r.oursWithinFresh.median),
      ms(r.ours.median),
      ms(r.oursWithin.median),
      ms(r.turf.median),
      ms(r.geokdbush.median),
      ms(r.geokdbushBuild.median),
      ratio(r.oursFresh.median, r.turf.median),
      ratio(r.oursFresh.median, r.geokdbush.median + r.geokdbushBuild.median),
      ratio(r.ours.median, r.geokdbush.median),
      r.mismatches === 0 ? '50/50 origins' : `${50 - r.mismatches}/50 origins`,
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(rankTable(await runRank()));
}
