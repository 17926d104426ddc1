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

/** A clinic data file that could not be fetched, or is not clinic data at all. */
export class ClinicSourceError extends Error {
  override name = 'ClinicSourceError';
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
 * Fetches a CSV or JSON clinic file (the format of data/clinics.csv) and checks it with the same
 * rules as the build. Rejects with a ClinicSourceError when the file cannot be fetched or holds
 * no usable clinic.
 */
export async function loadClinicSource(url: string, signal?: AbortSignal): Promise<CheckedClinics> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ClinicSourceError(`could not fetch ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new ClinicSourceError(`could not fetch ${url}: HTTP ${response.status}`);
  }
  const text = await response.text();
  const tables = await loadZipTables();
  const format = detectFormat(text, `${response.headers.get('content-type') ?? ''} ${url}`);
  await nextTask();
  const parsed = parseClinicsFile(text, format);
  const checked = await checkInSlices(
    parsed.records,
    { services: SERVICE_IDS, insurance: INSURANCE_IDS, zipPoint: zipPointFrom(tables) },
    signal,
  );
  const problems = [...parsed.problems, ...checked.problems];
  if (!checked.clinics.length) {
    const first = problems.find((p) => p.severity === 'error');
    throw new ClinicSourceError(
      `${url} holds no usable clinic${first ? `: ${formatProblem(url, first, parsed.recordLabel)}` : ''}`,
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
