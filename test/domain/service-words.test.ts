import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  readServiceWords,
  serviceVocabulary,
  type ServiceVocabulary,
  type ServiceWords,
} from '../../src/domain/service-words.js';

/** [what the visitor typed, services, rest, dropped], with the shipped vocabulary. */
const CASES: [string, string[], string, boolean][] = [
  ['back pain', ['back-pain'], '', false],
  ['back pain 49503', ['back-pain'], '49503', false],
  ['49503 back pain', ['back-pain'], '49503', false],
  ['sciatica in Grand Rapids', ['sciatica'], 'Grand Rapids', true],
  ['Sciatica in Grand Rapids, MI', ['sciatica'], 'Grand Rapids, MI', true],
  ['pinched nerve', ['sciatica'], '', false],
  ['neck pain', ['neck-pain'], '', false],
  ['knee', ['sports-injury'], '', false],
  ['shoulder pain', ['sports-injury'], '', false],
  ['vertigo', ['vestibular'], '', false],
  ['pelvic', ['pelvic-health'], '', false],
  ['sports injury', ['sports-injury'], '', false],
  ['after surgery', ['post-surgical'], '', false],
  ['dolor de espalda', ['back-pain'], '', false],
  ['ciática', ['sciatica'], '', false],
  ['CIATICA', ['sciatica'], '', false],
  ['mareo', ['vestibular'], '', false],
  ['vértigo', ['vestibular'], '', false],
  // Longest phrase first: a replacement is not a sports injury, aquatic therapy is one phrase.
  ['knee replacement', ['joint-replacement'], '', false],
  ['aquatic therapy', ['aquatic'], '', false],
  ['post-op knee rehab 49503', ['post-surgical', 'sports-injury'], '49503', true],
  ["workers' comp Grand Rapids", ['work-injury'], 'Grand Rapids', false],
  ['carpal tunnel 49503-1234', ['hand-therapy'], '49503-1234', false],
  ['back pain 42.96, -85.66', ['back-pain'], '42.96, -85.66', false],
  ['back pain -85.66 42.96', ['back-pain'], '-85.66 42.96', false],
  ['St. Louis back pain', ['back-pain'], 'St. Louis', false],
  ['Grand Rapids back pain', ['back-pain'], 'Grand Rapids', false],
  ['Grand Rapids, back pain, MI', ['back-pain'], 'Grand Rapids, MI', false],
  // Several services, in order of appearance, each once; English and Spanish at once.
  ['back pain and sciatica', ['back-pain', 'sciatica'], '', true],
  ['sciatica, back pain, sciatica', ['sciatica', 'back-pain'], '', false],
  ['Mareos y vértigo posicional en Miami', ['vestibular'], 'Miami', true],
  ['knee or rodilla', ['sports-injury'], '', true],
  ['dolor de cuello and back pain', ['neck-pain', 'back-pain'], '', true],
  // Generic words and connectors.
  ['physical therapy near me', [], 'near me', true],
  ['PT', [], '', true],
  ['P.T.', [], '', true],
  ['Physical Therapists', [], '', true],
  ['physio clinic in Denver', [], 'Denver', true],
  ['the best PT in Denver, CO', [], 'Denver, CO', true],
  ['in Denver', [], 'Denver', true],
  ['rehab clinics for seniors', ['geriatric'], '', true],
  ['Kids PT Chicago', ['pediatric'], 'Chicago', true],
  ['hand therapy near Handley', ['hand-therapy'], 'Handley', true],
  ['dry needling in New York, NY', ['dry-needling'], 'New York, NY', true],
  ['fisioterapia en Miami', [], 'Miami', true],
  ['Terapia física para niños en San Antonio, TX', ['pediatric'], 'San Antonio, TX', true],
  ['clínica cerca de 49503', [], '49503', true],
  ['Ciática en Grand Rapids', ['sciatica'], 'Grand Rapids', true],
  ['sciatica in', ['sciatica'], '', true],
  // The grammar's own phrases stay as typed.
  ['dolor de espalda cerca de mí', ['back-pain'], 'cerca de mí', false],
  ['KNEE REPLACEMENT near me', ['joint-replacement'], 'near me', false],
  ['my location', [], 'my location', false],
  ['PT near my location', [], 'my location', true],
  ['fisioterapia mi ubicación', [], 'mi ubicación', true],
  // Whole words only, and place names with connectors in them, untouched.
  ['Backus, MN', [], 'Backus, MN', false],
  ['Handley, TX', [], 'Handley, TX', false],
  ['De Soto, MO', [], 'De Soto, MO', false],
  ['Lake in the Hills, IL', [], 'Lake in the Hills, IL', false],
  ['Port Saint Lucie, FL', [], 'Port Saint Lucie, FL', false],
  ['Rough and Ready, CA', [], 'Rough and Ready, CA', false],
  ['The Villages, FL physical therapy', [], 'The Villages, FL', true],
  ['La Crosse fisioterapia', [], 'La Crosse', true],
  ['PT in Lake in the Hills', [], 'Lake in the Hills', true],
  ['fisioterapia De Soto', [], 'De Soto', true],
  // A one-word service followed by a state is a town.
  ['Pelvic, MI', [], 'Pelvic, MI', false],
  ['Pelvic MI', [], 'Pelvic MI', false],
  ['Pelvic, MI 49503', [], 'Pelvic, MI 49503', false],
  ['Pelvic, IN', [], 'Pelvic, IN', false],
  ['Pelvic IN', [], 'Pelvic IN', false],
  ['pelvic in Denver', ['pelvic-health'], 'Denver', true],
  ['Bird in Hand, PA', [], 'Bird in Hand, PA', false],
  ['PT Wounded Knee, South Dakota', [], 'Wounded Knee, South Dakota', true],
  ['knee Wounded Knee SD', ['sports-injury'], 'Wounded Knee SD', false],
  // …but a phrase of several words is never a town: the state is the place.
  ['back pain, DE', ['back-pain'], 'DE', false],
  ['back pain MI', ['back-pain'], 'MI', false],
  ['back pain, IN', ['back-pain'], 'IN', false],
  ['sciatica, IN', [], 'sciatica, IN', false],
  ['dolor de espalda, OR 97201', ['back-pain'], 'OR 97201', false],
  // Nothing to take out: the input as typed, trimmed.
  ['', [], '', false],
  ['   ', [], '', false],
  ['asdfgh qwerty', [], 'asdfgh qwerty', false],
  ['  !!!  ', [], '!!!', false],
  ['49503', [], '49503', false],
  ['  Grand Rapids, MI  ', [], 'Grand Rapids, MI', false],
  ['Lakeshore PT', [], 'Lakeshore', true],
];

describe('readServiceWords()', () => {
  for (const [input, services, rest, dropped] of CASES) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const expected: ServiceWords = { services, rest, dropped };
      expect(readServiceWords(input)).to.deep.equal(expected);
    });
  }

  it('reads the first 100 characters only', () => {
    const long = `back pain ${'x'.repeat(200)} sciatica`;
    expect(readServiceWords(long)).to.deep.equal({
      services: ['back-pain'],
      rest: 'x'.repeat(90),
      dropped: false,
    });
  });

  it('reads with the vocabulary given, not the shipped one', () => {
    const vocabulary: ServiceVocabulary = [
      { id: 'hands', synonyms: ['hand'] },
      { id: 'water', synonyms_es: ['agua'] },
    ];
    expect(readServiceWords('Hand near Handley', vocabulary)).to.deep.equal({
      services: ['hands'],
      rest: 'Handley',
      dropped: true,
    });
    expect(readServiceWords('terapia en agua', vocabulary)).to.deep.equal({
      services: ['water'],
      rest: '',
      dropped: true,
    });
    expect(readServiceWords('back pain', vocabulary)).to.deep.equal({
      services: [],
      rest: 'back pain',
      dropped: false,
    });
  });

  it('never throws, and returns only shipped services and a trimmed rest of at most 100 characters', () => {
    const ids = new Set(serviceVocabulary().map((s) => s.id));
    const words = ['back pain', 'in', 'de', 'PT', 'near me', 'MI', 'IN', ',', 'Pelvic', '49503'];
    const text = fc.oneof(
      fc.string({ maxLength: 150 }),
      fc.string({ unit: 'grapheme', maxLength: 150 }),
      fc.array(fc.constantFrom(...words)).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const read = readServiceWords(input);
        return (
          read.services.every((id) => ids.has(id)) &&
          new Set(read.services).size === read.services.length &&
          read.rest === read.rest.trim() &&
          read.rest.length <= 100
        );
      }),
    );
  });
});

describe('serviceVocabulary()', () => {
  it('is every service of data/services.json with its synonyms', () => {
    const vocabulary = serviceVocabulary();
    expect(vocabulary.map((s) => s.id)).to.include.members(['back-pain', 'geriatric']);
    expect(vocabulary).to.have.length(14);
    const back = vocabulary.find((s) => s.id === 'back-pain');
    expect(back?.synonyms).to.include('lower back pain');
    expect(back?.synonyms_es).to.include('dolor de espalda');
    // Only the words: the labels stay in the main chunk's module.
    expect(Object.keys(back ?? {})).to.deep.equal(['id', 'synonyms', 'synonyms_es']);
  });
});

describe('virtual:clinic-locator-services', () => {
  it('holds the labels only: the synonyms load with the search', async () => {
    const { default: services } = await import('virtual:clinic-locator-services');
    expect(services).to.have.length(14);
    for (const service of services) {
      expect(Object.keys(service)).to.deep.equal(['id', 'label', 'label_es']);
    }
  });
});
