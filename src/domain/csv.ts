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
}

/**
 * Parses CSV text: a header row, then records. Always comma-delimited (never guessed: papaparse
 * would guess `;` from the services column), a leading BOM is dropped, CRLF, LF and CR line ends
 * are all accepted, quoted fields may hold commas, quotes (`""`) and line breaks, and rows with
 * no content (empty, blank or only commas) are skipped. Each record carries the physical line
 * where it starts, exactly, even after quoted line breaks.
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
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
  // papaparse's cursor after a row is past its line break, so the next row starts exactly
  // there. Empty rows are skipped here rather than by papaparse (`skipEmptyLines`), which would
  // hide rows of bare commas from this count and shift every later line number.
  let cursor = 0;
  const records: CsvRecord[] = [];
  const problems: Problem[] = [];
  Papa.parse<string[]>(source, {
    header: false,
    delimiter: ',',
    step(results) {
      const at = lineAt(cursor);
      cursor = results.meta.cursor;
      const fields = results.data;
      if (results.errors.length > 0) {
        for (const error of results.errors) {
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
  return { header: header ?? [], headerLine, records, problems };
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
