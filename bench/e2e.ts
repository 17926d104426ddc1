// End to end in headless Chromium: the built dist/clinic-locator.js on a plain page
// (bench/pages/e2e.html) served from 127.0.0.1 with generated map tiles. Startup is measured on
// fresh page loads (cache disabled); searches on a page whose data is loaded.
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { launch } from './lib/browser.ts';
import { ms, summarise, table, type Timing } from './lib/measure.ts';

const ZIPS = [
  '49503',
  '10001',
  '60614',
  '94103',
  '73301',
  '98101',
  '33101',
  '80202',
  '02108',
  '30303',
];
const KEYSTROKES = [
  'Gr',
  'Gra',
  'Grand R',
  'Sp',
  'Spring',
  'Springfield, I',
  'San J',
  'Los Ang',
  'mt v',
  'Bos',
];

export interface StartupResult {
  scriptToFirstRender: Timing;
  navigationToFirstRender: Timing;
  firstKeystrokeToSuggestions: Timing;
  firstEnterToResults: Timing;
  longTaskCount: number[];
  longTaskMax: number[];
  longTaskTotal: number[];
  loads: number;
}

export interface SearchResult {
  label: string;
  enterRendered: Timing;
  enterFrame: Timing;
  keystroke: Timing;
}

export interface MemoryResult {
  after10: number;
  after1000: number;
  /** Self sizes of JavaScript objects only (no compiled code, no browser-side buffers). */
  objects10: number;
  objects1000: number;
}

export interface E2eResult {
  startup: StartupResult;
  searches: SearchResult[];
  memory: MemoryResult;
  chromium: string;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.__bench.firstRender > 0', { timeout: 20_000 });
  return page;
}

async function startup(browser: Browser, base: string, loads: number): Promise<StartupResult> {
  const r = {
    script: [] as number[],
    nav: [] as number[],
    key: [] as number[],
    enter: [] as number[],
    count: [] as number[],
    max: [] as number[],
    total: [] as number[],
  };
  for (let i = 0; i < loads; i++) {
    // First interaction: typing letters (loads search code, place names, ZIP table, clinics).
    let page = await openPage(browser, `${base}/bench/pages/e2e.html`);
    const times = (await page.evaluate('[__bench.scriptStart, __bench.firstRender]')) as number[];
    r.script.push((times[1] as number) - (times[0] as number));
    r.nav.push(times[1] as number);
    r.key.push((await page.evaluate(`__bench.firstKeystroke('Grand')`)) as number);
    // Long tasks over the load and 3 s after it (the map and the clinics load when in view).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const tasks = (await page.evaluate('__bench.longtasks')) as { duration: number }[];
    r.count.push(tasks.length);
    r.max.push(Math.max(0, ...tasks.map((t) => t.duration)));
    r.total.push(tasks.reduce((a, t) => a + t.duration, 0));
    await page.close();
    // First interaction: a ZIP and Enter (ZIP table, one place shard, clinics, map).
    page = await openPage(browser, `${base}/bench/pages/e2e.html`);
    const first = (await page.evaluate(`__bench.enter('49503')`)) as { frame: number };
    r.enter.push(first.frame);
    await page.close();
  }
  return {
    scriptToFirstRender: summarise(r.script),
    navigationToFirstRender: summarise(r.nav),
    firstKeystrokeToSuggestions: summarise(r.key),
    firstEnterToResults: summarise(r.enter),
    longTaskCount: r.count,
    longTaskMax: r.max,
    longTaskTotal: r.total,
    loads,
  };
}

async function searches(
  browser: Browser,
  url: string,
  label: string,
  runs: number,
): Promise<SearchResult> {
  const page = await openPage(browser, url);
  // Load everything once (and let the 50,000-clinic file be fetched and checked).
  await page.evaluate(`__bench.enter('49503')`);
  await page.evaluate(`__bench.keystroke('Grand')`);
  const rendered: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = (await page.evaluate(`__bench.enter(${JSON.stringify(ZIPS[i % ZIPS.length])})`)) as {
      rendered: number;
      frame: number;
    };
    rendered.push(t.rendered);
    frame.push(t.frame);
  }
  const keys: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = (await page.evaluate(
      `__bench.keystroke(${JSON.stringify(KEYSTROKES[i % KEYSTROKES.length])})`,
    )) as number;
    if (t >= 0) keys.push(t);
  }
  await page.close();
  return {
    label,
    enterRendered: summarise(rendered),
    enterFrame: summarise(frame),
    keystroke: summarise(keys),
  };
}

async function memory(browser: Browser, base: string): Promise<MemoryResult> {
  const page = await openPage(browser, `${base}/bench/pages/e2e.html`);
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const run = (from: number, to: number) =>
    page.evaluate(`(async () => {
      const zips = ${JSON.stringify(ZIPS)};
      for (let i = ${from}; i < ${to}; i++) await __bench.enter(zips[i % zips.length]);
    })()`);
  await run(0, 10);
  // What a heap snapshot holds in JavaScript objects, leaving out V8's compiled code (which
  // grows as hot functions get optimised) and Blink's own buffers (DevTools network records,
  // the performance timeline's entries): the part a leak in the widget would show in.
  const objects = async () => {
    const chunks: string[] = [];
    const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
    const snap = JSON.parse(chunks.join('')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
    };
    const { node_fields: fields, node_types: types } = snap.snapshot.meta;
    const [typeAt, sizeAt, width] = [
      fields.indexOf('type'),
      fields.indexOf('self_size'),
      fields.length,
    ];
    const counted = new Set([
      'object',
      'closure',
      'array',
      'string',
      'concatenated string',
      'sliced string',
      'regexp',
      'number',
      'symbol',
      'bigint',
      'hidden',
    ]);
    let total = 0;
    for (let i = 0; i < snap.nodes.length; i += width) {
      const type = types[0][snap.nodes[i + typeAt] ?? -1] ?? '';
      if (counted.has(type)) total += snap.nodes[i + sizeAt] ?? 0;
    }
    return total;
  };
  const after10 = await heap();
  const objects10 = await objects();
  await run(10, 1000);
  const after1000 = await heap();
  const objects1000 = await objects();
  await page.close();
  return { after10, after1000, objects10, objects1000 };
}

export async function runE2e({ loads = 5, runs = 40 } = {}): Promise<E2eResult> {
  const server: Server = await startStaticServer({ root: '.', port: 0 });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const { browser, close } = await launch();
  try {
    const result: E2eResult = {
      startup: await startup(browser, base, loads),
      searches: [
        await searches(browser, `${base}/bench/pages/e2e.html`, '1,200 (bundled)', runs),
        await searches(
          browser,
          `${base}/bench/pages/e2e.html?src=/data/generated/clinics-50k.csv`,
          '50,000 (`src` CSV)',
          runs,
        ),
      ],
      memory: await memory(browser, base),
      chromium: await browser.version(),
    };
    return result;
  } finally {
    await close();
    server.close();
  }
}

const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

export function e2eTables(r: E2eResult): string {
  const s = r.startup;
  const t = (x: Timing) => `${ms(x.median)} (p10 ${ms(x.p10)}, p90 ${ms(x.p90)})`;
  const startupTable = table(
    ['startup (fresh page, cache off, median of ' + s.loads + ' loads)', 'time'],
    [
      ['script start → element first render', t(s.scriptToFirstRender)],
      ['navigation start → element first render', t(s.navigationToFirstRender)],
      [
        'first interaction: typing “Grand” → suggestions shown (search chunk, places.bin, zips.bin, clinics)',
        t(s.firstKeystrokeToSuggestions),
      ],
      [
        'first interaction: “49503” + Enter → results and next frame (zips.bin, zip3.bin, one shard, clinics)',
        t(s.firstEnterToResults),
      ],
      [
        'long tasks (> 50 ms) during load + 3 s, per load: count / longest / total ms',
        `${list(s.longTaskCount)} / ${list(s.longTaskMax)} / ${list(s.longTaskTotal)}`,
      ],
    ],
  );
  const searchTable = table(
    [
      'with data loaded (median of runs)',
      'Enter → results rendered (clinic-search event)',
      'Enter → next frame',
      'target',
      'suggestions per keystroke',
      'target',
    ],
    r.searches.map((x) => [
      x.label,
      t(x.enterRendered),
      t(x.enterFrame),
      x.label.startsWith('1,200') ? '≤ 16 ms' : '≤ 50 ms',
      t(x.keystroke),
      '≤ 16 ms',
    ]),
  );
  const growth = (r.memory.after1000 / r.memory.after10 - 1) * 100;
  const objectGrowth = (r.memory.objects1000 / r.memory.objects10 - 1) * 100;
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
  const memoryTable = table(
    [
      'after forced GC',
      'JS heap (CDP Runtime.getHeapUsage)',
      'JavaScript objects only (heap snapshot)',
    ],
    [
      ['after 10 searches', mb(r.memory.after10), mb(r.memory.objects10)],
      ['after 1,000 searches', mb(r.memory.after1000), mb(r.memory.objects1000)],
      ['growth (target ≤ 10 %)', `${growth.toFixed(1)} %`, `${objectGrowth.toFixed(1)} %`],
    ],
  );
  return `${startupTable}\n\n${searchTable}\n\n${memoryTable}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(e2eTables(await runE2e({ loads: 2, runs: 15 })));
}
