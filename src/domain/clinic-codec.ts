import type { Clinic } from './clinic.js';

/**
 * A column of strings that repeat (organizations, cities, hours…): each distinct value once in
 * `values`, and per clinic its index there, or -1 when the clinic has none.
 */
export interface DictionaryColumn {
  /** Distinct values, in order of first appearance. */
  values: string[];
  /** Per clinic, an index into `values`, or -1 for "absent". */
  index: number[];
}

/**
 * An http(s) URL split into an index into {@link CompiledClinics.origins} and the rest of the URL
 * (`origins[i] + rest` is the URL), or null when the clinic has none.
 */
export type UrlCell = [origin: number, rest: string] | null;

/**
 * The compact, JSON-serialisable form of a clinic list that ships with the widget: columns
 * rather than objects, repeated strings stored once, coordinates as integers of 1e-5°
 * (about a metre). `decodeClinics(encodeClinics(x))` deep-equals `x` once its coordinates are
 * rounded to 5 decimals.
 */
export interface CompiledClinics {
  /** Format version; decoders reject any other. */
  version: 1;
  /** Number of clinics; every per-clinic column has this length. */
  count: number;
  /** {@link Clinic.id} per clinic. */
  id: string[];
  /**
   * {@link Clinic.name} per clinic: a string is the whole name; `[suffix]` stands for the
   * organization's name followed by `suffix` (most names are `Org` or `Org – City`).
   */
  name: (string | [suffix: string])[];
  /** {@link Clinic.organization}. */
  organization: DictionaryColumn;
  /** {@link Clinic.address1} per clinic. */
  address1: string[];
  /** {@link Clinic.address2}. */
  address2: DictionaryColumn;
  /** {@link Clinic.city}. */
  city: DictionaryColumn;
  /** {@link Clinic.state}. */
  state: DictionaryColumn;
  /** {@link Clinic.zip} per clinic. */
  zip: string[];
  /** Latitude per clinic in integer units of 1e-5°, each as the difference from the previous one. */
  lat: number[];
  /** Longitude per clinic in integer units of 1e-5°, each as the difference from the previous one. */
  lon: number[];
  /** {@link Clinic.phone} per clinic (digits only), or null. */
  phone: (string | null)[];
  /** URL origins (`https://host`), shared by `website` and `bookingUrl`. */
  origins: string[];
  /** {@link Clinic.website} per clinic. */
  website: UrlCell[];
  /** {@link Clinic.bookingUrl} per clinic. */
  bookingUrl: UrlCell[];
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
}

const SCALE = 1e5;
/** Everything up to the path: scheme, `//`, authority. */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

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

function lookup(column: DictionaryColumn, i: number): string | undefined {
  const at = column.index[i] ?? -1;
  return at < 0 ? undefined : column.values[at];
}

/**
 * Encodes clinics into their compact compiled form. Coordinates are rounded to 1e-5°; all other
 * fields are kept exactly, including which optional fields are absent.
 */
export function encodeClinics(clinics: readonly Clinic[]): CompiledClinics {
  const origins: string[] = [];
  const originIndex = new Map<string, number>();
  const url = (value: string | undefined): UrlCell => {
    if (value === undefined) return null;
    const origin = ORIGIN.exec(value)?.[0] ?? '';
    let i = originIndex.get(origin);
    if (i === undefined) {
      i = origins.push(origin) - 1;
      originIndex.set(origin, i);
    }
    return [i, value.slice(origin.length)];
  };
  const serviceIds = dictionary(clinics.flatMap((c) => c.services)).values;
  const serviceIndex = new Map(serviceIds.map((s, i) => [s, i]));
  const languages = dictionary(
    clinics.map((c) => (c.languages ? JSON.stringify(c.languages) : undefined)),
  );
  return {
    version: 1,
    count: clinics.length,
    id: clinics.map((c) => c.id),
    name: clinics.map((c) =>
      c.name.startsWith(c.organization) ? [c.name.slice(c.organization.length)] : c.name,
    ),
    organization: dictionary(clinics.map((c) => c.organization)),
    address1: clinics.map((c) => c.address1),
    address2: dictionary(clinics.map((c) => c.address2)),
    city: dictionary(clinics.map((c) => c.city)),
    state: dictionary(clinics.map((c) => c.state)),
    zip: clinics.map((c) => c.zip),
    lat: deltas(clinics.map((c) => Math.round(c.lat * SCALE))),
    lon: deltas(clinics.map((c) => Math.round(c.lon * SCALE))),
    phone: clinics.map((c) => c.phone ?? null),
    origins,
    website: clinics.map((c) => url(c.website)),
    bookingUrl: clinics.map((c) => url(c.bookingUrl)),
    serviceIds,
    services: clinics.map((c) => c.services.map((s) => serviceIndex.get(s) ?? -1)),
    telehealth: clinics.map((c) => (c.telehealth === undefined ? null : c.telehealth ? 1 : 0)),
    languageSets: languages.values.map((json) => JSON.parse(json) as string[]),
    languages: languages.index,
    hours: dictionary(clinics.map((c) => c.hours)),
    timezone: dictionary(clinics.map((c) => c.timezone)),
    approximate: clinics.flatMap((c, i) => (c.approximate ? [i] : [])),
  };
}

/**
 * Decodes the compiled form back into clinics, in the same order. Optional fields the source
 * did not have are absent (not `undefined`-valued) in the result.
 * @throws {Error} for an unknown format version.
 */
export function decodeClinics(compiled: CompiledClinics): Clinic[] {
  if (compiled.version !== 1) {
    throw new Error(`Unsupported compiled clinics version: ${String(compiled.version)}`);
  }
  const url = (cell: UrlCell | undefined): string | undefined =>
    cell ? `${compiled.origins[cell[0]] ?? ''}${cell[1]}` : undefined;
  const clinics: Clinic[] = [];
  const approximate = new Set(compiled.approximate);
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < compiled.count; i++) {
    lat += need(compiled.lat[i], 'lat', i);
    lon += need(compiled.lon[i], 'lon', i);
    const organization = need(lookup(compiled.organization, i), 'organization', i);
    const name = need(compiled.name[i], 'name', i);
    const clinic: Clinic = {
      id: need(compiled.id[i], 'id', i),
      name: typeof name === 'string' ? name : organization + name[0],
      organization,
      address1: need(compiled.address1[i], 'address1', i),
      city: need(lookup(compiled.city, i), 'city', i),
      state: need(lookup(compiled.state, i), 'state', i),
      zip: need(compiled.zip[i], 'zip', i),
      lat: lat / SCALE,
      lon: lon / SCALE,
      services: need(compiled.services[i], 'services', i).map((s) =>
        need(compiled.serviceIds[s], 'service id', i),
      ),
    };
    const address2 = lookup(compiled.address2, i);
    if (address2 !== undefined) clinic.address2 = address2;
    const phone = compiled.phone[i];
    if (phone != null) clinic.phone = phone;
    const website = url(compiled.website[i]);
    if (website !== undefined) clinic.website = website;
    const bookingUrl = url(compiled.bookingUrl[i]);
    if (bookingUrl !== undefined) clinic.bookingUrl = bookingUrl;
    const telehealth = compiled.telehealth[i];
    if (telehealth != null) clinic.telehealth = telehealth === 1;
    const languages = compiled.languageSets[compiled.languages[i] ?? -1];
    if (languages) clinic.languages = [...languages];
    const hours = lookup(compiled.hours, i);
    if (hours !== undefined) clinic.hours = hours;
    const timezone = lookup(compiled.timezone, i);
    if (timezone !== undefined) clinic.timezone = timezone;
    if (approximate.has(i)) clinic.approximate = true;
    clinics.push(clinic);
  }
  return clinics;
}
