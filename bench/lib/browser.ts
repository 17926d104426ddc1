// Headless Chromium for the benchmarks and the audit: the system Chromium (never a download),
// with the flags this machine needs, and a fresh profile each time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_FLAGS } from '../../scripts/lib/chrome-flags.js';
import { findChrome } from '../../scripts/lib/chrome.ts';

export { CHROME_FLAGS };

export function chromePath(): string {
  const chrome = findChrome();
  if (!chrome)
    throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH');
  return chrome;
}

/** Launches headless Chromium with a throwaway profile; `close()` removes the profile too. */
export async function launch(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'clinic-locator-bench-'));
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    userDataDir: profile,
    args: CHROME_FLAGS,
    // The memory phase runs up to 3,000 searches in one evaluate: far past puppeteer's 180 s
    // default when each search takes ~50 ms with the map.
    protocolTimeout: 900_000,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
