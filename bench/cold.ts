// The cold first search on a phone (issue 15, part 2): a fresh page in headless Chromium with the
// CPU 4× slower and a slow mobile network (150 ms round trip, 1.6 Mbps down, 750 kbps up) set
// through the DevTools protocol, cache off, every file brotli-compressed by the local server as a
// CDN serves it. The visitor focuses the box as soon as it appears, types 49503 at 250 ms a key
// and presses Enter: Enter → results (the clinic-search event, fired once the results are
// rendered). In the same page and conditions, the reference: one round trip of a network
// geocoder, a fresh fetch of a 1 KB JSON answer from the same server. Runnable alone:
// `npx tsx bench/cold.ts` (builds nothing: run `npm run build` first).
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { launch } from './lib/browser.ts';
import { ms, summarise, table, type Timing } from './lib/measure.ts';

/** The network and CPU of the scenario (the DevTools protocol's units: bytes per second). */
export const CONDITIONS = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBps: 1_600_000 / 8,
  uploadBps: 750_000 / 8,
};

const QUERY = '49503';
const KEY_DELAY_MS = 250;

/** One fresh page's figures. */
export interface ColdRun {
  /** Enter → clinic-search (results rendered). */
  enterToResults: number;
  /** Focus (the box appeared) → Enter, the time the prefetch had. */
  focusToEnter: number;
  /** One geocoder round trip: a fresh fetch of a 1 KB JSON from the same server. */
  geocoder: number;
  /** Every request of the page until the results, with its times relative to Enter (ms). */
  requests: { name: string; start: number; end: number; bytes: number }[];
}

export interface ColdResult {
  runs: ColdRun[];
  enterToResults: Timing;
  geocoder: Timing;
  /** Median Enter → results over median geocoder round trip. */
  ratio: number;
}

// Browser side, installed before any script of the page: the time of the Enter key and of the
// first clinic-search event.
const RECORDER = `(() => {
  const t = (window.__cold = { enter: 0, results: 0 });
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && !t.enter) t.enter = performance.now(); }, true);
  addEventListener('clinic-search', () => { if (!t.results) t.results = performance.now(); }, true);
})();`;

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: CONDITIONS.latencyMs,
    downloadThroughput: CONDITIONS.downloadBps,
    uploadThroughput: CONDITIONS.uploadBps,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
  return cdp;
}

async function coldRun(browser: Browser, url: string): Promise<ColdRun> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.setViewport({ width: 412, height: 915, isMobile: true, hasTouch: true });
    await throttle(page);
    await page.evaluateOnNewDocument(RECORDER);
    const navigation = page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The visitor focuses the box as soon as it appears.
    const input = await page.waitForSelector('clinic-locator >>> [part~="search-input"]', {
      timeout: 60_000,
    });
    await navigation;
    if (!input) throw new Error('no search box');
    await input.focus();
    const focused = (await page.evaluate('performance.now()')) as number;
    await page.keyboard.type(QUERY, { delay: KEY_DELAY_MS });
    await new Promise((resolve) => setTimeout(resolve, KEY_DELAY_MS));
    await page.keyboard.press('Enter');
    await page.waitForFunction('window.__cold.results > 0', { timeout: 60_000, polling: 50 });
    const t = (await page.evaluate('window.__cold')) as { enter: number; results: number };
    const requests = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd,
      bytes: e.encodedBodySize }))`)) as ColdRun['requests'];
    // The reference round trip, once the page's own loading has settled (a geocoder on its own
    // connection would not queue behind it): the median of three fresh fetches.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 }).catch(() => undefined);
    const geocoder = (await page.evaluate(`(async () => {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const response = await fetch('/bench/pages/geocode.json?n=' + Math.random(), { cache: 'no-store' });
        await response.json();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[1];
    })()`)) as number;
    return {
      enterToResults: t.results - t.enter,
      focusToEnter: t.enter - focused,
      geocoder,
      requests: requests
        .map((r) => ({ ...r, start: r.start - t.enter, end: r.end - t.enter }))
        .sort((a, b) => a.start - b.start),
    };
  } finally {
    await context.close();
  }
}

/** Runs the scenario `runs` times, each on a fresh page (the page: `path`, beside dist/). */
export async function runCold({
  runs = 5,
  path = '/bench/pages/e2e.html',
  verbose = false,
} = {}): Promise<ColdResult> {
  if (!existsSync('dist/clinic-locator.js')) throw new Error('run `npm run build` first');
  const server: Server = await startStaticServer({ root: '.', port: 0, brotli: true });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { browser, close } = await launch();
  try {
    const all: ColdRun[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await coldRun(browser, `http://127.0.0.1:${port}${path}`);
      if (verbose) {
        console.log(
          `run ${i + 1}: Enter → results ${ms(run.enterToResults)}, geocoder ${ms(run.geocoder)}, focus → Enter ${ms(run.focusToEnter)}`,
        );
        for (const r of run.requests) {
          console.log(
            `  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB  ${r.name}`,
          );
        }
      }
      all.push(run);
    }
    const enterToResults = summarise(all.map((r) => r.enterToResults));
    const geocoder = summarise(all.map((r) => r.geocoder));
    return { runs: all, enterToResults, geocoder, ratio: enterToResults.median / geocoder.median };
  } finally {
    await close();
    server.close();
  }
}

/** The scenario's table for BENCHMARKS.md. */
export function coldTable(r: ColdResult): string {
  const t = (x: Timing) => `${ms(x.median)} (p10 ${ms(x.p10)}, p90 ${ms(x.p90)})`;
  const kb = (run: ColdRun) =>
    (
      run.requests.filter((q) => q.end <= run.enterToResults).reduce((s, q) => s + q.bytes, 0) /
      1024
    ).toFixed(0);
  return table(
    [`cold first search, “${QUERY}” (median of ${r.runs.length} fresh pages)`, 'time'],
    [
      ['Enter → results (clinic-search event)', t(r.enterToResults)],
      ['one network geocoder round trip (fresh fetch of a 1 KB JSON, same server)', t(r.geocoder)],
      ['Enter → results ÷ geocoder round trip (goal ≤ 2)', `${r.ratio.toFixed(2)} ×`],
      [
        'focus → Enter (typing at 250 ms a key)',
        ms(summarise(r.runs.map((x) => x.focusToEnter)).median),
      ],
      ['bytes transferred by the results, per run (brotli, KB)', r.runs.map(kb).join(', ')],
    ],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 5);
  const path = process.argv[3];
  console.log(coldTable(await runCold({ runs, verbose: true, ...(path ? { path } : {}) })));
}
