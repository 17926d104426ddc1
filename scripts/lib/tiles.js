// Generated map tiles for tests and the offline demo: a 256×256 PNG per tile, drawn here with
// node:zlib so nothing is fetched from a tile server. Each tile is a pale grid whose tint
// alternates like a chessboard, so panning and zooming are visible.
import { deflateSync } from 'node:zlib';

const SIZE = 256;

/** @type {Uint32Array | undefined} */
let crcTable;

/** @param {Uint8Array} bytes */
function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = /** @type {number} */ (crcTable[(c ^ b) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** @type {Map<number, Buffer>} */
const cache = new Map();

/**
 * A PNG tile. Tiles only differ by chessboard parity, so two images serve every z/x/y.
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @returns {Buffer}
 */
export function tilePng(z, x, y) {
  const parity = (x + y + z) & 1;
  const cached = cache.get(parity);
  if (cached) return cached;
  const [r, g, b] = parity ? [236, 240, 232] : [226, 233, 240];
  const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE);
  for (let row = 0; row < SIZE; row++) {
    const offset = row * (SIZE * 3 + 1);
    raw[offset] = 0; // filter: none
    for (let col = 0; col < SIZE; col++) {
      const line = row % 64 === 0 || col % 64 === 0;
      const p = offset + 1 + col * 3;
      raw[p] = line ? r - 40 : r;
      raw[p + 1] = line ? g - 40 : g;
      raw[p + 2] = line ? b - 40 : b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  cache.set(parity, png);
  return png;
}

const TILE_PATH = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png(?:\?.*)?$/;

/**
 * Parses a request path of the form /tiles/{z}/{x}/{y}.png.
 * @param {string} url
 * @returns {[number, number, number] | undefined}
 */
export function parseTilePath(url) {
  const m = TILE_PATH.exec(url);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
