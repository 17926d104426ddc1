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

// Node-side checks, one `ok`/`FAIL` line each: the data tools (the build must fail on bad data),
// the npm package as a consumer installs it, the README's API tables against
// custom-elements.json, and the size budgets of dist/ (an `OVER` line fails). Their counts join the browser tests' in the closing
// `N passed, N failed` line.
let nodePassed = 0;
let nodeFailed = 0;
for (const script of [
  'scripts/test-data-check.ts',
  'scripts/test-package.ts',
  'scripts/check-api-docs.ts',
  'scripts/size-check.ts',
]) {
  const check = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  process.stdout.write(check.stdout);
  process.stderr.write(check.stderr);
  const failed = (check.stdout.match(/^(?:FAIL|OVER) /gm) ?? []).length;
  nodePassed += (check.stdout.match(/^ok /gm) ?? []).length;
  nodeFailed += failed || (check.status === 0 ? 0 : 1);
}

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
