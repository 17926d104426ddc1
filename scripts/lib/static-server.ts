// A small static file server for the demo (and benchmarks): files under a root folder, plus
// generated map tiles at /tiles/{z}/{x}/{y}.png so everything works without internet.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { parseTilePath, tilePng } from './tiles.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  root: string;
  port: number;
  host?: string;
  /** Extra headers for every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /**
   * Serve text and data files brotli-compressed (quality 11, as a CDN's precompressed files)
   * to clients that accept `br`: each file is compressed once, on its first request, and kept
   * in memory. Off by default (the demo and the tests serve files as they are).
   */
  brotli?: boolean;
}

/** Types worth compressing: text and the binary data files (PNG tiles are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.csv', '.bin', '.svg', '.md']);

/** Starts the server; resolves once it listens. */
export function startStaticServer({
  root,
  port,
  host = '127.0.0.1',
  headers = {},
  brotli = false,
}: StaticServerOptions): Promise<Server> {
  const base = resolve(root);
  const compressed = new Map<string, { mtime: number; body: Buffer }>();
  const brotliOf = (path: string): Buffer => {
    const mtime = statSync(path).mtimeMs;
    const known = compressed.get(path);
    if (known?.mtime === mtime) return known.body;
    const body = brotliCompressSync(readFileSync(path), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    });
    compressed.set(path, { mtime, body });
    return body;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const tile = parseTilePath(url.pathname);
    if (tile) {
      res.writeHead(200, {
        'content-type': 'image/png',
        'cache-control': 'max-age=3600',
        ...headers,
      });
      res.end(tilePng(...tile));
      return;
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const common = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-cache',
      ...headers,
    };
    const acceptsBr = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (brotli && acceptsBr && COMPRESSIBLE.has(extname(path))) {
      const body = brotliOf(path);
      res.writeHead(200, {
        ...common,
        'content-encoding': 'br',
        'content-length': body.length,
        vary: 'accept-encoding',
      });
      res.end(body);
      return;
    }
    res.writeHead(200, common);
    createReadStream(path).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
