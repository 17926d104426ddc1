import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import {
  checkClinicRecords,
  checkClinicsFile,
  type CheckOptions,
  type Problem,
} from '../../src/domain/clinic-check.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(`/test/fixtures/clinics/${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

const OPTIONS: CheckOptions = {
  services: ['back-pain', 'sciatica'],
  insurance: ['medicare', 'medicaid', 'aetna', 'blue-cross-blue-shield'],
  zipPoint: (zip) => (zip === '49503' ? { lat: 42.966, lon: -85.653 } : undefined),
};

const error = (line: number, column: string, message: string, value: string): Problem => ({
  line,
  column,
  message,
  value,
  severity: 'error',
});

const RECORD = {
  id: 'j1',
  name: 'Lakeshore PT',
  organization: 'Lakeshore PT',
  address1: '1 Example Ave',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.96,
  lon: -85.66,
};

describe('checkClinicsFile(): the columns patients ask about', () => {
  it('reports one bad value of each new column at its line and keeps the good record', async () => {
    const result = checkClinicsFile(await fixture('patient-errors.csv'), 'csv', OPTIONS);
    expect(result.problems).to.deep.equal([
      error(
        2,
        'insurance',
        'unknown insurance "acme-health" (not in data/insurance.json)',
        'medicare;acme-health',
      ),
      error(3, 'accepting_new_patients', 'not yes or no (empty when unknown)', 'maybe'),
      error(
        4,
        'status',
        'not a status (empty, open, temporarily-closed, opening-soon, telehealth-only)',
        'closed',
      ),
      error(
        5,
        'special_hours',
        'unreadable: "2026-02-30" is not a date (YYYY-MM-DD)',
        '2026-02-30 closed',
      ),
      error(
        6,
        'special_hours',
        'unreadable: range 2026-12-26..2026-12-24 ends before it starts',
        '2026-12-26..2026-12-24 closed',
      ),
      error(7, 'special_hours', 'unreadable: "9am" is not a time', '2026-12-24 9am-1pm'),
      error(
        8,
        'accessibility',
        'unknown accessibility feature "ramp" (wheelchair-entrance, accessible-parking, accessible-restroom, elevator, public-transit)',
        'wheelchair-entrance;ramp',
      ),
      error(9, 'languages', 'unknown language code "xx" (ISO 639-1, e.g. en)', 'en;xx'),
    ]);
    expect(result.clinics.map((c) => c.id)).to.deep.equal(['p09']);
  });

  it('maps each new column to its Clinic field, codes in their usual case', async () => {
    const result = checkClinicsFile(await fixture('patient-errors.csv'), 'csv', OPTIONS);
    const clinic = result.clinics[0] as Clinic;
    expect({
      insurance: clinic.insurance,
      acceptingNewPatients: clinic.acceptingNewPatients,
      status: clinic.status,
      statusNote: clinic.statusNote,
      specialHours: clinic.specialHours,
      accessibility: clinic.accessibility,
      languages: clinic.languages,
    }).to.deep.equal({
      insurance: ['medicare', 'medicaid', 'aetna', 'blue-cross-blue-shield'],
      acceptingNewPatients: false,
      status: 'temporarily-closed',
      statusNote: 'Reopens January 12',
      specialHours: '2026-12-24 09:00-13:00; 2026-12-25 closed; 2026-12-28..2027-01-01 09:00-12:00',
      accessibility: ['wheelchair-entrance', 'elevator'],
      languages: ['en', 'es', 'vi'],
    });
  });

  it('leaves the fields absent when the columns are empty or missing', () => {
    const empty = {
      ...RECORD,
      insurance: '',
      accepting_new_patients: '',
      status: '',
      status_note: ' ',
      special_hours: '',
      accessibility: ' ; ',
    };
    const { clinics, problems } = checkClinicRecords([{ line: 1, row: empty }], OPTIONS);
    expect(problems).to.deep.equal([]);
    expect(clinics[0]).to.deep.equal({
      ...RECORD,
      services: [],
      timezone: 'America/Detroit',
    });
    expect(checkClinicRecords([{ line: 1, row: { ...RECORD } }], OPTIONS).clinics[0]).to.deep.equal(
      clinics[0],
    );
  });

  it('takes JSON lists and booleans, and an explicit open status', () => {
    const row = {
      ...RECORD,
      insurance: ['aetna', 'medicare'],
      accepting_new_patients: true,
      status: 'open',
      accessibility: ['public-transit'],
      languages: ['pl', 'ht', 'tl'],
    };
    const { clinics, problems } = checkClinicRecords([{ line: 1, row }], OPTIONS);
    expect(problems).to.deep.equal([]);
    expect(clinics[0]).to.deep.include({
      insurance: ['aetna', 'medicare'],
      acceptingNewPatients: true,
      status: 'open',
      accessibility: ['public-transit'],
      languages: ['pl', 'ht', 'tl'],
    });
  });

  it('rejects true/false words for accepting_new_patients: only yes, no or empty', () => {
    const { problems } = checkClinicRecords(
      [{ line: 4, row: { ...RECORD, accepting_new_patients: 'true' } }],
      OPTIONS,
    );
    expect(problems).to.deep.equal([
      error(4, 'accepting_new_patients', 'not yes or no (empty when unknown)', 'true'),
    ]);
  });

  it('checks insurance ids for their shape only when no plan list is given', () => {
    const { problems, clinics } = checkClinicRecords(
      [
        { line: 1, row: { ...RECORD, insurance: 'medicare;some-new-plan' } },
        {
          line: 2,
          row: { ...RECORD, id: 'j2', address1: '2 Example Ave', insurance: 'Aetna PPO' },
        },
      ],
      { services: OPTIONS.services, zipPoint: OPTIONS.zipPoint },
    );
    expect(clinics.map((c) => c.insurance)).to.deep.equal([['medicare', 'some-new-plan']]);
    expect(problems).to.deep.equal([
      error(
        2,
        'insurance',
        'not an insurance id "Aetna PPO" (lower-case kebab-case, e.g. blue-cross-blue-shield)',
        'Aetna PPO',
      ),
    ]);
  });

  it('reports an unknown ISO 639-1 code that Intl.DisplayNames would still name', () => {
    // DisplayNames answers for any well-formed code, so the checker uses its own list.
    const { problems } = checkClinicRecords(
      [{ line: 3, row: { ...RECORD, languages: 'en;qq' } }],
      OPTIONS,
    );
    expect(problems).to.deep.equal([
      error(3, 'languages', 'unknown language code "qq" (ISO 639-1, e.g. en)', 'en;qq'),
    ]);
  });
});
