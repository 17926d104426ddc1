// End to end in headless Chromium: the built dist/clinic-locator.js on a plain page
// (bench/pages/e2e.html) served from 127.0.0.1 with generated map tiles. Startup is measured on
// fresh page loads (cache disabled); searches on a page whose data is loaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  /** With the CPU 4× slower: the longest task per load, nobody typing / “Grand” typed. */
  slowLoadLongest: number[];
  slowKeystrokeLongest: number[];
  /** Long tasks of a load nobody touches, per load. */
  loadLongTaskCount: number[];
  loadLongTaskMax: number[];
  /** Long tasks of a load with “Grand” typed at the first render, per load. */
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
  /** The slowest keystroke's median time over its repeats, and its text. */
  slowestKeystroke: { ms: number; text: string };
}

/** One page's memory after a number of searches, every collectable object collected. */
export interface MemorySample {
  searches: number;
  /** V8's used heap (CDP Runtime.getHeapUsage). */
  heap: number;
  /** Of it, V8's compiled code and its metadata (heap snapshot nodes of type `code`). */
  code: number;
  /** Self sizes of JavaScript objects, closures, arrays and strings (heap snapshot). */
  objects: number;
  /** Chromium's counters of live DOM nodes and JavaScript event listeners. */
  nodes: number;
  listeners: number;
}

export interface MemoryResult {
  /** The full layout (list and map), at every checkpoint. */
  withMap: MemorySample[];
  /** The same page with `without-map`. */
  withoutMap: MemorySample[];
}

export interface E2eResult {
  startup: StartupResult;
  searches: SearchResult[];
  memory: MemoryResult;
  chromium: string;
}

/** Opens `url` fresh (cache off); `cpuSlowdown` 4 makes the CPU four times slower (a phone). */
async function openPage(browser: Browser, url: string, cpuSlowdown = 1): Promise<Page> {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  if (cpuSlowdown > 1) await page.emulateCPUThrottling(cpuSlowdown);
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
    loadCount: [] as number[],
    loadMax: [] as number[],
    count: [] as number[],
    max: [] as number[],
    total: [] as number[],
    slowLoadMax: [] as number[],
    slowKeyMax: [] as number[],
  };
  /** The durations of the page's long tasks so far, 3 s from now (lazy parts load when idle). */
  const longTasksAfter3s = async (page: Page): Promise<number[]> => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const tasks = (await page.evaluate('__bench.longtasks')) as { duration: number }[];
    return tasks.map((t) => t.duration);
  };
  const longest = (durations: number[]) => Math.max(0, ...durations);
  for (let i = 0; i < loads; i++) {
    // The page alone: long tasks over its load and 3 s after it (the map and the clinics load
    // when the page is idle), nobody touching it.
    let page = await openPage(browser, `${base}/bench/pages/e2e.html`);
    const idle = await longTasksAfter3s(page);
    r.loadCount.push(idle.length);
    r.loadMax.push(longest(idle));
    await page.close();
    // First interaction: typing letters (loads search code, place names, ZIP table, clinics).
    page = await openPage(browser, `${base}/bench/pages/e2e.html`);
    const times = (await page.evaluate('[__bench.scriptStart, __bench.firstRender]')) as number[];
    r.script.push((times[1] as number) - (times[0] as number));
    r.nav.push(times[1] as number);
    r.key.push((await page.evaluate(`__bench.firstKeystroke('Grand')`)) as number);
    // Long tasks over the load, the first keystroke and 3 s after it.
    const tasks = await longTasksAfter3s(page);
    r.count.push(tasks.length);
    r.max.push(longest(tasks));
    r.total.push(tasks.reduce((a, t) => a + t, 0));
    await page.close();
    // First interaction: a ZIP and Enter (ZIP table, one place shard, clinics, map).
    page = await openPage(browser, `${base}/bench/pages/e2e.html`);
    const first = (await page.evaluate(`__bench.enter('49503')`)) as { frame: number };
    r.enter.push(first.frame);
    await page.close();
    // The same two loads with the CPU four times slower (Lighthouse's mobile preset).
    page = await openPage(browser, `${base}/bench/pages/e2e.html`, 4);
    r.slowLoadMax.push(longest(await longTasksAfter3s(page)));
    await page.close();
    page = await openPage(browser, `${base}/bench/pages/e2e.html`, 4);
    await page.evaluate(`__bench.firstKeystroke('Grand')`);
    r.slowKeyMax.push(longest(await longTasksAfter3s(page)));
    await page.close();
  }
  return {
    scriptToFirstRender: summarise(r.script),
    navigationToFirstRender: summarise(r.nav),
    firstKeystrokeToSuggestions: summarise(r.key),
    firstEnterToResults: summarise(r.enter),
    slowLoadLongest: r.slowLoadMax,
    slowKeystrokeLongest: r.slowKeyMax,
    loadLongTaskCount: r.loadCount,
    loadLongTaskMax: r.loadMax,
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
  const byText = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const text = KEYSTROKES[i % KEYSTROKES.length] ?? '';
    const t = (await page.evaluate(`__bench.keystroke(${JSON.stringify(text)})`)) as number;
    if (t < 0) continue;
    keys.push(t);
    byText.set(text, [...(byText.get(text) ?? []), t]);
  }
  // The median hides a text that is slow every time: report the slowest text's median too.
  let slowestKeystroke = { ms: 0, text: '' };
  for (const [text, times] of byText) {
    const median = summarise(times).median;
    if (median > slowestKeystroke.ms) slowestKeystroke = { ms: median, text };
  }
  await page.close();
  return {
    label,
    enterRendered: summarise(rendered),
    enterFrame: summarise(frame),
    keystroke: summarise(keys),
    slowestKeystroke,
  };
}

/** Searches after which memory is sampled: the 10 and 1,000, and 3,000 to see it level. */
const MEMORY_CHECKPOINTS = [10, 100, 1000, 3000];

async function memory(
  browser: Browser,
  url: string,
  checkpoints: number[],
): Promise<MemorySample[]> {
  const page = await openPage(browser, url);
  const cdp = await page.createCDPSession();
  const run = (from: number, to: number) =>
    page.evaluate(`(async () => {
      const zips = ${JSON.stringify(ZIPS)};
      for (let i = ${from}; i < ${to}; i++) await __bench.enter(zips[i % zips.length]);
    })()`);
  // A heap snapshot (taken after a full collection) split into V8's compiled code (bytecode,
  // machine code, feedback: it grows as V8 compiles and optimises hot functions, and stops when
  // they are all optimised) and the JavaScript objects the page holds (where a leak would show).
  const snapshot = async () => {
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
    const objectTypes = new Set([
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
    let code = 0;
    let objects = 0;
    for (let i = 0; i < snap.nodes.length; i += width) {
      const type = types[0][snap.nodes[i + typeAt] ?? -1] ?? '';
      const size = snap.nodes[i + sizeAt] ?? 0;
      if (type === 'code') code += size;
      else if (objectTypes.has(type)) objects += size;
    }
    return { code, objects };
  };
  const samples: MemorySample[] = [];
  let done = 0;
  for (const searches of checkpoints) {
    await run(done, searches);
    done = searches;
    // Let the last search's map animation and tile loads end: they hold listeners for a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: heap } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners: listeners } = await cdp.send('Memory.getDOMCounters');
    samples.push({ searches, heap, ...(await snapshot()), nodes, listeners });
  }
  await page.close();
  return samples;
}

/** The 50,000-clinic CSV the `src` rows load (generated, not committed: made when missing). */
const CLINICS_50K = 'data/generated/clinics-50k.csv';

export async function runE2e({ loads = 5, runs = 40 } = {}): Promise<E2eResult> {
  if (!existsSync(CLINICS_50K)) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate-sample.ts', '--count', '50000', '--out', CLINICS_50K],
      { stdio: 'inherit' },
    );
  }
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
      memory: {
        withMap: await memory(browser, `${base}/bench/pages/e2e.html`, MEMORY_CHECKPOINTS),
        withoutMap: await memory(browser, `${base}/bench/pages/e2e.html?without-map`, [10, 1000]),
      },
      chromium: await browser.version(),
    };
    return result;
  } finally {
    await close();
    server.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

function memoryRow(label: string, x: MemorySample): string[] {
  return [
    label,
    mb(x.heap),
    mb(x.code),
    mb(x.heap - x.code),
    mb(x.objects),
    x.nodes.toLocaleString('en-US'),
    x.listeners.toLocaleString('en-US'),
  ];
}

/** Change from 10 to 1,000 searches, per column. */
function growthRow(label: string, samples: MemorySample[]): string[] {
  const at = (n: number) => samples.find((x) => x.searches === n);
  const [a, b] = [at(10), at(1000)];
  if (!a || !b) return [label, '–', '–', '–', '–', '–', '–'];
  const pct = (from: number, to: number) =>
    `${to >= from ? '+' : '−'}${Math.abs((to / from - 1) * 100).toFixed(1)} %`;
  return [
    label,
    pct(a.heap, b.heap),
    pct(a.code, b.code),
    pct(a.heap - a.code, b.heap - b.code),
    pct(a.objects, b.objects),
    pct(a.nodes, b.nodes),
    pct(a.listeners, b.listeners),
  ];
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
        'first interaction: “49503” + Enter → results and next frame (zips.bin, zip3.bin, places.bin, clinics)',
        t(s.firstEnterToResults),
      ],
      [
        'long tasks (> 50 ms), load + 3 s, nobody typing, per load: count / longest ms',
        `${list(s.loadLongTaskCount)} / ${list(s.loadLongTaskMax)}`,
      ],
      [
        'long tasks (> 50 ms), load + “Grand” typed at first render + 3 s, per load: count / longest / total ms',
        `${list(s.longTaskCount)} / ${list(s.longTaskMax)} / ${list(s.longTaskTotal)}`,
      ],
      [
        'CPU 4× slower (a mid-range phone), longest task per load (0: none over 50 ms): nobody typing / “Grand” typed at first render',
        `${list(s.slowLoadLongest)} / ${list(s.slowKeystrokeLongest)}`,
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
      'slowest text (its median)',
      'target',
    ],
    r.searches.map((x) => [
      x.label,
      t(x.enterRendered),
      t(x.enterFrame),
      x.label.startsWith('1,200') ? '≤ 16 ms' : '≤ 50 ms',
      t(x.keystroke),
      `${ms(x.slowestKeystroke.ms)} (“${x.slowestKeystroke.text}”)`,
      '≤ 16 ms',
    ]),
  );
  const memoryTable = table(
    [
      'searches (after forced GC)',
      'JS heap (V8 used size)',
      'of it: compiled code',
      'JS heap without compiled code',
      'JavaScript objects',
      'DOM nodes',
      'JS event listeners',
    ],
    [
      ...r.memory.withMap.map((x) => memoryRow(x.searches.toLocaleString('en-US'), x)),
      growthRow('1,000 vs 10', r.memory.withMap),
      ...r.memory.withoutMap.map((x) =>
        memoryRow(`${x.searches.toLocaleString('en-US')}, \`without-map\``, x),
      ),
      growthRow('1,000 vs 10, `without-map`', r.memory.withoutMap),
    ],
  );
  return `${startupTable}\n\n${searchTable}\n\n${memoryTable}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(e2eTables(await runE2e({ loads: 2, runs: 15 })));
}
