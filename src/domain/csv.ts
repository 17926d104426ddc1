// CSV reading and writing: the only module that imports papaparse (swapping the parser is a
// change to this file alone). Pure: no DOM, runs in Node and in the browser.
import Papa from 'papaparse';
import type { Problem } from './clinic-check.js';

/** One data record of a CSV file, by header name, with the line where it starts. */
export interface CsvRecord {
  /** 1-based physical line where the record starts (the header is line 1 in a plain file). */
  line: number;
  /** Field values by header name, as written (not trimmed). */
  row: Record<string, string>;
}

/** What {@link parseCsv} read. */
export interface CsvParse {
  /** The header row's names, trimmed and lower-cased (`Booking_URL ` reads as `booking_url`). */
  header: string[];
  /** The physical line of the header row (1 unless blank lines come first). */
  headerLine: number;
  /** The data records, in file order; records with a quoting error or wrong field count are left out and reported. */
  records: CsvRecord[];
  /** Quoting errors and wrong field counts, one per record, as errors at the record's line. */
  problems: Problem[];
  /** The field separator read from the header row (see {@link parseCsv}). */
  delimiter: CsvDelimiter;
}

/** The field separators accepted: a comma, or what European Excel writes (`;`, tab). */
export type CsvDelimiter = ',' | ';' | '\t';

/** What {@link parseCsv} is told about the file. */
export interface CsvOptions {
  /**
   * The column names the file may have (lower case). With them, a header row that reads as
   * such names only when split by `;` or by tabs is read with that separator; without them, or
   * when the header names are unknown, the file is read as comma-separated.
   */
  columns?: ReadonlySet<string>;
}

/** How many of a header row's names (quotes, spaces and case aside) are known columns. */
function knownNames(header: string, delimiter: string, columns: ReadonlySet<string>): number {
  return header
    .split(delimiter)
    .filter((name) => columns.has(name.trim().replace(/^"|"$/g, '').trim().toLowerCase())).length;
}

/**
 * The separator of a file whose header row is its first non-blank line: the one of `,` `;` or
 * tab that splits it into the most known column names (at least two), else a comma.
 */
function headerDelimiter(source: string, columns: ReadonlySet<string> | undefined): CsvDelimiter {
  if (!columns) return ',';
  const header = /^[\r\n]*([^\r\n]*)/.exec(source)?.[1] ?? '';
  let best: CsvDelimiter = ',';
  let most = Math.max(1, knownNames(header, ',', columns));
  for (const delimiter of [';', '\t'] as const) {
    const known = knownNames(header, delimiter, columns);
    if (known > most) {
      best = delimiter;
      most = known;
    }
  }
  return best;
}

/**
 * Parses CSV text: a header row, then records. Comma-separated, unless `options.columns` is given
 * and the header row reads as those names only when split by `;` or tabs (European Excel's "CSV"
 * and "Unicode Text"): the separator comes from the header row alone, never from the data
 * (papaparse's own guess would pick `;` from the services column). A leading BOM is dropped, CRLF, LF and CR line ends
 * are all accepted, quoted fields may hold commas, quotes (`""`) and line breaks, and rows with
 * no content (empty, blank or only commas) are skipped. Each record carries the physical line
 * where it starts, exactly, even after quoted line breaks.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvParse {
  const reader = createCsvReader(text, { ...options, sliceChars: Infinity });
  while (!reader.next());
  return reader.result();
}

/** Options of {@link createCsvReader}. */
export interface CsvReaderOptions extends CsvOptions {
  /** About how many characters each {@link CsvReader.next} reads (whole records); default 256 KiB. */
  sliceChars?: number;
}

/** {@link parseCsv} a slice at a time. */
export interface CsvReader {
  /** Reads the next slice of records; true once the whole text is read. */
  next(): boolean;
  /** What {@link parseCsv} returns, once `next()` said true. */
  result(): CsvParse;
}

/** About 4 ms of papaparse here per slice (a 10 MB file read in one go was a 160 ms task). */
const SLICE_CHARS = 256 * 1024;

/**
 * Where the first record at or after `from` starts: the offset just past a line break that is
 * outside quotes (an even number of `"` since `start`, itself a record start), or the text's
 * length when there is none. A stray quote in an unquoted field only makes it look further.
 */
function recordStartAfter(source: string, start: number, from: number): number {
  let quotes = 0;
  for (
    let at = source.indexOf('"', start);
    at !== -1 && at < from;
    at = source.indexOf('"', at + 1)
  )
    quotes++;
  for (let at = from; at < source.length; at++) {
    const ch = source.charCodeAt(at);
    if (ch === 34) quotes++;
    else if ((ch === 10 || ch === 13) && quotes % 2 === 0) {
      if (ch === 13 && source.charCodeAt(at + 1) === 10) at++;
      return at + 1;
    }
  }
  return source.length;
}

/**
 * A CSV reader that parses {@link parseCsv}'s text in slices of whole records (cut at line
 * breaks outside quotes), so a large file is read a few milliseconds per task. The records,
 * lines and problems are exactly {@link parseCsv}'s: a file whose slices papaparse reports a
 * quoting error in is read again in one go, since a malformed quote can make a cut fall inside
 * what papaparse reads as one field.
 */
export function createCsvReader(text: string, options: CsvReaderOptions = {}): CsvReader {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = headerDelimiter(source, options.columns);
  const sliceChars = options.sliceChars ?? SLICE_CHARS;
  // Line number at an offset: line breaks (CRLF, LF or CR) before it, counted incrementally
  // since offsets only grow.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) {
      const ch = source.charCodeAt(counted);
      if (ch === 10 || (ch === 13 && source.charCodeAt(counted + 1) !== 10)) line++;
    }
    return line;
  };
  let header: string[] | undefined;
  let headerLine = 1;
  let records: CsvRecord[] = [];
  let problems: Problem[] = [];
  let newline: string | undefined;
  let quoteError = false;
  let done = false;
  /** Reads `source` from `start` to `end` (whole records); `sliced` when not the whole text. */
  const read = (start: number, end: number, sliced: boolean) => {
    // papaparse's cursor after a row is past its line break, so the next row starts exactly
    // there. Empty rows are skipped here rather than by papaparse (`skipEmptyLines`), which would
    // hide rows of bare commas from this count and shift every later line number.
    let cursor = start;
    const piece = start === 0 && end === source.length ? source : source.slice(start, end);
    Papa.parse<string[]>(piece, {
      header: false,
      delimiter,
      // Every slice reads line ends as the first one did (papaparse guesses per call).
      ...(newline ? { newline: newline as '\n' } : {}),
      step(results) {
        newline ??= results.meta.linebreak;
        const at = lineAt(cursor);
        cursor = start + results.meta.cursor;
        const fields = results.data;
        if (results.errors.length > 0) {
          for (const error of results.errors) {
            if (sliced && error.type === 'Quotes') quoteError = true;
            problems.push({
              line: at,
              column: '(row)',
              message: error.message,
              severity: 'error',
            });
          }
          return;
        }
        if (fields.every((field) => field.trim() === '')) return;
        if (!header) {
          header = fields.map((name) => name.trim().toLowerCase());
          headerLine = at;
          return;
        }
        if (fields.length !== header.length) {
          problems.push({
            line: at,
            column: '(row)',
            message: `expected ${header.length} fields, found ${fields.length}`,
            severity: 'error',
          });
          return;
        }
        const row: Record<string, string> = {};
        header.forEach((name, i) => (row[name] = fields[i] ?? ''));
        records.push({ line: at, row });
      },
    });
  };
  let start = 0;
  return {
    next() {
      if (done) return true;
      const end =
        sliceChars >= source.length - start
          ? source.length
          : recordStartAfter(source, start, start + sliceChars);
      read(start, end, end < source.length || start > 0);
      start = end;
      if (quoteError) {
        // Read the whole text again, as one piece: exactly what papaparse makes of it.
        [counted, line, header, headerLine, records, problems] = [0, 1, undefined, 1, [], []];
        newline = undefined;
        read(0, source.length, false);
        start = source.length;
      }
      done = start >= source.length;
      return done;
    },
    result: () => ({ header: header ?? [], headerLine, records, problems, delimiter }),
  };
}

/**
 * CSV text of rows (papaparse quoting, `\n` line ends, a final newline), columns in the given
 * order. Used by the sample generator.
 */
export function formatCsv(
  rows: readonly Record<string, string>[],
  columns: readonly string[],
): string {
  return `${Papa.unparse(rows as Record<string, string>[], { columns: [...columns], newline: '\n' })}\n`;
}

/** A clinic file's bytes as text, and what was doubtful about its encoding. */
export interface DecodedText {
  text: string;
  /** The encoding used (WHATWG name: `utf-8`, `windows-1252`, `utf-16le`…). */
  encoding: string;
  /** A warning when the bytes were not what they were said (or assumed) to be. */
  problems: Problem[];
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The WHATWG encoding name of a label, or undefined when the browser knows no such encoding. */
function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const length =
      c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!length || i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** The 1-based line of a byte offset (LF, CRLF or CR line ends; ASCII-compatible encodings). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) line++;
  }
  return line;
}

/**
 * Decodes a clinic file. A byte-order mark decides first (UTF-8, UTF-16LE/BE: Excel's "Unicode
 * Text"); then the server's `charset`, when it names an encoding other than UTF-8 (Excel's
 * "CSV (Comma delimited)" on Windows is Windows-1252); else UTF-8, and when the bytes are not
 * valid UTF-8 (whatever the server said), Windows-1252, with a warning at the first line
 * affected: a file saved by Excel shows "Clínica Peña", not "Cl\uFFFDnica Pe\uFFFDa".
 */
export function decodeText(bytes: Uint8Array, charset?: string): DecodedText {
  const decoder = createChunkedDecoder(charset);
  decoder.push(bytes);
  return decoder.end();
}

/** Chunks of bytes (`length` in all) as one array. */
export function joinBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** {@link decodeText} a chunk at a time, as a download arrives. */
export interface ChunkedDecoder {
  /** The next bytes (kept, and decoded now unless their encoding is still in doubt). */
  push(chunk: Uint8Array): void;
  /** The text of every chunk, exactly as {@link decodeText} of all of them. */
  end(): DecodedText;
}

/**
 * {@link decodeText} of a file that arrives in chunks: each is decoded as it comes (UTF-8 with
 * the strict decoder, or the encoding that the byte-order mark or the server names), so the
 * decoding is spread over the download rather than one task after it (a 9 MB CSV took 44 ms
 * here). Only bytes that turn out not to be UTF-8 are decoded again, whole, as decodeText does.
 */
export function createChunkedDecoder(charset?: string): ChunkedDecoder {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const parts: string[] = [];
  let decoder: TextDecoder | undefined;
  let encoding = 'utf-8';
  const problems: Problem[] = [];
  /** Not valid UTF-8: decoded again, whole, as Windows-1252 at the end. */
  let failed = false;
  /** The server said UTF-8 (and no byte-order mark said anything). */
  let saidUtf8 = false;
  const joined = () => joinBytes(chunks, length);
  // The encoding, once three bytes (a UTF-8 byte-order mark) are in, or at the end.
  const choose = (head: Uint8Array) => {
    if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
    else {
      const hasUtf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
      const declared = charset && !hasUtf8Bom ? encodingOf(charset) : undefined;
      if (charset && !hasUtf8Bom && !declared) {
        problems.push({
          line: 0,
          column: '(file)',
          message: `unknown charset "${charset}" in the Content-Type: read as UTF-8`,
          severity: 'warning',
        });
      }
      if (declared && declared !== 'utf-8') encoding = declared;
      saidUtf8 = declared === 'utf-8';
    }
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    for (const chunk of chunks) decode(chunk, true);
  };
  const decode = (chunk: Uint8Array, stream: boolean) => {
    if (failed || !decoder) return;
    try {
      parts.push(decoder.decode(chunk, { stream }));
    } catch {
      failed = true;
      parts.length = 0;
    }
  };
  return {
    push(chunk) {
      chunks.push(chunk);
      length += chunk.length;
      if (decoder) decode(chunk, true);
      else if (length >= 3) choose(joined());
    },
    end() {
      if (!decoder) choose(joined());
      decode(new Uint8Array(), false);
      if (!failed) {
        const text = parts.join('');
        parts.length = 0;
        chunks.length = 0;
        return { text, encoding, problems };
      }
      const bytes = joined();
      const at = invalidUtf8At(bytes);
      problems.push({
        line: at < 0 ? 0 : lineOfByte(bytes, at),
        column: '(file)',
        message: `not valid UTF-8${saidUtf8 ? ' (though the server says so)' : ''}: read as Windows-1252, as Excel's "CSV (Comma delimited)" writes it; save the file as "CSV UTF-8" to be sure`,
        severity: 'warning',
      });
      return {
        text: new TextDecoder('windows-1252').decode(bytes),
        encoding: 'windows-1252',
        problems,
      };
    },
  };
}
