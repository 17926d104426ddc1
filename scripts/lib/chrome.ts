// Finding (and on a fresh Debian machine, installing) the Chromium the tests run in.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH when it points at an executable, else the first usual name found on PATH. */
export function findChrome(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  for (const name of NAMES) {
    const found = findOnPath(name);
    if (found) return found;
  }
  return undefined;
}

/** Installs Debian's chromium when running as root with apt-get; returns its path, if found. */
export function installChromium(): string | undefined {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !findOnPath('apt-get')) return undefined;
  console.log('No Chromium found: installing Debian’s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return undefined;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  return install.status === 0 ? findChrome() : undefined;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
