import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import {
  compiledClinicsText,
  decodeClinics,
  encodeClinics,
} from '../../src/domain/clinic-codec.js';
import {
  checkCompiledStructure,
  compiledFileLines,
  createCompiledClinicReader,
  createCompiledFieldParser,
  createCompiledLineReader,
  isCompiledClinicsText,
  type CompiledCheckOptions,
  isCompiledClinicsValue,
} from '../../src/domain/compiled-clinics.js';

const base: Clinic = {
  id: 'c-0001',
  name: 'Lakeshore Physical Therapy – Grand Rapids',
  organization: 'Lakeshore Physical Therapy',
  address1: '2200 Example Ave',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.9659,
  lon: -85.6527,
  phone: '6165550142',
  website: 'https://lakeshore-physical-therapy.example/grand-rapids',
  bookingUrl: 'https://lakeshore-physical-therapy.example/grand-rapids/book',
  services: ['back-pain', 'sciatica'],
  telehealth: true,
  languages: ['en', 'es'],
  hours: 'Mo-Fr 07:00-19:00',
  timezone: 'America/Detroit',
  insurance: ['medicare', 'aetna'],
  accessibility: ['wheelchair-entrance'],
};
const CLINICS: Clinic[] = [
  base,
  { ...base, id: 'c-0002', address1: '10 Other St', services: ['back-pain'], lat: 42.95 },
  {
    id: 'x',
    name: 'Clínica Ñandú',
    organization: 'Desert Bloom',
    address1: 'Suite-less',
    address2: 'Floor 2',
    city: 'Española',
    state: 'NM',
    zip: '87532',
    lat: 35.99113,
    lon: -106.08058,
    services: [],
    approximate: true,
  },
];
const OPTIONS = { services: ['back-pain', 'sciatica'], insurance: ['medicare', 'aetna'] };

/** The text of a compiled file of the clinics, and its parsed value. */
function file(clinics = CLINICS) {
  const text = compiledClinicsText(encodeClinics(clinics));
  return { text, value: JSON.parse(text) as Record<string, unknown> };
}

function read(value: unknown, options: CompiledCheckOptions = OPTIONS, step = 1) {
  const reader = createCompiledClinicReader(value as never, options);
  while (!reader.done) reader.next(step);
  return reader.result();
}

/** {@link read} with the links left for later, then every one given. */
function readLinkedLater(value: unknown) {
  const result = read(value, { ...OPTIONS, laterLinks: true });
  while (result.links && !result.links.step(1));
  return result;
}

describe('compiled clinic files (src)', () => {
  it('round-trips: the file read back is the clinics, whatever the slice size', () => {
    const { text, value } = file();
    expect(isCompiledClinicsText(text)).to.equal(true);
    expect(isCompiledClinicsValue(value)).to.equal(true);
    expect(checkCompiledStructure(value)).to.deep.equal([]);
    for (const step of [1, 2, 1000]) {
      const { clinics, problems } = read(value, OPTIONS, step);
      expect(problems).to.deep.equal([]);
      expect(clinics).to.deep.equal(decodeClinics(encodeClinics(CLINICS)));
      expect(clinics).to.deep.equal(CLINICS);
    }
  });

  it('is one JSON document with a field per line, its format named first', () => {
    const { text } = file();
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).to.equal('{"format":"clinic-locator-clinics","version":3,"count":3,');
    expect(lines.length).to.be.greaterThan(20);
    for (const line of lines.slice(1)) expect(line).to.match(/^"[a-zA-Z0-9]+":/);
  });

  it('is read from its bytes a line at a time, each line its own string', () => {
    // Characters beyond Latin-1 (an en dash, an emoji) decode as they are, in their lines.
    const text = file().text.replaceAll('Lakeshore', 'Lakeshore – 湖岸 🏖');
    const bytes = new TextEncoder().encode(text);
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('湖岸 🏖'))).to.have.length.greaterThan(0);
    expect(compiledFileLines(bytes)).to.deep.equal(lines);
    // A byte-order mark is allowed; blank lines are not lines.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes, 10, 10]);
    expect(compiledFileLines(bom)).to.deep.equal(lines);
  });

  it('reads the lines and their fields as the bytes arrive, in chunks of any size', () => {
    const text = file().text.replaceAll('Lakeshore', 'Lakeshore – 湖岸');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const whole = compiledFileLines(bytes)!;
    const fields = JSON.parse(text) as Record<string, unknown>;
    for (const size of [1, 2, 7, 64, 1000, bytes.length]) {
      const reader = createCompiledLineReader();
      const parser = createCompiledFieldParser();
      const lines: string[] = [];
      for (let at = 0; at < bytes.length; at += size)
        lines.push(...reader.push(bytes.subarray(at, at + size))!);
      lines.push(...reader.end()!);
      expect(lines, `chunks of ${size}`).to.deep.equal(whole);
      for (const line of lines) expect(parser.add(line)).to.equal(true);
      expect(parser.value()).to.deep.equal(fields);
    }
    // Not a compiled file: known from the opening bytes, before the rest arrives.
    const reader = createCompiledLineReader();
    expect(reader.push(new TextEncoder().encode('{"clinics":[{"id":"a"'))).to.equal(undefined);
    // A field per line, but not laid out as the compiler writes it (no closing brace).
    const parser = createCompiledFieldParser();
    for (const line of whole.slice(0, -1)) parser.add(line);
    expect(parser.value()).to.equal(undefined);
  });

  it('leaves to the text reader bytes that are not a compiled file as written, or not UTF-8', () => {
    const { text } = file();
    const encode = (s: string) => new TextEncoder().encode(s);
    expect(compiledFileLines(encode('id,name\n1,x\n'))).to.equal(undefined);
    expect(compiledFileLines(encode('[{"id":"x"}]'))).to.equal(undefined);
    // Re-indented by hand: a compiled file still, read as one document.
    expect(compiledFileLines(encode('{ "format": "clinic-locator-clinics" }'))).to.equal(undefined);
    const latin1 = encode(text.replace('Grand Rapids', 'Grand Rapidsé'));
    const at = latin1.indexOf(0xc3);
    latin1[at] = 0xe9; // é in Windows-1252, not UTF-8
    expect(compiledFileLines(latin1.subarray(0, latin1.length - 1))).to.equal(undefined);
    expect(compiledFileLines(new Uint8Array())).to.equal(undefined);
  });

  it('is told from CSV and from JSON lists of clinics by its content', () => {
    expect(isCompiledClinicsText('id,name\n1,x\n')).to.equal(false);
    expect(isCompiledClinicsText('[{"id":"x"}]')).to.equal(false);
    expect(isCompiledClinicsText('\uFEFF { "format" : "clinic-locator-clinics" }')).to.equal(true);
    expect(isCompiledClinicsValue({ version: 3, format: 'clinic-locator-clinics' })).to.equal(true);
    expect(isCompiledClinicsValue([{ format: 'clinic-locator-clinics' }])).to.equal(false);
  });

  it('refuses another version, naming the version it reads', () => {
    const { value } = file();
    const problems = checkCompiledStructure({ ...value, version: 2 });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ line: 0, column: '(file)', severity: 'error' });
    expect(problems[0]!.message).to.contain('version 2, this widget reads version 3');
  });

  it('names each malformed field and the first clinic it affects', () => {
    const { value } = file();
    const messages = (v: unknown) => checkCompiledStructure(v).map((p) => p.message);
    expect(messages({ ...value, lat: [1, 2] })).to.deep.equal(['lat: 2 cells for 3 clinics']);
    expect(messages({ ...value, services: [[0], [7], []] })).to.deep.equal([
      'services: clinic 2: not a list of indexes into serviceIds',
    ]);
    expect(messages({ ...value, city: { values: ['A'], index: [0, 0, 0] } })).to.deep.equal([
      'city: clinic 2: a reference past the values',
    ]);
    const noUrls = { ...value };
    delete noUrls.urls;
    expect(messages(noUrls)).to.deep.equal(['urls: missing or not a list']);
    expect(messages({ ...value, format: 'other' })[0]).to.contain('not a compiled clinic file');
  });

  it('skips clinics with errors, each problem at its record, and keeps the rest', () => {
    const clinics: Clinic[] = [
      base,
      { ...base, id: 'c-0002', services: ['levitation'] },
      { ...base, id: 'c-0003', zip: '4950', insurance: ['acme'] },
      { ...base, id: 'c-0001' },
    ];
    const { clinics: kept, problems } = read(file(clinics).value);
    expect(kept.map((c) => c.id)).to.deep.equal(['c-0001']);
    expect(problems.map((p) => [p.line, p.column, p.value])).to.deep.equal([
      [2, 'services', 'levitation'],
      [3, 'zip', '4950'],
      [3, 'insurance', 'acme'],
      [4, 'id', 'c-0001'],
    ]);
    expect(problems[3]!.message).to.equal('duplicate id: first on record 1');
  });

  it('checks names, addresses and links made from other fields as strictly as written ones', () => {
    const acme = { ...base, organization: 'Acme', city: 'Town', name: 'Acme – Town' };
    const clinics: Clinic[] = [
      // The name is the (blank) organization's: both are missing.
      { ...base, id: 'c-1', organization: '  ', name: '  ' },
      // A website that is not http(s), and the booking link made from it.
      { ...acme, id: 'c-2', website: 'ftp://acme.example', bookingUrl: 'ftp://acme.example/book' },
      // A space in the website, and in the booking link made from it.
      {
        ...acme,
        id: 'c-3',
        website: 'https://acme.example/a b',
        bookingUrl: 'https://acme.example/a b/book',
      },
      // Nothing after the scheme: the website fails, the booking link made from it does not.
      { ...acme, id: 'c-4', website: 'https://', bookingUrl: 'https:///book' },
      // Made from the organization's and the city's slugs: fine.
      {
        ...acme,
        id: 'c-5',
        website: 'https://acme.example/locations/town',
        bookingUrl: 'https://acme.example/locations/town/book',
      },
      { ...acme, id: 'c-6', name: 'Acme' + ' ', address1: '12 Main St' },
    ];
    // A file edited by hand: a template whose slugs leave nothing after the scheme.
    const compiled = encodeClinics([...clinics, { ...acme, id: 'c-7', organization: '– –' }]);
    compiled.urls.push('https://{o}', 'https://{o}.example');
    compiled.website[6] = compiled.urls.length - 2;
    compiled.bookingUrl[6] = compiled.urls.length - 1;
    const value = JSON.parse(compiledClinicsText(compiled)) as unknown;
    for (const { clinics: kept, problems } of [read(value), readLinkedLater(value)]) {
      expect(problems.map((p) => [p.line, p.column, p.value])).to.deep.equal([
        [1, 'name', undefined],
        [1, 'organization', undefined],
        [2, 'website', 'ftp://acme.example'],
        [2, 'booking_url', 'ftp://acme.example/book'],
        [3, 'website', 'https://acme.example/a b'],
        [3, 'booking_url', 'https://acme.example/a b/book'],
        [4, 'website', 'https://'],
        [7, 'website', 'https://'],
      ]);
      expect(kept.map((c) => c.id)).to.deep.equal(['c-5', 'c-6']);
      expect(kept[1]).to.deep.equal({ ...acme, id: 'c-6', name: 'Acme ', address1: '12 Main St' });
    }
  });

  it('leaves links that cannot fail for later, and gives them exactly as at once', () => {
    const many = Array.from({ length: 60 }, (_, k) => ({
      ...CLINICS[k % 2]!,
      id: `c-${String(k).padStart(4, '0')}`,
    }));
    const { value } = file([...many, CLINICS[2]!]);
    const now = read(value).clinics;
    const { clinics, problems, links } = read(value, { ...OPTIONS, laterLinks: true });
    expect(problems).to.deep.equal([]);
    expect(now.filter((c) => c.website)).to.have.length(60);
    expect(clinics.filter((c) => c.website || c.bookingUrl)).to.deep.equal([]);
    // What is shown gets its links at once: a page of results, or more (through a map).
    links!.fill([clinics[5]!, clinics[7]!]);
    expect([clinics[5], clinics[7]]).to.deep.equal([now[5], now[7]]);
    expect(clinics[6]!.website).to.equal(undefined);
    links!.fill(clinics.slice(40));
    expect(clinics.slice(40)).to.deep.equal(now.slice(40));
    // Then every clinic, a few at a time, each once.
    let steps = 0;
    while (!links!.step(7)) steps++;
    expect(steps).to.equal(8);
    expect(clinics).to.deep.equal(now);
    expect(clinics).to.deep.equal([...many, CLINICS[2]]);
    // Nothing waits when no clinic has a link.
    expect(read(file([CLINICS[2]!]).value, { ...OPTIONS, laterLinks: true }).links).to.equal(
      undefined,
    );
  });
});
