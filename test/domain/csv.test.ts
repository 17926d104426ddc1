import { expect } from '@open-wc/testing';
import {
  charsetOf,
  createChunkedDecoder,
  decodeText,
  formatCsv,
  parseCsv,
} from '../../src/domain/csv.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(`/test/fixtures/clinics/${name}.csv`);
  if (!response.ok) throw new Error(`${name}.csv: HTTP ${response.status}`);
  return response.text();
}

/** Each record's line and first field. */
const starts = (text: string) => parseCsv(text).records.map((r) => [r.line, r.row.a]);

describe('parseCsv()', () => {
  it('reads the header (trimmed, lower-cased) and the records by name', () => {
    const parsed = parseCsv('A, b ,C\n1,2,3\n4,5,6\n');
    expect(parsed.header).to.deep.equal(['a', 'b', 'c']);
    expect(parsed.headerLine).to.equal(1);
    expect(parsed.records).to.deep.equal([
      { line: 2, row: { a: '1', b: '2', c: '3' } },
      { line: 3, row: { a: '4', b: '5', c: '6' } },
    ]);
    expect(parsed.problems).to.deep.equal([]);
  });

  it('always splits on commas, never on the semicolons in a field', () => {
    const parsed = parseCsv('a;x,b\nback-pain;sciatica,en;es\nneck-pain;aquatic,en\n');
    expect(parsed.header).to.deep.equal(['a;x', 'b']);
    expect(parsed.records[0]?.row).to.deep.equal({ 'a;x': 'back-pain;sciatica', b: 'en;es' });
  });

  it('gives the line where a record starts, after quoted line breaks (LF, CRLF, CR)', () => {
    expect(starts('a,b\n1,"x\ny\nz"\n2,w\n')).to.deep.equal([
      [2, '1'],
      [5, '2'],
    ]);
    expect(starts('a,b\r\n1,"x\r\ny"\r\n2,w\r\n')).to.deep.equal([
      [2, '1'],
      [4, '2'],
    ]);
    expect(starts('a,b\r1,"x\ry"\r2,w')).to.deep.equal([
      [2, '1'],
      [4, '2'],
    ]);
  });

  it('keeps quoted commas, quotes and line breaks inside a field', () => {
    const parsed = parseCsv('a,b\n"1, 2","say ""hi""\nthere"\n');
    expect(parsed.records[0]?.row).to.deep.equal({ a: '1, 2', b: 'say "hi"\nthere' });
  });

  it('drops a BOM', () => {
    const parsed = parseCsv('\uFEFFa,b\n1,2\n');
    expect(parsed.header).to.deep.equal(['a', 'b']);
    expect(parsed.records).to.deep.equal([{ line: 2, row: { a: '1', b: '2' } }]);
  });

  it('skips empty, blank and all-comma rows without shifting later lines', () => {
    expect(starts('\na,b\n\n1,2\n   \n,\n , \n3,4\n\n')).to.deep.equal([
      [4, '1'],
      [8, '3'],
    ]);
    expect(parseCsv('\na,b\n1,2\n').headerLine).to.equal(2);
  });

  it('reports a wrong field count at the record’s line and leaves the record out', () => {
    const parsed = parseCsv('a,b\n"1\n1",2\n3\n4,5,6\n7,8\n');
    expect(parsed.records.map((r) => r.line)).to.deep.equal([2, 6]);
    expect(parsed.problems).to.deep.equal([
      { line: 4, column: '(row)', message: 'expected 2 fields, found 1', severity: 'error' },
      { line: 5, column: '(row)', message: 'expected 2 fields, found 3', severity: 'error' },
    ]);
  });

  it('reports an unterminated quote at the line where its record starts', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"4\n5,6\n');
    expect(parsed.records.map((r) => r.line)).to.deep.equal([2]);
    expect(parsed.problems).to.deep.equal([
      { line: 3, column: '(row)', message: 'Quoted field unterminated', severity: 'error' },
    ]);
  });

  it('reads a fixture with a BOM, CRLF, a quoted CRLF, a blank line and a row of commas', async () => {
    const parsed = parseCsv(await fixture('bom-crlf'));
    expect(parsed.header[0]).to.equal('id');
    expect(parsed.records.map((r) => [r.line, r.row.id])).to.deep.equal([
      [2, 'q1'],
      [5, 'q2'],
      [7, 'q3'],
    ]);
    expect(parsed.records[0]?.row.address2).to.equal('Suite 2,\r\nBuilding B');
    expect(parsed.records[2]?.row.name).to.equal('The "Quoted" PT');
    expect(parsed.problems).to.deep.equal([]);
  });

  it('formatCsv() writes what parseCsv() reads back', () => {
    const rows = [
      { a: '1, 2', b: 'say "hi"\nthere' },
      { a: 'x', b: '' },
    ];
    const text = formatCsv(rows, ['a', 'b']);
    expect(text).to.equal('a,b\n"1, 2","say ""hi""\nthere"\nx,\n');
    expect(parseCsv(text).records.map((r) => r.row)).to.deep.equal(rows);
  });
});

describe('parseCsv() separators', () => {
  const columns = new Set(['id', 'name', 'services']);

  it('reads a header that names known columns only when split by ";" or tabs with that separator', () => {
    const semicolon = parseCsv('id;name;services\r\n1;"A, B";"x;y"\r\n', { columns });
    expect(semicolon.delimiter).to.equal(';');
    expect(semicolon.records).to.deep.equal([
      { line: 2, row: { id: '1', name: 'A, B', services: 'x;y' } },
    ]);
    const tab = parseCsv('id\tname\tservices\n1\tA\tx;y\n', { columns });
    expect(tab.delimiter).to.equal('\t');
    expect(tab.records[0]!.row).to.deep.equal({ id: '1', name: 'A', services: 'x;y' });
  });

  it('stays with commas for a comma header, unknown names, or no column list', () => {
    expect(parseCsv('id,name,services\n1,a;b,c\n', { columns }).delimiter).to.equal(',');
    expect(parseCsv('x;y;z\n1;2;3\n', { columns }).delimiter).to.equal(',');
    expect(parseCsv('id;name;services\n1;2;3\n').delimiter).to.equal(',');
  });
});

describe('decodeText()', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  /** Windows-1252 bytes of text below U+0100 (the byte is the code). */
  const cp1252 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

  it('reads UTF-8 without a word', () => {
    expect(decodeText(utf8('a\nClínica Peña\n'))).to.deep.equal({
      text: 'a\nClínica Peña\n',
      encoding: 'utf-8',
      problems: [],
    });
  });

  it('follows the charset the server gives, silently', () => {
    const decoded = decodeText(
      cp1252('a\nClínica Peña\n'),
      charsetOf('text/csv; charset=windows-1252'),
    );
    expect(decoded.text).to.equal('a\nClínica Peña\n');
    expect(decoded.problems).to.deep.equal([]);
    expect(decodeText(cp1252('Peña'), 'ISO-8859-1').text).to.equal('Peña');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, warning at the first line affected', () => {
    for (const charset of [undefined, 'utf-8']) {
      const decoded = decodeText(cp1252('id,name\r\n1,Lakeshore\r\n2,Clínica Peña\r\n'), charset);
      expect(decoded.text).to.equal('id,name\r\n1,Lakeshore\r\n2,Clínica Peña\r\n');
      expect(decoded.encoding).to.equal('windows-1252');
      expect(decoded.problems.map((p) => [p.line, p.column, p.severity])).to.deep.equal([
        [3, '(file)', 'warning'],
      ]);
      expect(decoded.problems[0]!.message).to.contain('Windows-1252');
    }
  });

  it('reads UTF-16 with a byte-order mark (Excel’s "Unicode Text")', () => {
    const text = 'id\tname\n1\tPeña\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((ch, i) => bytes.set([ch.charCodeAt(0), 0], 2 + i * 2));
    expect(decodeText(bytes).text).to.equal(text);
  });

  it('warns about a charset it does not know and reads UTF-8', () => {
    const decoded = decodeText(utf8('Peña'), 'x-klingon');
    expect(decoded.text).to.equal('Peña');
    expect(decoded.problems[0]!.message).to.contain('x-klingon');
  });

  it('decodes as it arrives, chunk by chunk, exactly as in one go', () => {
    const utf16 = (bom: number[], text: string, le: boolean) =>
      Uint8Array.from([
        ...bom,
        ...[...text].flatMap((ch) => (le ? [ch.charCodeAt(0), 0] : [0, ch.charCodeAt(0)])),
      ]);
    const files: [Uint8Array, string?][] = [
      [utf8('a\nClínica Peña – Annex 🏥\n')],
      [utf8('\uFEFFid,name\n1,Peña\n')],
      [utf8('Peña'), 'utf-8'],
      [utf8('Peña'), 'x-klingon'],
      [utf8('\uFEFFPeña'), 'x-klingon'],
      [cp1252('id,name\r\n1,Lakeshore\r\n2,Clínica Peña\r\n')],
      [cp1252('id,name\r\n1,Lakeshore\r\n2,Clínica Peña\r\n'), 'utf-8'],
      [cp1252('a\nClínica Peña\n'), 'windows-1252'],
      [utf16([0xff, 0xfe], 'id\tname\n1\tPeña\n', true)],
      [utf16([0xfe, 0xff], 'id\tname\n1\tPeña\n', false)],
      [utf8('é')],
      [new Uint8Array()],
    ];
    for (const [bytes, charset] of files) {
      const whole = decodeText(bytes, charset);
      for (const size of [1, 2, 3, 5, 64]) {
        const decoder = createChunkedDecoder(charset);
        for (let at = 0; at < bytes.length; at += size) decoder.push(bytes.subarray(at, at + size));
        expect(decoder.end(), `${charset} in chunks of ${size}`).to.deep.equal(whole);
      }
    }
  });

  it('charsetOf() reads the parameter, quoted or not', () => {
    expect(charsetOf('text/csv; charset="Windows-1252"')).to.equal('Windows-1252');
    expect(charsetOf('text/csv')).to.equal(undefined);
    expect(charsetOf(null)).to.equal(undefined);
  });
});
