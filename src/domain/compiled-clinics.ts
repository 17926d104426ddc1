// The compact compiled clinic file as a `src` format (`npm run data:clinics -- --out FILE`):
// telling it from CSV and JSON by its content, checking its structure before anything is
// decoded, and checking each decoded clinic's fields, with problems like the other formats'
// (record numbers from 1). Pure and DOM-free.
//
// The file was checked in full when it was compiled; what is checked here is what a file that
// was edited by hand, truncated, compiled for another vocabulary or by another version can get
// wrong, and costs a few milliseconds per 10,000 clinics instead of the CSV checker's ~200.
import type { Problem } from './clinic-check.js';
import type { Clinic } from './clinic.js';
import {
  COMPILED_FORMAT,
  COMPILED_VERSION,
  createClinicDecoder,
  type ClinicDecoder,
  type CompiledClinics,
} from './clinic-codec.js';
import { US_STATES } from './clinic-schema.js';

export {
  compiledFieldSteps,
  compiledFileLines,
  createCompiledFieldParser,
  createCompiledLineReader,
  type CompiledFieldParser,
  type CompiledLineReader,
} from './compiled-file.js';
/** Whether a clinic file's text is a compiled clinic file: its opening bytes name the format. */
export function isCompiledClinicsText(text: string): boolean {
  return new RegExp(`^\\uFEFF?\\s*\\{\\s*"format"\\s*:\\s*"${COMPILED_FORMAT}"`).test(text);
}

/** Whether parsed JSON is a compiled clinic file (its `format` field, wherever it is). */
export function isCompiledClinicsValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === COMPILED_FORMAT
  );
}

/** A problem with the whole compiled file (record 0, column `(file)`), an error. */
export const fileProblem = (message: string): Problem => ({
  line: 0,
  column: '(file)',
  message,
  severity: 'error',
});

type Shape = 'ints' | 'dictionary' | 'strings' | 'string lists' | 'cells';

/** Every field of a version-3 file, with what it must hold. */
const FIELDS: Record<Exclude<keyof CompiledClinics, 'version' | 'count'>, Shape> = {
  id: 'cells',
  name: 'cells',
  organization: 'dictionary',
  address1: 'cells',
  streets: 'strings',
  address2: 'dictionary',
  city: 'dictionary',
  state: 'dictionary',
  zip: 'cells',
  lat: 'ints',
  lon: 'ints',
  phone: 'cells',
  urls: 'strings',
  website: 'ints',
  bookingUrl: 'ints',
  serviceIds: 'strings',
  services: 'cells',
  telehealth: 'cells',
  languageSets: 'string lists',
  languages: 'ints',
  hours: 'dictionary',
  timezone: 'dictionary',
  approximate: 'ints',
  insuranceIds: 'strings',
  insurance: 'cells',
  acceptingNewPatients: 'cells',
  status: 'dictionary',
  statusNote: 'dictionary',
  specialHours: 'dictionary',
  accessibilityIds: 'strings',
  accessibility: 'cells',
};

/** Per-clinic columns: one cell per clinic. */
const PER_CLINIC = new Set<string>([
  'id',
  'name',
  'address1',
  'zip',
  'lat',
  'lon',
  'phone',
  'website',
  'bookingUrl',
  'services',
  'telehealth',
  'languages',
  'insurance',
  'acceptingNewPatients',
  'accessibility',
]);

const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isString = (x: unknown): x is string => typeof x === 'string';

/** An index that must point into a list of `size` (or be -1 when `absent` allows it). */
function badIndex(x: unknown, size: number, absent: boolean): boolean {
  return !isInt(x) || x >= size || x < (absent ? -1 : 0);
}

/** The first clinic whose cell is malformed (0-based), or -1; `why` names what is wrong. */
function firstBadCell(
  field: string,
  cells: readonly unknown[],
  c: Record<string, unknown>,
): { at: number; why: string } {
  const size = (name: string) => (c[name] as unknown[]).length;
  const check = (ok: (x: unknown) => boolean, why: string) => {
    const at = cells.findIndex((x) => !ok(x));
    return { at, why };
  };
  const idList = (ids: string) => (x: unknown) =>
    x === null ||
    (isInt(x) && x > 0 && x < 2 ** size(ids)) ||
    (Array.isArray(x) && x.every((k) => !badIndex(k, size(ids), false)));
  switch (field) {
    case 'id':
      return check((x) => x === 0 || (isString(x) && x !== ''), 'not an id or 0');
    case 'name':
      return check(
        (x) =>
          x === 0 ||
          x === 1 ||
          isString(x) ||
          (Array.isArray(x) && x.length === 1 && isString(x[0])),
        'not 0, 1, a name or [suffix]',
      );
    case 'address1':
      return check(
        (x) =>
          isString(x) ||
          (Array.isArray(x) &&
            x.length === 2 &&
            isInt(x[0]) &&
            !badIndex(x[1], size('streets'), false)),
        'not an address or [number, street]',
      );
    case 'zip':
      return check((x) => isString(x) || isInt(x), 'not a ZIP');
    case 'lat':
    case 'lon':
      return check(isInt, 'not an integer');
    case 'phone':
      return check((x) => x === null || isString(x) || isInt(x), 'not a phone number');
    case 'website':
    case 'bookingUrl':
      return check((x) => !badIndex(x, size('urls'), true), 'not an index into urls');
    case 'services':
      return check(
        (x) => Array.isArray(x) && x.every((k) => !badIndex(k, size('serviceIds'), false)),
        'not a list of indexes into serviceIds',
      );
    case 'languages':
      return check((x) => !badIndex(x, size('languageSets'), true), 'not an index');
    case 'telehealth':
    case 'acceptingNewPatients':
      return check((x) => x === 0 || x === 1 || x === null, 'not 0, 1 or null');
    case 'insurance':
      return check(idList('insuranceIds'), 'not an id list over insuranceIds');
    case 'accessibility':
      return check(idList('accessibilityIds'), 'not an id list over accessibilityIds');
    default:
      return { at: -1, why: '' };
  }
}

/** What is wrong with a referenced dictionary column (see `DictionaryColumn`), or undefined. */
function badDictionary(column: unknown, count: number): string | undefined {
  if (typeof column !== 'object' || column === null) return 'not a dictionary column';
  const { values, index } = column as { values?: unknown; index?: unknown };
  if (!Array.isArray(values) || !values.every(isString)) return 'values is not a list of strings';
  if (!Array.isArray(index) || index.length !== count)
    return `index does not hold ${count} references`;
  let seen = 0;
  for (let i = 0; i < index.length; i++) {
    const ref: unknown = index[i];
    if (!isInt(ref) || ref < -1) return `clinic ${i + 1}: not a reference`;
    if (ref === 0) seen++;
    if (ref > seen || (ref === 0 && seen > values.length))
      return `clinic ${i + 1}: a reference past the values`;
  }
  return undefined;
}

/**
 * The problems of a compiled clinic file's structure (none when every field has the right shape
 * and every reference points at something): a whole-file error per wrong field, naming it and
 * the first clinic affected. Nothing is decoded while there is any.
 */
export function checkCompiledStructure(value: unknown): Problem[] {
  const steps = compiledStructureSteps(value);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link checkCompiledStructure} a field at a time: each `next()` checks one field (a pass over
 * 50,000 cells at most), so that a caller can yield between them; the last gives the problems.
 */
export function* compiledStructureSteps(value: unknown): Generator<void, Problem[], void> {
  if (!isCompiledClinicsValue(value))
    return [fileProblem(`not a compiled clinic file (no "format": "${COMPILED_FORMAT}")`)];
  const c = value as Record<string, unknown>;
  if (c.version !== COMPILED_VERSION) {
    return [
      fileProblem(
        `compiled clinic file version ${JSON.stringify(c.version)}, this widget reads version ${COMPILED_VERSION}: compile it again with this version's npm run data:clinics`,
      ),
    ];
  }
  const count = c.count;
  if (!isInt(count) || count < 0) return [fileProblem('count is not a number of clinics')];
  const problems: Problem[] = [];
  for (const [field, shape] of Object.entries(FIELDS)) {
    yield;
    const x = c[field];
    const bad = (why: string) => problems.push(fileProblem(`${field}: ${why}`));
    if (shape === 'dictionary') {
      const why = badDictionary(x, count);
      if (why) bad(why);
      continue;
    }
    if (!Array.isArray(x)) {
      bad('missing or not a list');
      continue;
    }
    if (shape === 'strings' && !x.every(isString)) bad('not a list of strings');
    if (shape === 'string lists' && !x.every((l) => Array.isArray(l) && l.every(isString)))
      bad('not a list of string lists');
    if (PER_CLINIC.has(field) && x.length !== count) bad(`${x.length} cells for ${count} clinics`);
    if (field === 'approximate' && x.some((i) => badIndex(i, count, false)))
      bad('not a list of clinic indexes');
  }
  if (problems.length) return problems;
  for (const field of PER_CLINIC) {
    yield;
    const { at, why } = firstBadCell(field, c[field] as unknown[], c);
    if (at >= 0) problems.push(fileProblem(`${field}: clinic ${at + 1}: ${why}`));
  }
  const ids = c.id as unknown[];
  if (count > 0 && ids[0] === 0) problems.push(fileProblem('id: clinic 1 continues no run'));
  return problems;
}

/** What {@link createCompiledClinicReader} knows beyond the file. */
export interface CompiledCheckOptions {
  /** The service vocabulary ids (`data/services.json`). */
  services: readonly string[];
  /** The insurance plan ids (`data/insurance.json`); without them, plans are not checked. */
  insurance?: readonly string[];
  /**
   * Leave out the links that cannot fail their check (see {@link LaterLinks}): given later, in
   * `result().links`. Links whose template does not settle them are made and checked at once.
   */
  laterLinks?: boolean;
}

/**
 * The `website` and `bookingUrl` of clinics decoded without them: a third of the decoding of a
 * large directory, that the first results need only for the clinics they list.
 */
export interface LaterLinks {
  /** Gives these clinics their links now (those that do not have them yet; others are left). */
  fill(clinics: readonly Clinic[]): void;
  /** Gives the next `count` clinics theirs; true once every clinic has them. */
  step(count: number): boolean;
}

/** {@link createCompiledClinicReader}'s clinics, a slice at a time. */
export interface CompiledClinicReader {
  /** Decodes and checks the next `count` clinics. */
  next(count: number): void;
  readonly done: boolean;
  /**
   * The clinics without errors, and every problem, in record order; with `laterLinks`, what
   * gives them their links (undefined when no clinic waits for one).
   */
  result(): { clinics: Clinic[]; problems: Problem[]; links?: LaterLinks };
}

/** {@link LaterLinks} of `clinics`, clinic k being the decoder's clinic `at[k]`. */
function laterLinks(decoder: ClinicDecoder, clinics: Clinic[], at: number[]): LaterLinks {
  let next = 0;
  let places: Map<Clinic, number> | undefined;
  const waiting = (clinic: Clinic) =>
    clinic.website === undefined && clinic.bookingUrl === undefined;
  return {
    fill(wanted) {
      // A page of results is looked for; more (an organization's clinics) through a map.
      if (wanted.length > 32) places ??= new Map(clinics.map((clinic, k) => [clinic, k]));
      for (const clinic of wanted) {
        if (!waiting(clinic)) continue;
        const k = places ? (places.get(clinic) ?? -1) : clinics.indexOf(clinic, next);
        if (k >= next) decoder.link(clinic, at[k] as number);
      }
    },
    step(count) {
      const end = Math.min(clinics.length, next + count);
      for (; next < end; next++) {
        const clinic = clinics[next] as Clinic;
        if (waiting(clinic)) decoder.link(clinic, at[next] as number);
      }
      return next >= clinics.length;
    },
  };
}

/** The ids of `list` that `known` does not have, remembered per list in `memo`. */
function unknownIds(
  list: readonly string[],
  known: ReadonlySet<string>,
  memo: Map<readonly string[], readonly string[]>,
): readonly string[] {
  let unknown = memo.get(list);
  if (!unknown) memo.set(list, (unknown = list.filter((id) => !known.has(id))));
  return unknown;
}

const NOT_BLANK = /\S/;
const FIVE_DIGITS = /^\d{5}$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/**
 * What a URL template's expansions are, whatever the clinic: `valid` (a literal http(s) start,
 * no spaces, no `{w}`, and one character or more after `//` even where the slugs are empty:
 * slugs add only letters, digits and hyphens), `website` (`{w}` then text without spaces or
 * another `{w}`: valid whenever the website is), or `unknown` (each URL is checked).
 */
function urlKind(template: string): 'valid' | 'website' | 'unknown' {
  if (/\s/.test(template)) return 'unknown';
  if (template.startsWith('{w}')) return template.includes('{w}', 3) ? 'unknown' : 'website';
  const start = /^https?:\/\//i.exec(template)?.[0];
  if (start === undefined || template.includes('{w}')) return 'unknown';
  return template.slice(start.length).replace(/\{[oc]\}/g, '') ? 'valid' : 'unknown';
}

/**
 * Decodes a compiled clinic file whose structure passed {@link checkCompiledStructure}, a slice
 * at a time, checking each clinic: an id that is unique, the required fields, a known state, a
 * 5-digit ZIP, coordinates in range, services of the vocabulary and known insurance plans,
 * http(s) links. A clinic with an error is left out, with its problems at its record number.
 */
export function createCompiledClinicReader(
  compiled: CompiledClinics,
  options: CompiledCheckOptions,
): CompiledClinicReader {
  const later = options.laterLinks === true;
  const decoder: ClinicDecoder = createClinicDecoder(compiled, { laterLinks: later });
  // The clinics whose links wait, and their places in the file.
  const waitingClinics: Clinic[] = [];
  const waitingAt: number[] = [];
  const services = new Set(options.services);
  const insurance = options.insurance ? new Set(options.insurance) : undefined;
  const firstById = new Map<string, number>();
  const clinics: Clinic[] = [];
  const problems: Problem[] = [];
  let record = 0;
  // Runs for every clinic of a directory (50,000 and more): named reads and no arrays or
  // closures made per clinic; the list of problems is made only for a clinic that has one.
  let found: Problem[] | undefined;
  let line = 0;
  const add = (column: string, message: string, value?: string): void => {
    (found ??= []).push(
      value === undefined
        ? { line, column, message, severity: 'error' }
        : { line, column, message, value, severity: 'error' },
    );
  };
  // Decoded clinics share their lists (a directory has a few hundred distinct ones): each list
  // is checked against the vocabulary once.
  const unknownServices = new Map<readonly string[], readonly string[]>();
  const unknownPlans = new Map<readonly string[], readonly string[]>();
  // A clinic's lists hold only the file's dictionary ids: when all of them are known, so is
  // every list, and no clinic needs looking at (the usual file).
  const servicesToCheck = compiled.serviceIds.some((id) => !services.has(id));
  const plansToCheck =
    insurance && compiled.insuranceIds.some((id) => !insurance.has(id)) ? insurance : undefined;
  const required = (column: string, ok: boolean): void => {
    if (!ok) add(column, 'required');
  };
  // A URL template is checked once when its expansions cannot fail: a literal http(s) start,
  // then only slugs (letters, digits, hyphens) and text without spaces. Its URLs then need no
  // pattern match each.
  const urlKinds = compiled.urls.map(urlKind);
  const link = (
    column: string,
    url: string | undefined,
    template: number | undefined,
    websiteOk: boolean,
  ): boolean => {
    if (url === undefined) return true;
    const kind = urlKinds[template ?? -1];
    const ok = kind === 'valid' || (kind === 'website' && websiteOk) || HTTP_URL.test(url);
    if (!ok) add(column, 'not an http(s) URL', url);
    return ok;
  };
  const check = (clinic: Clinic): void => {
    const i = record;
    line = ++record;
    found = undefined;
    const first = firstById.get(clinic.id);
    if (first === undefined) firstById.set(clinic.id, line);
    else add('id', `duplicate id: first on record ${first}`, clinic.id);
    // Names and street addresses made from other fields are checked through them (testing the
    // joined text would flatten it: a copy of each, two bytes a character with the en dash).
    const organizationOk = NOT_BLANK.test(clinic.organization);
    const name = compiled.name[i];
    required(
      'name',
      name === 1 ||
        (name === 0
          ? organizationOk
          : typeof name === 'string'
            ? NOT_BLANK.test(clinic.name)
            : organizationOk || NOT_BLANK.test(name?.[0] ?? '')),
    );
    required('organization', organizationOk);
    required(
      'address1',
      typeof compiled.address1[i] === 'object' || NOT_BLANK.test(clinic.address1),
    );
    required('city', NOT_BLANK.test(clinic.city));
    if (!US_STATES.has(clinic.state)) add('state', 'not a US state code', clinic.state);
    if (!FIVE_DIGITS.test(clinic.zip)) add('zip', 'not a 5-digit ZIP code', clinic.zip);
    const { lat, lon } = clinic;
    // Only the range: the compiler checked them against the ZIP's point (which places some
    // Pacific ZIPs, such as Wake Island's, east of the antimeridian).
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180))
      add('lat/lon', 'not a latitude and longitude', `${lat}, ${lon}`);
    if (servicesToCheck)
      for (const id of unknownIds(clinic.services, services, unknownServices))
        add('services', 'unknown service', id);
    if (plansToCheck && clinic.insurance)
      for (const id of unknownIds(clinic.insurance, plansToCheck, unknownPlans))
        add('insurance', 'unknown insurance plan', id);
    const website = compiled.website[i] ?? -1;
    const booking = compiled.bookingUrl[i] ?? -1;
    let waits = false;
    if (later) {
      // Links that are valid whatever the clinic wait; any other is made now, and checked.
      const websiteKind = website < 0 ? 'valid' : urlKinds[website];
      const bookingKind = booking < 0 ? 'valid' : urlKinds[booking];
      const settled =
        websiteKind === 'valid' &&
        (bookingKind === 'valid' || (bookingKind === 'website' && website >= 0));
      if (!settled) decoder.link(clinic, i);
      else waits = website >= 0 || booking >= 0;
    }
    const websiteOk = link('website', clinic.website, website, false);
    link('booking_url', clinic.bookingUrl, booking, websiteOk);
    // `add` may have set it (TypeScript does not follow the closure).
    const problemsOfClinic = found as Problem[] | undefined;
    if (problemsOfClinic) problems.push(...problemsOfClinic);
    else {
      clinics.push(clinic);
      // Only a clinic kept waits for its links: one with an error is never listed.
      if (waits) {
        waitingClinics.push(clinic);
        waitingAt.push(i);
      }
    }
  };
  return {
    next(count: number) {
      for (const clinic of decoder.next(count)) check(clinic);
    },
    get done() {
      return decoder.done;
    },
    result: () =>
      waitingClinics.length
        ? { clinics, problems, links: laterLinks(decoder, waitingClinics, waitingAt) }
        : { clinics, problems },
  };
}
