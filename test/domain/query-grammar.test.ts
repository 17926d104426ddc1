// What visitors really type, read exactly: the grammar alone (cleanQuery, parseQuery,
// parseCoordinates, editDistance, outsideUs), then 150+ real-world strings through readQuery
// with the built place names, the sample clinics and the shipped service words.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import compiled from 'virtual:clinic-locator-clinics';
import { decodeClinics } from '../../src/domain/clinic-codec.js';
import { createClinicIndex } from '../../src/domain/clinic-search.js';
import { createPlaceIndex, type Place } from '../../src/domain/places.js';
import { readQuery, type QueryIndexes, type Reading } from '../../src/domain/query.js';
import {
  cleanQuery,
  editDistance,
  NICKNAMES,
  parseCoordinates,
  parseQuery,
} from '../../src/domain/query-grammar.js';
import { readServiceWords } from '../../src/domain/service-words.js';
import { outsideUs } from '../../src/domain/us-bounds.js';
import { loadPlaces } from '../../src/load/zip-data.js';

describe('cleanQuery()', () => {
  const cases: [string, string][] = [
    ['４９５０３', '49503'],
    ['49503\u200b', '49503'],
    ['\u200e49503\u200f', '49503'],
    ['\ufeffGrand\u00a0Rapids', 'Grand Rapids'],
    ['  Grand \t Rapids \n', 'Grand Rapids'],
    ['\u202eSMI\u202c', 'SMI'],
    ['Ｇｒａｎｄ　Ｒａｐｉｄｓ', 'Grand Rapids'],
    ['x'.repeat(300), 'x'.repeat(100)],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input.slice(0, 20))} → ${JSON.stringify(expected.slice(0, 20))}`, () => {
      expect(cleanQuery(input)).to.equal(expected);
    });
  }
});

describe('parseQuery() without service words', () => {
  const shape = (input: string) => JSON.stringify(parseQuery(input).shape);
  const cases: [string, object][] = [
    ['', { kind: 'empty' }],
    ['!!!', { kind: 'unreadable' }],
    ['USA', { kind: 'unreadable' }],
    ['49503', { kind: 'zip', zip: '49503' }],
    ['Grand Rapids, MI 49503', { kind: 'zip', zip: '49503', place: 'Grand Rapids, MI' }],
    ['49503 Grand Rapids', { kind: 'zip', zip: '49503', place: 'Grand Rapids' }],
    ['ZIP: 49503', { kind: 'zip', zip: '49503' }],
    ['zip code 49503, USA', { kind: 'zip', zip: '49503' }],
    ['#49503', { kind: 'zip', zip: '49503' }],
    ['49503 49504', { kind: 'words', text: '49503 49504' }],
    ['near me', { kind: 'near-me' }],
    ['Cerca de mí', { kind: 'near-me' }],
    ['mi ubicación', { kind: 'near-me' }],
    ['MI', { kind: 'state', state: 'MI' }],
    ['michigan', { kind: 'state', state: 'MI' }],
    ['NYC', { kind: 'words', text: 'New York, NY', nickname: 'NYC' }],
    ['Houston, TX, USA', { kind: 'words', text: 'Houston, TX' }],
    ['around Grand Rapids', { kind: 'words', text: 'Grand Rapids' }],
    ['Grand Rapids area', { kind: 'words', text: 'Grand Rapids' }],
    ['42.96,-85.67', { kind: 'coordinates', lat: 42.96, lon: -85.67 }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(shape(input)).to.equal(JSON.stringify(expected));
    });
  }

  it('takes service words out first, with the reader given', () => {
    const read = (text: string) =>
      text.startsWith('back pain')
        ? { services: ['back-pain'], rest: text.slice('back pain'.length) }
        : { services: [], rest: text };
    expect(parseQuery('back pain 49503', read)).to.deep.equal({
      shape: { kind: 'zip', zip: '49503' },
      services: ['back-pain'],
    });
    expect(parseQuery('back pain', read)).to.deep.equal({
      shape: { kind: 'empty' },
      services: ['back-pain'],
    });
  });

  it('spells every nickname as a "City, ST" of the table', () => {
    for (const [, place] of NICKNAMES) expect(place).to.match(/^[A-Z][\w .'-]+, [A-Z]{2}$/);
  });
});

describe('parseCoordinates()', () => {
  const cases: [string, [number, number] | undefined][] = [
    ['42.96,-85.67', [42.96, -85.67]],
    ['42.96, -85.67', [42.96, -85.67]],
    ['42.96 -85.67', [42.96, -85.67]],
    ['42.96° N, 85.67° W', [42.96, -85.67]],
    ['42.96N 85.67W', [42.96, -85.67]],
    ['85.67 W, 42.96 N', [42.96, -85.67]],
    ['-33.87, 151.21', [-33.87, 151.21]],
    ['42, -85', undefined],
    ['91.5, 10', undefined],
    ['45.1, 181.2', undefined],
    ['1.2.3, 4', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      const found = parseCoordinates(input);
      expect(
        found && found.kind === 'coordinates' ? [found.lat, found.lon] : undefined,
      ).to.deep.equal(expected);
    });
  }
});

describe('editDistance()', () => {
  const cases: [string, string, number][] = [
    ['', '', 0],
    ['grand rapids', 'grand rapids', 0],
    ['grand rapds', 'grand rapids', 1],
    ['grnad rapids', 'grand rapids', 1], // a swap of neighbours is one slip
    ['chicgo', 'chicago', 1],
    ['null', 'nallen', 3],
    ['kitten', 'sitting', 3],
  ];
  for (const [a, b, d] of cases) {
    it(`${a} ↔ ${b} = ${d}`, () => {
      expect(editDistance(a, b)).to.equal(d);
      expect(editDistance(b, a)).to.equal(d);
    });
  }
  it('stops above its limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).to.equal(3);
  });
});

describe('outsideUs()', () => {
  const cases: [string, number, number, boolean][] = [
    ['Grand Rapids', 42.96, -85.67, false],
    ['Honolulu', 21.31, -157.86, false],
    ['Anchorage', 61.22, -149.9, false],
    ['Adak, AK (west of 180°)', 51.88, 176.65, false],
    ['Key West', 24.55, -81.78, false],
    ['London', 51.5, -0.12, true],
    ['Mexico City', 19.43, -99.13, true],
    ['Vancouver Island, north tip', 50.7, -128.0, true],
    ['Sydney', -33.87, 151.21, true],
    ['the Gulf of Guinea', 0, 0, true],
  ];
  for (const [name, lat, lon, outside] of cases) {
    it(`${name}: ${outside ? 'outside' : 'inside'}`, () => {
      expect(outsideUs(lat, lon)).to.equal(outside);
    });
  }
});

// ------------------------------------------------------------------ 150+ real-world strings

const label = (p: Place): string => `${p.name}, ${p.state}`;

/** One line per reading, so the table compares whole outcomes. */
function summary({ meaning, services, nickname }: Reading): string {
  let text: string;
  switch (meaning.kind) {
    case 'zip':
      text = `zip ${meaning.zip}`;
      break;
    case 'place':
      text = `place ${label(meaning.place)}${meaning.corrected ? ' (corrected)' : ''}`;
      break;
    case 'ambiguous': {
      const named = meaning.organization
        ? [`org ${meaning.organization.organization}`]
        : (meaning.clinics ?? []).map((c) => `clinic ${c.name}`);
      text = `choose ${[...named, ...meaning.candidates.slice(0, 3).map(label)].join(' | ')}`;
      break;
    }
    case 'not-found':
      text = `not-found ${meaning.name}${meaning.candidates.length ? `: ${meaning.candidates.slice(0, 2).map(label).join(' | ')}` : ''}`;
      break;
    case 'coordinates':
      text = `coordinates ${meaning.lat},${meaning.lon}`;
      break;
    case 'state':
      text = `state ${meaning.state}`;
      break;
    case 'clinic':
      text = `clinic ${meaning.clinics[0]?.name ?? '?'}`;
      break;
    case 'organization':
      text = `org ${meaning.organization}`;
      break;
    default:
      text = meaning.kind;
  }
  if (nickname) text += ' (nickname)';
  return services.length ? `${text} +${services.join(',')}` : text;
}

/** Input → its reading (see summary()). */
export const REAL_QUERIES: [string, string][] = [
  // ZIPs as people write them.
  ['49503', 'zip 49503'],
  ['49503-1234', 'zip 49503'],
  ['49503 1234', 'zip 49503'],
  ['495031234', 'zip 49503'],
  ['Grand Rapids, MI 49503', 'zip 49503'],
  ['Grand Rapids MI 49503', 'zip 49503'],
  ['49503 Grand Rapids', 'zip 49503'],
  ['ZIP: 49503', 'zip 49503'],
  ['zip 49503', 'zip 49503'],
  ['zip code 49503', 'zip 49503'],
  ['ZIP code: 49503', 'zip 49503'],
  ['Zip Code 49503, USA', 'zip 49503'],
  ['49503 USA', 'zip 49503'],
  ['49503 United States', 'zip 49503'],
  ['#49503', 'zip 49503'],
  ['49503,', 'zip 49503'],
  ['49503.', 'zip 49503'],
  ['４９５０３', 'zip 49503'],
  ['49503\u200b', 'zip 49503'],
  ['\u200e49503', 'zip 49503'],
  ['in 49503', 'zip 49503'],
  ['near 49503', 'zip 49503'],
  ['chicago il 60601', 'zip 60601'],
  ['60601 chicago', 'zip 60601'],
  ['Boston MA 02108', 'zip 02108'],
  ['02108', 'zip 02108'],
  ['90210 Beverly Hills', 'zip 90210'],
  ['Beverly Hills 90210', 'zip 90210'],
  ['12345', 'zip 12345'],
  ['2108', 'not-understood'],
  ['49503 49504', 'not-understood'],
  // Coordinates.
  ['42.96,-85.67', 'coordinates 42.96,-85.67'],
  ['42.96, -85.67', 'coordinates 42.96,-85.67'],
  ['42.96° N, 85.67° W', 'coordinates 42.96,-85.67'],
  ['40.71, -74.00', 'coordinates 40.71,-74'],
  ['51.5, -0.12', 'coordinates 51.5,-0.12'],
  // Near me, in English and Spanish, with generic words.
  ['near me', 'near-me'],
  ['Near Me', 'near-me'],
  ['physical therapy near me', 'near-me'],
  ['physical therapist near me', 'near-me'],
  ['pt near me', 'near-me'],
  ['closest to me', 'near-me'],
  ['my location', 'near-me'],
  ['current location', 'near-me'],
  ['cerca de mí', 'near-me'],
  ['cerca de mi', 'near-me'],
  ['mi ubicación', 'near-me'],
  ['fisioterapia cerca de mí', 'near-me'],
  // States.
  ['Michigan', 'state MI'],
  ['MI', 'state MI'],
  ['mi', 'state MI'],
  ['Texas', 'state TX'],
  ['tx', 'state TX'],
  ['New Mexico', 'state NM'],
  ['West Virginia', 'state WV'],
  ['Virginia', 'state VA'],
  ['Kansas', 'state KS'],
  ['New York', 'state NY'],
  ['Washington', 'state WA'],
  ['ME', 'state ME'],
  // Nicknames.
  ['NYC', 'place New York, NY (nickname)'],
  ['new york city', 'place New York, NY (nickname)'],
  ['Big Apple', 'place New York, NY (nickname)'],
  ['DC', 'place Washington, DC (nickname)'],
  ['D.C.', 'place Washington, DC (nickname)'],
  ['Washington DC', 'place Washington, DC (nickname)'],
  ['L.A.', 'place Los Angeles, CA (nickname)'],
  ['SF', 'place San Francisco, CA (nickname)'],
  ['Philly', 'place Philadelphia, PA (nickname)'],
  ['Vegas', 'place Las Vegas, NV (nickname)'],
  ['Indy', 'place Indianapolis, IN (nickname)'],
  ['KC', 'place Kansas City, MO (nickname)'],
  ['STL', 'place Saint Louis, MO (nickname)'],
  ['ATL', 'place Atlanta, GA (nickname)'],
  ['Nola', 'place New Orleans, LA (nickname)'],
  ['Twin Cities', 'place Minneapolis, MN (nickname)'],
  ['PDX', 'place Portland, OR (nickname)'],
  ['SLC', 'place Salt Lake City, UT (nickname)'],
  ['chi-town', 'place Chicago, IL (nickname)'],
  ['St Pete', 'place Saint Petersburg, FL (nickname)'],
  ['Sin City', 'place Las Vegas, NV (nickname)'],
  // Towns, with and without a state.
  ['grand rapids', 'place Grand Rapids, MI'],
  ['Grand Rapids, MI', 'place Grand Rapids, MI'],
  ['Grand Rapids MI', 'place Grand Rapids, MI'],
  ['Grand Rapids Michigan', 'place Grand Rapids, MI'],
  ['Grand Rapids, Michigan', 'place Grand Rapids, MI'],
  ['Grand Rapids, Minnesota', 'place Grand Rapids, MN'],
  ['around Grand Rapids', 'place Grand Rapids, MI'],
  ['Grand Rapids area', 'place Grand Rapids, MI'],
  ['Houston TX', 'place Houston, TX'],
  ['Houston, TX, USA', 'place Houston, TX'],
  ['Houston USA', 'place Houston, TX'],
  ['Denver', 'place Denver, CO'],
  ['denver co', 'place Denver, CO'],
  ['St. Paul', 'place Saint Paul, MN'],
  ['saint paul mn', 'place Saint Paul, MN'],
  ['Fort Worth', 'place Fort Worth, TX'],
  ['Ft Worth', 'place Fort Worth, TX'],
  ['Winston-Salem', 'place Winston-Salem, NC'],
  ["Coeur d'Alene", "place Coeur d'Alene, ID"],
  ['Española', 'place Espanola, NM'],
  ['Mount Pleasant, SC', 'place Mount Pleasant, SC'],
  ['Kansas City, KS', 'place Kansas City, KS'],
  ['Chicago, Illinois', 'place Chicago, IL'],
  ['Portland', 'place Portland, OR'],
  ['Portland OR', 'place Portland, OR'],
  ['Portland, Maine', 'place Portland, ME'],
  ['Columbus', 'place Columbus, OH'],
  ['Columbus GA', 'place Columbus, GA'],
  ['Salem MA', 'place Salem, MA'],
  ['Troy NY', 'place Troy, NY'],
  ['Aurora, IL', 'place Aurora, IL'],
  ['Jackson MS', 'place Jackson, MS'],
  ['Paris TX', 'place Paris, TX'],
  ['Miami', 'place Miami, FL'],
  ['Miami Beach', 'place Miami Beach, FL'],
  ['Orlando FL', 'place Orlando, FL'],
  ['Tampa', 'place Tampa, FL'],
  ['St. Petersburg', 'place Saint Petersburg, FL'],
  ['Saint Louis', 'place Saint Louis, MO'],
  ['New Orleans', 'place New Orleans, LA'],
  ['Minneapolis', 'place Minneapolis, MN'],
  ['baltimore', 'place Baltimore, MD'],
  ['Brooklyn', 'place Brooklyn, NY'],
  ['Bronx', 'place Bronx, NY'],
  ['Staten Island', 'place Staten Island, NY'],
  ['Honolulu', 'place Honolulu, HI'],
  ['Anchorage', 'place Anchorage, AK'],
  ['Juneau AK', 'place Juneau, AK'],
  ['Ann Arbor', 'place Ann Arbor, MI'],
  ['East Lansing', 'place East Lansing, MI'],
  ['Kalamazoo', 'place Kalamazoo, MI'],
  ['Holland MI', 'place Holland, MI'],
  ['Traverse City', 'place Traverse City, MI'],
  // Ambiguous names: offered, biggest first.
  ['Springfield', 'choose Springfield, MO | Springfield, MA | Springfield, IL'],
  ['Troy', 'choose Troy, MI | Troy, NY | Troy, OH'],
  ['Aurora', 'choose Aurora, CO | Aurora, IL | Aurora, OH'],
  ['Rochester', 'choose Rochester, NY | Rochester, MN | Rochester, NH'],
  ['Mount Vernon', 'choose Mount Vernon, NY | Mount Vernon, WA | Mount Vernon, OH'],
  // Mount Pleasant, SC has 3.5 times the people of Mount Pleasant, MI.
  ['Mt Pleasant', 'place Mount Pleasant, SC'],
  // Towns whose ZIPs carry a neighbour's name, from the gazetteer.
  ['Kentwood, MI', 'place Kentwood, MI'],
  ['Kentwood', 'place Kentwood, MI'],
  ['Lakewood CO', 'place Lakewood, CO'],
  ['Walker, MI', 'place Walker, MI'],
  ['Queens', 'place Queens, NY'],
  ['Manhattan', 'place Manhattan, NY'],
  ['Brooklyn Park', 'place Brooklyn Park, MN'],
  ['Wyoming, MI', 'place Wyoming, MI'],
  ['Grand Rapids, MN', 'place Grand Rapids, MN'],
  // Typos: applied and shown without a state; offered within a state given.
  ['Grand Rapds', 'place Grand Rapids, MI (corrected)'],
  ['Grnad Rapids', 'place Grand Rapids, MI (corrected)'],
  ['los angelos', 'place Los Angeles, CA (corrected)'],
  ['San Jsoe', 'place San Jose, CA (corrected)'],
  ['Grand Rapds, MI', 'not-found Grand Rapds, MI: Grand Rapids, MI'],
  ['Baton Roug, LA', 'not-found Baton Roug, LA: Baton Rouge, LA'],
  ['Los Angelos, CA', 'not-found Los Angelos, CA: Los Angeles, CA'],
  ['Chicgo', 'not-found Chicgo: Chicago, IL | Chico, CA'],
  ['null', 'not-found null: Nucla, CO'],
  // Organizations and clinics, beside towns of the same name.
  [
    'Lakeshore',
    'choose org Lakeshore Physical Therapy | Lakeshore, LA | Lakeshore, CA | Lakeshore, FL',
  ],
  ['Heartland', 'org Heartland Therapy Partners'],
  ['Lakeshore Physical Therapy', 'org Lakeshore Physical Therapy'],
  ['Heartland Therapy', 'org Heartland Therapy Partners'],
  ['Summit Motion', 'org Summit Motion PT'],
  // Services, alone or with a place.
  ['back pain', 'empty +back-pain'],
  ['sciatica', 'empty +sciatica'],
  ['back pain 49503', 'zip 49503 +back-pain'],
  ['49503 back pain', 'zip 49503 +back-pain'],
  ['sciatica in Grand Rapids', 'place Grand Rapids, MI +sciatica'],
  ['Sciatica in Grand Rapids, MI', 'place Grand Rapids, MI +sciatica'],
  ['pinched nerve', 'empty +sciatica'],
  ['neck pain near me', 'near-me +neck-pain'],
  ['vertigo', 'empty +vestibular'],
  ['pelvic', 'empty +pelvic-health'],
  ['dolor de espalda', 'empty +back-pain'],
  ['ciática', 'empty +sciatica'],
  ['mareo', 'empty +vestibular'],
  ['back pain and sciatica 49503', 'zip 49503 +back-pain,sciatica'],
  ['physical therapy', 'empty'],
  ['physio clinic in Denver', 'place Denver, CO'],
  ['knee pain Denver', 'place Denver, CO +sports-injury'],
  ['after surgery near me', 'near-me +post-surgical'],
  ['vértigo 10001', 'zip 10001 +vestibular'],
  ['hip replacement in Austin, TX', 'place Austin, TX +joint-replacement'],
  ['carpal tunnel', 'empty +hand-therapy'],
  ['kids pt 60601', 'zip 60601 +pediatric'],
  ['workers comp', 'empty +work-injury'],
  ['pinched nerve 49503', 'zip 49503 +sciatica'],
  ['mareo cerca de mí', 'near-me +vestibular'],
  ['rodilla', 'empty +sports-injury'],
  ['terapia acuática', 'empty +aquatic'],
  ['Pelvic, MI', 'not-found Pelvic, MI: Melvin, MI | Pelkie, MI'],
  // Not understood, rather than confidently wrong.
  ['USA', 'not-understood'],
  ['United States', 'not-understood'],
  ['US', 'not-understood'],
  ['asdf', 'not-understood'],
  ['asdfgh', 'not-understood'],
  ['49503, USA', 'zip 49503'],
  ['portland', 'place Portland, OR'],
  ['springfield', 'choose Springfield, MO | Springfield, MA | Springfield, IL'],
  ['!!!', 'not-understood'],
  ["'; DROP TABLE", 'not-understood'],
  ['<script>', 'not-understood'],
  ['😀', 'not-understood'],
  ['   ,  ', 'not-understood'],
  ['', 'empty'],
];

describe('readQuery() with 150+ real-world strings', () => {
  let indexes: QueryIndexes;
  before(async () => {
    const clinics = decodeClinics(compiled);
    indexes = { places: createPlaceIndex(await loadPlaces()), clinics: createClinicIndex(clinics) };
  });

  it('never throws on any text (fast-check), and always gives one of its meanings', () => {
    const pieces = fc.constantFrom(
      '49503',
      ' ',
      ',',
      'MI',
      'near me',
      'back pain',
      'Grand Rapids',
      '\u202e',
      '\u200b',
      '#',
      'zip',
      '42.96',
      '-85.67',
      '°',
      'cerca de mí',
      'USA',
      'Lakeshore',
      '４',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.array(pieces).map((a) => a.join('')),
        ),
        (text) => {
          const reading = readQuery(text, indexes, readServiceWords);
          expect(reading.services).to.be.an('array');
          expect([
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
          ]).to.include(reading.meaning.kind);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has at least 150 of them', () => {
    expect(REAL_QUERIES.length).to.be.at.least(150);
  });

  for (const [input, expected] of REAL_QUERIES) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(summary(readQuery(input, indexes, readServiceWords))).to.equal(expected);
    });
  }
});

describe('the README’s "What a visitor can search" examples', () => {
  it('are each in the table above, so each is read as that table says', async () => {
    const readme = await (await fetch('/README.md')).text();
    const start = readme.indexOf('<!-- search-examples:start -->');
    const end = readme.indexOf('<!-- search-examples:end -->');
    expect(start).to.be.above(0);
    const rows = readme
      .slice(start, end)
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const examples = rows.flatMap((row) =>
      [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
    );
    expect(examples.length).to.be.at.least(25);
    const tested = new Map(REAL_QUERIES);
    const missing = examples.filter((example) => !tested.has(example));
    expect(missing, 'README examples without an expected reading').to.deep.equal([]);
  });
});
