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
}

/** {@link createCompiledClinicReader}'s clinics, a slice at a time. */
export interface CompiledClinicReader {
  /** Decodes and checks the next `count` clinics. */
  next(count: number): void;
  readonly done: boolean;
  /** The clinics without errors, and every problem, in record order. */
  result(): { clinics: Clinic[]; problems: Problem[] };
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
  const decoder: ClinicDecoder = createClinicDecoder(compiled);
  const services = new Set(options.services);
  const insurance = options.insurance ? new Set(options.insurance) : undefined;
  const firstById = new Map<string, number>();
  const clinics: Clinic[] = [];
  const problems: Problem[] = [];
  let record = 0;
  const check = (clinic: Clinic): void => {
    record++;
    const line = record;
    // Most clinics have no problem: no list is made for them.
    let found: Problem[] | undefined;
    const add = (column: string, message: string, value?: string) =>
      (found ??= []).push(
        value === undefined
          ? { line, column, message, severity: 'error' }
          : { line, column, message, value, severity: 'error' },
      );
    const first = firstById.get(clinic.id);
    if (first === undefined) firstById.set(clinic.id, line);
    else add('id', `duplicate id: first on record ${first}`, clinic.id);
    for (const column of ['name', 'organization', 'address1', 'city'] as const)
      if (!/\S/.test(clinic[column])) add(column, 'required');
    if (!US_STATES.has(clinic.state)) add('state', 'not a US state code', clinic.state);
    if (!/^\d{5}$/.test(clinic.zip)) add('zip', 'not a 5-digit ZIP code', clinic.zip);
    const { lat, lon } = clinic;
    // Only the range: the compiler checked them against the ZIP's point (which places some
    // Pacific ZIPs, such as Wake Island's, east of the antimeridian).
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180))
      add('lat/lon', 'not a latitude and longitude', `${lat}, ${lon}`);
    for (const id of clinic.services) if (!services.has(id)) add('services', 'unknown service', id);
    if (insurance)
      for (const id of clinic.insurance ?? [])
        if (!insurance.has(id)) add('insurance', 'unknown insurance plan', id);
    for (const [column, url] of [
      ['website', clinic.website],
      ['booking_url', clinic.bookingUrl],
    ] as const) {
      if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url))
        add(column, 'not an http(s) URL', url);
    }
    if (found) problems.push(...found);
    else clinics.push(clinic);
  };
  return {
    next(count: number) {
      for (const clinic of decoder.next(count)) check(clinic);
    },
    get done() {
      return decoder.done;
    },
    result: () => ({ clinics, problems }),
  };
}
