import type { AccessibilityFeature, Clinic, ClinicStatus } from './clinic.js';

/**
 * A column of strings that repeat (organizations, cities, hours…): each distinct value once in
 * `values`, and per clinic a reference to it, or -1 when the clinic has none.
 */
export interface DictionaryColumn {
  /** Distinct values, in order of first appearance. */
  values: string[];
  /**
   * Per clinic, -1 for "absent"; 0 for the next value of `values` not used yet; k > 0 for the
   * value k places before the next unused one (1 is the newest used so far). Neighbouring
   * clinics share cities and organizations, so most references are 0 or 1.
   */
  index: number[];
}

/**
 * The compact, JSON-serialisable form of a clinic list that ships with the widget: columns
 * rather than objects, repeated strings stored once, coordinates as integers of 1e-5°
 * (about a metre). `decodeClinics(encodeClinics(x))` deep-equals `x` once its coordinates are
 * rounded to 5 decimals.
 *
 * Version 2 (55.6 → under 40 KB gzip for the 1,200 sample clinics) adds, over version 1: ids
 * that continue a numbered run (`sample-0041` after `sample-0040`) as 0; street addresses as a
 * house number and a street from a dictionary; URLs as templates in which the clinic's
 * organization and city slugs (`lakeshore-physical-therapy`, `grand-rapids`) and, for the
 * booking link, the clinic's website are placeholders, so thousands of URLs share a few dozen
 * templates; 5-digit ZIPs and phone numbers as JSON numbers.
 *
 * Version 3 adds what patients ask about: insurance plans and accessibility features as
 * {@link IdList}s (a bit set when the list follows the dictionary's order), accepting new
 * patients like telehealth, and status, status note and special hours as dictionary columns.
 */
export interface CompiledClinics {
  /** Format version; decoders reject any other. */
  version: 3;
  /** Number of clinics; every per-clinic column has this length. */
  count: number;
  /**
   * {@link Clinic.id} per clinic; 0 means the previous id with its trailing number plus one,
   * zero-padded to the same width (`sample-0041` after `sample-0040`).
   */
  id: (string | 0)[];
  /**
   * {@link Clinic.name} per clinic: 0 is the organization's name, 1 the organization's name, ` – `
   * and the city; `[suffix]` the organization's name followed by `suffix`; a string the whole name.
   */
  name: (0 | 1 | string | [suffix: string])[];
  /** {@link Clinic.organization}. */
  organization: DictionaryColumn;
  /**
   * {@link Clinic.address1} per clinic: `[n, s]` for `${n} ${streets[s]}` (a house number without
   * leading zeros, a space, a street), else the address as written.
   */
  address1: (string | [houseNumber: number, street: number])[];
  /** Distinct streets of `address1`, in order of first use. */
  streets: string[];
  /** {@link Clinic.address2}. */
  address2: DictionaryColumn;
  /** {@link Clinic.city}. */
  city: DictionaryColumn;
  /** {@link Clinic.state}. */
  state: DictionaryColumn;
  /** {@link Clinic.zip} per clinic: a number for 5 digits (zero-padded back), else the text. */
  zip: (string | number)[];
  /** Latitude per clinic in integer units of 1e-5°, each as the difference from the previous one. */
  lat: number[];
  /** Longitude per clinic in integer units of 1e-5°, each as the difference from the previous one. */
  lon: number[];
  /**
   * {@link Clinic.phone} per clinic: a number when the digits have no leading zero (and fit in a
   * double exactly), else the text; null when the clinic has none.
   */
  phone: (string | number | null)[];
  /**
   * URL templates shared by `website` and `bookingUrl`: `{o}` stands for the organization's
   * slug, `{c}` for the city's, `{w}` for the clinic's website, and `{{` for a literal `{`.
   * See {@link slug}.
   */
  urls: string[];
  /** {@link Clinic.website} per clinic, as an index into `urls`, or -1. */
  website: number[];
  /** {@link Clinic.bookingUrl} per clinic, as an index into `urls`, or -1. */
  bookingUrl: number[];
  /** Distinct service identifiers, each once. */
  serviceIds: string[];
  /** {@link Clinic.services} per clinic, as indexes into `serviceIds`, in the clinic's order. */
  services: number[][];
  /** {@link Clinic.telehealth} per clinic: 1 yes, 0 no, null unknown. */
  telehealth: (0 | 1 | null)[];
  /** Distinct language lists, each once. */
  languageSets: string[][];
  /** {@link Clinic.languages} per clinic, as an index into `languageSets`, or -1. */
  languages: number[];
  /** {@link Clinic.hours}. */
  hours: DictionaryColumn;
  /** {@link Clinic.timezone}. */
  timezone: DictionaryColumn;
  /** Indexes of the clinics whose point is their ZIP's ({@link Clinic.approximate}); usually none. */
  approximate: number[];
  /** Distinct insurance plan ids, ordered so that most clinics' lists are in this order. */
  insuranceIds: string[];
  /** {@link Clinic.insurance} per clinic, as an {@link IdList} over `insuranceIds`. */
  insurance: IdList[];
  /** {@link Clinic.acceptingNewPatients} per clinic: 1 yes, 0 no, null unknown. */
  acceptingNewPatients: (0 | 1 | null)[];
  /** {@link Clinic.status}: a dictionary of the few status names (a small enum). */
  status: DictionaryColumn;
  /** {@link Clinic.statusNote}. */
  statusNote: DictionaryColumn;
  /** {@link Clinic.specialHours}: clinics of a group usually share the same text. */
  specialHours: DictionaryColumn;
  /** Distinct accessibility features, ordered as `insuranceIds` is. */
  accessibilityIds: string[];
  /** {@link Clinic.accessibility} per clinic, as an {@link IdList} over `accessibilityIds`. */
  accessibility: IdList[];
}

/**
 * A list of ids from a dictionary: a number when the list is in the dictionary's order, whose bit
 * k (2^k) is set for `ids[k]` (no list of more than 52 distinct ids is a number); else the
 * indexes in the list's order; null when the clinic has no list.
 */
export type IdList = number | number[] | null;

const SCALE = 1e5;
/** The format version the encoder writes and the decoders read. */
export const COMPILED_VERSION = 3;

/**
 * A name as web addresses usually spell it: lower case, `&` as `and`, every other run of
 * characters that are not ASCII letters or digits a single `-`, none at either end
 * (`Birchlypoint PT & Performance` → `birchlypoint-pt-and-performance`). Only a compression
 * hint: a URL that does not contain it is stored as written.
 */
export function slug(name: string): string {
  // One pass over the name, a slice per run of letters and digits: a string per character
  // (`out += c`) made the slugs of 50,000 clinics' organizations and cities 40% of decoding them.
  const lower = name.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) words.push(lower.slice(start, i));
    start = -1;
    if (code === 38) words.push('and');
  }
  return words.join('-');
}

/** Slugs shorter than this are not replaced: too likely to match by accident, too little gain. */
const MIN_SLUG = 3;

/** The template of `url` for a clinic (see {@link CompiledClinics.urls}). */
function urlTemplate(url: string, clinic: Clinic, website: string | undefined): string {
  const escape = (text: string) => {
    let out = text.replace(/\{/g, '{{');
    for (const [token, name] of [
      ['{o}', slug(clinic.organization)],
      ['{c}', slug(clinic.city)],
    ] as const) {
      if (name.length >= MIN_SLUG) out = out.split(name).join(token);
    }
    return out;
  };
  return website !== undefined && website !== '' && url.startsWith(website)
    ? `{w}${escape(url.slice(website.length))}`
    : escape(url);
}

/**
 * A URL template split once into its parts: text as it is (with `{{` already read as `{`), or
 * the place of a clinic's organization slug (0), city slug (1) or website (2).
 */
type UrlParts = readonly (string | 0 | 1 | 2)[];

const TOKEN = /\{(?:([ocw])\}|\{)/g;

function urlParts(template: string): UrlParts {
  const parts: (string | 0 | 1 | 2)[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    const token = m[1];
    if (token === undefined) {
      text += '{';
      continue;
    }
    if (text) parts.push(text);
    text = '';
    parts.push(token === 'o' ? 0 : token === 'c' ? 1 : 2);
  }
  text += template.slice(last);
  if (text || !parts.length) parts.push(text);
  return parts;
}

/**
 * Expands a URL template for a clinic; `website` is the clinic's expanded website. A template
 * without tokens gives back its own string (clinics with the same URL share it).
 */
function expandParts(
  parts: UrlParts,
  organization: string,
  city: string,
  website: string | undefined,
): string {
  const first = parts[0];
  if (parts.length === 1 && typeof first === 'string') return first;
  // Joined, not added up: one flat string of the URL, where `+=` made a chain of pieces (more
  // memory per clinic, until something reads the URL and copies it flat anyway). The pieces go
  // in one reused array: no array or closure made per URL (50,000 clinics make 100,000).
  pieces.length = 0;
  for (const part of parts)
    pieces.push(
      typeof part === 'string'
        ? part
        : part === 0
          ? organization
          : part === 1
            ? city
            : (website ?? ''),
    );
  return pieces.join('');
}

/** {@link expandParts}'s scratch list (it runs to completion: never shared by two calls). */
const pieces: string[] = [];

/** Expands a URL template for a clinic; `website` is the clinic's expanded website. */
function expandUrl(
  template: string,
  organization: string,
  city: string,
  website: string | undefined,
): string {
  return expandParts(urlParts(template), slug(organization), slug(city), website);
}

/** Trailing digits of an id: the part that continues a numbered run. */
const NUMBERED = /^(.*?)(\d+)$/;

/** The id after `previous` in a numbered run (`x-0009` → `x-0010`), or undefined. */
function nextId(previous: string | undefined): string | undefined {
  const m = previous === undefined ? null : NUMBERED.exec(previous);
  if (!m) return undefined;
  const digits = m[2] as string;
  const next = String(Number(digits) + 1);
  return next.length > 15 ? undefined : `${m[1] ?? ''}${next.padStart(digits.length, '0')}`;
}

/** `${number} ${street}`: a house number without leading zeros (never more than 8 digits). */
const ADDRESS = /^([1-9]\d{0,7}) (.+)$/;
/** Digits a JSON number keeps exactly, without a leading zero. */
const PLAIN_NUMBER = /^[1-9]\d{0,14}$/;

function dictionary(values: readonly (string | undefined)[]): DictionaryColumn {
  const positions = new Map<string, number>();
  const column: DictionaryColumn = { values: [], index: [] };
  for (const value of values) {
    if (value === undefined) {
      column.index.push(-1);
      continue;
    }
    let i = positions.get(value);
    if (i === undefined) {
      i = column.values.push(value) - 1;
      positions.set(value, i);
    }
    column.index.push(i);
  }
  return column;
}

/** Each value minus the one before it (the first minus 0): nearby clinics give small numbers. */
function deltas(values: readonly number[]): number[] {
  return values.map((v, i) => v - (i > 0 ? (values[i - 1] ?? 0) : 0));
}

/** `value`, which must be there: a missing one means the compiled data is malformed. */
function need<T>(value: T | undefined, what: string, i: number): T {
  if (value === undefined)
    throw new Error(`Malformed compiled clinics: no ${what} for clinic ${i}`);
  return value;
}

/** A column with its indexes turned into references (see {@link DictionaryColumn.index}). */
function referenced(column: DictionaryColumn): DictionaryColumn {
  let seen = 0;
  const index = column.index.map((at) => {
    if (at < 0) return -1;
    if (at === seen) return seen++ - at;
    return seen - at;
  });
  return { values: column.values, index };
}

/** The value index of a referenced column per clinic (-1 where absent). */
function dereferenceIndexes(column: DictionaryColumn, count: number, what: string): Int32Array {
  let seen = 0;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const ref = need(column.index[i], what, i);
    if (ref < 0) {
      out[i] = -1;
      continue;
    }
    const at = ref === 0 ? seen++ : seen - ref;
    need(column.values[at], what, i);
    out[i] = at;
  }
  return out;
}

/** A referenced column read by clinic: its values, and each clinic's place in them (-1: none). */
interface ColumnReader {
  values: readonly string[];
  at: Int32Array;
}

/** A referenced column, ready to read by clinic (see {@link valueOf}). */
function dereference(column: DictionaryColumn, count: number, what: string): ColumnReader {
  return { values: column.values, at: dereferenceIndexes(column, count, what) };
}

/** Clinic `i`'s value of a column, undefined where absent. */
const valueOf = (column: ColumnReader, i: number): string | undefined =>
  column.values[column.at[i] as number];

/**
 * The distinct ids of the lists, in an order every list follows when one exists (each list's
 * neighbours in order, topologically sorted, ties by first appearance), so most lists are bit
 * sets; ids caught in a cycle keep their order of first appearance.
 */
function listOrder(lists: readonly (readonly string[])[]): string[] {
  const first = dictionary(lists.flat()).values;
  const after = new Map(first.map((id) => [id, new Set<string>()]));
  const before = new Map(first.map((id) => [id, 0]));
  for (const list of lists) {
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1] as string, list[i] as string];
      const next = after.get(a) as Set<string>;
      if (a !== b && !next.has(b)) {
        next.add(b);
        before.set(b, (before.get(b) ?? 0) + 1);
      }
    }
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < first.length) {
    const id =
      first.find((x) => !placed.has(x) && before.get(x) === 0) ??
      (first.find((x) => !placed.has(x)) as string);
    placed.add(id);
    order.push(id);
    for (const b of after.get(id) ?? []) before.set(b, (before.get(b) ?? 0) - 1);
  }
  return order;
}

/** Lists as {@link IdList}s over their {@link listOrder}. */
function idLists(lists: readonly (readonly string[] | undefined)[]): {
  ids: string[];
  lists: IdList[];
} {
  const ids = listOrder(lists.filter((list) => list !== undefined));
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    lists: lists.map((list) => {
      if (list === undefined) return null;
      const at = list.map((id) => index.get(id) ?? -1);
      const ascending = at.every((k, i) => k < 52 && (i === 0 || k > (at[i - 1] ?? 0)));
      return ascending && list.length > 0 ? at.reduce((bits, k) => bits + 2 ** k, 0) : at;
    }),
  };
}

/**
 * Encodes clinics into their compact compiled form. Coordinates are rounded to 1e-5°; all other
 * fields are kept exactly, including which optional fields are absent.
 */
export function encodeClinics(clinics: readonly Clinic[]): CompiledClinics {
  const template = (url: string | undefined, c: Clinic, website?: string) => {
    if (url === undefined) return undefined;
    const t = urlTemplate(url, c, website);
    // The decoder must give back exactly this URL: a broken template is a bug, never data loss.
    if (expandUrl(t, c.organization, c.city, website) !== url) {
      throw new Error(`encodeClinics: URL template ${t} does not give back ${url}`);
    }
    return t;
  };
  const urls = dictionary(
    clinics.flatMap((c) => [template(c.website, c), template(c.bookingUrl, c, c.website)]),
  );
  const streets = dictionary(clinics.map((c) => ADDRESS.exec(c.address1)?.[2]));
  const serviceIds = dictionary(clinics.flatMap((c) => c.services)).values;
  const serviceIndex = new Map(serviceIds.map((s, i) => [s, i]));
  const languages = dictionary(
    clinics.map((c) => (c.languages ? JSON.stringify(c.languages) : undefined)),
  );
  const insurance = idLists(clinics.map((c) => c.insurance));
  const accessibility = idLists(clinics.map((c) => c.accessibility));
  return {
    version: COMPILED_VERSION,
    count: clinics.length,
    id: clinics.map((c, i) => (i > 0 && nextId(clinics[i - 1]?.id) === c.id ? 0 : c.id)),
    name: clinics.map((c) =>
      c.name === c.organization
        ? 0
        : c.name === `${c.organization} – ${c.city}`
          ? 1
          : c.name.startsWith(c.organization)
            ? [c.name.slice(c.organization.length)]
            : c.name,
    ),
    organization: referenced(dictionary(clinics.map((c) => c.organization))),
    address1: clinics.map((c, i) => {
      const m = ADDRESS.exec(c.address1);
      return m ? [Number(m[1]), need(streets.index[i], 'street', i)] : c.address1;
    }),
    streets: streets.values,
    address2: referenced(dictionary(clinics.map((c) => c.address2))),
    city: referenced(dictionary(clinics.map((c) => c.city))),
    state: referenced(dictionary(clinics.map((c) => c.state))),
    zip: clinics.map((c) => (/^\d{5}$/.test(c.zip) ? Number(c.zip) : c.zip)),
    lat: deltas(clinics.map((c) => Math.round(c.lat * SCALE))),
    lon: deltas(clinics.map((c) => Math.round(c.lon * SCALE))),
    phone: clinics.map((c) =>
      c.phone === undefined ? null : PLAIN_NUMBER.test(c.phone) ? Number(c.phone) : c.phone,
    ),
    urls: urls.values,
    website: urls.index.filter((_, j) => j % 2 === 0),
    bookingUrl: urls.index.filter((_, j) => j % 2 === 1),
    serviceIds,
    services: clinics.map((c) => c.services.map((s) => serviceIndex.get(s) ?? -1)),
    telehealth: clinics.map((c) => (c.telehealth === undefined ? null : c.telehealth ? 1 : 0)),
    languageSets: languages.values.map((json) => JSON.parse(json) as string[]),
    languages: languages.index,
    hours: referenced(dictionary(clinics.map((c) => c.hours))),
    timezone: referenced(dictionary(clinics.map((c) => c.timezone))),
    approximate: clinics.flatMap((c, i) => (c.approximate ? [i] : [])),
    insuranceIds: insurance.ids,
    insurance: insurance.lists,
    acceptingNewPatients: clinics.map((c) =>
      c.acceptingNewPatients === undefined ? null : c.acceptingNewPatients ? 1 : 0,
    ),
    status: referenced(dictionary(clinics.map((c) => c.status))),
    statusNote: referenced(dictionary(clinics.map((c) => c.statusNote))),
    specialHours: referenced(dictionary(clinics.map((c) => c.specialHours))),
    accessibilityIds: accessibility.ids,
    accessibility: accessibility.lists,
  };
}

/**
 * A key for a short list of small indexes: a number (each index + 1 a digit in base 64) while it
 * fits a double exactly, else the joined text. No string is made for the usual list (50,000
 * clinics made 50,000 joined keys).
 */
function listKey(indexes: readonly number[]): number | string {
  if (indexes.length > 8) return indexes.join();
  let key = 0;
  for (const k of indexes) {
    if (!(k >= 0 && k < 63)) return indexes.join();
    key = key * 64 + k + 1;
  }
  return key;
}

/** The ids of an {@link IdList} (undefined for null). */
function fromIdList(list: IdList | undefined, ids: readonly string[]): string[] | undefined {
  if (list == null) return undefined;
  if (typeof list !== 'number') return list.map((k) => ids[k] ?? '');
  const out: string[] = [];
  // Bit k of the number, lowest first, up to its highest set bit (no bitwise operators: up to 52).
  for (let k = 0, bits = list; bits >= 1; k++, bits = Math.floor(bits / 2))
    if (bits % 2 === 1) out.push(ids[k] ?? '');
  return out;
}

/**
 * {@link fromIdList} remembered per list: clinics with the same plans or features share one
 * array (a directory has a few hundred distinct lists for 50,000 clinics).
 */
function idListReader(ids: readonly string[]): (list: IdList | undefined) => string[] | undefined {
  const seen = new Map<number | string, string[] | undefined>();
  return (list) => {
    if (list == null) return undefined;
    const key = typeof list === 'number' ? list : list.join();
    let out = seen.get(key);
    if (out === undefined && !seen.has(key)) {
      out = fromIdList(list, ids);
      seen.set(key, out);
    }
    return out;
  };
}

/**
 * Decodes the compiled form back into clinics, in the same order. Optional fields the source
 * did not have are absent (not `undefined`-valued) in the result.
 * @throws {Error} for an unknown format version.
 */
export function decodeClinics(compiled: CompiledClinics): Clinic[] {
  const decoder = createClinicDecoder(compiled);
  const clinics: Clinic[] = [];
  while (!decoder.done) clinics.push(...decoder.next(compiled.count));
  return clinics;
}

/** Decodes compiled clinics a slice at a time (see {@link createClinicDecoder}). */
export interface ClinicDecoder {
  /** The next `count` clinics (fewer at the end). */
  next(count: number): Clinic[];
  /** True once every clinic has been decoded. */
  readonly done: boolean;
  /**
   * Gives clinic `i` (0-based, as decoded) its `website` and `bookingUrl`: what `next` leaves out
   * when `later` links are asked for.
   */
  link(clinic: Clinic, i: number): void;
}

/** How {@link createClinicDecoder} decodes. */
export interface DecoderOptions {
  /**
   * Leave out `website` and `bookingUrl` (see `ClinicDecoder.link`): the links are a third of
   * the decoding of a large directory, and only the clinics listed need them at first.
   */
  laterLinks?: boolean;
}

/**
 * A decoder that hands out the clinics in slices, in order, so a caller can spread the work
 * over several tasks (the widget yields between slices: no long task on the host page).
 * @throws {Error} for an unknown format version.
 */
export function createClinicDecoder(
  compiled: CompiledClinics,
  { laterLinks = false }: DecoderOptions = {},
): ClinicDecoder {
  if (compiled.version !== COMPILED_VERSION) {
    throw new Error(`Unsupported compiled clinics version: ${String(compiled.version)}`);
  }
  const count = compiled.count;
  const organizationAt = dereferenceIndexes(compiled.organization, count, 'organization');
  const address2s = dereference(compiled.address2, count, 'address2');
  const cityAt = dereferenceIndexes(compiled.city, count, 'city');
  const states = dereference(compiled.state, count, 'state');
  const hourses = dereference(compiled.hours, count, 'hours');
  const timezones = dereference(compiled.timezone, count, 'timezone');
  const statuses = dereference(compiled.status, count, 'status');
  const notes = dereference(compiled.statusNote, count, 'statusNote');
  const specials = dereference(compiled.specialHours, count, 'specialHours');
  const approximate = new Set(compiled.approximate);
  // Neighbouring clinics share ZIPs: one string each (50,000 clinics have about 20,000).
  const zips = new Map<number, string>();
  const zipText = (zip: number) => {
    let text = zips.get(zip);
    if (text === undefined) zips.set(zip, (text = String(zip).padStart(5, '0')));
    return text;
  };
  // Organizations and cities repeat: each slug is made once, kept by its value's place (50,000
  // clinics made 200,000; a map from names to slugs was itself 20% of the decoding).
  const organizationSlugs: string[] = [];
  const citySlugs: string[] = [];
  const slugs = (at: number) => {
    const o = organizationAt[at] as number;
    const c = cityAt[at] as number;
    organizationSlug = organizationSlugs[o] ??= slug(compiled.organization.values[o] ?? '');
    citySlug = citySlugs[c] ??= slug(compiled.city.values[c] ?? '');
  };
  let organizationSlug = '';
  let citySlug = '';
  // Clinics with the same list of services or languages share one array of it: fewer objects
  // for a large directory (clinics are read, never changed, once decoded).
  const serviceLists = new Map<number | string, string[]>();
  const insuranceOf = idListReader(compiled.insuranceIds);
  const accessibilityOf = idListReader(compiled.accessibilityIds);
  const languageLists: (string[] | undefined)[] = [];
  // Each URL template is split into its parts once, not matched per clinic (50,000 clinics took
  // 150 ms in String.replace).
  const templates: (UrlParts | undefined)[] = [];
  /** The URL of template `at` for clinic `i` (slugs made only for a template that has them). */
  const url = (at: number | undefined, i: number, website: string | undefined) => {
    if (at === undefined || at < 0) return undefined;
    const template = compiled.urls[at];
    if (template === undefined) return undefined;
    const parts = (templates[at] ??= urlParts(template));
    if (parts.length > 1 || typeof parts[0] !== 'string') slugs(i);
    return expandParts(parts, organizationSlug, citySlug, website);
  };
  const link = (clinic: Clinic, i: number) => {
    const website = url(compiled.website[i], i, undefined);
    if (website !== undefined) clinic.website = website;
    const bookingUrl = url(compiled.bookingUrl[i], i, website);
    if (bookingUrl !== undefined) clinic.bookingUrl = bookingUrl;
  };
  // The running state of the delta and run codings, carried from slice to slice.
  let id: string | undefined;
  // A numbered run's prefix, number and digits, read from its first id once: nextId's match per
  // clinic was 5% of decoding 50,000 clinics.
  let runPrefix: string | undefined;
  let runNumber = 0;
  let runWidth = 0;
  let lat = 0;
  let lon = 0;
  let i = 0;
  return {
    get done() {
      return i >= count;
    },
    link,
    next(size: number): Clinic[] {
      const clinics: Clinic[] = [];
      const end = Math.min(count, i + Math.max(1, size));
      for (; i < end; i++) {
        lat += need(compiled.lat[i], 'lat', i);
        lon += need(compiled.lon[i], 'lon', i);
        const organization = need(
          compiled.organization.values[organizationAt[i] as number],
          'organization',
          i,
        );
        const name = need(compiled.name[i], 'name', i);
        const idCell = need(compiled.id[i], 'id', i);
        if (idCell !== 0) {
          id = idCell;
          runPrefix = undefined;
        } else {
          if (runPrefix === undefined) {
            const m = id === undefined ? null : NUMBERED.exec(id);
            const digits = need(m?.[2], 'id run', i);
            runPrefix = m?.[1] ?? '';
            runNumber = Number(digits);
            runWidth = digits.length;
          }
          const digits = String(++runNumber);
          if (digits.length > 15) need(undefined, 'id run', i);
          id = runPrefix + digits.padStart(runWidth, '0');
          runWidth = Math.max(runWidth, digits.length);
        }
        const address1 = need(compiled.address1[i], 'address1', i);
        const zip = need(compiled.zip[i], 'zip', i);
        const city = need(compiled.city.values[cityAt[i] as number], 'city', i);
        const clinic: Clinic = {
          id,
          name:
            name === 0
              ? organization
              : name === 1
                ? `${organization} – ${city}`
                : typeof name === 'string'
                  ? name
                  : organization + name[0],
          organization,
          address1:
            typeof address1 === 'string'
              ? address1
              : `${address1[0]} ${need(compiled.streets[address1[1]], 'street', i)}`,
          city,
          state: need(valueOf(states, i), 'state', i),
          zip: typeof zip === 'number' ? zipText(zip) : zip,
          lat: lat / SCALE,
          lon: lon / SCALE,
          services: [],
        };
        const serviceIndexes = need(compiled.services[i], 'services', i);
        const serviceKey = listKey(serviceIndexes);
        let services = serviceLists.get(serviceKey);
        if (!services) {
          services = serviceIndexes.map((s) => need(compiled.serviceIds[s], 'service id', i));
          serviceLists.set(serviceKey, services);
        }
        clinic.services = services;
        const address2 = valueOf(address2s, i);
        if (address2 !== undefined) clinic.address2 = address2;
        const phone = compiled.phone[i];
        if (phone != null) clinic.phone = String(phone);
        if (!laterLinks) link(clinic, i);
        const telehealth = compiled.telehealth[i];
        if (telehealth != null) clinic.telehealth = telehealth === 1;
        const languageSet = compiled.languages[i] ?? -1;
        const languages = compiled.languageSets[languageSet];
        if (languages) clinic.languages = languageLists[languageSet] ??= [...languages];
        const hours = valueOf(hourses, i);
        if (hours !== undefined) clinic.hours = hours;
        const timezone = valueOf(timezones, i);
        if (timezone !== undefined) clinic.timezone = timezone;
        const insurance = insuranceOf(compiled.insurance[i]);
        if (insurance) clinic.insurance = insurance;
        const accepting = compiled.acceptingNewPatients[i];
        if (accepting != null) clinic.acceptingNewPatients = accepting === 1;
        const status = valueOf(statuses, i);
        if (status !== undefined) clinic.status = status as ClinicStatus;
        const note = valueOf(notes, i);
        if (note !== undefined) clinic.statusNote = note;
        const special = valueOf(specials, i);
        if (special !== undefined) clinic.specialHours = special;
        const access = accessibilityOf(compiled.accessibility[i]);
        if (access) clinic.accessibility = access as AccessibilityFeature[];
        if (approximate.has(i)) clinic.approximate = true;
        clinics.push(clinic);
      }
      return clinics;
    },
  };
}

/**
 * The first field of a compiled clinic file (`npm run data:clinics -- --out …`): how a `src`
 * file is told apart from a JSON list of clinics, by its content rather than its name.
 */
export const COMPILED_FORMAT = 'clinic-locator-clinics';

/** A compiled clinic file as written: {@link CompiledClinics} under its format name. */
export type CompiledClinicsFile = { format: typeof COMPILED_FORMAT } & CompiledClinics;

/** The compiled clinics as a file, `format` first so its opening bytes name it. */
export function toCompiledClinicsFile(compiled: CompiledClinics): CompiledClinicsFile {
  return { format: COMPILED_FORMAT, ...compiled };
}

/**
 * The text of a compiled clinic file: valid JSON ({@link CompiledClinicsFile}), laid out with
 * its format, version and count on the first line and then one field per line, so a reader can
 * parse it a field at a time (JSON never writes a line break inside a value).
 */
export function compiledClinicsText(compiled: CompiledClinics): string {
  const { version, count, ...fields } = compiled;
  const head = `{"format":${JSON.stringify(COMPILED_FORMAT)},"version":${version},"count":${count},`;
  const lines = Object.entries(fields).map(
    ([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`,
  );
  return `${head}\n${lines.join(',\n')}}\n`;
}
