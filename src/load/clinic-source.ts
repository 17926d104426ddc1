import type { Clinic } from '../domain/clinic.js';
import {
  COLUMN_SET,
  createClinicChecker,
  detectFormat,
  formatProblem,
  parseClinicsFile,
  type CheckOptions,
  type CheckResult,
  type ClinicRecordInput,
  type Problem,
} from '../domain/clinic-check.js';
import type { CompiledClinics } from '../domain/clinic-codec.js';
import type * as Compiled from '../domain/compiled-clinics.js';
import type { LaterLinks } from '../domain/compiled-clinics.js';
import { createClinicSharer, own } from '../domain/clinic-share.js';
import {
  charsetOf,
  createChunkedDecoder,
  createCsvReader,
  joinBytes,
  type ChunkedDecoder,
} from '../domain/csv.js';
import { lookupZip, type ZipTables } from '../domain/zip-table.js';
import services from 'virtual:clinic-locator-services';
import insurance from 'virtual:clinic-locator-insurance';
import { download, ClinicSourceError, type LoadOptions } from './download.js';
import { inSlices } from './in-slices.js';
import { nextTask } from './next-task.js';
import { loadZipTables } from './zip-data.js';

export {
  ClinicSourceError,
  DOWNLOAD_TIMEOUT_MS,
  STALL_TIMEOUT_MS,
  type ClinicSourceFailure,
  type LoadOptions,
} from './download.js';
/** Clinics checked at run time: the usable ones, and what was wrong with the rest. */
export interface CheckedClinics {
  clinics: Clinic[];
  /** Every problem found, errors (the record was skipped) and warnings (it was kept). */
  problems: Problem[];
  /** Whether `Problem.line` is a CSV line or a (1-based) JSON record number. */
  recordLabel: 'line' | 'record';
  /**
   * What gives clinics their links, when a compiled file's were left for later (see
   * `LaterLinks`): the listed clinics' at once, then every clinic's, after the first results.
   */
  links?: LaterLinks;
}

/** An HTML document rather than clinic data: a "not found" or login page served with 200. */
function isHtml(text: string, contentType: string): boolean {
  return (
    /\btext\/html\b/i.test(contentType) || /^\uFEFF?\s*<(!doctype|html|head|body)\b/i.test(text)
  );
}

const SERVICE_IDS = services.map((s) => s.id);
const INSURANCE_IDS = insurance.map((p) => p.id);

/** `Clinic` property names accepted in `clinics` records for the data file's column names. */
const CAMEL_CASE_COLUMNS = {
  bookingUrl: 'booking_url',
  acceptingNewPatients: 'accepting_new_patients',
  statusNote: 'status_note',
  specialHours: 'special_hours',
} as const;

function zipPointFrom(tables: ZipTables) {
  return (zip: string) => {
    const found = lookupZip(tables, zip);
    return found.kind === 'found' ? { lat: found.lat, lon: found.lon } : undefined;
  };
}

// This module, with the checker (the CSV parser and the schema library), is its own lazy chunk:
// only pages that load clinic data at run time download it.

/** Clinics given shared strings per step of {@link inSlices}. */
const SHARE_STEP = 100;

/** Records checked per step of {@link inSlices}: well under a millisecond. */
const CHECK_STEP = 25;

/** checkClinicRecords, a slice of records per task (50,000 records took one 1.1 s task). */
async function checkInSlices(
  records: readonly ClinicRecordInput[],
  options: CheckOptions,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const checker = createClinicChecker(options);
  let start = 0;
  await inSlices(() => {
    checker.check(records.slice(start, start + CHECK_STEP));
    start += CHECK_STEP;
    return start >= records.length;
  }, signal);
  return checker.result();
}

/** CSV text read per step of {@link inSlices}: about 0.5 ms of papaparse here. */
const CSV_STEP_CHARS = 32 * 1024;

/** Clinics decoded and checked per step of {@link inSlices}: well under a millisecond. */
const COMPILED_STEP = 50;

type CompiledFile = { value: Record<string, unknown>; compiled: typeof Compiled };

const loadCompiledReader = () => import('../domain/compiled-clinics.js');

/**
 * The parsed compiled clinic file, when the text is one: named so by its opening bytes, or a JSON
 * object whose `format` says so (a file re-indented by hand). `undefined` for CSV and for JSON
 * lists of clinics.
 */
async function readCompiled(
  text: string,
  url: string,
  signal?: AbortSignal,
): Promise<CompiledFile | undefined> {
  // Only a JSON object may be one; its reader is a chunk of its own, fetched only then.
  if (!/^\uFEFF?\s*\{/.test(text)) return undefined;
  const compiled = await loadCompiledReader();
  const named = compiled.isCompiledClinicsText(text);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const laidOut = named
    ? await readFieldLines(compiled, body.trimEnd().split('\n'), signal)
    : undefined;
  if (laidOut) return { value: laidOut, compiled };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    if (!named) return undefined; // Reported by the JSON reader, as any other broken JSON.
    const why = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw new ClinicSourceError(
      `${url} is not a usable compiled clinic file: ${why}`,
      'no-clinics',
      [compiled.fileProblem(why)],
      'record',
    );
  }
  return compiled.isCompiledClinicsValue(value)
    ? { value: value as Record<string, unknown>, compiled }
    : undefined;
}

/** The fields of a file laid out a field per line, a field per task (see `compiledFieldSteps`). */
async function readFieldLines(
  compiled: typeof Compiled,
  lines: readonly string[],
  signal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const steps = compiled.compiledFieldSteps(lines);
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}

/**
 * A compiled file exactly as the compiler writes it, its fields parsed as its lines arrive (see
 * `createCompiledLineReader`), so that most of the parsing is done while the rest downloads;
 * `end()` gives undefined for anything else, which is decoded and read as text.
 */
function compiledStream(charset: string | undefined) {
  const chunks: Uint8Array[] = [];
  let reader: { lines: Compiled.CompiledLineReader; fields: Compiled.CompiledFieldParser } | null;
  const feed = (lines: string[] | undefined) => {
    if (!lines || !lines.every((line) => reader?.fields.add(line))) reader = null;
  };
  const module = loadCompiledReader().then(async (compiled) => {
    const started = {
      lines: compiled.createCompiledLineReader(charset),
      fields: compiled.createCompiledFieldParser(),
    };
    // What arrived before the reader did, a few ms a task (more keeps arriving meanwhile).
    let failed = false;
    await inSlices(() => {
      const chunk = chunks.shift();
      const lines = chunk && started.lines.push(chunk);
      failed ||= Boolean(chunk) && !lines?.every((line) => started.fields.add(line));
      return failed || !chunks.length;
    });
    reader = failed ? null : started;
    return compiled;
  });
  module.catch(() => undefined);
  return {
    push(chunk: Uint8Array) {
      if (reader === undefined) chunks.push(chunk);
      else if (reader) feed(reader.lines.push(chunk));
    },
    async end(): Promise<CompiledFile | undefined> {
      const compiled = await module;
      if (reader) feed(reader.lines.end());
      const value = reader?.fields.value();
      return value && { value, compiled };
    },
  };
}

/** Checks and decodes a compiled clinic file (see src/domain/compiled-clinics.ts), in slices. */
async function loadCompiled(
  { value, compiled }: CompiledFile,
  url: string,
  decodedProblems: Problem[],
  signal?: AbortSignal,
): Promise<CheckedClinics> {
  // A field per task: the whole check was one 40 ms task at 50,000 clinics.
  const steps = compiled.compiledStructureSteps(value);
  let step = steps.next();
  if (!step.done) await inSlices(() => (step = steps.next()).done === true, signal);
  const structure = step.done ? step.value : [];
  if (structure.length) {
    throw new ClinicSourceError(
      `${url} is not a usable compiled clinic file: ${formatProblem(url, structure[0] as Problem, 'record')}`,
      'no-clinics',
      [...decodedProblems, ...structure],
      'record',
    );
  }
  const reader = compiled.createCompiledClinicReader(value as unknown as CompiledClinics, {
    services: SERVICE_IDS,
    insurance: INSURANCE_IDS,
    laterLinks: true,
  });
  try {
    await inSlices(() => {
      reader.next(COMPILED_STEP);
      return reader.done;
    }, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ClinicSourceError(
      `${url} is not a usable compiled clinic file: ${message}`,
      'no-clinics',
      [...decodedProblems, compiled.fileProblem(message)],
      'record',
    );
  }
  const { clinics, problems: found, links } = reader.result();
  const problems = [...decodedProblems, ...found];
  if (!clinics.length) {
    const first = problems.find((p) => p.severity === 'error');
    throw new ClinicSourceError(
      `${url} holds no usable clinic${first ? `: ${formatProblem(url, first, 'record')}` : ''}`,
      'no-clinics',
      problems,
      'record',
    );
  }
  return { clinics, problems, recordLabel: 'record', links };
}

/**
 * Fetches a CSV, JSON or compiled clinic file (the format of data/clinics.csv, or what
 * `npm run data:clinics -- --out FILE` writes, told apart by content), decodes it by its charset
 * (or as Windows-1252, with a warning, when it is not UTF-8; see `decodeText`) and checks it
 * with the same rules as the build (a compiled file, checked in full when compiled: its
 * structure and each clinic's main fields). CSV is read and checked a slice per task. Rejects
 * with a ClinicSourceError when the file cannot be
 * fetched within the bounds ({@link STALL_TIMEOUT_MS}, {@link DOWNLOAD_TIMEOUT_MS}), is not
 * clinic data, or holds no usable clinic; its `transient` says whether trying again may help.
 */
export async function loadClinicSource(
  url: string,
  options: LoadOptions = {},
): Promise<CheckedClinics> {
  const { signal } = options;
  // Text is decoded as it arrives. A JSON object may be a compiled file: its fields are parsed
  // as its lines arrive, once its reader's chunk (requested at the first byte) is in.
  let decoder: ChunkedDecoder | undefined;
  let compiledFile: ReturnType<typeof compiledStream> | undefined;
  const downloaded = await download(url, {
    ...options,
    onChunk: (chunk, contentType) => {
      if (!decoder && !compiledFile) {
        if (chunk[0] === 0x7b || (chunk[0] === 0xef && chunk[3] === 0x7b))
          compiledFile = compiledStream(charsetOf(contentType));
        else decoder = createChunkedDecoder(charsetOf(contentType));
      }
      decoder?.push(chunk);
      compiledFile?.push(chunk);
    },
  });
  const { contentType } = downloaded;
  await nextTask();
  if (!decoder) {
    const fields = await compiledFile?.end();
    if (fields) return loadCompiled(fields, url, [], signal);
    decoder = createChunkedDecoder(charsetOf(contentType));
    decoder.push(joinBytes(downloaded.chunks, downloaded.length));
  }
  const decoded = decoder.end();
  const { text } = decoded;
  if (isHtml(text, contentType)) {
    throw new ClinicSourceError(
      `${url} is an HTML page, not clinic data (CSV or JSON)`,
      'not-data',
      [{ line: 0, column: '(file)', message: 'an HTML page, not clinic data', severity: 'error' }],
      'line',
    );
  }
  for (const p of decoded.problems)
    console.warn(`clinic-locator: ${formatProblem(url, p, 'line')}`);
  await nextTask();
  const fromText = await readCompiled(text, url, signal);
  if (fromText) return loadCompiled(fromText, url, decoded.problems, signal);
  const tables = await loadZipTables();
  const format = detectFormat(text, `${contentType} ${url}`);
  let csv;
  if (format === 'csv') {
    const reader = createCsvReader(text, { columns: COLUMN_SET, sliceChars: CSV_STEP_CHARS });
    await inSlices(() => reader.next(), signal);
    csv = reader.result();
  }
  await nextTask();
  const parsed = parseClinicsFile(text, format, csv);
  const checked = await checkInSlices(
    parsed.records,
    {
      services: SERVICE_IDS,
      insurance: INSURANCE_IDS,
      zipPoint: zipPointFrom(tables),
      recordLabel: parsed.recordLabel,
    },
    signal,
  );
  // Shared strings and lists, off the file's text: 50,000 clinics kept 44 MB after loading.
  const sharer = createClinicSharer();
  let shared = 0;
  await inSlices(() => {
    const end = Math.min(checked.clinics.length, shared + SHARE_STEP);
    for (; shared < end; shared++) sharer.share(checked.clinics[shared] as Clinic);
    return shared >= checked.clinics.length;
  }, signal);
  // The values quoted by problems, copied off the text too: logged to the console (which keeps
  // its messages) or kept with a clinic-error event, a slice kept the whole file alive.
  const problems = [...decoded.problems, ...parsed.problems, ...checked.problems].map((p) =>
    p.value === undefined ? p : { ...p, value: own(p.value) },
  );
  if (!checked.clinics.length) {
    const first = problems.find((p) => p.severity === 'error');
    throw new ClinicSourceError(
      `${url} holds no usable clinic${first ? `: ${formatProblem(url, first, parsed.recordLabel)}` : ''}`,
      'no-clinics',
      problems,
      parsed.recordLabel,
    );
  }
  return { clinics: checked.clinics, problems, recordLabel: parsed.recordLabel };
}

/**
 * Checks clinics given as JavaScript objects (the `clinics` property): records with the data
 * file's fields, or `Clinic` objects (camelCase `bookingUrl`, `acceptingNewPatients`,
 * `statusNote` and `specialHours` are accepted). Record numbers are
 * 1-based array positions.
 */
export async function checkClinicObjects(records: readonly unknown[]): Promise<CheckedClinics> {
  const tables = await loadZipTables();
  const rows = records.map((record, index) => {
    const given: Record<string, unknown> =
      record && typeof record === 'object' ? (record as Record<string, unknown>) : {};
    const aliases: Record<string, string> = CAMEL_CASE_COLUMNS;
    // A camelCase name reads as its column unless the record also has the column itself.
    const row = Object.fromEntries(
      Object.entries(given).map(([key, value]) => {
        const column = aliases[key];
        return [column !== undefined && !(column in given) ? column : key, value];
      }),
    );
    return { line: index + 1, row };
  });
  const checked = await checkInSlices(rows, {
    services: SERVICE_IDS,
    insurance: INSURANCE_IDS,
    zipPoint: zipPointFrom(tables),
  });
  return { clinics: checked.clinics, problems: checked.problems, recordLabel: 'record' };
}

/**
 * Gives every clinic its links left for later (see `LaterLinks`) once the page is idle after
 * the first results, a few ms a task. True once all have them; false when the load was
 * abandoned or `replaced()` first (a newer source).
 */
export async function makeLinksWhenIdle(
  links: LaterLinks,
  signal: AbortSignal,
  replaced: () => boolean,
): Promise<boolean> {
  await new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(resolve, { timeout: 1000 })
      : setTimeout(resolve, 200),
  );
  await inSlices(() => replaced() || links.step(100), signal).catch(() => undefined);
  return !replaced() && !signal.aborted;
}

/** Problems written to the console one by one; the rest are counted in one line. */
export const LOGGED_PROBLEMS = 10;

/**
 * Writes a checked file's problems to the console: the first {@link LOGGED_PROBLEMS}, then one
 * line counting the rest (a line per problem of a 50,000-row file, 48,800 shared-address
 * warnings, made one 2.8 s task). Returns the `clinic-error` message when the problems are worth
 * an event (skipped records, or a doubt about the whole file such as its encoding), whose
 * `problems` then list every one.
 */
export function reportProblems(where: string, checked: CheckedClinics): string | undefined {
  const { clinics, problems, recordLabel } = checked;
  const shown = problems.slice(0, LOGGED_PROBLEMS);
  for (const p of shown) {
    const value = p.value === undefined ? '' : ` (${p.value})`;
    const at = p.line > 0 ? `${recordLabel} ${p.line}: ` : '';
    const text = `clinic-locator: ${where}: ${at}${p.column}: ${p.message}${value}`;
    if (p.severity === 'error') console.error(text);
    else console.warn(text);
  }
  const isError = (p: Problem) => p.severity === 'error';
  const errors = problems.filter(isError);
  const rest = problems.length - shown.length;
  if (rest > 0) {
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    const moreErrors = errors.length - shown.filter(isError).length;
    const list = errors.length
      ? 'every one is in the clinic-error event’s problems'
      : 'npm run data:check lists every one';
    console.warn(
      `clinic-locator: ${where}: ${plural(rest, 'more problem')} not shown (${plural(moreErrors, 'error')}, ${plural(rest - moreErrors, 'warning')}); ${list}`,
    );
  }
  const fileWide = problems.filter((p) => p.column === '(file)');
  if (!errors.length && !fileWide.length) return undefined;
  const records = new Set(errors.map((p) => p.line)).size;
  const file = fileWide.map((p) => `; ${p.message}`).join('');
  return `${where}: ${records} ${records === 1 ? 'record was' : 'records were'} skipped; ${clinics.length} clinics loaded${file}`;
}
