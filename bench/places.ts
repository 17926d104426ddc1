// Place search per keystroke over all GeoNames places, in Node (the same V8 as Chromium; no DOM
// is involved): ours (suggestPlaces as the visitor types, interpretQuery on Enter) vs plain
// fuse.js over the whole list (one index of every place name, searched on every keystroke).
import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { createClinicIndex } from '../src/domain/clinic-search.js';
import { createPlaceIndex, suggestPlaces, type Place } from '../src/domain/places.js';
import { interpretQuery } from '../src/domain/query.js';
import { allPlaces, sampleClinics, zipTables } from './lib/data.ts';
import { ms, ratio, table, time, type Timing } from './lib/measure.ts';

/** What visitors type, keystroke by keystroke: plain names, a state, and typos. */
export const TYPED = ['Grand Rapids', 'springfield, il', 'San Jsoe', 'Los Angelos', 'mt vernon'];

export interface PlacesResult {
  places: number;
  keystrokes: number;
  oursKey: Timing;
  fuseKey: Timing;
  /** The worst keystroke's median, ours and fuse.js. */
  oursWorst: { text: string; median: number };
  fuseWorst: { text: string; median: number };
  oursEnter: Timing;
  fuseEnter: Timing;
  oursBuild: number;
  fuseBuild: number;
}

export function runPlaces(): PlacesResult {
  const tables = zipTables();
  const places = allPlaces(tables);
  let start = performance.now();
  const index = createPlaceIndex(places);
  const clinics = createClinicIndex(sampleClinics());
  const oursBuild = performance.now() - start;
  start = performance.now();
  const fuse = new Fuse<Place>(places, { keys: ['name'], threshold: 0.35, ignoreLocation: true });
  const fuseBuild = performance.now() - start;

  const keystrokes = TYPED.flatMap((text) =>
    Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)),
  );
  // Every typo-tolerant index of ours is built on first need: warm them all first, as the
  // first keystrokes of a visit would.
  for (const k of keystrokes) suggestPlaces(index, k, 5);
  const at = (i: number) => keystrokes[i % keystrokes.length] as string;
  const oursKey = time((i) => suggestPlaces(index, at(i), 5), { runs: 25, runMs: 40 });
  const fuseKey = time((i) => fuse.search(at(i), { limit: 5 }), { runs: 15, runMs: 100 });

  // The slowest keystroke of each (a typo that falls through to fuzzy matching, say).
  const worst = (op: (text: string) => unknown) => {
    let found = { text: '', median: 0 };
    for (const text of keystrokes) {
      const t = time(() => op(text), { runs: 5, runMs: 5, warmupMs: 5 });
      if (t.median > found.median) found = { text, median: t.median };
    }
    return found;
  };
  const oursWorst = worst((text) => suggestPlaces(index, text, 5));
  const fuseWorst = worst((text) => fuse.search(text, { limit: 5 }));

  const enter = (i: number) => TYPED[i % TYPED.length] as string;
  const oursEnter = time((i) => interpretQuery(enter(i), { places: index, clinics }), {
    runs: 25,
    runMs: 40,
  });
  const fuseEnter = time((i) => fuse.search(enter(i), { limit: 1 }), { runs: 15, runMs: 100 });
  return {
    places: places.length,
    keystrokes: keystrokes.length,
    oursKey,
    fuseKey,
    oursWorst,
    fuseWorst,
    oursEnter,
    fuseEnter,
    oursBuild,
    fuseBuild,
  };
}

export function placesTable(r: PlacesResult): string {
  return table(
    ['place search', 'ours', 'plain fuse.js', 'ours vs fuse.js'],
    [
      [
        `suggestions per keystroke (median over ${r.keystrokes} keystrokes)`,
        ms(r.oursKey.median),
        ms(r.fuseKey.median),
        ratio(r.oursKey.median, r.fuseKey.median),
      ],
      [
        'slowest keystroke',
        `${ms(r.oursWorst.median)} (“${r.oursWorst.text}”)`,
        `${ms(r.fuseWorst.median)} (“${r.fuseWorst.text}”)`,
        ratio(r.oursWorst.median, r.fuseWorst.median),
      ],
      [
        'Enter: ours `interpretQuery`, fuse.js best match',
        ms(r.oursEnter.median),
        ms(r.fuseEnter.median),
        ratio(r.oursEnter.median, r.fuseEnter.median),
      ],
      [
        `index build over ${r.places.toLocaleString('en-US')} places, once`,
        ms(r.oursBuild),
        ms(r.fuseBuild),
        ratio(r.oursBuild, r.fuseBuild),
      ],
    ],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(placesTable(runPlaces()));
}
