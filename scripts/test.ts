// `npm test`: make sure a Chromium is available, build dist/ (the end-to-end tests load the
// built file), then run every browser test through @web/test-runner.
import { spawnSync } from 'node:child_process';
import { findChrome, installChromium } from './lib/chrome.ts';
import { build } from './build.ts';

let chrome = findChrome();
if (!chrome) {
  chrome = installChromium();
  if (!chrome) {
    console.error(
      'No Chrome or Chromium found: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to its executable.',
    );
    process.exit(1);
  }
}

await build({ quiet: true });

// Node-side checks of the data tools (the build must fail on bad data): one `ok`/`FAIL` line
// each. Their counts join the browser tests' in the closing `N passed, N failed` line.
const dataCheck = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-data-check.ts'], {
  encoding: 'utf8',
});
process.stdout.write(dataCheck.stdout);
process.stderr.write(dataCheck.stderr);
const nodePassed = (dataCheck.stdout.match(/^ok /gm) ?? []).length;
const nodeFailed =
  (dataCheck.stdout.match(/^FAIL /gm) ?? []).length || (dataCheck.status === 0 ? 0 : 1);

const result = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROME_PATH: chrome,
      NODE_TESTS_PASSED: String(nodePassed),
      NODE_TESTS_FAILED: String(nodeFailed),
    },
  },
);
process.exit(nodeFailed > 0 ? 1 : (result.status ?? 1));
