import { expect } from '@open-wc/testing';
import {
  checkServiceVocabulary,
  formatServiceProblem,
  type ServiceProblem,
} from '../../src/domain/service-vocabulary.js';

describe('checkServiceVocabulary()', () => {
  it('passes data/services.json', async () => {
    const services: unknown = await (await fetch('/data/services.json')).json();
    expect(checkServiceVocabulary(services)).to.deep.equal([]);
  });

  it('finds a phrase of two services across languages, after normalisation', () => {
    expect(
      checkServiceVocabulary([
        { id: 'a', label: 'A', synonyms: ['Vertigo'] },
        { id: 'b', label: 'B', synonyms_es: ['vértigo'] },
      ]),
    ).to.deep.equal([
      {
        index: 2,
        id: 'b',
        field: 'synonyms_es',
        message: 'duplicate phrase: first in synonyms of service 1 (a)',
        value: 'vértigo',
      },
    ]);
  });

  it('refuses generic words, connectors, the grammar’s phrases and states', () => {
    const problems = checkServiceVocabulary([
      { id: 'a', label: 'A', synonyms: ['Physio', 'Cerca de', 'Near me', 'New York', 'ok'] },
    ]);
    expect(problems.map((p) => [p.message, p.value])).to.deep.equal([
      ['a generic word, which the search drops, not a service', 'Physio'],
      ['a connecting word, which the search drops, not a service', 'Cerca de'],
      ['a phrase the search reads itself, not a service', 'Near me'],
      ['a US state, which the search reads as a place', 'New York'],
      ['a US state, which the search reads as a place', 'ok'],
    ]);
  });

  it('refuses synonyms that are not arrays of non-empty strings', () => {
    const problems = checkServiceVocabulary([
      { id: 'a', label: 'A', synonyms: 'knee', synonyms_es: [' ', null] },
    ]);
    expect(problems.map((p) => [p.field, p.message, p.value])).to.deep.equal([
      ['synonyms', 'not an array of phrases', '"knee"'],
      ['synonyms_es', 'not a non-empty string', '" "'],
      ['synonyms_es', 'not a non-empty string', 'null'],
    ]);
  });

  it('refuses a file that is not an array', () => {
    expect(checkServiceVocabulary({})).to.deep.equal([
      { index: 0, field: '(file)', message: 'not an array of services' },
    ]);
  });
});

describe('formatServiceProblem()', () => {
  it('names the file, the service by index and id, and the field', () => {
    const p: ServiceProblem = {
      index: 4,
      id: 'sports-injury',
      field: 'synonyms',
      message: 'a US state, which the search reads as a place',
      value: 'Indiana',
    };
    expect(formatServiceProblem('data/services.json', p)).to.equal(
      'data/services.json:service 4 (sports-injury): synonyms: a US state, which the search reads as a place (Indiana)',
    );
    expect(
      formatServiceProblem('data/services.json', { index: 0, field: '(file)', message: 'x' }),
    ).to.equal('data/services.json: (file): x');
  });
});
