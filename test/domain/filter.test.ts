import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import {
  filterClinics,
  parseList,
  valuesOffered,
  serviceCounts,
  servicesOffered,
  type ClinicFilter,
} from '../../src/domain/filter.js';
import { tallyFilters } from '../../src/domain/filter-tally.js';

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

const ids = (list: readonly Clinic[]) => list.map((c) => c.id);

describe('filterClinics()', () => {
  it('returns the same array when no condition is set (so work keyed on it is reused)', () => {
    expect(filterClinics(clinics, {})).to.equal(clinics);
    expect(filterClinics(clinics, { organization: '', services: [], telehealth: false })).to.equal(
      clinics,
    );
  });

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

describe('filterClinics() with telehealth and languages', () => {
  const more: Clinic[] = [
    { ...clinics[0]!, id: 't1', telehealth: true, languages: ['en', 'es'] },
    { ...clinics[1]!, id: 't2', telehealth: true, languages: ['en'] },
    { ...clinics[2]!, id: 't3', telehealth: false, languages: ['es'] },
    { ...clinics[3]!, id: 't4' },
  ];

  it('combines telehealth, languages, services and organization with AND', () => {
    expect(ids(filterClinics(more, { telehealth: true }))).to.deep.equal(['t1', 't2']);
    expect(ids(filterClinics(more, { languages: ['es'] }))).to.deep.equal(['t1', 't3']);
    expect(ids(filterClinics(more, { telehealth: true, languages: ['es'] }))).to.deep.equal(['t1']);
    expect(
      ids(filterClinics(more, { telehealth: true, languages: ['es'], services: ['sciatica'] })),
    ).to.deep.equal(['t1']);
    expect(
      ids(filterClinics(more, { organization: 'Summit Motion', languages: ['es'] })),
    ).to.deep.equal(['t3']);
    expect(ids(filterClinics(more, { telehealth: false }))).to.deep.equal(['t1', 't2', 't3', 't4']);
  });
});

describe('servicesOffered() and serviceCounts()', () => {
  const vocabulary = ['back-pain', 'sciatica', 'neck-pain', 'aquatic'];

  it('lists only the services present, in vocabulary order', () => {
    expect(servicesOffered(clinics, vocabulary)).to.deep.equal([
      'back-pain',
      'sciatica',
      'aquatic',
    ]);
    expect(servicesOffered([], vocabulary)).to.deep.equal([]);
  });

  it('counts, per service, the clinics left if it were added to the filter', () => {
    expect([...serviceCounts(clinics, {}, vocabulary)]).to.deep.equal([
      ['back-pain', 3],
      ['sciatica', 2],
      ['neck-pain', 0],
      ['aquatic', 1],
    ]);
    expect([...serviceCounts(clinics, { services: ['sciatica'] }, vocabulary)]).to.deep.equal([
      ['back-pain', 2],
      ['sciatica', 2],
      ['neck-pain', 0],
      ['aquatic', 1],
    ]);
    expect([...serviceCounts(clinics, { organization: 'Lakeshore PT' }, vocabulary)]).to.deep.equal(
      [
        ['back-pain', 2],
        ['sciatica', 1],
        ['neck-pain', 0],
        ['aquatic', 0],
      ],
    );
  });
});

describe('filterClinics() with insurance, new patients and building access', () => {
  const patients: Clinic[] = [
    { ...clinic('p1', 'X', []), insurance: ['medicare', 'aetna'], acceptingNewPatients: true },
    { ...clinic('p2', 'X', []), insurance: ['aetna'], acceptingNewPatients: false },
    { ...clinic('p3', 'X', []), insurance: ['medicare'], accessibility: ['wheelchair-entrance'] },
    {
      ...clinic('p4', 'X', []),
      acceptingNewPatients: true,
      accessibility: ['wheelchair-entrance', 'elevator'],
      languages: ['en', 'vi'],
    },
  ];
  it('keeps the clinics accepting one plan', () => {
    expect(ids(filterClinics(patients, { insurance: 'medicare' }))).to.deep.equal(['p1', 'p3']);
    expect(ids(filterClinics(patients, { insurance: 'tricare' }))).to.deep.equal([]);
  });
  it('keeps only clinics known to take new patients (unknown is not yes)', () => {
    expect(ids(filterClinics(patients, { acceptingNewPatients: true }))).to.deep.equal([
      'p1',
      'p4',
    ]);
  });
  it('requires every access feature, combined with the rest (AND)', () => {
    const filter = { accessibility: ['wheelchair-entrance'] };
    expect(ids(filterClinics(patients, filter))).to.deep.equal(['p3', 'p4']);
    expect(
      ids(
        filterClinics(patients, { ...filter, acceptingNewPatients: true, insurance: 'medicare' }),
      ),
    ).to.deep.equal([]);
    expect(ids(filterClinics(patients, { ...filter, languages: ['vi'] }))).to.deep.equal(['p4']);
  });
  it('returns the same array for an empty insurance and false flags', () => {
    const none = { insurance: '', acceptingNewPatients: false, accessibility: [] };
    expect(filterClinics(patients, none)).to.equal(patients);
  });
});

describe('valuesOffered()', () => {
  it('lists the distinct languages or plans present, sorted', () => {
    const list: Clinic[] = [
      { ...clinic('a', 'X', []), languages: ['es', 'en'], insurance: ['medicare'] },
      { ...clinic('b', 'X', []), languages: ['vi', 'en'] },
      clinic('c', 'X', []),
    ];
    expect(valuesOffered(list, 'languages')).to.deep.equal(['en', 'es', 'vi']);
    expect(valuesOffered(list, 'insurance')).to.deep.equal(['medicare']);
    expect(valuesOffered([], 'languages')).to.deep.equal([]);
  });
});

describe('tallyFilters()', () => {
  // Clinics with every combination of the toggles' fields, some sharing one list array.
  const shared = ['back-pain', 'sciatica'];
  const spanish = ['en', 'es'];
  const many: Clinic[] = Array.from({ length: 48 }, (_, i) => ({
    ...clinic(`t${i}`, i % 3 ? 'Lakeshore PT' : 'Summit Motion', i % 4 ? shared : ['aquatic']),
    ...(i % 2 ? { telehealth: true } : {}),
    ...(i % 5 ? { acceptingNewPatients: i % 5 > 2 } : {}),
    ...(i % 3 === 1 ? { accessibility: ['wheelchair-entrance' as const] } : {}),
    ...(i % 7 ? { languages: i % 7 > 3 ? spanish : ['en', 'vi'] } : {}),
    ...(i % 6 ? { insurance: i % 6 > 2 ? ['medicare'] : ['aetna', 'medicare'] } : {}),
  }));
  const filters: ClinicFilter[] = [
    {},
    { organization: 'lakeshore pt ' },
    { services: ['sciatica'], telehealth: true },
    { languages: ['es'], acceptingNewPatients: true },
    { insurance: 'aetna', accessibility: ['wheelchair-entrance'] },
    {
      services: ['back-pain'],
      telehealth: true,
      languages: ['en'],
      insurance: 'medicare',
      acceptingNewPatients: true,
      accessibility: ['wheelchair-entrance'],
    },
  ];
  for (const filter of filters) {
    it(`counts in one pass what a pass per toggle counts: ${JSON.stringify(filter)}`, () => {
      const tally = tallyFilters(many, filter);
      const left = (change: Partial<ClinicFilter>) =>
        filterClinics(many, { ...filter, ...change }).length;
      expect([...tally.services].sort()).to.deep.equal(
        servicesOffered(many, ['aquatic', 'back-pain', 'sciatica']),
      );
      expect([...tally.languages].sort()).to.deep.equal(valuesOffered(many, 'languages'));
      expect([...tally.plans].sort()).to.deep.equal(valuesOffered(many, 'insurance'));
      const offered = ['aquatic', 'back-pain', 'sciatica'];
      expect(offered.map((id) => tally.serviceCounts.get(id) ?? 0)).to.deep.equal(
        offered.map((id) => serviceCounts(many, filter, offered).get(id)),
      );
      for (const code of ['en', 'es', 'vi'])
        expect(tally.languageCounts.get(code) ?? 0, code).to.equal(
          left({ languages: [...new Set([...(filter.languages ?? []), code])] }),
        );
      expect(tally.telehealth).to.equal(left({ telehealth: true }));
      expect(tally.acceptingNew).to.equal(left({ acceptingNewPatients: true }));
      expect(tally.wheelchair).to.equal(left({ accessibility: ['wheelchair-entrance'] }));
    });
  }
});
