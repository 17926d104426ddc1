import type { Clinic } from '../domain/clinic.js';
import {
  createClinicChecker,
  detectFormat,
  formatProblem,
  parseClinicsFile,
  type CheckOptions,
  type CheckResult,
  type ClinicRecordInput,
  type Problem,
} from '../domain/clinic-check.js';
import { charsetOf, decodeText } from '../domain/csv.js';
import { lookupZip, type ZipTables } from '../domain/zip-table.js';
import services from 'virtual:clinic-locator-services';
import insurance from 'virtual:clinic-locator-insurance';
import { nextTask } from './next-task.js';
import { loadZipTables } from './zip-data.js';

/** Clinics checked at run time: the usable ones, and what was wrong with the rest. */
export interface CheckedClinics {
  clinics: Clinic[];
  /** Every problem found, errors (the record was skipped) and warnings (it was kept). */
  problems: Problem[];
  /** Whether `Problem.line` is a CSV line or a (1-based) JSON record number. */
  recordLabel: 'line' | 'record';
}

/** Why a clinic data file is unusable. */
export type ClinicSourceFailure =
  /** The request failed (offline, DNS, CORS, connection reset): worth trying again. */
  | 'network'
  /** The server answered 5xx, 408 or 429: worth trying again. */
  | 'unavailable'
  /** No byte for {@link STALL_TIMEOUT_MS}, or more than {@link DOWNLOAD_TIMEOUT_MS} in all. */
  | 'timeout'
  /** Any other HTTP error (404, 403, 410…): the same URL will answer the same. */
  | 'http'
  /** An HTML page (a "not found" page, a login page) or other text that is not clinic data. */
  | 'not-data'
  /** Clinic data, but not one record of it is usable. */
  | 'no-clinics';

/** A clinic data file that could not be fetched, or is not clinic data at all. */
export class ClinicSourceError extends Error {
  override name = 'ClinicSourceError';
  readonly failure: ClinicSourceFailure;
  /**
   * Whether fetching the same URL again may work (a network error, a timeout, a 5xx); when
   * false, it is not fetched again until the source changes.
   */
  readonly transient: boolean;
  /** What was wrong with the file, when it was read (as `CheckedClinics.problems`). */
  readonly problems: Problem[];
  readonly recordLabel: 'line' | 'record' | undefined;

  constructor(
    message: string,
    failure: ClinicSourceFailure,
    problems: Problem[] = [],
    recordLabel?: 'line' | 'record',
  ) {
    super(message);
    this.failure = failure;
    this.transient = failure === 'network' || failure === 'unavailable' || failure === 'timeout';
    this.problems = problems;
    this.recordLabel = recordLabel;
  }
}

/**
 * A download that receives nothing for this long has stalled: 15 s, well past a slow mobile
 * network's round trips and a cold server's first byte, yet short enough that a visitor is not
 * left watching "Searching…". It bounds the wait for the response headers and every gap
 * between body chunks, so a large file on a slow line is not cut while it still arrives.
 */
export const STALL_TIMEOUT_MS = 15_000;

/**
 * The whole download's bound: 60 s, about a 10 MB file (a 50,000-clinic CSV) at 1.5 Mbit/s, so
 * a server that trickles bytes forever is stopped too.
 */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** How {@link loadClinicSource} fetches. */
export interface LoadOptions {
  /** Abandons the load (a newer source): rejects with the signal's reason. */
  signal?: AbortSignal;
  /** {@link STALL_TIMEOUT_MS} unless given (tests). */
  stallMs?: number;
  /** {@link DOWNLOAD_TIMEOUT_MS} unless given (tests). */
  totalMs?: number;
}

/** Fetches a URL's bytes within the bounds, or rejects with a ClinicSourceError. */
async function download(
  url: string,
  { signal, stallMs = STALL_TIMEOUT_MS, totalMs = DOWNLOAD_TIMEOUT_MS }: LoadOptions,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timedOut: string | undefined;
  const stop = (why: string) => {
    timedOut = why;
    controller.abort();
    // A body stream not tied to the fetch's signal (a service worker's) ends on cancel.
    void reader?.cancel().catch(() => undefined);
  };
  const abandon = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abandon, { once: true });
  let stall: ReturnType<typeof setTimeout> | undefined;
  const wait = () => {
    clearTimeout(stall);
    stall = setTimeout(() => stop(`nothing received for ${stallMs / 1000} s`), stallMs);
  };
  const total = setTimeout(() => stop(`not complete after ${totalMs / 1000} s`), totalMs);
  const timeoutError = () =>
    new ClinicSourceError(`could not fetch ${url}: ${timedOut ?? ''}`, 'timeout');
  try {
    wait();
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const { status } = response;
      const transient = status >= 500 || status === 408 || status === 429;
      throw new ClinicSourceError(
        `could not fetch ${url}: HTTP ${status}`,
        transient ? 'unavailable' : 'http',
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    const chunks: Uint8Array[] = [];
    let length = 0;
    if (response.body) {
      reader = response.body.getReader();
      for (;;) {
        wait();
        const { done, value } = await reader.read();
        if (timedOut) throw timeoutError();
        if (done) break;
        chunks.push(value);
        length += value.length;
      }
    } else {
      chunks.push(new Uint8Array(await response.arrayBuffer()));
      length = chunks[0]?.length ?? 0;
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { bytes, contentType };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof ClinicSourceError) throw error;
    if (timedOut) throw timeoutError();
    throw new ClinicSourceError(`could not fetch ${url}: ${(error as Error).message}`, 'network');
  } finally {
    clearTimeout(stall);
    clearTimeout(total);
    signal?.removeEventListener('abort', abandon);
  }
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

/** Records checked per task: about 10 ms here, so a large file never blocks the page for long. */
const CHECK_SLICE = 500;

/** checkClinicRecords, a slice of records per task (50,000 records took one 1.1 s task). */
async function checkInSlices(
  records: readonly ClinicRecordInput[],
  options: CheckOptions,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const checker = createClinicChecker(options);
  for (let start = 0; start < records.length; start += CHECK_SLICE) {
    await nextTask();
    signal?.throwIfAborted();
    checker.check(records.slice(start, start + CHECK_SLICE));
  }
  return checker.result();
}

/**
 * Fetches a CSV or JSON clinic file (the format of data/clinics.csv), decodes it by its charset
 * (or as Windows-1252, with a warning, when it is not UTF-8; see `decodeText`) and checks it
 * with the same rules as the build. Rejects with a ClinicSourceError when the file cannot be
 * fetched within the bounds ({@link STALL_TIMEOUT_MS}, {@link DOWNLOAD_TIMEOUT_MS}), is not
 * clinic data, or holds no usable clinic; its `transient` says whether trying again may help.
 */
export async function loadClinicSource(
  url: string,
  options: LoadOptions = {},
): Promise<CheckedClinics> {
  const { signal } = options;
  const { bytes, contentType } = await download(url, options);
  const decoded = decodeText(bytes, charsetOf(contentType));
  const { text } = decoded;
  if (isHtml(text, contentType)) {
    throw new ClinicSourceError(
      `${url} is an HTML page, not clinic data (CSV or JSON)`,
      'not-data',
      [{ line: 0, column: '(file)', message: 'an HTML page, not clinic data', severity: 'error' }],
      'line',
    );
  }
  const tables = await loadZipTables();
  const format = detectFormat(text, `${contentType} ${url}`);
  await nextTask();
  const parsed = parseClinicsFile(text, format);
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
  const problems = [...decoded.problems, ...parsed.problems, ...checked.problems];
  for (const p of decoded.problems)
    console.warn(`clinic-locator: ${formatProblem(url, p, 'line')}`);
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
