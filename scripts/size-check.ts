// `npm run size`: checks dist/ against size-budgets.json and exits 1, with one line per budget
// exceeded, when anything is over. Compressed sizes are gzip -9 and brotli quality 11, as a CDN
// or web server would send them (scripts/build.ts reports the same figures).
//
// Budgets name their files by pattern, so content hashes never need updating. The "initial"
// group is computed, not listed: the loader (clinic-locator.js), the main chunk it imports, and
// every chunk reachable from the main chunk through static `import … from "./x.js"` (a runtime
// helper chunk, for instance); dynamic `import("./x.js")` is what loads later, and is excluded.
// A budget whose pattern matches no file fails too: a renamed chunk must not escape its budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Compression = 'raw' | 'gzip' | 'brotli';

export interface Budget {
  name: string;
  /** A regular expression over file names in dist/; or `group: "initial"`. */
  pattern?: string;
  group?: 'initial';
  compression: Compression;
  maxKB: number;
  /** Check each matching file on its own, instead of their sum. */
  each?: boolean;
}

export interface BudgetResult {
  budget: Budget;
  /** The file (or files) measured. */
  files: string[];
  bytes: number;
  ok: boolean;
  message: string;
}

const ENTRY = 'clinic-locator.js';

export function compressedSize(bytes: Uint8Array, compression: Compression): number {
  if (compression === 'gzip') return gzipSync(bytes, { level: 9 }).length;
  if (compression === 'brotli') {
    return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return bytes.length;
}

/** The loader, the main chunk it imports, and the main chunk's static imports, recursively. */
export function initialFiles(dir: string): string[] {
  const loader = readFileSync(`${dir}/${ENTRY}`, 'utf8');
  // The loader is hand-minified: `new URL("clinic-locator-main-<hash>.js", b)`.
  const main = /"(clinic-locator-main-[\w-]+\.js)"/.exec(loader)?.[1];
  if (!main) throw new Error(`${dir}/${ENTRY}: cannot find the main chunk it loads`);
  const files = [ENTRY];
  const queue = [main];
  while (queue.length) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    // Static imports and re-exports: `import{a as b}from"./x.js"`, `import"./x.js"`,
    // `export{a}from"./x.js"`; never `import("./x.js")`.
    for (const m of source.matchAll(
      /(?:\bimport|\bexport)\s*(?:[\w*${},\s]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g,
    )) {
      queue.push(m[1] as string);
    }
  }
  return files;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function checkBudgets(dir: string, budgets: readonly Budget[]): BudgetResult[] {
  const names = readdirSync(dir).sort();
  const size = (file: string, c: Compression) =>
    compressedSize(new Uint8Array(readFileSync(`${dir}/${file}`)), c);
  const results: BudgetResult[] = [];
  for (const budget of budgets) {
    const max = budget.maxKB * 1024;
    let groups: string[][];
    if (budget.group === 'initial') groups = [initialFiles(dir)];
    else {
      const re = new RegExp(budget.pattern ?? '(?!)');
      const matched = names.filter((n) => re.test(n));
      groups = budget.each ? matched.map((f) => [f]) : [matched];
      if (matched.length === 0) {
        results.push({
          budget,
          files: [],
          bytes: 0,
          ok: false,
          message: `${budget.name}: no file in ${dir}/ matches ${budget.pattern} (renamed chunk?)`,
        });
        continue;
      }
    }
    for (const files of groups) {
      const bytes = files.reduce((sum, f) => sum + size(f, budget.compression), 0);
      const ok = bytes <= max;
      const what = `${budget.name}: ${files.join(' + ')}`;
      results.push({
        budget,
        files,
        bytes,
        ok,
        message: ok
          ? `${what}: ${kb(bytes)} ${budget.compression} of ${kb(max)}`
          : `${what} is ${kb(bytes)} ${budget.compression}, over its budget of ${kb(max)} by ${kb(bytes - max)}`,
      });
    }
  }
  return results;
}

export function loadBudgets(file = 'size-budgets.json'): Budget[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { budgets: Budget[] }).budgets;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  if (!existsSync(`${dir}/${ENTRY}`)) {
    console.error(`size check: ${dir}/${ENTRY} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  let results: BudgetResult[];
  try {
    results = checkBudgets(dir, loadBudgets());
  } catch (error) {
    console.error(`size check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'OVER'} ${r.message}`);
  const over = results.filter((r) => !r.ok);
  if (over.length) {
    console.error(
      `\nsize check failed: ${over.length} budget${over.length === 1 ? '' : 's'} exceeded (size-budgets.json):`,
    );
    for (const r of over) console.error(`  ${r.message}`);
    process.exit(1);
  }
  console.log(`size check: all ${results.length} budgets met`);
}
