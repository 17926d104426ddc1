// Test runner configuration: headless Chromium, TypeScript through esbuild, the same module
// rewrites as the Vite build (scripts/lib/modules.js), and generated map tiles served from
// this 127.0.0.1 server so no test ever reaches the internet.
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { parseTilePath, tilePng } from './scripts/lib/tiles.js';
import {
  ASSETS_MODULE,
  CLINICS_MODULE,
  SERVICES_MODULE,
  PLACE_SHARD_DIGITS,
  ROOT,
  assetsModuleSource,
  clinicsModuleSource,
  servicesModuleSource,
  cssModuleSource,
} from './scripts/lib/modules.js';
import { summaryReporter } from './scripts/lib/summary-reporter.js';

const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const projectModules = {
  name: 'clinic-locator-modules',
  resolveImport({ source }) {
    if (source === 'leaflet') return '/node_modules/leaflet/dist/leaflet-src.esm.js';
    if (source === ASSETS_MODULE) return '/__virtual/assets.js';
    if (source === CLINICS_MODULE) return '/__virtual/clinics.js';
    if (source === SERVICES_MODULE) return '/__virtual/services.js';
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
      for (const d of PLACE_SHARD_DIGITS) files[`places-${d}`] = `/data/generated/places-${d}.bin`;
      return { body: assetsModuleSource(files), type: 'js' };
    }
    if (context.path === '/__virtual/services.js') {
      return { body: servicesModuleSource(), type: 'js' };
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
    papaparseAsModule,
    projectModules,
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' }),
  ],
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    summaryReporter(),
  ],
};
