import { expect } from '@open-wc/testing';
import {
  createPlaceIndex,
  createPlaceIndexBuilder,
  findPlaces,
  normalizeName,
  parseState,
  stateCenter,
  suggestPlaces,
  type Place,
  type PlaceIndex,
} from '../../src/domain/places.js';
import { loadPlaces } from '../../src/load/zip-data.js';
import { loadPlaceIndex } from '../../src/load/resolve.js';

const label = (p: Place): string => `${p.name}, ${p.state}`;

describe('normalizeName()', () => {
  const cases: [string, string][] = [
    ['Grand Rapids', 'grand rapids'],
    ['  GRAND   rapids ', 'grand rapids'],
    ['St. Louis', 'st louis'],
    ['Saint Louis', 'st louis'],
    ['st louis', 'st louis'],
    ['Mount Vernon', 'mt vernon'],
    ['Mt. Vernon', 'mt vernon'],
    ['Fort Wayne', 'ft wayne'],
    ['Ft. Wayne', 'ft wayne'],
    ['Fortuna', 'fortuna'],
    ['Mountain View', 'mountain view'],
    ['Saintsville', 'saintsville'],
    ['Cañon City', 'canon city'],
    ['Española', 'espanola'],
    ['Lee’s Summit', 'lees summit'],
    ["Lee's Summit", 'lees summit'],
    ['Winston-Salem', 'winston salem'],
    ['Coeur d’Alene', 'coeur dalene'],
    ['Grand Rapids, MI', 'grand rapids mi'],
    ['ＧＲＡＮＤ', 'grand'],
    ['İstanbul', 'istanbul'],
    ['Ǆemal', 'dzemal'],
    ['\u0000\t\n', ''],
    ['', ''],
    ['!!!', ''],
    ['<b>Lake</b>', 'b lake b'],
    ['49503', '49503'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalizeName(input)).to.equal(expected);
    });
  }
});

describe('parseState()', () => {
  const cases: [string, string | undefined][] = [
    ['MI', 'MI'],
    ['mi', 'MI'],
    [' Mi. ', 'MI'],
    ['Michigan', 'MI'],
    ['michigan', 'MI'],
    ['MICHIGAN', 'MI'],
    ['new york', 'NY'],
    ['North  Carolina', 'NC'],
    ['West Virginia', 'WV'],
    ['Virginia', 'VA'],
    ['District of Columbia', 'DC'],
    ['D.C.', 'DC'],
    ['dc', 'DC'],
    ['Wyoming', 'WY'],
    ['PR', undefined],
    ['Puerto Rico', undefined],
    ['Michigan City', undefined],
    ['XX', undefined],
    ['', undefined],
    ['m', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      expect(parseState(input)).to.equal(expected);
    });
  }

  it('knows the 50 states and DC', () => {
    const codes = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = parseState(String.fromCharCode(a, b));
        if (code) codes.add(code);
      }
    }
    expect(codes.size).to.equal(51);
  });
});

describe('findPlaces() and suggestPlaces() over the GeoNames places', () => {
  let index: PlaceIndex;
  before(async () => {
    index = createPlaceIndex(await loadPlaces());
  });

  it('is the same built in slices (as the page builds it) as in one go', async () => {
    const places = await loadPlaces();
    const builder = createPlaceIndexBuilder();
    for (let i = 0; i < places.length; i += 7000) builder.add(places.slice(i, i + 7000));
    const sliced = builder.finish();
    const paged = await loadPlaceIndex();
    for (const text of ['gr', 'grand rapids, m', 'springf', 'san jsoe', 'mt v', 'st louis']) {
      const expected = suggestPlaces(index, text, 8).map(label);
      expect(suggestPlaces(sliced, text, 8).map(label), text).to.deep.equal(expected);
      expect(suggestPlaces(paged, text, 8).map(label), text).to.deep.equal(expected);
    }
    type Data = { keys: string[]; byKey: Map<string, Place[]>; places: Place[] };
    const [a, b] = [sliced as unknown as Data, index as unknown as Data];
    expect(a.keys).to.deep.equal(b.keys);
    expect([...a.byKey]).to.deep.equal([...b.byKey]);
    expect(a.places).to.deep.equal(b.places);
  });

  it('finds every place of a name, biggest first', () => {
    expect(findPlaces(index, 'grand rapids').map(label)).to.deep.equal([
      'Grand Rapids, MI',
      'Grand Rapids, MN',
      'Grand Rapids, OH',
    ]);
    // By population (GeoNames: MO 166,810, MA 154,341, IL 116,565), no longer by ZIPs (IL 35,
    // MA 19, MO 16).
    expect(findPlaces(index, 'Springfield').slice(0, 3).map(label)).to.deep.equal([
      'Springfield, MO',
      'Springfield, MA',
      'Springfield, IL',
    ]);
  });

  it('finds a suburb whose ZIPs carry a neighbour’s name, at its own point, with its state', () => {
    // Kentwood, MI (48,707 people by GeoNames) has no ZIP of its own name: its ZIPs are
    // "Grand Rapids". Kentwood, LA has one.
    const [kentwood, ...others] = findPlaces(index, 'Kentwood', 'MI');
    expect(others).to.deep.equal([]);
    expect(kentwood).to.include({ name: 'Kentwood', state: 'MI', zipCount: 0 });
    expect(kentwood!.population).to.be.within(45_000, 55_000);
    expect(kentwood!.lat).to.be.closeTo(42.869, 0.001);
    expect(kentwood!.lon).to.be.closeTo(-85.645, 0.001);
    expect(findPlaces(index, 'kentwood').map(label)).to.deep.equal([
      'Kentwood, MI',
      'Kentwood, LA',
    ]);
    expect(findPlaces(index, 'Sandy Springs', 'GA').map(label)).to.deep.equal([
      'Sandy Springs, GA',
    ]);
    expect(suggestPlaces(index, 'farmington h', 3).map(label)).to.include('Farmington Hills, MI');
  });

  it('gives every postal place and town a population, 0 only when the gazetteer lacks it', () => {
    const places = index.places;
    expect(places.length).to.be.within(33_800, 34_000);
    expect(places.filter((p) => p.zipCount === 0).every((p) => p.population > 0)).to.be.true;
    const portland = findPlaces(index, 'Portland', 'OR')[0]!;
    expect(portland.population).to.be.within(600_000, 660_000);
    expect(findPlaces(index, 'Grand Rapids', 'OH')[0]!.population).to.equal(0);
  });

  it('keeps a name with a state in that state', () => {
    for (const [name, state] of [
      ['Portland', 'ME'],
      ['Springfield', 'VT'],
      ['Kentwood', 'LA'],
      ['Columbus', 'GA'],
    ] as const) {
      expect(findPlaces(index, name, state).map(label)).to.deep.equal([`${name}, ${state}`]);
    }
  });

  it('matches abbreviations and punctuation exactly', () => {
    for (const name of ['St. Louis', 'saint louis', 'ST LOUIS']) {
      expect(label(findPlaces(index, name)[0]!)).to.equal('Saint Louis, MO');
    }
    expect(findPlaces(index, 'ft. wayne').map(label)).to.deep.equal(['Fort Wayne, IN']);
  });

  it('restricts to a state', () => {
    expect(findPlaces(index, 'grand rapids', 'MN').map(label)).to.deep.equal(['Grand Rapids, MN']);
    expect(findPlaces(index, 'grand rapids', 'TX')).to.deep.equal(
      findPlaces(index, 'grand rapids', 'TX').filter((p) => p.state === 'TX'),
    );
  });

  it('forgives typos, best match then biggest first, within the state when given', () => {
    expect(label(findPlaces(index, 'Los Angelos')[0]!)).to.equal('Los Angeles, CA');
    expect(label(findPlaces(index, 'San Jsoe')[0]!)).to.equal('San Jose, CA');
    expect(label(findPlaces(index, 'San Jsoe', 'CA')[0]!)).to.equal('San Jose, CA');
    expect(label(findPlaces(index, 'San Jsoe', 'IL')[0]!)).to.equal('San Jose, IL');
    expect(findPlaces(index, 'San Jsoe', 'CA').every((p) => p.state === 'CA')).to.be.true;
  });

  it('finds nothing for nonsense', () => {
    expect(findPlaces(index, 'asdfghjkl')).to.deep.equal([]);
    expect(findPlaces(index, '')).to.deep.equal([]);
    expect(findPlaces(index, 'zq')).to.deep.equal([]);
  });

  it('suggests places starting with the text, biggest first', () => {
    // By population: Grand Prairie, TX (175,396 people, 5 ZIPs) now comes before Grand Junction.
    expect(suggestPlaces(index, 'gra', 3).map(label)).to.deep.equal([
      'Grand Rapids, MI',
      'Grand Prairie, TX',
      'Gravesend, NY',
    ]);
    const g = suggestPlaces(index, 'g', 8);
    expect(g).to.have.length(8);
    expect(g.every((p) => p.name.startsWith('G'))).to.be.true;
    const populations = g.map((p) => p.population);
    expect(populations).to.deep.equal([...populations].sort((a, b) => b - a));
    expect(suggestPlaces(index, 'portl', 2).map(label)).to.deep.equal([
      'Portland, OR',
      'Portland, ME',
    ]);
  });

  it('narrows suggestions by the state after a comma', () => {
    expect(suggestPlaces(index, 'grand rapids, m', 8).map(label)).to.deep.equal([
      'Grand Rapids, MI',
      'Grand Rapids, MN',
    ]);
    expect(suggestPlaces(index, 'Grand Rapids, Ohio', 8).map(label)).to.deep.equal([
      'Grand Rapids, OH',
    ]);
  });

  it('suggests typo-tolerant matches when no name starts with the text (4+ letters)', () => {
    expect(label(suggestPlaces(index, 'San Jsoe', 5)[0]!)).to.equal('San Jose, CA');
    expect(suggestPlaces(index, 'Sxn', 5)).to.deep.equal([]);
    expect(suggestPlaces(index, 'qwrtzpkl', 5)).to.deep.equal([]);
    expect(suggestPlaces(index, 'gra', 0)).to.deep.equal([]);
  });
});

describe('stateCenter()', () => {
  let index: PlaceIndex;
  before(async () => {
    index = createPlaceIndex(await loadPlaces());
  });

  // Population-weighted centres of the gazetteer's towns, against the Census Bureau's 2010
  // centres of population (rounded, from memory of its table: CA 35.46 N 119.36 W in Kern
  // County; FL 27.80 N 81.63 W in Polk County; TX 30.90 N 97.40 W; IL 41.28 N 88.38 W; MI
  // 42.87 N 84.17 W): towns of 1,000+ people leave out the rural population, so within 0.4°.
  const cases: [string, number, number][] = [
    ['CA', 35.46, -119.36],
    ['FL', 27.8, -81.63],
    ['TX', 30.9, -97.4],
    ['IL', 41.28, -88.38],
    ['MI', 42.87, -84.17],
  ];
  for (const [state, lat, lon] of cases) {
    it(`${state}: within 0.4° of ${lat}, ${lon}`, () => {
      const center = stateCenter(index, state)!;
      expect(center.lat).to.be.closeTo(lat, 0.4);
      expect(center.lon).to.be.closeTo(lon, 0.4);
    });
  }

  it("Michigan's lies in the lower peninsula, between Lansing and Detroit", () => {
    const mi = stateCenter(index, 'MI')!;
    expect(mi.lat).to.be.within(42.4, 43.2);
    expect(mi.lon).to.be.within(-84.6, -83.3);
  });

  it("New York's counts New York City once: north-west of the city, not in it", () => {
    // GeoNames lists NYC, its boroughs and ~150 neighbourhoods, each with a population.
    const ny = stateCenter(index, 'NY')!;
    expect(ny.lat).to.be.within(41.0, 42.0);
    expect(ny.lon).to.be.within(-75.0, -74.1);
  });

  it('has all 50 states and DC, and nothing else', () => {
    const codes =
      'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY';
    for (const code of codes.split(' '))
      expect(stateCenter(index, code), code).not.to.equal(undefined);
    expect(stateCenter(index, 'DC')!.lat).to.be.closeTo(38.9, 0.05);
    expect(stateCenter(index, 'PR')).to.equal(undefined);
    expect(stateCenter(index, 'mi')).to.equal(undefined);
    expect(stateCenter(index, 'Michigan')).to.equal(undefined);
    expect(stateCenter(createPlaceIndex([]), 'MI')).to.equal(undefined);
  });

  it('is the same from the index the page builds in slices', async () => {
    const paged = await loadPlaceIndex();
    expect(stateCenter(paged, 'MI')).to.deep.equal(stateCenter(index, 'MI'));
  });
});
