// Generated clinic CSV files (fast-check): rows valid and broken in every column of the data
// format (README "Clinic data", src/domain/clinic-schema.ts), quoted fields with commas, quotes
// and line breaks, rows with too few or too many fields, an unterminated quote at the end.
// Whatever the file, the checker never throws, and each row is either a clinic or reported with
// its line and a column of the format (or `(row)`).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkClinicsFile,
  formatProblem,
  type CheckOptions,
} from '../../src/domain/clinic-check.js';
import { CLINIC_COLUMNS, REQUIRED_COLUMNS } from '../../src/domain/clinic-schema.js';

const OPTIONS: CheckOptions = {
  services: ['back-pain', 'sciatica', 'neck-pain'],
  zipPoint: (zip) =>
    ({ '49503': { lat: 42.966, lon: -85.653 }, '49504': { lat: 42.974, lon: -85.726 } })[zip],
};

/** Any short text: control characters, quotes, commas, line breaks, bidi controls, emoji. */
const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(',', '"', '\n', '\r', ';', ' ', 'a', '\u202e', '\uFEFF'),
    maxLength: 8,
  }),
);

/** Values of each column that pass its check. */
const VALID: Record<string, string[]> = {
  name: ['Lakeshore PT', '<b>Clínica</b> Peña', 'A "quoted", name', 'Two\nlines'],
  organization: ['Lakeshore PT', 'Summit Motion'],
  address1: ['100 Sample Way', '200 Example Ave', '1 Main St\nBack door'],
  address2: ['', 'Suite 4', 'Unit "B", rear'],
  city: ['Grand Rapids'],
  state: ['MI'],
  zip: ['49503', '49504', '49503-1234'],
  lat: ['42.9670', ' 42.99 '],
  lon: ['-85.6520', '-85.70'],
  phone: ['', '(616) 555-0110', '616-555-0120', '6165550130'],
  website: ['', 'https://a.example', 'http://a.example'],
  booking_url: ['', 'https://a.example/book'],
  services: ['back-pain', 'back-pain;sciatica', 'neck-pain'],
  telehealth: ['', 'yes', 'no'],
  languages: ['', 'en', 'en;es'],
  hours: ['', 'Mo-Fr 09:00-17:00', 'Mo-Fr 07:00-19:00; Sa 08:00-12:00'],
  timezone: ['', 'America/Detroit'],
  insurance: ['', 'medicare', 'medicare;aetna'],
  accepting_new_patients: ['', 'yes', 'no'],
  status: ['', 'open', 'temporarily-closed', 'telehealth-only'],
  status_note: ['', 'Closed for renovation', 'Entrée \u202eB'],
  special_hours: ['', '2026-12-24 closed', '2026-12-24..2026-12-26 closed'],
  accessibility: ['', 'wheelchair-entrance', 'wheelchair-entrance;elevator'],
};

/** Values of each column that fail its check (or, with coordinates, the pair's check). */
const BROKEN: Record<string, string[]> = {
  name: ['', '  '],
  organization: [''],
  address1: [''],
  city: [''],
  state: ['PR', 'XX', '', 'Michigan'],
  zip: ['99999', '4950', 'abcde', ''],
  lat: ['north', '-85.66', '51.5', '1e400', ''],
  lon: ['85.66', '-0.12', 'x', ''],
  phone: ['555-12', 'call us'],
  website: ['javascript:alert(1)', 'a b'],
  booking_url: ['ftp://a.example'],
  services: ['massage', '', ';;', 'Back pain'],
  telehealth: ['maybe', 'sometimes'],
  languages: ['english', 'xx'],
  hours: ['weekdays 9 to 5', '25:00-26:00'],
  timezone: ['America/Grand_Rapids', 'Mars/Olympus'],
  insurance: ['Acme Health'],
  accepting_new_patients: ['maybe'],
  status: ['closed'],
  special_hours: ['2026-02-30 closed', '2026-12-26..2026-12-24 closed', '2026-12-24 9am-1pm'],
  accessibility: ['ramp'],
};

/** A row's values: all valid, then maybe some columns broken or replaced by noise. */
const valuesArb = fc
  .tuple(
    fc.record(
      Object.fromEntries(Object.entries(VALID).map(([c, v]) => [c, fc.constantFrom(...v)])),
    ),
    fc.array(
      fc.oneof(
        fc
          .constantFrom(...Object.keys(BROKEN))
          .chain((column) =>
            fc
              .constantFrom(...(BROKEN[column] as string[]))
              .map((value) => [column, value] as const),
          ),
        fc.tuple(fc.constantFrom(...CLINIC_COLUMNS.filter((c) => c !== 'id')), noise),
      ),
      { maxLength: 3 },
    ),
  )
  .map(
    ([valid, changes]) => ({ ...valid, ...Object.fromEntries(changes) }) as Record<string, string>,
  );

type Shape = 'ok' | 'short' | 'long';

const rowArb = fc.record({
  id: fc.constantFrom('own', 'own', 'own', '', 'duplicate'),
  values: valuesArb,
  shape: fc.constantFrom<Shape>('ok', 'ok', 'ok', 'ok', 'short', 'long'),
});

const fileArb = fc.record({
  /** Optional columns left out of the header (required ones are always there). */
  dropped: fc.subarray(CLINIC_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c))),
  unknownColumn: fc.boolean(),
  order: fc.integer({ min: 0, max: 1000 }),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
  newline: fc.constantFrom('\n', '\r\n'),
  unterminated: fc.boolean(),
});

/** A field as a CSV writer would write it: quoted when it holds a quote, comma or line break. */
const quote = (value: string) =>
  /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** Line breaks in text (CRLF, LF or a lone CR each count once). */
const breaks = (text: string) => (text.match(/\r\n|\n|\r/g) ?? []).length;

const ALLOWED_COLUMNS = new Set<string>([
  ...CLINIC_COLUMNS,
  'lat/lon',
  '(row)',
  '(record)',
  '(file)',
]);

describe('checkClinicsFile() with generated CSV files (fast-check)', function () {
  this.timeout(120_000);

  it('never throws; each row is a clinic or reported at its line, with a column of the format', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const columns = CLINIC_COLUMNS.filter((c) => !file.dropped.includes(c));
        // A rotation of the column order: files need not follow the documented one.
        const shift = file.order % columns.length;
        const header = [...columns.slice(shift), ...columns.slice(0, shift)] as string[];
        if (file.unknownColumn) header.push('fax');
        let text = header.join(',') + file.newline;
        let line = 1 + breaks(text);
        const rows: { line: number; id: string; blank: boolean; shape: Shape }[] = [];
        file.rows.forEach((row, i) => {
          const id = row.id === 'own' ? `c${i}` : row.id === 'duplicate' ? 'c0' : '';
          const values: Record<string, string> = { ...row.values, id, fax: '555' };
          let fields = header.map((column) => values[column] ?? '');
          if (row.shape === 'short') fields = fields.slice(0, -1);
          if (row.shape === 'long') fields = [...fields, 'extra'];
          const written = fields.map(quote).join(',') + file.newline;
          rows.push({
            line,
            id,
            blank: fields.every((f) => f.trim() === ''),
            shape: row.shape,
          });
          text += written;
          line += breaks(written);
        });
        const endLine = line;
        if (file.unterminated) text += `"c-last,an unterminated quote${file.newline}x,y`;

        const result = checkClinicsFile(text, 'csv', OPTIONS);

        const lines = new Set([0, 1, ...rows.map((r) => r.line), endLine]);
        for (const p of result.problems) {
          expect(lines.has(p.line), `problem at line ${p.line}: ${p.message}`).to.equal(true);
          expect(ALLOWED_COLUMNS.has(p.column) || p.column === 'fax', p.column).to.equal(true);
          expect(['error', 'warning']).to.include(p.severity);
          expect(formatProblem('f.csv', p, 'line')).not.to.match(/[\r\n]/);
        }
        const errorLines = new Set(
          result.problems.filter((p) => p.severity === 'error').map((p) => p.line),
        );
        // Rows that are clinics: no error at their line, and not blank (blank rows are skipped).
        const accepted = rows.filter((r) => !r.blank && !errorLines.has(r.line));
        expect(result.clinics.map((c) => c.id)).to.deep.equal(accepted.map((r) => r.id));
        for (const r of rows) {
          if (r.shape !== 'ok' && !r.blank) {
            expect(
              result.problems.some((p) => p.line === r.line && p.column === '(row)'),
              `line ${r.line}: a wrong field count`,
            ).to.equal(true);
          }
        }
        if (file.unterminated)
          expect(errorLines.has(endLine), 'the unterminated quote').to.equal(true);
        if (file.unknownColumn) {
          expect(result.problems.some((p) => p.line === 1 && p.column === 'fax')).to.equal(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
