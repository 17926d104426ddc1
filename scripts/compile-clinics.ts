// `npm run data:clinics [file]`: checks the clinic file (data/clinics.csv by default, or a JSON
// file with the same fields) with the same checker and the same output as `npm run data:check`
// (scripts/check-clinics.ts), then compiles it into the compact JSON the widget bundles,
// data/generated/clinics.json. Any error stops it, with every problem listed; warnings are
// printed and the clinic kept. Nothing is dropped silently.
//
// With `--out FILE` it writes the same compact form to FILE instead, for a page's `src` (a
// large directory loads several times faster from it than from CSV: see the README's `src`
// formats); `--quiet` counts the warnings instead of printing each.
//
//   npx tsx scripts/compile-clinics.ts [file.csv|file.json] [--out FILE] [--quiet]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Clinic } from '../src/domain/clinic.ts';
import {
  compiledClinicsText,
  encodeClinics,
  type CompiledClinics,
} from '../src/domain/clinic-codec.ts';
import { checkClinicsAt, defaultClinicsFile } from './check-clinics.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the compiled clinics are written (read by scripts/lib/modules.js). */
export const COMPILED_FILE = `${ROOT}data/generated/clinics.json`;

/** What a compile produced. */
export interface CompileResult {
  /** The clinic file read. */
  file: string;
  /** The file written (data/generated/clinics.json, or the one given as `out`). */
  out: string;
  /** The checked clinics, in file order. */
  clinics: Clinic[];
  /** The warnings, formatted as `npm run data:check` prints them. */
  warnings: string[];
  /** Their compiled form, as written. */
  compiled: CompiledClinics;
  /** Size of the written JSON in bytes. */
  bytes: number;
  /** Size of the written JSON gzipped at level 9, in bytes. */
  gzipBytes: number;
  /** `gzipBytes / clinics.length`. */
  gzipBytesPerClinic: number;
}

/** Where and how {@link compileClinics} writes. */
export interface CompileOptions {
  /** The file to write instead of data/generated/clinics.json (a compact `src` file). */
  out?: string;
  /** Count the warnings on one line instead of printing each. */
  quiet?: boolean;
}

/**
 * Checks the service vocabulary (`servicesFile`, default data/services.json) and a clinic file
 * (CSV or JSON) against it and the ZIP tables (built first when missing or stale), and writes data/generated/clinics.json (or `options.out`). Warnings are printed (console.warn) as they are found,
 * so `npm run build` shows them too.
 * @throws {Error} when the file has any error; the message is exactly what `npm run data:check`
 *   prints: every problem line (warnings included), then the summary line.
 */
export async function compileClinics(
  file = defaultClinicsFile(),
  servicesFile?: string,
  { out = COMPILED_FILE, quiet = false }: CompileOptions = {},
): Promise<CompileResult> {
  const check = await checkClinicsAt(file, servicesFile);
  if (check.errors.length > 0) throw new Error([...check.lines, check.summary].join('\n'));
  const { warnings } = check;
  if (quiet && warnings.length)
    console.warn(`${file}: ${warnings.length} warnings (npm run data:check lists them)`);
  else for (const warning of warnings) console.warn(warning);

  const compiled = encodeClinics(check.clinics);
  const json = compiledClinicsText(compiled);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  const bytes = Buffer.byteLength(json);
  const gzipBytes = gzipSync(json, { level: 9 }).length;
  return {
    file,
    out,
    clinics: check.clinics,
    warnings,
    compiled,
    bytes,
    gzipBytes,
    gzipBytesPerClinic: gzipBytes / check.clinics.length,
  };
}

/** The one-line report of a compile: clinics, bytes, gzip bytes per clinic. */
export function formatCompileResult(result: CompileResult): string {
  return `${result.clinics.length} clinics → ${result.out}: ${result.bytes} bytes, ${result.gzipBytes} gzip -9 (${result.gzipBytesPerClinic.toFixed(1)} bytes per clinic)`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    });
    const out = values.out === undefined ? undefined : resolve(values.out);
    const result = await compileClinics(positionals[0], undefined, { out, quiet: values.quiet });
    console.log(formatCompileResult(result));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
