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

const result = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
process.exit(result.status ?? 1);
