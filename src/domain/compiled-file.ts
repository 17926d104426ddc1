// The compiled clinic file's layout as `npm run data:clinics` writes it (a field per line),
// read as its bytes arrive: its lines, each decoded on its own, and the field of each. Pure and
// DOM-free; re-exported by compiled-clinics.ts.
import { COMPILED_FORMAT } from './clinic-codec.js';

/**
 * The lines of a compiled clinic file exactly as `npm run data:clinics` writes it (UTF-8, a BOM
 * allowed, opening with `{"format":"clinic-locator-clinics"`, a field per line), each decoded on
 * its own; undefined for any other bytes, bytes that are not UTF-8 or said (`charset`) not to be
 * (read as text then, which says what is wrong). Decoding the file whole made all of it one
 * two-byte string as soon as a single character was outside Latin-1 (an en dash in a name):
 * twice the memory, and every line and field of it read through that.
 */
export function compiledFileLines(bytes: Uint8Array, charset?: string): string[] | undefined {
  const reader = createCompiledLineReader(charset);
  const lines = reader.push(bytes);
  const last = lines && reader.end();
  return lines && last && [...lines, ...last];
}

/** {@link compiledFileLines} as the bytes arrive. */
export interface CompiledLineReader {
  /** The lines the next bytes complete; undefined once they are not such a file. */
  push(chunk: Uint8Array): string[] | undefined;
  /** The last line, once every byte is in; undefined when they are not such a file. */
  end(): string[] | undefined;
}

export function createCompiledLineReader(charset?: string): CompiledLineReader {
  // A server that names another charset is believed: the text reader decodes so.
  let failed = Boolean(charset && !/^utf-?8$/i.test(charset));
  const opening = `{"format":"${COMPILED_FORMAT}"`;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** The bytes of the line so far (views into the chunks). */
  const pending: Uint8Array[] = [];
  let pendingLength = 0;
  /** Whether the file opens as a compiled file does: 1 yes, 0 no, -1 not known yet. */
  let opened = -1;
  const joinLine = () => {
    const line = new Uint8Array(pendingLength);
    let at = 0;
    for (const piece of pending) {
      line.set(piece, at);
      at += piece.length;
    }
    pending.length = 0;
    pending.push(line);
    return line;
  };
  // Decided at the first byte that differs from the opening, or once it is all in.
  const open = (final: boolean) => {
    const head = joinLine();
    const bomAt = [0xef, 0xbb, 0xbf].findIndex((b, i) => head[i] !== b);
    if (bomAt > 0 && bomAt === head.length && !final) return; // a byte-order mark, so far
    const bom = bomAt < 0 ? 3 : 0;
    const seen = Math.min(head.length - bom, opening.length);
    for (let i = 0; i < seen; i++) if (head[bom + i] !== opening.charCodeAt(i)) failed = true;
    if (seen === opening.length) opened = failed ? 0 : 1;
    else if (final) failed = true;
  };
  const finish = (out: string[]) => {
    try {
      const line = decoder.decode(joinLine());
      if (line.trim()) out.push(line);
    } catch {
      failed = true;
    }
    pending.length = 0;
    pendingLength = 0;
  };
  return {
    push(chunk) {
      const out: string[] = [];
      for (let start = 0; !failed && start <= chunk.length;) {
        let end = chunk.indexOf(10, start);
        const newline = end >= 0;
        if (!newline) end = chunk.length;
        pending.push(chunk.subarray(start, end));
        pendingLength += end - start;
        if (opened < 0) open(newline);
        if (!newline || failed) break;
        finish(out);
        start = end + 1;
      }
      return failed ? undefined : out;
    },
    end() {
      if (opened < 0 && !failed) open(true);
      const out: string[] = [];
      if (!failed && pendingLength) finish(out);
      return failed ? undefined : out;
    },
  };
}

/** The fields of a compiled file's lines, a line at a time (see {@link compiledFieldSteps}). */
export interface CompiledFieldParser {
  /** Parses the next line's field; false once a line is not one. */
  add(line: string): boolean;
  /** The fields, when the lines were laid out as the compiler writes them; else undefined. */
  value(): Record<string, unknown> | undefined;
}

export function createCompiledFieldParser(): CompiledFieldParser {
  const value: Record<string, unknown> = {};
  let first: string | undefined;
  let last = '';
  let lines = 0;
  let failed = false;
  return {
    add(line) {
      first ??= line;
      last = line;
      lines++;
      try {
        if (!failed)
          Object.assign(value, JSON.parse(`{${line.replace(/^\{/, '').replace(/[,}]$/, '')}}`));
      } catch {
        failed = true;
      }
      return !failed;
    },
    value: () =>
      !failed && lines > 2 && first?.endsWith(',') && last.endsWith('}') ? value : undefined,
  };
}

/**
 * The fields of a compiled file as `npm run data:clinics` lays it out (`{"format":…,"version":
 * 3,"count":N,` then one `"field":value,` per line, then `…}`), parsed a field per step, so that
 * a caller can yield between them (a 6.6 MB file for 50,000 clinics was one 60 ms JSON.parse);
 * undefined when it is not laid out so (edited by hand: to be read as one document, which says
 * what is wrong when it is not JSON at all).
 */
export function* compiledFieldSteps(
  lines: readonly string[],
): Generator<void, Record<string, unknown> | undefined, void> {
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  if (!(lines.length > 2 && first.endsWith(',') && last.endsWith('}'))) return undefined;
  const parser = createCompiledFieldParser();
  for (const [i, line] of lines.entries()) {
    if (i > 0) yield;
    if (!parser.add(line)) return undefined;
  }
  return parser.value();
}
