import { expect } from '@open-wc/testing';
import {
  checkClinicRecords,
  checkClinicsFile,
  createClinicChecker,
  detectFormat,
  formatProblem,
  formatSummary,
  parseClinicsFile,
  type CheckOptions,
  type Problem,
} from '../../src/domain/clinic-check.js';
import { US_STATES } from '../../src/domain/clinic-schema.js';
import { parseHours } from '../../src/domain/hours.js';
import { defaultTimeZone } from '../../src/domain/timezones.js';
import { lookupZip } from '../../src/domain/zip-table.js';
import { loadZipTables } from '../../src/load/zip-data.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(`/test/fixtures/clinics/${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

const SERVICES = ['back-pain', 'sciatica', 'neck-pain', 'aquatic'];
/** The GeoNames points of the fixtures' ZIPs, as in data/generated/zips.bin. */
const POINTS: Record<string, { lat: number; lon: number }> = {
  '49503': { lat: 42.966, lon: -85.653 },
  '49504': { lat: 42.974, lon: -85.726 },
};
const OPTIONS: CheckOptions = { services: SERVICES, zipPoint: (zip) => POINTS[zip] };

const error = (line: number, column: string, message: string, value?: string): Problem =>
  value === undefined
    ? { line, column, message, severity: 'error' }
    : { line, column, message, value, severity: 'error' };
const warning = (line: number, column: string, message: string, value?: string): Problem => ({
  ...error(line, column, message, value),
  severity: 'warning',
});

const HOURS_ERROR = (() => {
  const parsed = parseHours('weekdays 9 to 5');
  if (parsed.ok) throw new Error('the bad-hours fixture parses');
  return `unreadable: ${parsed.error}`;
})();

/** One fixture per error kind: its exact problems (the bad record is always line 2 or 3). */
const ERROR_KINDS: [string, Problem[]][] = [
  ['missing-required', [error(2, 'name', 'required')]],
  [
    'unknown-state',
    [
      error(
        2,
        'state',
        'not one of the 50 states or DC (territories are not in the ZIP table)',
        'PR',
      ),
    ],
  ],
  ['bad-zip', [error(2, 'zip', 'not a ZIP code (5 digits or ZIP+4)', '49S03')]],
  ['zip-not-in-table', [error(2, 'zip', 'not in the ZIP table', '99999')]],
  ['lat-not-number', [error(2, 'lat', 'not a number', 'north')]],
  ['one-coordinate', [error(2, 'lon', 'required when lat is given')]],
  [
    'outside-us',
    [error(2, 'lat/lon', 'outside the US (lat 17..72, lon -180..-64)', '51.5, -0.12')],
  ],
  ['swapped', [error(2, 'lat/lon', 'looks like lat and lon are swapped', '-85.66, 42.96')]],
  ['sign-flipped', [error(2, 'lon', 'longitude sign looks flipped', '85.66')]],
  ['far-from-zip', [error(2, 'lat/lon', "is 202 km from ZIP 49503's point", '41.88, -87.62')]],
  ['duplicate-id', [error(3, 'id', 'duplicate id: first on line 2', 'c1')]],
  ['bad-phone', [error(2, 'phone', 'not a 10-digit US phone number', '555-12')]],
  ['bad-url', [error(2, 'website', 'not an http(s) URL', 'javascript:alert(1)')]],
  [
    'unknown-service',
    [
      error(
        2,
        'services',
        'unknown service "massage" (not in data/services.json)',
        'back-pain;massage',
      ),
    ],
  ],
  ['bad-telehealth', [error(2, 'telehealth', 'not yes or no', 'maybe')]],
  ['bad-hours', [error(2, 'hours', HOURS_ERROR, 'weekdays 9 to 5')]],
  [
    'bad-timezone',
    [
      error(
        2,
        'timezone',
        'unknown time zone (an IANA name such as America/Detroit)',
        'America/Grand_Rapids',
      ),
    ],
  ],
  [
    'bad-language',
    [error(2, 'languages', 'unknown language code "english" (ISO 639-1, e.g. en)', 'en;english')],
  ],
  ['wrong-field-count', [error(3, '(row)', 'expected 18 fields, found 4')]],
];

/** every-error.csv: one record per kind above; its second record spans lines 3-4. */
const EVERY_ERROR: Problem[] = ERROR_KINDS.map(([, [p]], i) => {
  const problem = p as Problem;
  const line = i === 0 ? 2 : i + 3;
  if (problem.column === 'id')
    return { ...problem, line, message: 'duplicate id: first on line 2', value: 'e01' };
  return { ...problem, line: i === 1 ? 3 : line };
});

describe('checkClinicRecords()', () => {
  for (const [name, expected] of ERROR_KINDS) {
    it(`${name}.csv: exactly ${expected.map((p) => `${p.column}: ${p.message}`).join('; ')}`, async () => {
      const result = checkClinicsFile(await fixture(`${name}.csv`), 'csv', OPTIONS);
      expect(result.problems).to.deep.equal(expected);
      // The record with the error is left out; any other record is kept.
      expect(result.clinics.map((c) => c.id)).to.deep.equal(
        name === 'duplicate-id' || name === 'wrong-field-count' ? ['c1'] : [],
      );
    });
  }

  it('every-error.csv: one problem per error, at the line where each record starts', async () => {
    const result = checkClinicsFile(await fixture('every-error.csv'), 'csv', OPTIONS);
    expect(result.problems).to.deep.equal(EVERY_ERROR);
    expect(result.clinics).to.deep.equal([]);
    expect(formatSummary(result)).to.equal('0 clinics, 19 errors, 0 warnings');
  });

  it('checks the same a slice at a time: duplicates across slices, problems and clinics in order', async () => {
    for (const name of ['every-error', 'duplicate-id', 'warnings', 'good']) {
      const parsed = parseClinicsFile(await fixture(`${name}.csv`), 'csv');
      const whole = checkClinicRecords(parsed.records, OPTIONS);
      for (const size of [1, 2, 3]) {
        const checker = createClinicChecker(OPTIONS);
        for (let i = 0; i < parsed.records.length; i += size) {
          checker.check(parsed.records.slice(i, i + size));
        }
        expect(checker.result(), `${name}, slices of ${size}`).to.deep.equal(whole);
      }
    }
    // The duplicate is found in a later slice than its first record.
    const parsed = parseClinicsFile(await fixture('duplicate-id.csv'), 'csv');
    const checker = createClinicChecker(OPTIONS);
    checker.check(parsed.records.slice(0, 1));
    expect(checker.result().problems).to.deep.equal([]);
    checker.check(parsed.records.slice(1));
    expect(checker.result().problems.map((p) => p.message)).to.deep.equal([
      'duplicate id: first on line 2',
    ]);
  });

  it('every-error.csv: the same problems with the real ZIP tables (loadZipTables)', async () => {
    const tables = await loadZipTables();
    const result = checkClinicsFile(await fixture('every-error.csv'), 'csv', {
      services: SERVICES,
      zipPoint: (zip) => {
        const found = lookupZip(tables, zip);
        return found.kind === 'found' ? { lat: found.lat, lon: found.lon } : undefined;
      },
    });
    expect(result.problems).to.deep.equal(EVERY_ERROR);
  });

  it('turns good records into clinics: digits-only phone, lists, booleans, default time zone', async () => {
    const result = checkClinicsFile(await fixture('good.csv'), 'csv', OPTIONS);
    expect(result.problems).to.deep.equal([]);
    expect(result.clinics).to.deep.equal([
      {
        id: 'c1',
        name: 'Lakeshore PT – Grand Rapids',
        organization: 'Lakeshore PT',
        address1: '100 Example Ave',
        city: 'Grand Rapids',
        state: 'MI',
        zip: '49503',
        lat: 42.96,
        lon: -85.66,
        phone: '6165550100',
        website: 'https://lakeshore.example',
        services: ['back-pain', 'sciatica'],
        telehealth: true,
        languages: ['en', 'es'],
        hours: 'Mo-Fr 07:00-19:00',
        timezone: 'America/Detroit',
      },
      {
        id: 'c2',
        name: 'Lakeshore PT – Kentwood',
        organization: 'Lakeshore PT',
        address1: '200 Sample St',
        address2: 'Suite 2',
        city: 'Grand Rapids',
        state: 'MI',
        zip: '49504',
        lat: 42.97,
        lon: -85.72,
        phone: '6165550100',
        website: 'https://lakeshore.example',
        bookingUrl: 'https://lakeshore.example/book?location=kentwood',
        services: ['neck-pain'],
        telehealth: false,
        languages: ['en'],
        timezone: 'America/Detroit',
      },
    ]);
  });

  it('warnings keep the clinic: missing coordinates (ZIP point, approximate), same address, http', async () => {
    const result = checkClinicsFile(await fixture('warnings.csv'), 'csv', OPTIONS);
    expect(result.problems).to.deep.equal([
      warning(2, 'lat/lon', "missing: the clinic is placed at ZIP 49503's point (approximate)"),
      warning(3, 'address1', 'same address as line 2', '100 example ave.'),
      warning(4, 'website', 'not https', 'http://lakeshore.example'),
    ]);
    expect(result.clinics.map((c) => c.id)).to.deep.equal(['c1', 'c2', 'c3']);
    const [first, second] = result.clinics;
    expect([first?.lat, first?.lon, first?.approximate]).to.deep.equal([42.966, -85.653, true]);
    expect(second?.approximate).to.equal(undefined);
    expect(formatSummary(result)).to.equal('3 clinics, 0 errors, 3 warnings');
  });

  it('reports every problem of one record, in column order', () => {
    const { problems, clinics } = checkClinicRecords(
      [
        {
          line: 7,
          row: { id: 'x', name: '', state: 'mi', zip: '49503', phone: '1', lat: 'n', lon: '1' },
        },
      ],
      OPTIONS,
    );
    expect(problems).to.deep.equal([
      error(7, 'name', 'required'),
      error(7, 'organization', 'required'),
      error(7, 'address1', 'required'),
      error(7, 'city', 'required'),
      error(7, 'lat', 'not a number', 'n'),
      error(7, 'phone', 'not a 10-digit US phone number', '1'),
    ]);
    expect(clinics).to.deep.equal([]);
  });

  it('without a ZIP table: swapped and flipped coordinates from the US bounds; missing ones are an error', () => {
    const row = {
      id: 'a',
      name: 'A',
      organization: 'A',
      address1: '1 Demo Rd',
      city: 'X',
      state: 'MI',
      zip: '49503',
    };
    const { problems } = checkClinicRecords(
      [
        { line: 2, row: { ...row, lat: '-85.66', lon: '42.96' } },
        { line: 3, row: { ...row, id: 'b', address1: '2 Demo Rd', lat: '42.96', lon: '85.66' } },
        { line: 4, row: { ...row, id: 'c', address1: '3 Demo Rd' } },
        { line: 5, row: { ...row, id: 'd', address1: '4 Demo Rd', lat: '41.88', lon: '-87.62' } },
      ],
      { services: SERVICES },
    );
    expect(problems).to.deep.equal([
      error(2, 'lat/lon', 'looks like lat and lon are swapped', '-85.66, 42.96'),
      error(3, 'lon', 'longitude sign looks flipped', '85.66'),
      error(4, 'lat/lon', 'required (no ZIP table to take the ZIP code’s point from)'),
    ]);
  });

  it('accepts ZIP+4, any case for codes, yes/no/true/false, and a state’s own time zone', () => {
    const { clinics, problems } = checkClinicRecords(
      [
        {
          line: 2,
          row: {
            id: 'a',
            name: 'A',
            organization: 'A',
            address1: '1 Demo Rd',
            city: 'Boise',
            state: 'id',
            zip: '49503-1234',
            lat: '42.96',
            lon: '-85.66',
            telehealth: 'TRUE',
            languages: 'EN; es ;',
            services: ' back-pain ; ',
          },
        },
      ],
      OPTIONS,
    );
    expect(problems).to.deep.equal([]);
    expect(clinics[0]).to.include({
      state: 'ID',
      zip: '49503',
      telehealth: true,
      timezone: 'America/Boise',
    });
    expect(clinics[0]?.languages).to.deep.equal(['en', 'es']);
    expect(clinics[0]?.services).to.deep.equal(['back-pain']);
  });

  it('says a 4-digit ZIP may have lost its leading 0 in a spreadsheet', () => {
    const { problems } = checkClinicRecords([{ line: 2, row: { zip: 2134 } }], OPTIONS);
    expect(problems.find((p) => p.column === 'zip')).to.deep.equal(
      error(
        2,
        'zip',
        'not a ZIP code (5 digits or ZIP+4): a spreadsheet may have dropped its leading 0',
        '2134',
      ),
    );
  });
});

describe('parseClinicsFile()', () => {
  it('JSON: records numbered from 1, with arrays, numbers and booleans', async () => {
    const text = await fixture('clinics.json');
    const parsed = parseClinicsFile(text, 'json');
    expect(parsed.recordLabel).to.equal('record');
    expect(parsed.problems).to.deep.equal([]);
    const result = checkClinicsFile(text, 'json', OPTIONS);
    expect(result.problems).to.deep.equal([
      error(2, 'phone', 'not a 10-digit US phone number', '555-12'),
      error(
        2,
        'services',
        'unknown service "massage" (not in data/services.json)',
        'back-pain;massage',
      ),
      error(3, 'fax', 'unknown field'),
      error(4, 'id', 'duplicate id: first on record 1', 'j1'),
      error(4, 'lat/lon', 'looks like lat and lon are swapped', '-85.66, 42.96'),
      error(5, '(record)', 'not an object', undefined),
    ]);
    expect(result.clinics).to.deep.equal([
      {
        id: 'j1',
        name: 'Lakeshore PT',
        organization: 'Lakeshore PT',
        address1: '100 Example Ave',
        city: 'Grand Rapids',
        state: 'MI',
        zip: '49503',
        lat: 42.96,
        lon: -85.66,
        services: ['back-pain', 'sciatica'],
        telehealth: true,
        languages: ['en', 'es'],
        timezone: 'America/Detroit',
      },
    ]);
    expect(formatProblem('clinics.json', result.problems[0] as Problem, 'record')).to.equal(
      'clinics.json:record 2: phone: not a 10-digit US phone number (555-12)',
    );
  });

  it('JSON that is not an array of clinics is one file problem', () => {
    expect(parseClinicsFile('{"id": 1', 'json').problems).to.have.length(1);
    expect(parseClinicsFile('{"id": 1', 'json').problems[0]).to.include({
      line: 0,
      column: '(file)',
    });
    expect(parseClinicsFile('{}', 'json').problems).to.deep.equal([
      error(0, '(file)', 'not a JSON array of clinics'),
    ]);
    expect(parseClinicsFile('[]', 'json').problems).to.deep.equal([
      error(0, '(file)', 'no clinics'),
    ]);
  });

  it('CSV header: unknown, duplicate and missing required columns; optional columns may be left out', () => {
    const parsed = parseClinicsFile(
      '\nid,Name,city,city,fax,address1,state,zip\nc1,A,X,X,,1 Demo Rd,MI,49503\n',
      'csv',
    );
    expect(parsed.problems).to.deep.equal([
      error(2, 'city', 'duplicate column'),
      error(2, 'fax', 'unknown column'),
      error(2, 'organization', 'missing column'),
    ]);
    // Every record would repeat the missing column: none is checked.
    expect(parsed.records).to.deep.equal([]);
    const ok = checkClinicsFile(
      'id,name,organization,address1,city,state,zip\nc1,A,A,1 Demo Rd,X,MI,49503\n',
      'csv',
      OPTIONS,
    );
    expect(ok.problems.map((p) => p.severity)).to.deep.equal(['warning']);
    expect(ok.clinics).to.have.length(1);
    // An unknown column is reported once, at the header, not again in every row.
    const extra = checkClinicsFile(
      'id,name,organization,address1,city,state,zip,lat,lon,fax\nc1,A,A,1 Demo Rd,X,MI,49503,42.96,-85.66,1\n',
      'csv',
      OPTIONS,
    );
    expect(extra.problems).to.deep.equal([error(1, 'fax', 'unknown column')]);
    expect(extra.clinics).to.have.length(1);
  });

  it('an empty file has no clinics', () => {
    expect(parseClinicsFile('', 'csv').problems).to.deep.equal([error(0, '(file)', 'no clinics')]);
    expect(
      parseClinicsFile('id,name,organization,address1,city,state,zip\n', 'csv').problems,
    ).to.deep.include(error(0, '(file)', 'no clinics'));
  });

  it('BOM, CRLF, a quoted CRLF, a blank line and a row of commas: right lines', async () => {
    const result = checkClinicsFile(await fixture('bom-crlf.csv'), 'csv', OPTIONS);
    expect(result.problems).to.deep.equal([
      error(5, 'phone', 'not a 10-digit US phone number', '555-12'),
      error(7, 'telehealth', 'not yes or no', 'maybe'),
    ]);
    expect(result.clinics.map((c) => [c.id, c.address2])).to.deep.equal([
      ['q1', 'Suite 2,\r\nBuilding B'],
    ]);
  });
});

describe('formatProblem()', () => {
  it('file:line: column: message (value), warnings marked, file problems without a line', () => {
    expect(
      formatProblem(
        'data/clinics.csv',
        error(12, 'phone', 'not a 10-digit US phone number', '555-12'),
        'line',
      ),
    ).to.equal('data/clinics.csv:12: phone: not a 10-digit US phone number (555-12)');
    expect(
      formatProblem(
        'data/clinics.csv',
        warning(4, 'website', 'not https', 'http://a.example'),
        'line',
      ),
    ).to.equal('data/clinics.csv:4: warning: website: not https (http://a.example)');
    expect(formatProblem('c.json', error(3, 'name', 'required'), 'record')).to.equal(
      'c.json:record 3: name: required',
    );
    expect(formatProblem('c.json', error(0, '(file)', 'no clinics'), 'record')).to.equal(
      'c.json: (file): no clinics',
    );
  });

  it('keeps a value with line breaks on one line', () => {
    expect(formatProblem('f.csv', error(2, 'address2', 'x', 'a\nb'), 'line')).to.equal(
      'f.csv:2: address2: x ("a\\nb")',
    );
  });
});

describe('detectFormat()', () => {
  it('trusts the name or media type, else looks at the first character', () => {
    expect(detectFormat('id,name', 'clinics.JSON')).to.equal('json');
    expect(detectFormat('[]', 'clinics.csv')).to.equal('csv');
    expect(detectFormat('id', 'application/json; charset=utf-8')).to.equal('json');
    expect(detectFormat('[', 'text/csv')).to.equal('csv');
    expect(detectFormat('\uFEFF \n [{"id": 1}]')).to.equal('json');
    expect(detectFormat('id,name\n')).to.equal('csv');
  });
});

describe('defaultTimeZone()', () => {
  it('gives every state and DC a zone the browser knows, and nothing else one', () => {
    expect(US_STATES.size).to.equal(51);
    for (const state of US_STATES) {
      const zone = defaultTimeZone(state);
      expect(zone, state).to.be.a('string');
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), state).not.to.throw();
    }
    expect(defaultTimeZone('PR')).to.equal(undefined);
    expect(defaultTimeZone('toString')).to.equal(undefined);
    expect([defaultTimeZone('MI'), defaultTimeZone('IN'), defaultTimeZone('AZ')]).to.deep.equal([
      'America/Detroit',
      'America/Indiana/Indianapolis',
      'America/Phoenix',
    ]);
  });
});

describe('checkClinicsFile() with bidi controls and other separators', () => {
  const HEADER = 'id,name,organization,address1,city,state,zip,lat,lon,services';
  const row = (id: string, name: string, address = '1 Main St') =>
    [id, name, 'Org', address, 'Grand Rapids', 'MI', '49503', '42.96', '-85.65', 'back-pain'].join(
      ',',
    );

  it('warns about each field with bidi control characters, with line and field, and keeps the clinic', () => {
    const text = [
      HEADER,
      row('b1', 'Plain'),
      row('b2', 'Evil \u202eTP', '2 Main St'),
      row('b3', 'Marks\u200f\u2066x\u2069', '3 Main St\u061c'),
    ].join('\n');
    const result = checkClinicsFile(text, 'csv', OPTIONS);
    expect(result.clinics.map((c) => c.id)).to.deep.equal(['b1', 'b2', 'b3']);
    expect(result.problems.map((p) => [p.line, p.column, p.severity, p.message])).to.deep.equal([
      [3, 'name', 'warning', 'bidi control character U+202E: it can reorder the text visitors see'],
      [
        4,
        'name',
        'warning',
        'bidi control character U+200F, U+2066, U+2069: it can reorder the text visitors see',
      ],
      [
        4,
        'address1',
        'warning',
        'bidi control character U+061C: it can reorder the text visitors see',
      ],
    ]);
    expect(formatProblem('f.csv', result.problems[0]!, 'line')).to.equal(
      'f.csv:3: warning: name: bidi control character U+202E: it can reorder the text visitors see ("Evil \\u202eTP")',
    );
  });

  it('warns about bidi controls in JSON records too', () => {
    const record = {
      id: 'j1',
      name: 'J',
      organization: 'Org',
      address1: '1 Main St',
      city: 'Grand Rapids',
      state: 'MI',
      zip: '49503',
      lat: 42.96,
      lon: -85.65,
      services: ['back-pain'],
      status_note: 'Closed \u2067today',
    };
    const result = checkClinicsFile(JSON.stringify([record]), 'json', OPTIONS);
    expect(result.problems.map((p) => [p.line, p.column, p.severity])).to.deep.equal([
      [1, 'status_note', 'warning'],
    ]);
  });

  it('reads a ";" file with decimal commas as European Excel writes it', () => {
    const text = `${HEADER.replaceAll(',', ';')}\n${['s1', 'Semi', 'Org', '1 Main St', 'Grand Rapids', 'MI', '49503', '42,96', '-85,65', '"back-pain;sciatica"'].join(';')}\n`;
    const result = checkClinicsFile(text, 'csv', OPTIONS);
    expect(result.problems).to.deep.equal([]);
    expect(result.clinics.map((c) => [c.lat, c.lon, c.services])).to.deep.equal([
      [42.96, -85.65, ['back-pain', 'sciatica']],
    ]);
  });

  it('says what a header of one column with another separator is', () => {
    const result = parseClinicsFile(`${HEADER.replaceAll(',', '|')}\n1|2\n`, 'csv');
    expect(result.records).to.deep.equal([]);
    expect(result.problems.map((p) => [p.line, p.column])).to.deep.equal([[1, '(file)']]);
    expect(result.problems[0]!.message).to.contain('separated by "|", not commas');
  });
});
