// Test runner configuration: headless Chromium, TypeScript through esbuild, the same module
// rewrites as the Vite build (scripts/lib/modules.js), and generated map tiles served from
// this 127.0.0.1 server so no test ever reaches the internet.
import { existsSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { parseTilePath, tilePng } from './scripts/lib/tiles.js';
import {
  ASSETS_MODULE,
  CLINICS_MODULE,
  SERVICES_MODULE,
  SERVICE_WORDS_MODULE,
  INSURANCE_MODULE,
  ROOT,
  assetsModuleSource,
  clinicsModuleSource,
  servicesModuleSource,
  serviceWordsModuleSource,
  insuranceModuleSource,
  cssModuleSource,
} from './scripts/lib/modules.js';
import { summaryReporter } from './scripts/lib/summary-reporter.js';
import { CHROME_FLAGS } from './scripts/lib/chrome-flags.js';

const CHROME_ARGS = ['--headless=new', ...CHROME_FLAGS];

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const projectModules = {
  name: 'clinic-locator-modules',
  resolveImport({ source }) {
    if (source === 'leaflet') return '/node_modules/leaflet/dist/leaflet-src.esm.js';
    if (source === ASSETS_MODULE) return '/__virtual/assets.js';
    if (source === CLINICS_MODULE) return '/__virtual/clinics.js';
    if (source === SERVICES_MODULE) return '/__virtual/services.js';
    if (source === SERVICE_WORDS_MODULE) return '/__virtual/service-words.js';
    if (source === INSURANCE_MODULE) return '/__virtual/insurance.js';
    return undefined;
  },
  serve(context) {
    if (context.path === '/__virtual/assets.js') {
      /** @type {Record<string, string>} */
      const files = {
        zips: '/data/generated/zips.bin',
        zip3: '/data/generated/zip3.bin',
        places: '/data/generated/places.bin',
      };
      return { body: assetsModuleSource(files), type: 'js' };
    }
    if (context.path === '/__virtual/services.js') {
      return { body: servicesModuleSource(), type: 'js' };
    }
    if (context.path === '/__virtual/service-words.js') {
      return { body: serviceWordsModuleSource(), type: 'js' };
    }
    if (context.path === '/__virtual/insurance.js') {
      return { body: insuranceModuleSource(), type: 'js' };
    }
    if (context.path === '/__virtual/clinics.js') {
      return { body: clinicsModuleSource(), type: 'js' };
    }
    if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
      return {
        body: cssModuleSource(readFileSync(ROOT + context.path.slice(1), 'utf8')),
        type: 'js',
      };
    }
    return undefined;
  },
};

/**
 * papaparse ships only as a UMD script, which a browser cannot import as a module; Vite converts
 * it in the build, and this wraps it the same way for the test runner.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const papaparseAsModule = {
  name: 'papaparse-umd-as-esm',
  transform(context) {
    if (/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
      return {
        body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
      };
    }
    return undefined;
  },
};

/**
 * Counts the live JavaScript objects of the given class names and the DOM elements of the given
 * tags in a heap snapshot, and sums the bytes JavaScript holds.
 * @param {any} snapshot the parsed V8 heap snapshot
 * @param {string[]} names
 * @param {string[]} [tags]
 */
function countObjects(snapshot, names, tags = []) {
  const meta = snapshot.snapshot.meta;
  const width = meta.node_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const sizeAt = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[0];
  const objectType = types.indexOf('object');
  // What JavaScript holds (objects, closures, arrays, strings), not V8's compiled code.
  const held = new Set(
    ['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'hidden']
      .map((type) => types.indexOf(type))
      .filter((index) => index >= 0),
  );
  const nativeType = types.indexOf('native');
  // A custom element is not an object named after its class in a snapshot: it is a DOM node
  // named by its start tag, "<clinic-locator tile-url=…>", attached or not.
  const tagOf = /^(?:Detached )?<([a-z][a-z0-9-]*)[\s>]/;
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(names.map((name) => [name, 0]));
  /** @type {Record<string, number>} */
  const elements = Object.fromEntries(tags.map((tag) => [tag, 0]));
  let objectBytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = snapshot.nodes[i + typeAt];
    if (held.has(type)) objectBytes += snapshot.nodes[i + sizeAt];
    const name = snapshot.strings[snapshot.nodes[i + nameAt]];
    if (type === objectType && name in counts) counts[name] += 1;
    if (type === nativeType) {
      const tag = tagOf.exec(name)?.[1];
      if (tag && tag in elements) elements[tag] += 1;
    }
  }
  return { counts, elements, objectBytes };
}

/**
 * `executeServerCommand('heap-census', { names, tags })`: takes a heap snapshot (which collects
 * all garbage, DOM included), then returns how many objects of each class name and elements of
 * each tag are alive, the bytes of JavaScript objects (compiled code left out) and Chromium's
 * page metrics (JSEventListeners, Nodes, JSHeapUsedSize, …): the lifecycle and repeated-search
 * leak tests.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const heapCensus = {
  name: 'heap-census',
  async executeCommand({ command, payload, session }) {
    if (command !== 'heap-census') return undefined;
    const { names, tags } = /** @type {{ names: string[], tags?: string[] }} */ (payload);
    const launcher = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (
      /** @type {unknown} */ (session.browser)
    );
    const page = launcher.getPage(session.id);
    const cdp = await page.createCDPSession();
    /** @type {string[]} */
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.detach();
    const { counts, elements, objectBytes } = countObjects(
      JSON.parse(chunks.join('')),
      names,
      tags,
    );
    return { objects: counts, elements, objectBytes, metrics: await page.metrics() };
  },
};

/** One DevTools session per test page, kept open: emulation set through it lasts while it does. */
const cdpSessions = new WeakMap();

/**
 * @param {import('@web/test-runner').TestSession} session
 * @returns {Promise<import('puppeteer-core').CDPSession>}
 */
async function cdpFor(session) {
  const launcher = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (
    /** @type {unknown} */ (session.browser)
  );
  const page = launcher.getPage(session.id);
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

/**
 * Real input through the Chrome DevTools Protocol, for the map's gesture tests. It goes through
 * the browser's input pipeline, so touch-action, scrolling and pointer events happen as they
 * would on a device.
 * - `executeServerCommand('touch', { steps })`: each step is one `touchStart`, `touchMove` or
 *   `touchEnd` with its touch points (CSS pixels of the viewport) and an optional pause after
 *   it. Touch emulation is switched on first, so the page receives touch events like a phone's.
 * - `executeServerCommand('wheel', { x, y, deltaY, ctrlKey })`: one mouse wheel notch.
 * - `executeServerCommand('coarse-pointer', { enabled })`: a phone's `(pointer: coarse)` (and
 *   mouse input sent as touch) on or off.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const cdpInput = {
  name: 'cdp-input',
  async executeCommand({ command, payload, session }) {
    if (command === 'touch') {
      const { steps } =
        /** @type {{ steps: { type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][], pauseMs?: number }[] }} */ (
          payload
        );
      const cdp = await cdpFor(session);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      for (const step of steps) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: step.type,
          touchPoints: step.points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4 })),
        });
        if (step.pauseMs) await new Promise((resolve) => setTimeout(resolve, step.pauseMs));
      }
      return true;
    }
    if (command === 'wheel') {
      const { x, y, deltaY, ctrlKey } =
        /** @type {{ x: number, y: number, deltaY: number, ctrlKey?: boolean }} */ (payload);
      const cdp = await cdpFor(session);
      await cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x,
        y,
        deltaX: 0,
        deltaY,
        modifiers: ctrlKey ? 2 : 0,
      });
      return true;
    }
    if (command === 'coarse-pointer') {
      const { enabled } = /** @type {{ enabled: boolean }} */ (payload);
      const cdp = await cdpFor(session);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled, maxTouchPoints: 5 });
      await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled, configuration: 'mobile' });
      return true;
    }
    return undefined;
  },
};

/** Map tiles for tests: /tiles/{z}/{x}/{y}.png, and /tiles-offline/… always failing. */
/** @type {import('@web/test-runner').TestRunnerConfig['middleware']} */
const middleware = [
  async (ctx, next) => {
    const tile = parseTilePath(ctx.path);
    if (tile) {
      ctx.type = 'image/png';
      ctx.body = tilePng(...tile);
      return;
    }
    await next();
  },
  // Hostile pages (test/e2e/hostile.test.ts): response headers for two of them, and tiles at
  // /tiles-need-referer/… that are served only to requests with a Referer (else 403), like
  // OpenStreetMap's tile servers.
  async (ctx, next) => {
    const needsReferer = /^\/tiles-need-referer(\/.*)$/.exec(ctx.path);
    if (needsReferer) {
      const tile = parseTilePath(`/tiles${needsReferer[1]}`);
      if (tile && ctx.get('referer')) {
        ctx.type = 'image/png';
        ctx.body = tilePng(...tile);
      } else {
        ctx.status = 403;
        ctx.body = 'A Referer is required';
      }
      return;
    }
    await next();
    if (ctx.path === '/test/e2e/pages/strict-csp.html') {
      ctx.set(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
      );
    }
    if (ctx.path === '/test/e2e/pages/no-referrer.html') {
      ctx.set('Referrer-Policy', 'no-referrer');
    }
    // Any other page's response headers: a sidecar `<page>.headers.json` ({"Header": "value"}).
    const sidecar = `.${ctx.path}.headers.json`;
    if (ctx.path.startsWith('/test/') && !ctx.path.includes('..') && existsSync(sidecar)) {
      const headers = JSON.parse(readFileSync(sidecar, 'utf8'));
      for (const [name, value] of Object.entries(headers)) ctx.set(name, String(value));
    }
  },
];

const files = process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files,
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH,
        args: CHROME_ARGS,
      },
    }),
  ],
  middleware,
  plugins: [
    heapCensus,
    cdpInput,
    papaparseAsModule,
    projectModules,
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' }),
  ],
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    summaryReporter(),
  ],
};
