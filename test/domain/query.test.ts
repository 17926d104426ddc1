import { expect } from '@open-wc/testing';
import distance from '@turf/distance';
import fc from 'fast-check';
import compiled from 'virtual:clinic-locator-clinics';
import type { Clinic } from '../../src/domain/clinic.js';
import { decodeClinics } from '../../src/domain/clinic-codec.js';
import { createClinicIndex } from '../../src/domain/clinic-search.js';
import { createPlaceIndex, normalizeName, type Place } from '../../src/domain/places.js';
import {
  dominates,
  interpretQuery,
  type Interpretation,
  type QueryIndexes,
} from '../../src/domain/query.js';
import { lookupZip } from '../../src/domain/zip-table.js';
import { loadPlaces, loadZipTables } from '../../src/load/zip-data.js';

const label = (p: Place): string => `${p.name}, ${p.state}`;

/** Great-circle km, by @turf/distance (the reference rank.ts is tested against). */
const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number =>
  distance([lon1, lat1], [lon2, lat2]);

/** One line per interpretation, so the table compares whole outcomes. */
function summary(meaning: Interpretation): string {
  switch (meaning.kind) {
    case 'empty':
      return 'empty';
    case 'zip':
      return `zip ${meaning.zip}`;
    case 'place':
      return `place ${label(meaning.place)}${meaning.corrected ? ' (corrected)' : ''}`;
    case 'ambiguous': {
      const also = meaning.organization
        ? [`org ${meaning.organization.organization}`]
        : (meaning.clinics ?? []).slice(0, 1).map((c) => `clinic ${c.name}`);
      return `ambiguous ${[...also, ...meaning.candidates.map(label)].join(' | ')}`;
    }
    case 'not-found':
      return `not-found ${meaning.name}: ${meaning.candidates.map(label).join(' | ')}`;
    case 'near-me':
      return 'near-me';
    case 'coordinates':
      return `coordinates ${meaning.lat},${meaning.lon}`;
    case 'state':
      return `state ${meaning.state}`;
    case 'clinic':
      return `clinic ${meaning.clinics[0]?.name ?? '?'}`;
    case 'organization':
      return `organization ${meaning.organization}`;
    case 'not-understood':
      return 'not-understood';
  }
}

const KINDS = [
  'empty',
  'zip',
  'near-me',
  'coordinates',
  'state',
  'place',
  'ambiguous',
  'not-found',
  'clinic',
  'organization',
  'not-understood',
];

let indexes: QueryIndexes;
let clinics: Clinic[];
let point49503: { lat: number; lon: number };

before(async () => {
  clinics = decodeClinics(compiled);
  const [places, tables] = await Promise.all([loadPlaces(), loadZipTables()]);
  indexes = { places: createPlaceIndex(places), clinics: createClinicIndex(clinics) };
  const found = lookupZip(tables, '49503');
  if (found.kind !== 'found') throw new Error('49503 is not in the ZIP table');
  point49503 = found;
});

describe('interpretQuery()', () => {
  // Input → the interpretation, in short (see summary()). Places by the GeoNames ZIPs.
  const table: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    ['49503', 'zip 49503'],
    ['90210-1234', 'zip 90210'],
    [' 902101234 ', 'zip 90210'],
    ['St. Louis, MO', 'place Saint Louis, MO'],
    ['saint louis mo', 'place Saint Louis, MO'],
    ['ST LOUIS', 'place Saint Louis, MO'],
    // A state given is never overridden, and a guess there is offered, not applied.
    ['Los Angelos, CA', 'not-found Los Angelos, CA: Los Angeles, CA'],
    ['los angelos', 'place Los Angeles, CA (corrected)'],
    ['San Jsoe', 'place San Jose, CA (corrected)'],
    ['San Jsoe, CA', 'not-found San Jsoe, CA: San Jose, CA'],
    ['San Jose, IL', 'place San Jose, IL'],
    ['grand rapids', 'place Grand Rapids, MI'],
    ['Grand Rapids, MI', 'place Grand Rapids, MI'],
    ['Grand Rapids MI', 'place Grand Rapids, MI'],
    ['Grand Rapids Michigan', 'place Grand Rapids, MI'],
    ['Grand Rapids, Minnesota', 'place Grand Rapids, MN'],
    ['fort wayne', 'place Fort Wayne, IN'],
    ['ft. wayne in', 'place Fort Wayne, IN'],
    // OR 640,000 people, ME 68,000: Portland, OR dominates.
    ['portland', 'place Portland, OR'],
    ['Columbus', 'place Columbus, OH'],
    // A suburb whose ZIPs carry Grand Rapids' name: a gazetteer town, with or without its state.
    ['Kentwood, MI', 'place Kentwood, MI'],
    ['kentwood michigan', 'place Kentwood, MI'],
    ['Kentwood, LA', 'place Kentwood, LA'],
    // A name with a state stays in that state, however small the place.
    ['Springfield, VT', 'place Springfield, VT'],
    ['Portland, CT', 'place Portland, CT'],
    ['Columbus, GA', 'place Columbus, GA'],
    ['Portland, ME', 'place Portland, ME'],
    ['Kansas City', 'place Kansas City, MO'],
    // A state's name alone is the state (its namesake towns are offered beside it).
    ['New York', 'state NY'],
    ['Washington', 'state WA'],
    ['NYC', 'place New York, NY'],
    ['DC', 'place Washington, DC'],
    ['Salem, Oregon', 'place Salem, OR'],
    ['asdfghjkl', 'not-understood'],
    ['!!!', 'not-understood'],
    ['12345678', 'not-understood'],
    ['Mossyri', 'clinic Mossyridge Physical Therapy'],
    ['mossyridge physical', 'clinic Mossyridge Physical Therapy'],
    // An organization of one clinic is that clinic.
    ['Mossyridge Physical Therapy', 'clinic Mossyridge Physical Therapy'],
    ['Heartland Therapy Partners', 'organization Heartland Therapy Partners'],
    ['heartland', 'organization Heartland Therapy Partners'],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(summary(interpretQuery(input, indexes))).to.equal(expected);
    });
  }

  it('"springfield" is ambiguous: 8 candidates, most populous first (MO, MA, IL)', () => {
    const meaning = interpretQuery('springfield', indexes);
    if (meaning.kind !== 'ambiguous') throw new Error(summary(meaning));
    // GeoNames: MO 166,810, MA 154,341, IL 116,565 people; OH 59,680 and OR 60,870 round to the
    // same population code, so OH (6 ZIPs) comes before OR (3).
    expect(meaning.candidates.map(label)).to.deep.equal([
      'Springfield, MO',
      'Springfield, MA',
      'Springfield, IL',
      'Springfield, OH',
      'Springfield, OR',
      'Springfield, VA',
      'Springfield, PA',
      'Springfield, TN',
    ]);
    const populations = meaning.candidates.map((p) => p.population);
    expect(populations).to.deep.equal([...populations].sort((a, b) => b - a));
  });

  it('"mt vernon" is ambiguous: NY has 68,628 people, WA 34,053 (not three times)', () => {
    const meaning = interpretQuery('mt vernon', indexes);
    if (meaning.kind !== 'ambiguous') throw new Error(summary(meaning));
    expect(meaning.candidates.slice(0, 2).map(label)).to.deep.equal([
      'Mount Vernon, NY',
      'Mount Vernon, WA',
    ]);
    expect(summary(interpretQuery('Mount Vernon, WA', indexes))).to.equal('place Mount Vernon, WA');
  });

  for (const input of ['grand rapids', 'Grand Rapids, MI', 'Grand Rapids Michigan']) {
    it(`${JSON.stringify(input)}: within 10 km of 49503, also Grand Rapids, MN`, () => {
      const meaning = interpretQuery(input, indexes);
      if (meaning.kind !== 'place') throw new Error(summary(meaning));
      const { lat, lon } = meaning.place;
      expect(haversineKm(lat, lon, point49503.lat, point49503.lon)).to.be.below(10);
      expect(meaning.also.map(label)).to.deep.equal(['Grand Rapids, MN', 'Grand Rapids, OH']);
    });
  }

  it('a clinic name: its clinic first; a word of it: clinics with that word', () => {
    const sample = clinics.find((c) => c.name === 'Mossyridge Physical Therapy')!;
    const meaning = interpretQuery('Mossyridge', indexes);
    expect(meaning).to.deep.equal({ kind: 'clinic', clinics: [sample] });
  });

  it('an organization: all its clinics', () => {
    const meaning = interpretQuery('Heartland Therapy', indexes);
    if (meaning.kind !== 'organization') throw new Error(summary(meaning));
    expect(meaning.clinics).to.have.length(44);
    expect(meaning.clinics.every((c) => c.organization === 'Heartland Therapy Partners')).to.be
      .true;
  });

  it('with a tiny clinic list: exact places, then clinic prefixes, then places with typos', () => {
    const tiny: Clinic[] = [
      {
        id: 'a',
        name: 'Portland Physio',
        organization: 'Portland Physio',
        address1: '1 Example St',
        city: 'Portland',
        state: 'ME',
        zip: '04101',
        lat: 43.66,
        lon: -70.26,
        services: [],
      },
    ];
    const small = { places: indexes.places, clinics: createClinicIndex(tiny) };
    expect(summary(interpretQuery('portland', small))).to.equal('place Portland, OR');
    expect(summary(interpretQuery('portland phy', small))).to.equal('clinic Portland Physio');
    // Without the clinic, the first letters of its name are three slips from Mossyrock, WA:
    // too far to guess (it was applied before guesses had a limit).
    expect(summary(interpretQuery('Mossyri', small))).to.equal('not-understood');
  });
});

describe('dominates()', () => {
  const place = (zipCount: number, population = 0): Place => ({
    name: 'X',
    state: 'MI',
    lat: 0,
    lon: 0,
    zipCount,
    population,
  });
  // Without populations (either one missing): by ZIPs, twice the runner-up's and 3 more.
  const byZips: [number, number | undefined, boolean][] = [
    [1, undefined, true],
    [26, 3, true],
    [60, 9, true],
    [35, 19, false],
    [4, 2, false],
    [6, 3, true],
    [2, 1, false],
    [5, 3, false],
  ];
  for (const [top, runnerUp, expected] of byZips) {
    it(`${top} ZIPs over ${String(runnerUp)}, no population: ${expected}`, () => {
      expect(dominates(place(top), runnerUp === undefined ? undefined : place(runnerUp))).to.equal(
        expected,
      );
      // One population alone does not count: still the ZIPs.
      if (runnerUp !== undefined) {
        expect(dominates(place(top, 50_000), place(runnerUp))).to.equal(expected);
        expect(dominates(place(top), place(runnerUp, 50_000))).to.equal(expected);
      }
    });
  }
  // With both populations: three times the runner-up's, whatever the ZIPs.
  const byPopulation: [number, number, boolean][] = [
    [3000, 1000, true],
    [2999, 1000, false],
    [68_628, 34_053, false],
    [639_080, 68_129, true],
  ];
  for (const [top, runnerUp, expected] of byPopulation) {
    it(`${top} people over ${runnerUp}: ${expected}`, () => {
      expect(dominates(place(1, top), place(60, runnerUp))).to.equal(expected);
      expect(dominates(place(60, top), place(1, runnerUp))).to.equal(expected);
    });
  }

  it('over the built places: Portland OR, Grand Rapids MI, Columbus OH; not Springfield, Mount Vernon', () => {
    const top2 = (name: string): [Place, Place] => {
      const meaning = interpretQuery(name, indexes);
      const list =
        meaning.kind === 'place'
          ? [meaning.place, ...meaning.also]
          : meaning.kind === 'ambiguous'
            ? meaning.candidates
            : [];
      return [list[0]!, list[1]!];
    };
    const cases: [string, string, string, boolean][] = [
      ['Portland', 'Portland, OR', 'Portland, ME', true],
      ['Grand Rapids', 'Grand Rapids, MI', 'Grand Rapids, MN', true],
      ['Columbus', 'Columbus, OH', 'Columbus, GA', true],
      ['Springfield', 'Springfield, MO', 'Springfield, MA', false],
      ['Mount Vernon', 'Mount Vernon, NY', 'Mount Vernon, WA', false],
    ];
    for (const [name, first, second, expected] of cases) {
      const [top, runnerUp] = top2(name);
      expect([label(top), label(runnerUp)], name).to.deep.equal([first, second]);
      expect(top.population, name).to.be.above(0);
      expect(runnerUp.population, name).to.be.above(0);
      expect(dominates(top, runnerUp), name).to.equal(expected);
    }
  });
});

describe('interpretQuery() and normalizeName() with arbitrary text (fast-check)', function () {
  this.timeout(120_000);

  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1000, maxLength: 10_000 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '👩‍⚕️🏥 clinic',
      'שלום עולם',
      'مرحبا بالعالم',
      '\u202egrand rapids',
      '\u0000\u0007\u001b[31m',
      'a'.repeat(10_000),
      '9'.repeat(10_000),
      'grand rapids, '.repeat(500),
    ),
    // Realistic mixes: places, states and noise.
    fc
      .tuple(
        fc.constantFrom('grand rapids', 'saint louis', 'Springfield', 'san jsoe', 'mossy', ''),
        fc.constantFrom(', MI', ' michigan', ',', ' ,, ', ' 49503', ''),
        fc.string({ unit: 'grapheme', maxLength: 5 }),
      )
      .map((parts) => parts.join('')),
  );

  it('never throws and always returns one of the defined kinds', () => {
    fc.assert(
      fc.property(text, (input) => {
        const meaning = interpretQuery(input, indexes);
        expect(KINDS).to.include(meaning.kind);
        if (meaning.kind === 'ambiguous') expect(meaning.candidates.length).to.be.within(2, 8);
        if (meaning.kind === 'clinic') expect(meaning.clinics.length).to.be.above(0);
        if (input.trim() === '') expect(meaning.kind).to.equal('empty');
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeName is idempotent and yields lower-case words separated by single spaces', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = normalizeName(input);
        expect(normalizeName(once)).to.equal(once);
        expect(once).to.equal(once.trim());
        expect(once).not.to.match(/ {2}/);
      }),
      { numRuns: 3000 },
    );
  });
});
