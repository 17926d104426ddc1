// The one clinic-data checker, shared by the build (scripts/compile-clinics.ts), the
// `npm run data:check` CLI (scripts/check-clinics.ts) and the browser. Pure and DOM-free.
//
// Per-field checks live in the schema (clinic-schema.ts); this module adds what needs more than
// one field or more than one record: coordinates against the ZIP's point, duplicate ids, shared
// addresses, and the defaults a checked clinic gets (time zone, ZIP point for missing
// coordinates). Every problem is reported at once, each once.
import type { Clinic } from './clinic.js';
import {
  CLINIC_COLUMNS,
  REQUIRED_COLUMNS,
  createClinicRecordParser,
  type ClinicFields,
} from './clinic-schema.js';
import { parseCsv, type CsvParse } from './csv.js';
import { defaultTimeZone } from './timezones.js';

/** An error fails the file (the record is left out); a warning is printed and the record kept. */
export type Severity = 'error' | 'warning';

/** Something wrong in a clinic file. */
export interface Problem {
  /**
   * Where: in a CSV file the 1-based physical line where the record starts (the header is line
   * 1); in a JSON file the 1-based index of the record in the array; 0 for the whole file.
   */
  line: number;
  /** The column (`phone`), a pair (`lat/lon`), or `(row)`, `(record)`, `(file)`. */
  column: string;
  /** What is wrong, in a few words. */
  message: string;
  /** The value as written, when there is one. */
  value?: string;
  severity: Severity;
}

/** How records are numbered: physical lines in CSV, 1-based record indexes in JSON. */
export type RecordLabel = 'line' | 'record';

/** What the checker knows beyond the records. */
export interface CheckOptions {
  /** The service vocabulary ids (`data/services.json`). */
  services: readonly string[];
  /**
   * The insurance plan ids (`data/insurance.json`). Without them, plan ids are checked for
   * their shape only (lower-case kebab-case).
   */
  insurance?: readonly string[];
  /**
   * The GeoNames point of a 5-digit ZIP, or undefined when the ZIP is not in the table. Without
   * it, ZIPs are checked for shape only, coordinates against the US bounds only, and a record
   * without coordinates is an error (there is no point to fall back on).
   */
  zipPoint?: (zip: string) => { lat: number; lon: number } | undefined;
  /** How messages name another record (`first on line 3` or `first on record 3`); default `line`. */
  recordLabel?: RecordLabel;
}

/** What a check found. */
export interface CheckResult {
  /** The records without errors (warnings allowed), as clinics, in file order. */
  clinics: Clinic[];
  /** Every problem, errors and warnings, in record order (columns in file order within one). */
  problems: Problem[];
}

/** One raw record: a CSV row of strings or a JSON array element, and where it is. */
export interface ClinicRecordInput {
  /** Its line (CSV) or 1-based index (JSON), as in {@link Problem.line}. */
  line: number;
  /** The raw values by column; a JSON element that is not an object is reported as such. */
  row: Record<string, unknown>;
}

/** The column names of a clinic file (for `parseCsv`'s `columns`). */
export const COLUMN_SET: ReadonlySet<string> = new Set(CLINIC_COLUMNS);

/** How far (km) a clinic may be from its ZIP's point; ZIP areas are rarely wider. */
export const MAX_ZIP_DISTANCE_KM = 50;

/** The US bounds used for ZIP points too (scripts/build-zips.ts): Hawaii to Alaska's Aleutians. */
const BOUNDS = { minLat: 17, maxLat: 72, minLon: -180, maxLon: -64 };

function inside(lat: number, lon: number): boolean {
  return (
    lat >= BOUNDS.minLat && lat <= BOUNDS.maxLat && lon >= BOUNDS.minLon && lon <= BOUNDS.maxLon
  );
}

/** Great-circle distance in km (haversine on a sphere of the mean Earth radius). */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** A raw value as the file wrote it, for messages; undefined for an empty one. */
function display(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.map((item) => String(item)).join(';');
  if (typeof raw === 'object') return JSON.stringify(raw);
  return String(raw);
}

/**
 * Bidirectional-text controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), marks (U+200E, U+200F, U+061C). In a name or an address they can make text
 * read in another order than it is stored (a phone number or a URL shown reversed).
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** The bidi controls in a value (strings, or strings in a list), as `U+202E`, or undefined. */
function bidiControls(value: unknown): string | undefined {
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.filter((item) => typeof item === 'string').join(' ')
        : '';
  const found = text.match(BIDI);
  if (!found) return undefined;
  const codes = [...new Set(found)].map(
    (ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return codes.join(', ');
}

/** The same street address, suite and ZIP, whatever the case, punctuation or spacing. */
function addressKey(fields: Partial<ClinicFields>): string | undefined {
  if (!fields.address1 || !fields.zip) return undefined;
  const norm = (text = '') => text.toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
  return `${norm(fields.address1)}|${norm(fields.address2)}|${fields.zip}`;
}

/** Sort rank of a problem's column within its record: file order, pairs at their first column. */
function columnRank(column: string): number {
  const i = (CLINIC_COLUMNS as readonly string[]).indexOf(column.split('/')[0] ?? '');
  return i < 0 ? -1 : i;
}

/**
 * Checks clinic records (from {@link parseClinicsFile}, or any array of objects with the file's
 * columns) and turns the good ones into clinics. Errors: a missing required field, an unknown
 * state, a malformed ZIP or one not in the ZIP table, coordinates that are not numbers, outside
 * the US or more than {@link MAX_ZIP_DISTANCE_KM} km from the ZIP's point (saying when lat and
 * lon look swapped or the longitude's sign flipped), only one of lat/lon, a duplicate id, a bad
 * phone, URL, service, telehealth value, hours text, time zone or language code; an unknown
 * insurance plan, accessibility feature or status, an accepting_new_patients other than
 * yes/no/empty, special hours that do not read (an impossible date, a range ending before it
 * starts, bad times). Warnings:
 * missing coordinates (the ZIP's point is used, `approximate: true`), two clinics at the same
 * address, a plain-http URL, bidi control characters in any field. Every checked clinic has a `timezone`.
 */
export function checkClinicRecords(
  records: readonly ClinicRecordInput[],
  options: CheckOptions,
): CheckResult {
  const checker = createClinicChecker(options);
  checker.check(records);
  return checker.result();
}

/** {@link checkClinicRecords} a slice at a time; what it returns after the last slice. */
export interface ClinicChecker {
  /** Checks the next records (duplicates are found across every slice checked so far). */
  check(records: readonly ClinicRecordInput[]): void;
  /** The clinics and problems of every record checked so far, in order. */
  result(): CheckResult;
}

/**
 * A checker that takes the records in slices, so a large file can be checked a few hundred
 * records per task without blocking the page; the same rules and outcome as
 * {@link checkClinicRecords}.
 */
export function createClinicChecker(options: CheckOptions): ClinicChecker {
  const parse = createClinicRecordParser(options.services, options.insurance);
  const label = options.recordLabel ?? 'line';
  const firstById = new Map<string, number>();
  const firstByAddress = new Map<string, number>();
  const clinics: Clinic[] = [];
  const problems: Problem[] = [];
  const check = (records: readonly ClinicRecordInput[]): void => {
    for (const { line, row } of records) {
      const raw = (column: string): unknown =>
        typeof row === 'object' && row !== null ? row[column] : undefined;
      const found: Problem[] = [];
      const add = (
        column: string,
        message: string,
        value: unknown,
        severity: Severity = 'error',
      ) => {
        const shown = display(value);
        found.push(
          shown === undefined
            ? { line, column, message, severity }
            : { line, column, message, value: shown, severity },
        );
      };
      const { fields, issues } = parse(row);
      for (const issue of issues) add(issue.column, issue.message, raw(issue.column));
      if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
        for (const key of Object.keys(row))
          if (!COLUMN_SET.has(key)) add(key, 'unknown field', undefined);
        for (const [key, value] of Object.entries(row)) {
          const bidi = COLUMN_SET.has(key) ? bidiControls(value) : undefined;
          if (bidi)
            add(
              key,
              `bidi control character ${bidi}: it can reorder the text visitors see`,
              value,
              'warning',
            );
        }
      }

      if (fields.id) {
        const first = firstById.get(fields.id);
        if (first === undefined) firstById.set(fields.id, line);
        else add('id', `duplicate id: first on ${label} ${first}`, raw('id'));
      }

      // The ZIP's point, when the ZIP is well-formed and a table was given.
      let point: { lat: number; lon: number } | undefined;
      if (fields.zip && options.zipPoint) {
        point = options.zipPoint(fields.zip);
        if (!point) add('zip', 'not in the ZIP table', raw('zip'));
      }

      let lat = fields.lat;
      let lon = fields.lon;
      let approximate = false;
      const pair = `${display(raw('lat')) ?? ''}, ${display(raw('lon')) ?? ''}`;
      // A coordinate with its own issue (not a number) was reported already.
      const coordinatesReadable = 'lat' in fields && 'lon' in fields;
      if (coordinatesReadable && lat === undefined && lon === undefined) {
        if (point) {
          lat = point.lat;
          lon = point.lon;
          approximate = true;
          add(
            'lat/lon',
            `missing: the clinic is placed at ZIP ${fields.zip ?? ''}'s point (approximate)`,
            undefined,
            'warning',
          );
        } else if (!options.zipPoint) {
          add('lat/lon', 'required (no ZIP table to take the ZIP code’s point from)', undefined);
        }
        // Else the ZIP is malformed or not in the table: reported on the zip column already.
      } else if (coordinatesReadable && lat === undefined) {
        add('lat', 'required when lon is given', undefined);
      } else if (coordinatesReadable && lon === undefined) {
        add('lon', 'required when lat is given', undefined);
      } else if (lat !== undefined && lon !== undefined) {
        const near = (a: number, b: number) =>
          point ? distanceKm({ lat: a, lon: b }, point) <= MAX_ZIP_DISTANCE_KM : inside(a, b);
        if (!near(lat, lon)) {
          if (near(lon, lat)) add('lat/lon', 'looks like lat and lon are swapped', pair);
          else if (near(lat, -lon)) add('lon', 'longitude sign looks flipped', raw('lon'));
          else if (!inside(lat, lon)) {
            add(
              'lat/lon',
              `outside the US (lat ${BOUNDS.minLat}..${BOUNDS.maxLat}, lon ${BOUNDS.minLon}..${BOUNDS.maxLon})`,
              pair,
            );
          } else if (point) {
            const km = Math.round(distanceKm({ lat, lon }, point));
            add('lat/lon', `is ${km} km from ZIP ${fields.zip ?? ''}'s point`, pair);
          }
        }
      }

      for (const column of ['website', 'booking_url'] as const) {
        const url = fields[column];
        if (url && !/^https:/i.test(url)) add(column, 'not https', raw(column), 'warning');
      }

      const address = addressKey(fields);
      if (address) {
        const first = firstByAddress.get(address);
        if (first === undefined) firstByAddress.set(address, line);
        else add('address1', `same address as ${label} ${first}`, raw('address1'), 'warning');
      }

      found.sort((a, b) => columnRank(a.column) - columnRank(b.column));
      problems.push(...found);
      if (found.some((p) => p.severity === 'error')) continue;
      clinics.push(toClinic(fields as ClinicFields, lat, lon, approximate));
    }
  };
  return { check, result: () => ({ clinics: [...clinics], problems: [...problems] }) };
}

/** A clinic from fields that all passed; optional fields the file left empty stay absent. */
function toClinic(
  fields: ClinicFields,
  lat: number | undefined,
  lon: number | undefined,
  approximate: boolean,
): Clinic {
  const clinic: Clinic = {
    id: fields.id,
    name: fields.name,
    organization: fields.organization,
    address1: fields.address1,
    city: fields.city,
    state: fields.state,
    zip: fields.zip,
    lat: lat ?? NaN,
    lon: lon ?? NaN,
    services: fields.services,
  };
  if (fields.address2 !== undefined) clinic.address2 = fields.address2;
  if (fields.phone !== undefined) clinic.phone = fields.phone;
  if (fields.website !== undefined) clinic.website = fields.website;
  if (fields.booking_url !== undefined) clinic.bookingUrl = fields.booking_url;
  if (fields.telehealth !== undefined) clinic.telehealth = fields.telehealth;
  if (fields.languages !== undefined) clinic.languages = fields.languages;
  if (fields.hours !== undefined) clinic.hours = fields.hours;
  const timezone = fields.timezone ?? defaultTimeZone(fields.state);
  if (timezone !== undefined) clinic.timezone = timezone;
  if (fields.insurance !== undefined) clinic.insurance = fields.insurance;
  if (fields.accepting_new_patients !== undefined)
    clinic.acceptingNewPatients = fields.accepting_new_patients;
  if (fields.status !== undefined) clinic.status = fields.status;
  if (fields.status_note !== undefined) clinic.statusNote = fields.status_note;
  if (fields.special_hours !== undefined) clinic.specialHours = fields.special_hours;
  if (fields.accessibility !== undefined) clinic.accessibility = fields.accessibility;
  if (approximate) clinic.approximate = true;
  return clinic;
}

/** What {@link parseClinicsFile} read. */
export interface ClinicsFileParse {
  /** The records to give {@link checkClinicRecords}. */
  records: ClinicRecordInput[];
  /** Problems of the file itself: syntax, field counts, unknown or missing columns. */
  problems: Problem[];
  /** How the file's records are numbered in problems. */
  recordLabel: RecordLabel;
}

/**
 * Reads a clinic file's text into records: CSV (see `parseCsv` in csv.ts; records numbered by
 * the physical line where they start) or JSON (an array of objects with the same fields;
 * records numbered from 1). Unknown columns, a missing required column (the records are then
 * not checked: each would repeat it), syntax errors and an empty file are problems. `csv`: the
 * text's `parseCsv` already read (in slices, by `createCsvReader`), which it is not read again for.
 */
export function parseClinicsFile(
  text: string,
  format: 'csv' | 'json',
  csv?: CsvParse,
): ClinicsFileParse {
  const known = COLUMN_SET;
  if (format === 'json') {
    const problems: Problem[] = [];
    let data: unknown;
    try {
      data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        line: 0,
        column: '(file)',
        message: `not JSON: ${message}`,
        severity: 'error',
      });
      return { records: [], problems, recordLabel: 'record' };
    }
    if (!Array.isArray(data)) {
      problems.push({
        line: 0,
        column: '(file)',
        message: 'not a JSON array of clinics',
        severity: 'error',
      });
      return { records: [], problems, recordLabel: 'record' };
    }
    // Unknown fields are the checker's: they make that record fail.
    const records = data.map((row: unknown, i) => ({
      line: i + 1,
      row: row as Record<string, unknown>,
    }));
    if (records.length === 0) {
      problems.push({ line: 0, column: '(file)', message: 'no clinics', severity: 'error' });
    }
    return { records, problems, recordLabel: 'record' };
  }

  const { header, headerLine, records, problems, delimiter } =
    csv ?? parseCsv(text, { columns: known });
  if (header.length === 0) {
    problems.push({ line: 0, column: '(file)', message: 'no clinics', severity: 'error' });
    return { records: [], problems, recordLabel: 'line' };
  }
  const separator = /^[^,]*([;\t|])[^,]*$/.exec(header[0] ?? '')?.[1];
  if (header.length === 1 && separator) {
    // One column whose name holds another separator: not a file of known columns so split.
    const name = separator === '\t' ? 'tabs' : `"${separator}"`;
    problems.push({
      line: headerLine,
      column: '(file)',
      message: `the header row is one column separated by ${name}, not commas: use the column names of the data format, or save the file as "CSV UTF-8 (Comma delimited)"`,
      severity: 'error',
    });
    return { records: [], problems, recordLabel: 'line' };
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      problems.push({
        line: headerLine,
        column: name,
        message: 'duplicate column',
        severity: 'error',
      });
    } else if (!known.has(name)) {
      problems.push({
        line: headerLine,
        column: name,
        message: 'unknown column',
        severity: 'error',
      });
    }
    seen.add(name);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  for (const column of missing) {
    problems.push({ line: headerLine, column, message: 'missing column', severity: 'error' });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ line: 0, column: '(file)', message: 'no clinics', severity: 'error' });
  }
  problems.sort((a, b) => a.line - b.line);
  if (missing.length > 0) return { records: [], problems, recordLabel: 'line' };
  // Reported once at the header: the rows drop them rather than repeat the problem each.
  const keep = (row: Record<string, string>) =>
    Object.fromEntries(Object.entries(row).filter(([name]) => known.has(name)));
  const hasUnknown = header.some((name) => !known.has(name));
  let kept = hasUnknown ? records.map(({ line, row }) => ({ line, row: keep(row) })) : records;
  // European Excel separates with ";" because its numbers have a decimal comma: 42,967.
  if (delimiter === ';') kept = kept.map(({ line, row }) => ({ line, row: decimalPoints(row) }));
  return { records: kept, problems, recordLabel: 'line' };
}

/** A row with `lat` and `lon` written with a decimal comma (`42,967`) read with a point. */
function decimalPoints(row: Record<string, string>): Record<string, string> {
  const out = { ...row };
  for (const column of ['lat', 'lon']) {
    const value = out[column];
    if (value !== undefined && /^\s*-?\d+,\d+\s*$/.test(value))
      out[column] = value.replace(',', '.');
  }
  return out;
}

/**
 * Parses and checks a whole clinic file: {@link parseClinicsFile} then
 * {@link checkClinicRecords}, all problems in one list in file order.
 */
export function checkClinicsFile(
  text: string,
  format: 'csv' | 'json',
  options: CheckOptions,
): CheckResult & { recordLabel: RecordLabel } {
  const parsed = parseClinicsFile(text, format);
  const checked = checkClinicRecords(parsed.records, {
    ...options,
    recordLabel: parsed.recordLabel,
  });
  // Stable: a record's own problems keep their column order.
  const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.line - b.line);
  return { clinics: checked.clinics, problems, recordLabel: parsed.recordLabel };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

const BIDI_ONE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** JSON-quoted, with bidi controls escaped too (`\u202e`) so the line reads as stored. */
function quoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * One problem as a line of text: `data/clinics.csv:12: phone: not a 10-digit US phone number
 * (555-12)`; in JSON `clinics.json:record 3: …` (records counted from 1); a warning has
 * `warning: ` after the location; a whole-file problem has no line. A value with line breaks or
 * other control characters is shown JSON-quoted so the message stays on one line.
 */
export function formatProblem(file: string, p: Problem, recordLabel: RecordLabel): string {
  const where =
    p.line <= 0 ? file : recordLabel === 'line' ? `${file}:${p.line}` : `${file}:record ${p.line}`;
  const warning = p.severity === 'warning' ? 'warning: ' : '';
  // A message may quote the value's items (`unknown service ",\r,"`): kept on one line too.
  const message = p.message.replace(UNSAFE, (ch) => quoted(ch).slice(1, -1));
  const value =
    p.value === undefined
      ? ''
      : ` (${CONTROL.test(p.value) || BIDI_ONE.test(p.value) ? quoted(p.value) : p.value})`;
  return `${where}: ${warning}${p.column}: ${message}${value}`;
}

/** `1200 clinics, 0 errors, 3 warnings` (clinics: those that passed). */
export function formatSummary(result: CheckResult): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return [
    count(result.clinics.length, 'clinic'),
    count(errors, 'error'),
    count(result.problems.length - errors, 'warning'),
  ].join(', ');
}

/**
 * Whether a clinic file is CSV or JSON: from its name or media type when it says (`.json`,
 * `application/json`; `.csv`, `text/csv`), else from its first character (`[` or `{`: JSON).
 */
export function detectFormat(text: string, nameOrType?: string): 'csv' | 'json' {
  const hint = nameOrType?.toLowerCase() ?? '';
  if (/\.json$|[/+]json\b/.test(hint)) return 'json';
  if (/\.csv$|\/csv\b/.test(hint)) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}
