// `npm run build`: data first (ZIP tables when missing or stale, the bundled clinics checked and
// compiled), then the Vite build of dist/, then a size report of every file in it.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import { buildPackage } from './build-package.ts';
import { ensureZipTables } from './build-zips.ts';
import { compileClinics } from './compile-clinics.ts';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** Raw, gzip -9 and brotli (quality 11) sizes of every file in dist/. */
export function distSizes(dir = 'dist'): FileSize[] {
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const bytes = readFileSync(`${dir}/${file}`);
      return {
        file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      };
    });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatSizes(sizes: FileSize[]): string {
  const width = Math.max(...sizes.map((s) => s.file.length));
  return sizes
    .map(
      (s) =>
        `  ${s.file.padEnd(width)}  ${kb(s.raw).padStart(9)} raw  ${kb(s.gzip).padStart(9)} gzip  ${kb(s.brotli).padStart(9)} brotli`,
    )
    .join('\n');
}

export async function build({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
  await ensureZipTables();
  await compileClinics();
  await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });
  if (!quiet) console.log(`dist/\n${formatSizes(distSizes())}`);
  await buildPackage({ quiet });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
