// `npm run data:check [file] [--services services.json]`: checks the service vocabulary
// (data/services.json by default; src/domain/service-vocabulary.ts), then a clinic file (CSV or
// JSON; default data/clinics.csv, see defaultClinicsFile()) with the same checker the build and
// the browser use (src/domain/clinic-check.ts), against the ZIP tables in data/generated/ (built
// first when missing or stale). Prints every problem as `file:service N (id): field: what is
// wrong (value)` for the services, `file:line: column: what is wrong (value)` for the clinics
// (warnings: `file:line: warning: column: …`), then `N clinics, N errors, N warnings` (service
// errors counted in); exits 1 when there is any error.
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
import { decodeText } from '../src/domain/csv.ts';
import { checkServiceVocabulary, formatServiceProblem } from '../src/domain/service-vocabulary.ts';
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
  /**
   * One line per problem: the service vocabulary's errors first, then the clinic file's
   * problems in file order (errors and warnings).
   */
  lines: string[];
  /** Errors only, formatted (the services' first). */
  errors: string[];
  /** Warnings only, formatted. */
  warnings: string[];
  /** `N clinics, N errors, N warnings`. */
  summary: string;
}

/** The service vocabulary read when none is named. */
export const SERVICES_FILE = 'data/services.json';

/** A checked service vocabulary. */
export interface ServicesCheck {
  file: string;
  /** The ids of its services, in file order (those that are strings). */
  ids: string[];
  /** One line per problem (every problem is an error). */
  errors: string[];
}

/**
 * Reads and checks a service vocabulary (src/domain/service-vocabulary.ts): data/services.json
 * unless another file is named (relative to the working directory).
 */
export function checkServicesAt(file = SERVICES_FILE): ServicesCheck {
  const text = readFileSync(file === SERVICES_FILE ? `${ROOT}${file}` : file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { file, ids: [], errors: [`${file}: (file): not valid JSON: ${why}`] };
  }
  const ids = Array.isArray(data)
    ? data.flatMap((s: unknown) => {
        const id = typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;
        return typeof id === 'string' ? [id] : [];
      })
    : [];
  const errors = checkServiceVocabulary(data).map((p) => formatServiceProblem(file, p));
  return { file, ids, errors };
}

/** The service ids of data/services.json. */
export function serviceIds(): string[] {
  return checkServicesAt().ids;
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
 * Reads and checks the service vocabulary, then a clinic file (CSV, or JSON by its `.json`
 * extension or its content) against it and the ZIP tables, which are built first when missing
 * or stale.
 */
export async function checkClinicsAt(
  file = defaultClinicsFile(),
  servicesFile = SERVICES_FILE,
): Promise<FileCheck> {
  await ensureZipTables({ quiet: true });
  const services = checkServicesAt(servicesFile);
  // Decoded as the browser decodes a `src` file without a charset: UTF-8, else Windows-1252
  // (Excel's "CSV (Comma delimited)") with a warning at the first line that is not UTF-8.
  const decoded = decodeText(new Uint8Array(readFileSync(file)));
  const { text } = decoded;
  const checked = checkClinicsFile(text, detectFormat(text, file), {
    services: services.ids,
    insurance: insuranceIds(),
    zipPoint: zipPointFromTable(),
  });
  const result = {
    ...checked,
    problems: [...decoded.problems, ...checked.problems].sort((a, b) => a.line - b.line),
  };
  const format = (p: (typeof result.problems)[number]) =>
    formatProblem(file, p, result.recordLabel);
  const serviceErrors: CheckResult['problems'] = services.errors.map((message) => ({
    line: 0,
    column: '(services)',
    message,
    severity: 'error',
  }));
  return {
    ...result,
    file,
    lines: [...services.errors, ...result.problems.map(format)],
    errors: [
      ...services.errors,
      ...result.problems.filter((p) => p.severity === 'error').map(format),
    ],
    warnings: result.problems.filter((p) => p.severity === 'warning').map(format),
    summary: formatSummary({ ...result, problems: [...serviceErrors, ...result.problems] }),
  };
}

/** The command line: `[file] [--services file]`, in any order. */
export function parseCheckArgs(args: readonly string[]): { file?: string; services?: string } {
  const out: { file?: string; services?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--services') {
      const next = args[++i];
      if (next === undefined) throw new Error('--services needs a file');
      out.services = next;
    } else out.file = arg;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseCheckArgs(process.argv.slice(2));
    const check = await checkClinicsAt(args.file, args.services);
    for (const line of check.lines) console.log(line);
    console.log(check.summary);
    process.exit(check.errors.length > 0 ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
