// `npm run bench`: builds dist/, runs every comparison (Node for the pure domain functions,
// headless Chromium for the built widget), prints the tables and rewrites BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import { build } from '../scripts/build.ts';
import { checkBudgets, loadBudgets } from '../scripts/size-check.ts';
import { clinics50kTable, runClinics50k } from './clinics-50k.ts';
import { e2eTables, runE2e } from './e2e.ts';
import { coldTable, CONDITIONS, runCold } from './cold.ts';
import { fetchSetTable, runFetchSet } from './fetch-set.ts';
import { chromePath } from './lib/browser.ts';
import { kb, table } from './lib/measure.ts';
import { placesTable, runPlaces } from './places.ts';
import { rankTable, runRank } from './rank.ts';
import { runZip, zipTable } from './zip.ts';

const started = performance.now();
const section = (title: string, body: string) => {
  console.log(`\n## ${title}\n\n${body}`);
  return `## ${title}\n\n${body}\n`;
};

await build({ quiet: true });
const chromium = execFileSync(chromePath(), ['--version'], { encoding: 'utf8' }).trim();
const machine = [
  `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
  `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
  `- Node ${process.version}; ${chromium} (headless)`,
  `- command: \`npm run bench\` (builds dist/ first); date ${new Date().toISOString().slice(0, 10)}`,
].join('\n');
console.log(machine);

const parts: string[] = [];
parts.push(
  section(
    'ZIP lookup (Node)',
    `${zipTable(await runZip())}\n\nMedian time per lookup over 1,000 visitor inputs (one in ten an unknown ZIP), 25 runs. Ours returns the town and state too (from places.bin). Bytes: ours is what any search downloads (zips.bin + zip3.bin + places.bin: the same files whatever is typed); zipcodes is its package bundled and minified (it carries Canada too); the JSON object holds the same ZIPs as ours with lat, lon, town and state.`,
  ),
);
parts.push(
  section(
    'Nearest 10 of N clinics (Node)',
    `${rankTable(await runRank())}\n\nMedian per search over 200 origins at real ZIP points, 15–25 runs. N = 1,200 is the bundled sample; larger N are seeded synthetic clinics within ~5 km of random ZIP points. “New array”: each call gets an array it has never seen (as after a change of filters), so the linear pass runs. “Same array again”: the spatial index (kdbush + geokdbush, lazy chunk) that rank.ts builds for a list of 5,000 or more ranked a second time, which is what the element’s searches get while the filters stay as they are. The last column checks that ours returns exactly the ids and distances of turf + sort.`,
  ),
);
parts.push(
  section(
    'Place search over all GeoNames places (Node)',
    `${placesTable(runPlaces())}\n\nKeystrokes: every prefix of “Grand Rapids”, “springfield, il”, “San Jsoe”, “Los Angelos”, “mt vernon” (2 characters on), 5 suggestions each. Ours: suggestPlaces (prefix search, typo-tolerant fallback over one first letter); its index build includes the clinic name index. Plain fuse.js: one Fuse over every place name (threshold 0.35, ignoreLocation). Enter: ours interpretQuery (the whole meaning: ZIP, place, clinic) vs fuse.js's best match.`,
  ),
);
const e2e = await runE2e();
parts.push(
  section(
    'End to end in Chromium (built dist/, 127.0.0.1)',
    `${e2eTables(e2e)}\n\nPage: bench/pages/e2e.html, the element with local tiles and one script tag of dist/clinic-locator.js, served by scripts/lib/static-server.ts (no compression, no cache). Times are performance.now() in the page. Enter: the form submitted as Enter does, until the clinic-search event (fired after Lit rendered the results) and until the next frame; ZIPs alternate between 10 cities. Suggestions: the box cleared, then a prefix typed, until the suggestions list is in the DOM. Memory: the page after N searches (ZIPs alternating between 10 cities, each sample a second after the last search so its map animation and tile loads have ended): the JS heap after two forced collections (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage), split by a heap snapshot into V8's compiled code (nodes of type code: bytecode, optimised machine code, feedback) and the rest, which holds everything the page's JavaScript keeps (objects, closures, arrays, strings, shapes); the self sizes of JavaScript objects alone; Chromium's DOM node and event-listener counters (CDP Memory.getDOMCounters). The compiled code grows as V8 optimises the functions each search runs (Leaflet's, Lit's and the widget's; no single function over 22 KB) and stops growing once they are optimised; it is the engine's cache of the program, not data the widget keeps, and the same on any page that runs Leaflet. The target (within 10 % from 10 to 1,000 searches) is checked on what the page keeps: the heap without compiled code, the objects, the nodes and the listeners. \`npm test\` checks the same without timings: 200 more searches with the real map keep JavaScript's bytes within 2 %, and add no node, listener or marker (test/element/memory.test.ts).`,
  ),
);
parts.push(
  section(
    '50,000 clinics from `src`, first search (Chromium, built dist/)',
    `${clinics50kTable(await runClinics50k())}\n\nbench/clinics-50k.ts (runs alone: \`npx tsx bench/clinics-50k.ts\`). A fresh page (cache off) of bench/pages/e2e.html; “49503” and Enter as soon as the element first renders, so the file's download, decoding, checking and the search's indexes all come after Enter. The 50,000 clinics are scripts/generate-sample.ts --count 50000 as CSV (10 MB), and the same compiled by \`npm run data:clinics -- --out\` (6.6 MB, 1.4 MB gzip). Results: until the clinic-search event. Longest task: the Long Tasks API's entries that started after Enter, until 2 s after the results (0: none over 50 ms). Heap: V8's used size (CDP Runtime.getHeapUsage) sampled every 25 ms from navigation to the results (the peak seen), and after two forced collections (HeapProfiler.collectGarbage).`,
  ),
);
const cold = await runCold();
parts.push(
  section(
    'Cold first search on a phone (Chromium, throttled)',
    `${coldTable(cold)}\n\nbench/cold.ts: a fresh page of bench/pages/e2e.html (412 × 915, touch) per run, CPU ${CONDITIONS.cpuSlowdown}× slower (CDP Emulation.setCPUThrottlingRate), ${CONDITIONS.latencyMs} ms round trip, ${(CONDITIONS.downloadBps * 8) / 1e6} Mbps down, ${(CONDITIONS.uploadBps * 8) / 1e3} kbps up (Network.emulateNetworkConditions), cache disabled, every file brotli-compressed (quality 11) by scripts/lib/static-server.ts. The visitor focuses the box as soon as it appears, types 49503 at 250 ms a key and presses Enter; Enter → results is performance.now() in the page from the Enter keydown to the clinic-search event (fired once the results are rendered). The reference, in the same page and conditions once its loading has settled: one network geocoder round trip, the median of three fresh fetches (cache: no-store) of bench/pages/geocode.json (1.1 KB). Before issue 15 (a shard per ZIP digit fetched after Enter): 1,384–1,996 ms after Enter, 11.6× the round trip.`,
  ),
);
parts.push(
  section(
    'What a search fetches, per query (Chromium, built dist/)',
    `${fetchSetTable(await runFetchSet())}\n\nbench/fetch-set.ts: bench/pages/e2e.html without its map (no tiles), a fresh browser context per query; the box focused, the query typed, Enter; every request the page made (Resource Timing) until none came for a second, beyond the page and its bench script. Bytes: encoded body sizes (no compression here). Privacy: the files do not depend on what was typed (a ZIP in any region, a town, a clinic, a service word, nonsense); \`npm test\` checks the same (test/e2e/fetch-set.test.ts). Before issue 15, a ZIP search fetched the place-name shard of the ZIP's first digit and a search by words the whole place file.`,
  ),
);
const sizes = checkBudgets('dist', loadBudgets());
parts.push(
  section(
    'Size budgets (dist/)',
    table(
      ['budget', 'files', 'size', 'budget', ''],
      sizes.map((r) => [
        r.budget.name,
        r.files.join(' + '),
        `${kb(r.bytes)} ${r.budget.compression}`,
        `${r.budget.maxKB} KB`,
        r.ok ? 'ok' : '**over**',
      ]),
    ),
  ),
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
// Written as Prettier would format it, so `npm run lint` stays clean after a run.
const markdown = `# Benchmarks\n\nWritten by \`npm run bench\` (${seconds} s); do not edit by hand. Medians over many runs; “×” compares ours with the peer measured in the same run. Node figures run the same V8 as Chromium on pure functions (no DOM); the end-to-end figures run the built widget in headless Chromium.\n\n${machine}\n\n${parts.join('\n')}`;
writeFileSync(
  'BENCHMARKS.md',
  await format(markdown, {
    ...(await resolveConfig('BENCHMARKS.md')),
    filepath: 'BENCHMARKS.md',
  }),
);
console.log(`\nBENCHMARKS.md written (${seconds} s)`);
