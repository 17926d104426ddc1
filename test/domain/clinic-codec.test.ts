import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import {
  createClinicDecoder,
  decodeClinics,
  encodeClinics,
  slug,
  type CompiledClinics,
} from '../../src/domain/clinic-codec.js';
import { rankClinics } from '../../src/domain/rank.js';

const MINIMAL: Clinic = {
  id: 'c1',
  name: 'Quillbrook Physical Therapy',
  organization: 'Quillbrook Physical Therapy',
  address1: '100 Sample Way',
  city: 'San Jose',
  state: 'CA',
  zip: '95112',
  lat: 37.33939,
  lon: -121.89496,
  services: [],
};

const FULL: Clinic = {
  id: 'c2',
  name: 'Lakeshore Physical Therapy – Grand Rapids',
  organization: 'Lakeshore Physical Therapy',
  address1: '2200 Example Ave',
  address2: 'Suite 2B',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.9659,
  lon: -85.6527,
  phone: '6165550142',
  website: 'https://lakeshore-physical-therapy.example/locations/grand-rapids',
  bookingUrl: 'https://lakeshore-physical-therapy.example/book?location=grand-rapids#top',
  services: ['sciatica', 'back-pain', 'vestibular'],
  telehealth: false,
  languages: ['en', 'es'],
  hours: 'Mo-Fr 07:00-19:00; Sa 08:00-12:00',
  timezone: 'America/Detroit',
};

const UNICODE: Clinic = {
  id: 'c3',
  name: 'Clínica Ñandú 東京 🦴',
  organization: 'Lakeshore Physical Therapy',
  address1: '7 Placeholder Plaza',
  address2: '',
  city: 'Española',
  state: 'NM',
  zip: '87532',
  lat: 35.99113,
  lon: -106.08058,
  phone: '5055550100',
  website: 'http://example.org:8080',
  bookingUrl: 'mailto:front-desk@example.org',
  services: ['back-pain'],
  telehealth: true,
  languages: ['es', 'en'],
  hours: 'Mo,We,Fr 08:00-17:00',
};

const STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  );

/** Inside the contiguous US, Alaska or Hawaii (generous boxes). */
function inUs({ lat, lon, state }: Clinic): boolean {
  if (state === 'AK') return lat >= 51 && lat <= 72 && lon >= -180 && lon <= -129;
  if (state === 'HI') return lat >= 18.5 && lat <= 22.5 && lon >= -161 && lon <= -154.5;
  return lat >= 24.3 && lat <= 49.5 && lon >= -125 && lon <= -66.8;
}

const roundTrip = (clinics: Clinic[]) =>
  decodeClinics(JSON.parse(JSON.stringify(encodeClinics(clinics))) as CompiledClinics);

describe('encodeClinics() / decodeClinics()', () => {
  it('round-trips every field exactly, through JSON', () => {
    const clinics = [FULL, MINIMAL, UNICODE, { ...FULL, id: 'c4', name: 'Other' }];
    expect(roundTrip(clinics)).to.deep.equal(clinics);
  });

  it('decodes in slices exactly as in one go, carrying the delta state across slices', () => {
    const clinics = [FULL, MINIMAL, UNICODE, { ...FULL, id: 'c4', name: 'Other' }, MINIMAL];
    const compiled = JSON.parse(JSON.stringify(encodeClinics(clinics))) as CompiledClinics;
    const decoder = createClinicDecoder(compiled);
    const slices: Clinic[][] = [];
    while (!decoder.done) slices.push(decoder.next(2));
    expect(slices.map((slice) => slice.length)).to.deep.equal([2, 2, 1]);
    expect(slices.flat()).to.deep.equal(decodeClinics(compiled));
    expect(slices.flat()).to.deep.equal(clinics);
    expect(decoder.next(2)).to.deep.equal([]);
  });

  it('keeps the approximate flag of clinics placed at their ZIP point', () => {
    const approximate = { ...MINIMAL, id: 'c5', approximate: true };
    expect(roundTrip([FULL, approximate, MINIMAL])).to.deep.equal([FULL, approximate, MINIMAL]);
  });

  it('round-trips markup and script payloads unchanged, as plain strings', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(1)</script>';
    const hostile = {
      ...FULL,
      id: `h1${payload}`,
      name: `Name ${payload}`,
      organization: `Org ${payload}`,
      address1: payload,
      address2: payload,
      city: payload,
      hours: payload,
    };
    expect(roundTrip([hostile])).to.deep.equal([hostile]);
  });

  it('keeps absent optional fields absent', () => {
    const [decoded] = roundTrip([MINIMAL]);
    expect(Object.keys(decoded!).sort()).to.deep.equal(Object.keys(MINIMAL).sort());
    expect(decoded!.services).to.deep.equal([]);
  });

  it('keeps false and empty-string values', () => {
    const [full, unicode] = roundTrip([FULL, UNICODE]);
    expect(full!.telehealth).to.equal(false);
    expect(unicode!.address2).to.equal('');
  });

  it('rounds coordinates to 1e-5 degrees', () => {
    const [decoded] = roundTrip([{ ...MINIMAL, lat: 37.123456789, lon: -121.987654321 }]);
    expect(decoded!.lat).to.equal(37.12346);
    expect(decoded!.lon).to.equal(-121.98765);
  });

  it('stores repeated strings once', () => {
    const compiled = encodeClinics([FULL, UNICODE, { ...FULL, id: 'c5' }]);
    expect(compiled.organization.values).to.deep.equal(['Lakeshore Physical Therapy']);
    expect(compiled.urls).to.deep.equal([
      'https://{o}.example/locations/{c}',
      'https://{o}.example/book?location={c}#top',
      'http://example.org:8080',
      'mailto:front-desk@example.org',
    ]);
    expect(compiled.serviceIds).to.have.length(3);
  });

  it('stores numbered ids, street addresses, URLs, ZIPs and phones compactly, exactly', () => {
    const run = [
      { ...MINIMAL, id: 'site-0099', address1: '0100 Sample Way', zip: '01234', phone: '0123' },
      { ...MINIMAL, id: 'site-0100', address1: '100 Sample Way', phone: '6165550142' },
      { ...MINIMAL, id: 'site-101', address1: '7 Sample Way\nrear' },
      { ...FULL, id: 'site-102', website: 'https://{o}.example/{{quillbrook}' },
      {
        ...FULL,
        id: 'site-103',
        organization: 'Birchlypoint PT & Performance',
        name: 'Birchlypoint PT & Performance',
        website: 'https://birchlypoint-pt-and-performance.example',
        bookingUrl: 'https://birchlypoint-pt-and-performance.example/book?location=grand-rapids',
      },
    ];
    const compiled = encodeClinics(run);
    expect(compiled.id).to.deep.equal(['site-0099', 0, 'site-101', 0, 0]);
    expect(compiled.address1.slice(0, 3)).to.deep.equal([
      '0100 Sample Way',
      [100, 0],
      '7 Sample Way\nrear',
    ]);
    expect(compiled.zip.slice(0, 2)).to.deep.equal([1234, 95112]);
    expect(compiled.phone.slice(0, 2)).to.deep.equal(['0123', 6165550142]);
    expect(compiled.urls[compiled.bookingUrl[4]!]).to.equal('{w}/book?location={c}');
    expect(roundTrip(run)).to.deep.equal(run);
  });

  it('makes slugs as web addresses spell names', () => {
    for (const [name, expected] of [
      ['Birchlypoint PT & Performance', 'birchlypoint-pt-and-performance'],
      ['Grand Rapids', 'grand-rapids'],
      ["  St. John's  Rehab--2 ", 'st-john-s-rehab-2'],
      ['&Co&', 'and-co-and'],
      ['A&&B', 'a-and-and-b'],
      ['Clínica Peña', 'cl-nica-pe-a'],
      ['42', '42'],
      ['', ''],
      ['– – –', ''],
    ] as const)
      expect(slug(name), name).to.equal(expected);
  });

  it('handles an empty list', () => {
    expect(roundTrip([])).to.deep.equal([]);
  });

  it('rejects an unknown version', () => {
    const compiled = { ...encodeClinics([MINIMAL]), version: 1 } as unknown as CompiledClinics;
    expect(() => decodeClinics(compiled)).to.throw(/version/);
  });
});

describe('data/generated/clinics.json (the compiled sample data)', () => {
  let clinics: Clinic[];

  before(async () => {
    const response = await fetch('/data/generated/clinics.json');
    expect(response.ok, 'run `npm run data:clinics` first').to.be.true;
    clinics = decodeClinics((await response.json()) as CompiledClinics);
  });

  it('decodes to at least 1,000 clinics with unique ids', () => {
    expect(clinics.length).to.be.at.least(1000);
    expect(new Set(clinics.map((c) => c.id)).size).to.equal(clinics.length);
  });

  it('covers all 50 states and DC, and nothing else', () => {
    expect([...new Set(clinics.map((c) => c.state))].sort()).to.deep.equal([...STATES].sort());
  });

  it('has every clinic inside the US', () => {
    expect(clinics.filter((c) => !inUs(c)).map((c) => c.id)).to.deep.equal([]);
  });

  it('has at least 3 Lakeshore clinics within 10 km of ZIP 49503', () => {
    const near = rankClinics(clinics, { lat: 42.9659, lon: -85.6527 }, { limit: 50 }).filter(
      (r) => r.distanceKm < 10 && r.clinic.organization === 'Lakeshore Physical Therapy',
    );
    expect(near.length).to.be.at.least(3);
  });
});

describe('encodeClinics() / decodeClinics(): the fields patients ask about', () => {
  /** Every field of a Clinic, the new ones included. */
  const EVERY: Clinic = {
    ...FULL,
    id: 'p1',
    insurance: ['medicare', 'medicaid', 'aetna', 'blue-cross-blue-shield'],
    acceptingNewPatients: true,
    status: 'temporarily-closed',
    statusNote: 'Reopens January 12',
    specialHours: '2026-12-24 09:00-13:00; 2026-12-25 closed; 2026-12-28..2027-01-01 closed',
    accessibility: ['wheelchair-entrance', 'accessible-parking', 'public-transit'],
    approximate: true,
  };
  const OTHERS: Clinic[] = [
    // Lists in the shared order (bit sets), one out of order, one with a plan of its own.
    {
      ...MINIMAL,
      id: 'p2',
      insurance: ['medicare', 'aetna'],
      acceptingNewPatients: false,
      status: 'open',
      accessibility: ['accessible-parking'],
    },
    {
      ...MINIMAL,
      id: 'p3',
      insurance: ['blue-cross-blue-shield', 'medicare'],
      status: 'telehealth-only',
      statusNote: 'Video visits only',
      specialHours: '2026-12-25 closed',
      accessibility: ['public-transit', 'wheelchair-entrance'],
    },
    { ...MINIMAL, id: 'p4', insurance: ['medicaid', 'tricare'], status: 'opening-soon' },
    { ...MINIMAL, id: 'p5', insurance: [], accessibility: [] },
    MINIMAL,
  ];

  it('round-trips every field exactly, through JSON', () => {
    const clinics = [EVERY, ...OTHERS];
    expect(roundTrip(clinics)).to.deep.equal(clinics);
    // Every Clinic field is set on EVERY, so a field the codec forgot would fail above.
    expect(Object.keys(EVERY).sort()).to.deep.equal(
      [
        ...Object.keys(FULL),
        'insurance',
        'acceptingNewPatients',
        'status',
        'statusNote',
        'specialHours',
        'accessibility',
        'approximate',
      ].sort(),
    );
  });

  it('decodes in slices exactly as in one go', () => {
    const clinics = [EVERY, ...OTHERS, EVERY];
    const compiled = JSON.parse(JSON.stringify(encodeClinics(clinics))) as CompiledClinics;
    const decoder = createClinicDecoder(compiled);
    const slices: Clinic[] = [];
    while (!decoder.done) slices.push(...decoder.next(3));
    expect(slices).to.deep.equal(clinics);
  });

  it('stores lists that follow the shared order as bit sets, others as indexes', () => {
    const compiled = encodeClinics([EVERY, ...OTHERS]);
    expect(compiled.insuranceIds).to.deep.equal([
      'medicare',
      'medicaid',
      'aetna',
      'blue-cross-blue-shield',
      'tricare',
    ]);
    expect(compiled.insurance).to.deep.equal([0b1111, 0b101, [3, 0], 0b10010, [], null]);
    expect(compiled.accessibilityIds).to.deep.equal([
      'wheelchair-entrance',
      'accessible-parking',
      'public-transit',
    ]);
    expect(compiled.accessibility).to.deep.equal([0b111, 0b10, [2, 0], null, [], null]);
    expect(compiled.acceptingNewPatients).to.deep.equal([1, 0, null, null, null, null]);
    expect(compiled.status.values).to.deep.equal([
      'temporarily-closed',
      'open',
      'telehealth-only',
      'opening-soon',
    ]);
  });

  it('keeps absent fields absent and false as false', () => {
    const [, p2, , , , minimal] = roundTrip([EVERY, ...OTHERS]);
    expect(p2!.acceptingNewPatients).to.equal(false);
    expect(Object.keys(minimal!).sort()).to.deep.equal(Object.keys(MINIMAL).sort());
  });
});
