import { expect } from '@open-wc/testing';
import {
  createPlaceIndex,
  createPlaceIndexBuilder,
  findPlaces,
  normalizeName,
  parseState,
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
    expect(findPlaces(index, 'Springfield').slice(0, 3).map(label)).to.deep.equal([
      'Springfield, IL',
      'Springfield, MA',
      'Springfield, MO',
    ]);
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
    expect(suggestPlaces(index, 'gra', 3).map(label)).to.deep.equal([
      'Grand Rapids, MI',
      'Grand Junction, CO',
      'Grand Forks, ND',
    ]);
    const g = suggestPlaces(index, 'g', 8);
    expect(g).to.have.length(8);
    expect(g.every((p) => p.name.startsWith('G'))).to.be.true;
    const counts = g.map((p) => p.zipCount);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
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
