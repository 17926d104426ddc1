import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import { filterClinics, parseList } from '../../src/domain/filter.js';

function clinic(id: string, organization: string, services: string[]): Clinic {
  return {
    id,
    name: id,
    organization,
    address1: '1 Sample Way',
    city: 'Grand Rapids',
    state: 'MI',
    zip: '49503',
    lat: 42.96,
    lon: -85.65,
    services,
  };
}

const clinics = [
  clinic('a', 'Lakeshore PT', ['back-pain', 'sciatica']),
  clinic('b', 'Lakeshore PT', ['back-pain']),
  clinic('c', 'Summit Motion', ['sciatica', 'back-pain', 'aquatic']),
  clinic('d', 'Summit Motion', []),
];

const ids = (list: Clinic[]) => list.map((c) => c.id);

describe('filterClinics()', () => {
  it('keeps everything with an empty filter', () => {
    expect(ids(filterClinics(clinics, {}))).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(ids(filterClinics(clinics, { organization: '', services: [] }))).to.deep.equal([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('keeps one organization, ignoring case and spaces', () => {
    expect(ids(filterClinics(clinics, { organization: ' lakeshore pt ' }))).to.deep.equal([
      'a',
      'b',
    ]);
    expect(ids(filterClinics(clinics, { organization: 'Lakeshore' }))).to.deep.equal([]);
  });

  it('requires every listed service (AND), combined with the organization', () => {
    expect(ids(filterClinics(clinics, { services: ['sciatica'] }))).to.deep.equal(['a', 'c']);
    expect(ids(filterClinics(clinics, { services: ['sciatica', 'aquatic'] }))).to.deep.equal(['c']);
    expect(
      ids(filterClinics(clinics, { organization: 'Lakeshore PT', services: ['sciatica'] })),
    ).to.deep.equal(['a']);
    expect(ids(filterClinics(clinics, { services: ['pediatric'] }))).to.deep.equal([]);
  });

  it('handles an empty dataset', () => {
    expect(filterClinics([], { services: ['back-pain'] })).to.deep.equal([]);
  });
});

describe('parseList()', () => {
  it('reads a comma-separated attribute into distinct lower-case ids', () => {
    expect(parseList('back-pain, Sciatica ,,back-pain')).to.deep.equal(['back-pain', 'sciatica']);
    expect(parseList('')).to.deep.equal([]);
    expect(parseList(null)).to.deep.equal([]);
  });
});
