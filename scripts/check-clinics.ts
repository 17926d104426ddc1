// `npm run data:check [file]`: checks a clinic file (CSV or JSON; default data/clinics.csv, see
// defaultClinicsFile()) with
// the same checker the build and the browser use (src/domain/clinic-check.ts), against the ZIP
// tables in data/generated/ (built first when missing or stale). Prints every problem as
// `file:line: column: what is wrong (value)` (warnings: `file:line: warning: column: …`), then
// `N clinics, N errors, N warnings`; exits 1 when there is any error.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkClinicsFile,
  detectFormat,
  formatProblem,
  formatSummary,
  type CheckResult,
  type RecordLabel,
} from '../src/domain/clinic-check.ts';
import { decodeZipTable, findZipIndex, zipAt } from '../src/domain/zip-table.ts';
import { ensureZipTables } from './build-zips.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/**
 * The clinic file checked and compiled when none is named: data/clinics.csv, the source of
 * truth; data/clinics.json only when there is no CSV. Both at once is an error: which one the
 * network meant cannot be guessed.
 */
export function defaultClinicsFile(): string {
  const csv = 'data/clinics.csv';
  const json = 'data/clinics.json';
  const hasCsv = existsSync(`${ROOT}${csv}`);
  const hasJson = existsSync(`${ROOT}${json}`);
  if (hasCsv && hasJson) {
    throw new Error(`Both ${csv} and ${json} exist: keep one (or name the file to use)`);
  }
  return hasJson ? json : csv;
}

/** A checked clinic file, with its problems already formatted as lines. */
export interface FileCheck extends CheckResult {
  file: string;
  recordLabel: RecordLabel;
  /** One line per problem, in file order (errors and warnings). */
  lines: string[];
  /** Errors only, formatted. */
  errors: string[];
  /** `N clinics, N errors, N warnings`. */
  summary: string;
}

/** The service ids of data/services.json. */
export function serviceIds(): string[] {
  const file = `${ROOT}data/services.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { id: string }[]).map((s) => s.id);
}

/** The insurance plan ids of data/insurance.json. */
export function insuranceIds(): string[] {
  const file = `${ROOT}data/insurance.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { id: string }[]).map((p) => p.id);
}

/**
 * The GeoNames point of a 5-digit ZIP, from data/generated/zips.bin (call `ensureZipTables()`
 * first). The table's coordinates are to 0.001°.
 */
export function zipPointFromTable(): (zip: string) => { lat: number; lon: number } | undefined {
  const table = decodeZipTable(readFileSync(`${ROOT}data/generated/zips.bin`));
  return (zip) => {
    const i = findZipIndex(table, zip);
    if (i < 0) return undefined;
    const { lat, lon } = zipAt(table, i);
    return { lat, lon };
  };
}

/**
 * Reads and checks a clinic file (CSV, or JSON by its `.json` extension or its content) against
 * the ZIP tables, which are built first when missing or stale.
 */
export async function checkClinicsAt(file = defaultClinicsFile()): Promise<FileCheck> {
  await ensureZipTables({ quiet: true });
  const text = readFileSync(file, 'utf8');
  const result = checkClinicsFile(text, detectFormat(text, file), {
    services: serviceIds(),
    insurance: insuranceIds(),
    zipPoint: zipPointFromTable(),
  });
  const format = (p: (typeof result.problems)[number]) =>
    formatProblem(file, p, result.recordLabel);
  return {
    ...result,
    file,
    lines: result.problems.map(format),
    errors: result.problems.filter((p) => p.severity === 'error').map(format),
    summary: formatSummary(result),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const check = await checkClinicsAt(process.argv[2]);
    for (const line of check.lines) console.log(line);
    console.log(check.summary);
    process.exit(check.errors.length > 0 ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
