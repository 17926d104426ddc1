// The files a search fetches, per query, in headless Chromium: the built dist/clinic-locator.js
// on bench/pages/e2e.html without its map (no tiles), a fresh browser context per query (cache
// empty, modules and memos start over). The visitor focuses the box, types the query and presses
// Enter; every request the page made is recorded until none has come for a second. The privacy
// rule: the set of files (and their bytes) is the same whatever was typed.
// `npm test` checks the same without figures (test/e2e/fetch-set.test.ts).
//
//   npx tsx bench/fetch-set.ts     (builds nothing: run `npm run build` first)
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { launch } from './lib/browser.ts';
import { FETCH_SET_QUERIES } from '../test/e2e/fetch-set-queries.ts';
import { table } from './lib/measure.ts';

export interface FetchSet {
  query: string;
  /** Paths requested after the page itself and its bench script (and the favicon), sorted. */
  files: string[];
  /** Bytes of those responses (encoded body sizes). */
  bytes: number;
}

/** Resource entries after the page, as paths, with their bytes. */
const RESOURCES = `performance.getEntriesByType('resource')
  .map((e) => ({ path: new URL(e.name).pathname, bytes: e.encodedBodySize }))
  .filter((e) => !e.path.startsWith('/bench/') && e.path !== '/favicon.ico')`;

async function fetchSet(browser: Browser, url: string, query: string): Promise<FetchSet> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const input = await page.waitForSelector('clinic-locator >>> [part~="search-input"]');
    if (!input) throw new Error('no search box');
    await input.focus();
    await page.keyboard.type(query, { delay: 30 });
    await page.keyboard.press('Enter');
    // Until a second passes without a new request (lazy chunks load in steps), at most 10 s.
    let count = -1;
    let since = Date.now();
    for (const start = Date.now(); Date.now() - start < 10_000;) {
      const now = ((await page.evaluate(`${RESOURCES}.length`)) as number) ?? 0;
      if (now !== count) [count, since] = [now, Date.now()];
      if (Date.now() - since >= 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const entries = (await page.evaluate(RESOURCES)) as { path: string; bytes: number }[];
    return {
      query,
      files: [...new Set(entries.map((e) => e.path))].sort(),
      bytes: entries.reduce((sum, e) => sum + e.bytes, 0),
    };
  } finally {
    await context.close();
  }
}

export async function runFetchSet(): Promise<FetchSet[]> {
  if (!existsSync('dist/clinic-locator.js')) throw new Error('run `npm run build` first');
  const server: Server = await startStaticServer({ root: '.', port: 0 });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { browser, close } = await launch();
  try {
    const url = `http://127.0.0.1:${port}/bench/pages/e2e.html?without-map`;
    const sets: FetchSet[] = [];
    for (const query of FETCH_SET_QUERIES) sets.push(await fetchSet(browser, url, query));
    return sets;
  } finally {
    await close();
    server.close();
  }
}

/** The table, and the files of the first query (what every query should fetch). */
export function fetchSetTable(sets: readonly FetchSet[]): string {
  const first = sets[0];
  const same = (s: FetchSet) => first !== undefined && s.files.join() === first.files.join();
  const rows = sets.map((s) => [
    `“${s.query}”`,
    String(s.files.length),
    `${(s.bytes / 1024).toFixed(1)} KB`,
    same(s)
      ? 'yes'
      : `no: ${[
          ...s.files.filter((f) => !first?.files.includes(f)).map((f) => `+${f}`),
          ...(first?.files ?? []).filter((f) => !s.files.includes(f)).map((f) => `−${f}`),
        ].join(', ')}`,
  ]);
  const files = (first?.files ?? []).map((f) => `\`${f.replace(/^\/dist\//, '')}\``).join(', ');
  return `${table(
    [
      'query (typed, then Enter)',
      'files fetched',
      'bytes',
      `the same files as “${first?.query ?? ''}”`,
    ],
    rows,
  )}\n\nThe files, for every query: ${files}.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(fetchSetTable(await runFetchSet()));
}
