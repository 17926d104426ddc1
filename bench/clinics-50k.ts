// 50,000 clinics from `src`, first search on a fresh page, in headless Chromium: the built
// dist/clinic-locator.js on bench/pages/e2e.html (served from 127.0.0.1, cache off), “49503” and
// Enter as soon as the element first renders, so the file's download, decoding, checking and
// the search's indexes all fall after Enter. The same for the bundled 1,200 clinics, for the
// ratio. Per load: Enter → results (the clinic-search event), the longest task after Enter (Long
// Tasks API, until 2 s after the results), the JS heap sampled during the load (CDP
// Runtime.getHeapUsage every 25 ms: the peak seen) and after it (two forced collections,
// HeapProfiler.collectGarbage).
//
//   npx tsx bench/clinics-50k.ts [--loads N]     (builds nothing: run `npm run build` first)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { launch } from './lib/browser.ts';
import { ms, quantile, table } from './lib/measure.ts';

/** The 50,000-clinic CSV (the sample repeated with new ids; generated, not committed). */
export const CLINICS_50K_CSV = 'data/generated/clinics-50k.csv';
/** The same clinics compiled (`npm run data:clinics -- <csv> --out <this>`). */
export const CLINICS_50K_COMPACT = 'data/generated/clinics-50k.clinics.json';

/** Makes the 50,000-clinic files when missing. */
export function ensureClinics50k(): void {
  const tsx = (args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
  if (!existsSync(CLINICS_50K_CSV))
    tsx(['scripts/generate-sample.ts', '--count', '50000', '--out', CLINICS_50K_CSV]);
  if (!existsSync(CLINICS_50K_COMPACT))
    tsx(['scripts/compile-clinics.ts', CLINICS_50K_CSV, '--out', CLINICS_50K_COMPACT, '--quiet']);
}

/** One fresh page's first search. */
export interface FirstSearch {
  /** Enter → clinic-search event (results rendered), ms. */
  results: number;
  /** Longest task that started after Enter (0 when none was over 50 ms), ms. */
  longestTask: number;
  /** Long tasks (> 50 ms) after Enter. */
  longTasks: number;
  /** Highest V8 used heap sampled from navigation to the results, bytes. */
  peakHeap: number;
  /** V8 used heap after the load and two forced collections, bytes. */
  heapAfter: number;
}

export interface Clinics50kCase {
  label: string;
  loads: FirstSearch[];
}

export interface Clinics50kResult {
  cases: Clinics50kCase[];
  chromium: string;
}

async function firstSearch(browser: Browser, url: string): Promise<FirstSearch> {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        peakHeap = Math.max(peakHeap, usedSize);
      } catch {
        // Between documents: no heap to read.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction('window.__bench.firstRender > 0', { timeout: 20_000, polling: 5 });
  const { rendered } = (await page.evaluate(`__bench.enter('49503', 60_000)`)) as {
    rendered: number;
  };
  sampling = false;
  await sampler;
  // Tasks that the results' aftermath runs (the map, idle work) count too.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const tasks = (await page.evaluate(
    '__bench.longtasks.filter((t) => t.start >= __bench.enterStart).map((t) => t.duration)',
  )) as number[];
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize: heapAfter } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return {
    results: rendered,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    peakHeap,
    heapAfter,
  };
}

export async function runClinics50k({
  loads = 5,
  only,
}: { loads?: number; only?: readonly string[] } = {}): Promise<Clinics50kResult> {
  ensureClinics50k();
  const server: Server = await startStaticServer({ root: '.', port: 0 });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const page = `http://127.0.0.1:${port}/bench/pages/e2e.html`;
  const { browser, close } = await launch();
  const cases: [string, string][] = [
    ['1,200 bundled', page],
    ['50,000 `src` CSV', `${page}?src=/${CLINICS_50K_CSV}`],
    ['50,000 `src` compact', `${page}?src=/${CLINICS_50K_COMPACT}`],
  ];
  try {
    const result: Clinics50kResult = { cases: [], chromium: await browser.version() };
    for (const [label, url] of cases) {
      if (only && !only.some((word) => label.includes(word))) continue;
      const runs: FirstSearch[] = [];
      for (let i = 0; i < loads; i++) runs.push(await firstSearch(browser, url));
      result.cases.push({ label, loads: runs });
    }
    return result;
  } finally {
    await close();
    server.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (values: number[]) => quantile(values, 0.5);

export function clinics50kTable(r: Clinics50kResult): string {
  const bundled = r.cases.find((x) => x.label.includes('bundled'));
  const base = bundled ? median(bundled.loads.map((x) => x.results)) : NaN;
  const rows = r.cases.map(({ label, loads }) => {
    const results = loads.map((x) => x.results);
    const m = median(results);
    const longest = loads.map((x) => x.longestTask);
    return [
      label,
      `${ms(m)} (${results.map((x) => x.toFixed(0)).join(', ')})`,
      Number.isNaN(base) ? '–' : `${(m / base).toFixed(1)}×`,
      `${ms(median(longest))} (max ${ms(Math.max(...longest))})`,
      mb(median(loads.map((x) => x.peakHeap))),
      mb(median(loads.map((x) => x.heapAfter))),
    ];
  });
  return table(
    [
      `first search on a fresh page, “49503” + Enter at first render (median of ${r.cases[0]?.loads.length ?? 0} loads)`,
      'Enter → results (each load, ms)',
      '× bundled (target ≤ 3×)',
      'longest task after Enter (target ≤ 50 ms)',
      'JS heap, peak sampled during the load',
      'JS heap after load, forced GC (target ≤ 25 MB)',
    ],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--loads');
  const loads = at > 0 ? Number(process.argv[at + 1]) : 5;
  // --only bundled,CSV: the cases whose label holds one of the words.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? process.argv[onlyAt + 1]?.split(',') : undefined;
  console.log(clinics50kTable(await runClinics50k({ loads, only })));
}
