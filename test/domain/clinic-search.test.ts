import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import {
  createClinicIndex,
  findClinics,
  findOrganization,
  suggestClinics,
} from '../../src/domain/clinic-search.js';

const clinic = (id: string, name: string, organization = name): Clinic => ({
  id,
  name,
  organization,
  address1: '1 Example St',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.96,
  lon: -85.66,
  services: [],
});

const clinics: Clinic[] = [
  clinic('a', 'Lakeshore Physical Therapy – Grand Rapids', 'Lakeshore Physical Therapy'),
  clinic('b', 'Lakeshore Physical Therapy – Holland', 'Lakeshore Physical Therapy'),
  clinic('c', 'Wrenhill Physio of Akiachak'),
  clinic('d', 'Wrenhill Physical Therapy of Knoxville'),
  clinic('e', 'Juniperspring Motion PT'),
  clinic('f', 'Clínica de Terapia Física Hazelhaven'),
  clinic('g', 'Bayview Sports & Spine', 'Heartland Therapy Partners'),
  clinic('h', 'Riverside Rehab', 'Heartland Therapy Partners'),
];
const index = createClinicIndex(clinics);
const ids = (found: Clinic[]) => found.map((c) => c.id);

describe('findClinics()', () => {
  it('without typos: exact name, name prefix, organization prefix, then a word, by name', () => {
    expect(ids(findClinics(index, 'Wrenhill Physio of Akiachak', 8))).to.deep.equal(['c']);
    expect(ids(findClinics(index, 'wrenhill phys', 8))).to.deep.equal(['d', 'c']);
    expect(ids(findClinics(index, 'lakeshore', 8))).to.deep.equal(['a', 'b']);
    expect(ids(findClinics(index, 'heartland', 8))).to.deep.equal(['g', 'h']);
    expect(ids(findClinics(index, 'holland', 8))).to.deep.equal(['b']);
    expect(ids(findClinics(index, 'CLÍNICA', 8))).to.deep.equal(['f']);
  });

  it('forgives typos word by word: every word must match one of the clinic’s words', () => {
    expect(ids(findClinics(index, 'lakeshroe', 8))).to.deep.equal(['a', 'b']);
    expect(ids(findClinics(index, 'lakeshroe holand', 8))).to.deep.equal(['b']);
    expect(ids(findClinics(index, 'juniperspring moton', 8))).to.deep.equal(['e']);
    expect(ids(findClinics(index, 'clinica fisica hazelhavn', 8))).to.deep.equal(['f']);
    // Words in any order.
    expect(ids(findClinics(index, 'fisica clinica', 8))).to.deep.equal(['f']);
    // The closer word first: "physio" is one letter from "physo", "physical" more.
    expect(ids(findClinics(index, 'wrenhil physo', 8))).to.deep.equal(['c', 'd']);
  });

  it('takes the last word as the start of a word (the visitor may still be typing)', () => {
    expect(ids(findClinics(index, 'lakeshroe gr', 8))).to.deep.equal(['a']);
    expect(ids(findClinics(index, 'riversde re', 8))).to.deep.equal(['h']);
  });

  it('needs four letters for a typo, and the first letter right', () => {
    // "lke" and "rvr": too short to forgive; "rivr" is not; "makeshore": a typo in the first
    // letter.
    expect(ids(findClinics(index, 'lke', 8))).to.deep.equal([]);
    expect(ids(findClinics(index, 'rvr', 8))).to.deep.equal([]);
    expect(ids(findClinics(index, 'rivr', 8))).to.deep.equal(['h']);
    expect(ids(findClinics(index, 'makeshore', 8))).to.deep.equal([]);
  });

  it('finds nothing for words no clinic has, and respects the limit', () => {
    expect(ids(findClinics(index, 'xqzv', 8))).to.deep.equal([]);
    expect(ids(findClinics(index, 'lakeshroe zzzzzz', 8))).to.deep.equal([]);
    expect(ids(findClinics(index, 'lakeshroe', 1))).to.deep.equal(['a']);
    expect(ids(findClinics(index, 'lakeshroe', 0))).to.deep.equal([]);
    expect(ids(findClinics(index, '', 8))).to.deep.equal([]);
  });

  it('suggests the same clinics as it finds', () => {
    for (const text of ['lakeshore', 'lakeshroe gr', 'heartland', 'xqzv']) {
      expect(ids(suggestClinics(index, text, 8)), text).to.deep.equal(
        ids(findClinics(index, text, 8)),
      );
    }
  });
});

describe('findOrganization()', () => {
  it('an organization of two or more clinics, by its name or the start of it', () => {
    expect(
      findOrganization(index, 'Heartland Therapy Partners')?.clinics.map((c) => c.id),
    ).to.deep.equal(['g', 'h']);
    expect(findOrganization(index, 'lakeshore')?.organization).to.equal(
      'Lakeshore Physical Therapy',
    );
    expect(findOrganization(index, 'wrenhill')).to.equal(undefined);
  });
});
