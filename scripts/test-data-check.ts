// Node-side checks of the clinic data tools, which the browser suite cannot run:
//   1. `tsx scripts/check-clinics.ts test/fixtures/clinics/every-error.csv` exits 1 and prints
//      exactly the expected lines (one per error, then the summary);
//   2. compileClinics() on that file throws with exactly the same lines, and writes nothing;
//   3. the same for a JSON file (`file:record N:` locations);
//   4. the same for patient-errors.csv: one bad value of each column patients ask about;
//   5. a bad service vocabulary (test/fixtures/services/bad-services.json, `--services`) fails
//      `data:check` and compileClinics() with one line per problem, naming the service;
//   6. the bundled sample, data/clinics.csv, passes `npm run data:check` with 0 errors;
//   7. a Windows-1252 file (Excel's "CSV (Comma delimited)") passes with one warning naming
//      the first line that is not UTF-8; a ';'-separated file with a bidi control character
//      passes with one warning naming its line and field.
// Prints one line per check and exits 1 when any fails.
//
//   npx tsx scripts/test-data-check.ts
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseHours } from '../src/domain/hours.ts';
import { COMPILED_FILE, compileClinics } from './compile-clinics.ts';
import { finish, report } from './lib/check-report.ts';

const EVERY_ERROR = 'test/fixtures/clinics/every-error.csv';
const JSON_FILE = 'test/fixtures/clinics/clinics.json';
const PATIENT_ERRORS = 'test/fixtures/clinics/patient-errors.csv';
const GOOD = 'test/fixtures/clinics/good.csv';
const BAD_SERVICES = 'test/fixtures/services/bad-services.json';

const hours = parseHours('weekdays 9 to 5');
const HOURS_ERROR = hours.ok ? '(the fixture parses)' : hours.error;

/** What `npm run data:check` must print for every-error.csv (its record 2 spans lines 3-4). */
const EVERY_ERROR_LINES = [
  `${EVERY_ERROR}:2: name: required`,
  `${EVERY_ERROR}:3: state: not one of the 50 states or DC (territories are not in the ZIP table) (PR)`,
  `${EVERY_ERROR}:5: zip: not a ZIP code (5 digits or ZIP+4) (49S03)`,
  `${EVERY_ERROR}:6: zip: not in the ZIP table (99999)`,
  `${EVERY_ERROR}:7: lat: not a number (north)`,
  `${EVERY_ERROR}:8: lon: required when lat is given`,
  `${EVERY_ERROR}:9: lat/lon: outside the US (lat 17..72, lon -180..-64) (51.5, -0.12)`,
  `${EVERY_ERROR}:10: lat/lon: looks like lat and lon are swapped (-85.66, 42.96)`,
  `${EVERY_ERROR}:11: lon: longitude sign looks flipped (85.66)`,
  `${EVERY_ERROR}:12: lat/lon: is 202 km from ZIP 49503's point (41.88, -87.62)`,
  `${EVERY_ERROR}:13: id: duplicate id: first on line 2 (e01)`,
  `${EVERY_ERROR}:14: phone: not a 10-digit US phone number (555-12)`,
  `${EVERY_ERROR}:15: website: not an http(s) URL (javascript:alert(1))`,
  `${EVERY_ERROR}:16: services: unknown service "massage" (not in data/services.json) (back-pain;massage)`,
  `${EVERY_ERROR}:17: telehealth: not yes or no (maybe)`,
  `${EVERY_ERROR}:18: hours: unreadable: ${HOURS_ERROR} (weekdays 9 to 5)`,
  `${EVERY_ERROR}:19: timezone: unknown time zone (an IANA name such as America/Detroit) (America/Grand_Rapids)`,
  `${EVERY_ERROR}:20: languages: unknown language code "english" (ISO 639-1, e.g. en) (en;english)`,
  `${EVERY_ERROR}:21: (row): expected 18 fields, found 4`,
  '0 clinics, 19 errors, 0 warnings',
];

const JSON_LINES = [
  `${JSON_FILE}:record 2: phone: not a 10-digit US phone number (555-12)`,
  `${JSON_FILE}:record 2: services: unknown service "massage" (not in data/services.json) (back-pain;massage)`,
  `${JSON_FILE}:record 3: fax: unknown field`,
  `${JSON_FILE}:record 4: id: duplicate id: first on record 1 (j1)`,
  `${JSON_FILE}:record 4: lat/lon: looks like lat and lon are swapped (-85.66, 42.96)`,
  `${JSON_FILE}:record 5: (record): not an object`,
  '1 clinic, 6 errors, 0 warnings',
];

/** What `npm run data:check` must print for patient-errors.csv (its line 10 is a good clinic). */
const PATIENT_ERROR_LINES = [
  `${PATIENT_ERRORS}:2: insurance: unknown insurance "acme-health" (not in data/insurance.json) (medicare;acme-health)`,
  `${PATIENT_ERRORS}:3: accepting_new_patients: not yes or no (empty when unknown) (maybe)`,
  `${PATIENT_ERRORS}:4: status: not a status (empty, open, temporarily-closed, opening-soon, telehealth-only) (closed)`,
  `${PATIENT_ERRORS}:5: special_hours: unreadable: "2026-02-30" is not a date (YYYY-MM-DD) (2026-02-30 closed)`,
  `${PATIENT_ERRORS}:6: special_hours: unreadable: range 2026-12-26..2026-12-24 ends before it starts (2026-12-26..2026-12-24 closed)`,
  `${PATIENT_ERRORS}:7: special_hours: unreadable: "9am" is not a time (2026-12-24 9am-1pm)`,
  `${PATIENT_ERRORS}:8: accessibility: unknown accessibility feature "ramp" (wheelchair-entrance, accessible-parking, accessible-restroom, elevator, public-transit) (wheelchair-entrance;ramp)`,
  `${PATIENT_ERRORS}:9: languages: unknown language code "xx" (ISO 639-1, e.g. en) (en;xx)`,
  '1 clinic, 8 errors, 0 warnings',
];

/**
 * What `npm run data:check good.csv --services bad-services.json` must print: the services'
 * problems (each naming the service by index and id, and the field), then the (good) clinics.
 */
const S = BAD_SERVICES;
const BAD_SERVICES_LINES = [
  `${S}:service 1 (back-pain): synonyms: a generic word, which the search drops, not a service (physical therapy)`,
  `${S}:service 1 (back-pain): synonyms: a US state, which the search reads as a place (Indiana)`,
  `${S}:service 1 (back-pain): synonyms_es: duplicate phrase: first in synonyms_es of service 1 (back-pain) (Dolor-de-Espalda)`,
  `${S}:service 2 (sciatica): synonyms: not an array of phrases ("sciatica")`,
  `${S}:service 2 (sciatica): synonyms_es: not a non-empty string ("")`,
  `${S}:service 2 (sciatica): synonyms_es: not a non-empty string (7)`,
  `${S}:service 2 (sciatica): synonyms_es: has no letters or digits (!!!)`,
  `${S}:service 2 (sciatica): synonyms_es: a connecting word, which the search drops, not a service (en)`,
  `${S}:service 2 (sciatica): synonyms_es: a US state, which the search reads as a place (TX)`,
  `${S}:service 3 (neck-pain): keywords: unknown field`,
  `${S}:service 3 (neck-pain): synonyms: duplicate phrase: first in synonyms_es of service 2 (sciatica) (Ciatica)`,
  `${S}:service 3 (neck-pain): synonyms: a phrase the search reads itself, not a service (near me)`,
  `${S}:service 4 (back-pain): id: duplicate id: first on service 1 (back-pain)`,
  `${S}:service 4 (back-pain): synonyms_es: duplicate phrase: first in synonyms_es of service 2 (sciatica) (ciática)`,
  `${S}:service 5: id: required: a non-empty string`,
  `${S}:service 6: (service): not an object`,
  '2 clinics, 16 errors, 0 warnings',
];

function dataCheck(...args: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/check-clinics.ts', ...args],
    { encoding: 'utf8' },
  );
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter(Boolean);
  return { status: result.status, lines };
}

function expectCli(file: string, expected: string[], services?: string): void {
  const { status, lines } = dataCheck(file, ...(services ? ['--services', services] : []));
  report(
    `data:check ${file}${services ? ` --services ${services}` : ''} exits 1 with exactly the expected lines`,
    status === 1 && isDeepStrictEqual(lines, expected),
    () => `exit ${status}\n${lines.join('\n')}`,
  );
}

async function expectCompileFails(
  file: string,
  expected: string[],
  services?: string,
): Promise<void> {
  const before = existsSync(COMPILED_FILE) ? statSync(COMPILED_FILE).mtimeMs : undefined;
  let message = '(no error thrown)';
  try {
    await compileClinics(file, services);
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const after = existsSync(COMPILED_FILE) ? statSync(COMPILED_FILE).mtimeMs : undefined;
  report(
    `compileClinics('${file}'${services ? `, '${services}'` : ''}) throws the same lines and writes nothing`,
    message === expected.join('\n') && before === after,
    () => `${message}\n(compiled file ${before === after ? 'untouched' : 'rewritten'})`,
  );
}

expectCli(EVERY_ERROR, EVERY_ERROR_LINES);
await expectCompileFails(EVERY_ERROR, EVERY_ERROR_LINES);
expectCli(JSON_FILE, JSON_LINES);
await expectCompileFails(JSON_FILE, JSON_LINES);
expectCli(PATIENT_ERRORS, PATIENT_ERROR_LINES);
await expectCompileFails(PATIENT_ERRORS, PATIENT_ERROR_LINES);
expectCli(GOOD, BAD_SERVICES_LINES, BAD_SERVICES);
await expectCompileFails(GOOD, BAD_SERVICES_LINES, BAD_SERVICES);

const EXCEL_1252 = 'test/fixtures/data-check/excel-1252.csv';
const BIDI_SEMICOLON = 'test/fixtures/data-check/bidi-semicolon.csv';
for (const [file, expected] of [
  [
    EXCEL_1252,
    [
      `${EXCEL_1252}:2: warning: (file): not valid UTF-8: read as Windows-1252, as Excel's "CSV (Comma delimited)" writes it; save the file as "CSV UTF-8" to be sure`,
      '3 clinics, 0 errors, 1 warning',
    ],
  ],
  [
    BIDI_SEMICOLON,
    [
      `${BIDI_SEMICOLON}:3: warning: name: bidi control character U+202E: it can reorder the text visitors see ("Lakeshore PT \\u202eTP")`,
      '2 clinics, 0 errors, 1 warning',
    ],
  ],
] as const) {
  const { status, lines } = dataCheck(file);
  report(
    `data:check ${file} exits 0 with exactly the expected warning`,
    status === 0 && isDeepStrictEqual(lines, expected),
    () => `exit ${status}\n${lines.join('\n')}`,
  );
}

const sample = dataCheck();
report(
  'data:check passes the sample data/clinics.csv with 0 errors',
  sample.status === 0 && / 0 errors, /.test(sample.lines.at(-1) ?? ''),
  () => `exit ${sample.status}\n${sample.lines.join('\n')}`,
);

finish('data checks');
