// Compiles the clinic CSV (data/clinics.csv) into the compact JSON the widget bundles,
// data/generated/clinics.json, after basic checks. Every problem is reported at once, as
// `file:line: column: what is wrong (value)`, with the line where the record starts.
//
//   npx tsx scripts/compile-clinics.ts [file.csv]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Clinic } from '../src/domain/clinic.ts';
import { encodeClinics, type CompiledClinics } from '../src/domain/clinic-codec.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the compiled clinics are written (read by scripts/lib/modules.js). */
export const COMPILED_FILE = `${ROOT}data/generated/clinics.json`;
const SERVICES_FILE = `${ROOT}data/services.json`;

/** The CSV columns, in the order the sample file has them. */
export const COLUMNS = [
  'id',
  'name',
  'organization',
  'address1',
  'address2',
  'city',
  'state',
  'zip',
  'lat',
  'lon',
  'phone',
  'website',
  'booking_url',
  'services',
  'telehealth',
  'languages',
  'hours',
  'timezone',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = [
  'id',
  'name',
  'organization',
  'address1',
  'city',
  'state',
  'zip',
  'lat',
  'lon',
];

/** One CSV record, by column name (missing columns read as ''). */
export type ClinicRow = Partial<Record<Column, string>>;

/** A problem in one field of one row. */
export interface RowProblem {
  column: Column | string;
  message: string;
  value: string;
}

/** What a compile produced. */
export interface CompileResult {
  /** The CSV file read. */
  file: string;
  /** The file written (data/generated/clinics.json). */
  out: string;
  /** The validated clinics, in file order. */
  clinics: Clinic[];
  /** Their compiled form, as written. */
  compiled: CompiledClinics;
  /** Size of the written JSON in bytes. */
  bytes: number;
  /** Size of the written JSON gzipped at level 9, in bytes. */
  gzipBytes: number;
  /** `gzipBytes / clinics.length`. */
  gzipBytesPerClinic: number;
}

/**
 * Converts one CSV record into a `Clinic`, or lists what is wrong with it. Field-level checks
 * only: cross-row checks (duplicate ids) are the caller's. Kept apart so a shared schema can
 * replace it.
 */
export function rowToClinic(
  row: ClinicRow,
  serviceIds: ReadonlySet<string>,
): { clinic?: Clinic; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (column: Column) => (row[column] ?? '').trim();
  const problem = (column: Column, message: string) =>
    problems.push({ column, message, value: row[column] ?? '' });
  for (const column of REQUIRED) if (!text(column)) problem(column, 'required');

  const coordinate = (column: 'lat' | 'lon', limit: number): number => {
    const value = Number(text(column));
    if (text(column) && !Number.isFinite(value)) problem(column, 'not a number');
    else if (Math.abs(value) > limit) problem(column, `outside ±${limit}`);
    return value;
  };
  const lat = coordinate('lat', 90);
  const lon = coordinate('lon', 180);

  const state = text('state').toUpperCase();
  if (state && !/^[A-Z]{2}$/.test(state)) problem('state', 'not a two-letter state code');
  const zip = text('zip');
  if (zip && !/^\d{5}$/.test(zip)) problem('zip', 'not a five-digit ZIP code');

  let phone: string | undefined;
  if (text('phone')) {
    phone = text('phone').replace(/\D/g, '');
    if (phone.length === 11 && phone.startsWith('1')) phone = phone.slice(1);
    if (phone.length !== 10) problem('phone', 'not a 10-digit US phone number');
  }

  const url = (column: 'website' | 'booking_url'): string | undefined => {
    const value = text(column);
    if (!value) return undefined;
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(value).protocol) && /^https?:\/\//i.test(value);
    } catch {
      ok = false;
    }
    if (!ok) problem(column, 'not an http(s) URL');
    return value;
  };
  const website = url('website');
  const bookingUrl = url('booking_url');

  const list = (column: Column) =>
    text(column)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  const services = list('services');
  for (const s of services) {
    if (!serviceIds.has(s))
      problems.push({ column: 'services', message: 'unknown service id', value: s });
  }

  let telehealth: boolean | undefined;
  const tele = text('telehealth').toLowerCase();
  if (tele === 'yes') telehealth = true;
  else if (tele === 'no') telehealth = false;
  else if (tele) problem('telehealth', 'must be yes or no');

  const languages = list('languages');
  if (problems.length > 0) return { problems };

  const clinic: Clinic = {
    id: text('id'),
    name: text('name'),
    organization: text('organization'),
    address1: text('address1'),
    city: text('city'),
    state,
    zip,
    lat,
    lon,
    services,
  };
  if (text('address2')) clinic.address2 = text('address2');
  if (phone) clinic.phone = phone;
  if (website) clinic.website = website;
  if (bookingUrl) clinic.bookingUrl = bookingUrl;
  if (telehealth !== undefined) clinic.telehealth = telehealth;
  if (languages.length > 0) clinic.languages = languages;
  if (text('hours')) clinic.hours = text('hours');
  if (text('timezone')) clinic.timezone = text('timezone');
  return { clinic, problems };
}

/**
 * Parses CSV text into records, each with the 1-based line where it starts (the header is line
 * 1; quoted fields may span lines). Field-count and quoting errors are returned as problems.
 */
export function parseClinicCsv(text: string): {
  header: string[];
  records: { line: number; row: ClinicRow }[];
  problems: { line: number; problem: RowProblem }[];
} {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Line number at an offset: count line breaks (CRLF, LF or CR) before it, incrementally.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) {
      const ch = source[counted];
      if (ch === '\n' || (ch === '\r' && source[counted + 1] !== '\n')) line++;
    }
    return line;
  };
  let header: string[] | undefined;
  let cursor = 0;
  const records: { line: number; row: ClinicRow }[] = [];
  const problems: { line: number; problem: RowProblem }[] = [];
  Papa.parse<string[]>(source, {
    header: false,
    // Never guessed: services and hours contain semicolons and commas.
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step(results) {
      // The record starts after the previous one's end, past any skipped blank lines.
      let start = cursor;
      while (start < source.length && /\s/.test(source.charAt(start))) start++;
      cursor = results.meta.cursor;
      const at = lineAt(start);
      for (const error of results.errors) {
        problems.push({
          line: at,
          problem: { column: '(row)', message: error.message, value: error.code },
        });
      }
      const fields = results.data;
      if (!header) {
        header = fields.map((h) => h.trim());
        return;
      }
      if (fields.length !== header.length) {
        problems.push({
          line: at,
          problem: {
            column: '(row)',
            message: `expected ${header.length} fields, found ${fields.length}`,
            value: fields.join(','),
          },
        });
        // Its fields are misaligned: checking them one by one would only add noise.
        return;
      }
      const row: ClinicRow = {};
      header.forEach((name, i) => ((row as Record<string, string>)[name] = fields[i] ?? ''));
      records.push({ line: at, row });
    },
  });
  return { header: header ?? [], records, problems };
}

/** Reads, checks and compiles a clinic CSV; writes data/generated/clinics.json. */
export function compileClinics(file = 'data/clinics.csv'): CompileResult {
  const serviceIds = new Set(
    (JSON.parse(readFileSync(SERVICES_FILE, 'utf8')) as { id: string }[]).map((s) => s.id),
  );
  const { header, records, problems: parseProblems } = parseClinicCsv(readFileSync(file, 'utf8'));
  const problems = parseProblems.map(({ line, problem }) => ({ line, ...problem }));
  for (const column of COLUMNS) {
    if (!header.includes(column))
      problems.push({ line: 1, column, message: 'missing column', value: '' });
  }
  for (const name of header) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      problems.push({ line: 1, column: name, message: 'unknown column', value: name });
    }
  }
  const clinics: Clinic[] = [];
  const firstLine = new Map<string, number>();
  // With a column missing, every row would repeat the same complaint: report the header only.
  if (COLUMNS.every((column) => header.includes(column))) {
    for (const { line, row } of records) {
      const { clinic, problems: rowProblems } = rowToClinic(row, serviceIds);
      problems.push(...rowProblems.map((p) => ({ line, ...p })));
      const id = (row.id ?? '').trim();
      const seen = firstLine.get(id);
      if (id && seen !== undefined) {
        problems.push({ line, column: 'id', message: `duplicate of line ${seen}`, value: id });
      } else if (id) firstLine.set(id, line);
      if (clinic) clinics.push(clinic);
    }
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ line: 1, column: '(file)', message: 'no clinics', value: '' });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new Error(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}:\n${problems
        .map((p) => `${file}:${p.line}: ${p.column}: ${p.message} (${JSON.stringify(p.value)})`)
        .join('\n')}`,
    );
  }

  const compiled = encodeClinics(clinics);
  const json = JSON.stringify(compiled);
  mkdirSync(dirname(COMPILED_FILE), { recursive: true });
  writeFileSync(COMPILED_FILE, json);
  const bytes = Buffer.byteLength(json);
  const gzipBytes = gzipSync(json, { level: 9 }).length;
  return {
    file,
    out: COMPILED_FILE,
    clinics,
    compiled,
    bytes,
    gzipBytes,
    gzipBytesPerClinic: gzipBytes / clinics.length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const result = compileClinics(process.argv[2]);
    console.log(
      `${result.clinics.length} clinics → ${result.out}: ${result.bytes} bytes, ${result.gzipBytes} gzip -9 (${result.gzipBytesPerClinic.toFixed(1)} bytes per clinic)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
