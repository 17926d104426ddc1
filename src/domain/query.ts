// What did the visitor mean: a ZIP, a place (with or without its state, with typos), a clinic
// or organization name, or nothing we know. Pure: no DOM, no Lit.
import type { Clinic } from './clinic.js';
import { findClinics, findOrganization, type ClinicIndex } from './clinic-search.js';
import {
  MAX_QUERY_LENGTH,
  findPlaces,
  normalizeName,
  parseState,
  type Place,
  type PlaceIndex,
} from './places.js';
import { normalizeZip, type ZipLookup } from './zip-table.js';

/** The point a search measures from, and how to name it. */
export interface Origin {
  lat: number;
  lon: number;
  /**
   * e.g. `49503 Grand Rapids, MI`; the ZIP alone for an approximate ZIP, or when the lookup had
   * no place name (no place shard).
   */
  label: string;
  /** True when the point is only the ZIP's 3-digit area (the ZIP is not in the table). */
  approximate: boolean;
  /** For an approximate origin, the area measured from, e.g. `495xx (MI)`. */
  area?: string;
}

/** What a ZIP lookup means for a search: an origin, or why there is none. */
export type ZipQueryOutcome =
  | { kind: 'origin'; origin: Origin }
  | { kind: 'unknown'; zip: string }
  | { kind: 'invalid'; input: string };

/** Turns a ZIP lookup into a search outcome with a labelled origin. */
export function originFromZip(lookup: ZipLookup): ZipQueryOutcome {
  switch (lookup.kind) {
    case 'found':
      return {
        kind: 'origin',
        origin: {
          lat: lookup.lat,
          lon: lookup.lon,
          // Without the ZIP's place shard the ZIP alone names the origin.
          label:
            lookup.place !== undefined && lookup.state !== undefined
              ? `${lookup.zip} ${lookup.place}, ${lookup.state}`
              : lookup.zip,
          approximate: false,
        },
      };
    case 'approximate':
      return {
        kind: 'origin',
        origin: {
          lat: lookup.lat,
          lon: lookup.lon,
          label: lookup.zip,
          approximate: true,
          area: `${lookup.zip.slice(0, 3)}xx (${lookup.state})`,
        },
      };
    case 'unknown':
      return { kind: 'unknown', zip: lookup.zip };
    case 'invalid':
      return { kind: 'invalid', input: lookup.input };
  }
}

// ------------------------------------------------------------------ what the visitor meant

/** What a visitor's text means, as {@link interpretQuery} reads it. */
export type Interpretation =
  /** Nothing but white space. */
  | { kind: 'empty' }
  /** A ZIP or ZIP+4: the 5-digit ZIP (look it up with lookupZip). */
  | { kind: 'zip'; zip: string }
  /** A place that clearly is the one meant; `also`: other places of that name, biggest first. */
  | { kind: 'place'; place: Place; also: Place[] }
  /** A place name with no clearly dominant place: up to 8 candidates, biggest first. */
  | { kind: 'ambiguous'; candidates: Place[] }
  /** Clinics by name, best match first. */
  | { kind: 'clinic'; clinics: Clinic[] }
  /** An organization by name, and its clinics. */
  | { kind: 'organization'; organization: string; clinics: Clinic[] }
  | { kind: 'not-understood'; input: string };

/** The indexes {@link interpretQuery} searches. */
export interface QueryIndexes {
  places: PlaceIndex;
  clinics: ClinicIndex;
}

/** Most places offered for an ambiguous name, and most named in `also`. */
const MAX_CANDIDATES = 8;
/** Most clinics in a `clinic` interpretation. */
const MAX_CLINICS = 8;

/**
 * Whether the biggest of several same-name places clearly is the one meant. When both have a
 * population (the GeoNames gazetteer's): at least three times the runner-up's. Portland OR
 * (630,000) over ME (67,000), Grand Rapids MI (200,000) over MN (11,000), Columbus OH (850,000)
 * over GA (200,000); but not Springfield MO (170,000) over MA (150,000), nor Mount Vernon NY
 * (69,000) over WA (34,000): twice would take Mount Vernon NY, and cities of one name within a
 * factor of three are too alike to guess. Otherwise (a place under 1,000 people, or a
 * post-office name the gazetteer lacks) by the ZIPs named after them: at least twice the
 * runner-up's and at least 3 more (Grand Rapids MI, 26 ZIPs, over OH, 1).
 */
export function dominates(top: Place, runnerUp: Place | undefined): boolean {
  if (!runnerUp) return true;
  if (top.population > 0 && runnerUp.population > 0) {
    return top.population >= 3 * runnerUp.population;
  }
  return top.zipCount >= 2 * runnerUp.zipCount && top.zipCount - runnerUp.zipCount >= 3;
}

/**
 * Reads what a visitor typed, in this order:
 * 1. a ZIP or ZIP+4;
 * 2. "City, ST", "City ST", "City, State name" or "City State name" naming an existing place
 *    exactly (the state may be the last one to three words, a comma is optional);
 * 3. a place name alone, exactly (normalised: case, punctuation, diacritics, saint/st,
 *    mount/mt, fort/ft);
 * 4. a clinic or organization whose name is, or starts with, the text;
 * 5. "City, ST" with a typo in the city, matched within the state;
 * 6. a place name alone with a typo;
 * 7. a clinic or organization by a word of its name, or with a typo;
 * 8. otherwise not understood.
 * Exact clinic-name prefixes come before typo-tolerant places so that the first letters of a
 * clinic's name find it rather than a town of a similar name. Among same-name places the biggest
 * is chosen when it {@link dominates}; otherwise the places are offered (`ambiguous`). Any text
 * is accepted: it is cut to 100 characters, and nothing throws.
 */
export function interpretQuery(input: string, indexes: QueryIndexes): Interpretation {
  const text = input.trim().slice(0, MAX_QUERY_LENGTH);
  if (text === '') return { kind: 'empty' };
  const zip = normalizeZip(text);
  if (zip !== undefined) return { kind: 'zip', zip };

  const { places, clinics } = indexes;
  const splits = stateSplits(text);

  // 2, 3: exact place names, with a state first.
  for (const { city, state } of splits) {
    const exact = exactPlaces(places, city, state);
    if (exact.length) return placeWithState(places, exact[0] as Place);
  }
  const whole = exactPlaces(places, text);
  if (whole.length) return choosePlace(places, whole, input);

  // 4: clinics and organizations by the start of their name.
  const organization = findOrganization(clinics, text);
  if (organization) return { kind: 'organization', ...organization };
  const key = normalizeName(text);
  const named = findClinics(clinics, text, MAX_CLINICS).filter((c) =>
    [normalizeName(c.name), normalizeName(c.organization)].some((n) => n.startsWith(key)),
  );
  if (named.length) return { kind: 'clinic', clinics: named };

  // 5, 6: places with a typo.
  for (const { city, state } of splits) {
    const fuzzy = findPlaces(places, city, state);
    if (fuzzy.length) return placeWithState(places, fuzzy[0] as Place);
  }
  const fuzzy = findPlaces(places, text);
  if (fuzzy.length) {
    const top = fuzzy[0] as Place;
    return choosePlace(places, sameName(places, top), input);
  }

  // 7: clinics by a word of their name, or with a typo.
  const loose = findClinics(clinics, text, MAX_CLINICS);
  if (loose.length) return { kind: 'clinic', clinics: loose };
  return { kind: 'not-understood', input };
}

/** Places whose normalised name is exactly the text's (in `state` when given), biggest first. */
function exactPlaces(index: PlaceIndex, name: string, state?: string): Place[] {
  const key = normalizeName(name);
  if (!key) return [];
  return findPlaces(index, name, state).filter((p) => normalizeName(p.name) === key);
}

/** Every place with the same normalised name as `place`, biggest first (it among them). */
function sameName(index: PlaceIndex, place: Place): Place[] {
  return exactPlaces(index, place.name);
}

/** The place the visitor named with its state; `also`: its namesakes in other states. */
function placeWithState(index: PlaceIndex, place: Place): Interpretation {
  const also = sameName(index, place)
    .filter((p) => p !== place)
    .slice(0, MAX_CANDIDATES - 1);
  return { kind: 'place', place, also };
}

/** Same-name places, biggest first: the dominant one, or all of them to choose from. */
function choosePlace(
  index: PlaceIndex,
  namesakes: readonly Place[],
  input: string,
): Interpretation {
  const [top, runnerUp] = namesakes;
  if (!top) return { kind: 'not-understood', input };
  if (dominates(top, runnerUp)) return placeWithState(index, top);
  return { kind: 'ambiguous', candidates: namesakes.slice(0, MAX_CANDIDATES) };
}

/**
 * The ways the text can be "city + state": split at the last comma when what follows is a state;
 * else the last one to three words when they are a state code or name and words remain before
 * them. Longest state name first ("… West Virginia" before "… Virginia").
 */
function stateSplits(text: string): { city: string; state: string }[] {
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    const state = parseState(text.slice(comma + 1));
    const city = text.slice(0, comma);
    if (state !== undefined && normalizeName(city) !== '') return [{ city, state }];
  }
  const words = normalizeName(text).split(' ');
  const splits: { city: string; state: string }[] = [];
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const state = parseState(words.slice(-n).join(' '));
    if (state !== undefined) splits.push({ city: words.slice(0, -n).join(' '), state });
  }
  return splits;
}
