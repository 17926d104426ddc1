import { expect } from '@open-wc/testing';
import { createCsvReader, parseCsv } from '../../src/domain/csv.js';

/** Reads the text with createCsvReader in slices of about `sliceChars`, counting the slices. */
function sliced(text: string, sliceChars: number, columns?: ReadonlySet<string>) {
  const reader = createCsvReader(text, { sliceChars, ...(columns ? { columns } : {}) });
  let slices = 1;
  while (!reader.next()) slices++;
  return { parse: reader.result(), slices };
}

const TEXTS: [string, string][] = [
  ['plain LF', 'a,b\n1,2\n3,4\n5,6\n7,8\n'],
  ['CRLF and a BOM', '\uFEFFa,b\r\n1,2\r\n3,4\r\n5,6\r\n'],
  ['CR only', 'a,b\r1,2\r3,4\r5,6\r'],
  ['quoted line breaks, commas and quotes', 'a,b\n"x\ny",1\n"p,""q""",2\n"r\r\ns",3\nt,4\n'],
  ['blank lines and bare commas', '\n\na,b\n1,2\n\n,\n3,4\n \n5,6'],
  ['wrong field counts', 'a,b\n1,2,3\n4\n5,6\n7,8,9\n'],
  ['an unterminated quote', 'a,b\n1,2\n"3,4\n5,6\n7,8\n'],
  ['a stray quote in an unquoted field', 'a,b\nx"y,1\n2,3\nz",4\n5,6\n'],
  ['a quoted field with a quote inside', 'a,b\n1,2\n"ab"c,1\n2,3\n4,5\n"x",6\n7,8\n'],
  ['semicolons', 'id;name\n1;x\n2;y\n3;z\n'],
];

describe('createCsvReader()', () => {
  for (const [what, text] of TEXTS) {
    it(`reads ${what} in slices exactly as parseCsv reads it whole`, () => {
      const columns = new Set(['id', 'name']);
      const whole = parseCsv(text, { columns });
      for (const size of [1, 3, 8, 1000]) {
        const { parse } = sliced(text, size, columns);
        expect(parse, `slices of ${size}`).to.deep.equal(whole);
      }
    });
  }

  it('cuts a long file into many slices, each of whole records, lines exact', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i},"line\nbreak ${i}"`);
    const text = `a,b\n${rows.join('\n')}\n`;
    const { parse, slices } = sliced(text, 100);
    expect(slices).to.be.greaterThan(50);
    expect(parse.records).to.have.length(300);
    // Each record after the header takes two physical lines.
    expect(parse.records.map((r) => r.line).slice(0, 3)).to.deep.equal([2, 4, 6]);
    expect(parse.records.at(-1)).to.deep.equal({
      line: 600,
      row: { a: '299', b: 'line\nbreak 299' },
    });
    expect(parse).to.deep.equal(parseCsv(text));
  });

  it('reports problems with their line when sliced', () => {
    const text = 'a,b\n1,2\n"x\ny",2,3\n4,5\n';
    const { parse } = sliced(text, 2);
    expect(parse.problems.map((p) => [p.line, p.column, p.message])).to.deep.equal([
      [3, '(row)', 'expected 2 fields, found 3'],
    ]);
  });
});
