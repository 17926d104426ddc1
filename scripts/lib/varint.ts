// Byte writer for the compact data tables (scripts/build-zips.ts). The matching reader lives in
// src/domain/zip-table.ts; the two must change together (both are part of the zips.stamp hash).

/** Unsigned LEB128 (7 bits a byte, high bit = more) and zigzag for signed values. */
export class ByteWriter {
  #bytes: number[] = [];

  /** Appends raw bytes (0..255). */
  bytes(values: Iterable<number>): this {
    for (const b of values) {
      if (!Number.isInteger(b) || b < 0 || b > 255) throw new RangeError(`not a byte: ${b}`);
      this.#bytes.push(b);
    }
    return this;
  }

  /** Appends ASCII text byte for byte (magic numbers, state codes). */
  ascii(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) throw new RangeError(`not ASCII: ${JSON.stringify(text)}`);
      this.#bytes.push(c);
    }
    return this;
  }

  /** Appends UTF-8 text. */
  utf8(text: string): this {
    return this.bytes(new TextEncoder().encode(text));
  }

  /** Appends an unsigned integer (0..2^31-1) as a varint. */
  uvarint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
      throw new RangeError(`uvarint out of range: ${value}`);
    }
    let v = value;
    while (v >= 0x80) {
      this.#bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.#bytes.push(v);
    return this;
  }

  /** Appends a signed integer (-2^30..2^30-1) as a zigzag varint. */
  svarint(value: number): this {
    if (!Number.isInteger(value) || value < -0x40000000 || value > 0x3fffffff) {
      throw new RangeError(`svarint out of range: ${value}`);
    }
    return this.uvarint(zigzag(value));
  }

  /** Appends a column of values as deltas from the previous one (the first from 0). */
  deltas(values: ArrayLike<number>, signed: boolean): this {
    let previous = 0;
    for (const v of Array.from(values)) {
      if (signed) this.svarint(v - previous);
      else this.uvarint(v - previous);
      previous = v;
    }
    return this;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#bytes.length;
  }

  /** The bytes written, as a new array. */
  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}

/** Maps a signed integer to an unsigned one: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}
