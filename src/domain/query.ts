// What did the visitor mean: a ZIP, a place (with or without its state, with typos), a clinic
// or organization name, or nothing we know. Pure: no DOM, no Lit.
import type { Clinic } from './clinic.js';
import { findClinics, findOrganization, type ClinicIndex } from './clinic-search.js';
import { findPlaces, normalizeName, parseState, type Place, type PlaceIndex } from './places.js';
import { cleanQuery, editDistance, parseQuery, type ServiceReader } from './query-grammar.js';
import type { ZipLookup } from './zip-table.js';

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

/** An organization by name, and its clinics. */
export interface OrganizationMatch {
  organization: string;
  clinics: Clinic[];
}

/** What a visitor's text means, as {@link readQuery} reads it. */
export type Interpretation =
  /** Nothing to search from: nothing typed, or only service and generic words. */
  | { kind: 'empty' }
  /** A ZIP or ZIP+4: the 5-digit ZIP (look it up with lookupZip). */
  | { kind: 'zip'; zip: string }
  /** "near me" and its kin: the visitor's own position, as "Use my location". */
  | { kind: 'near-me' }
  /** Coordinates typed in decimal degrees. */
  | { kind: 'coordinates'; lat: number; lon: number }
  /** A state alone: its clinics, from its centre; `also`: towns of that name ("New York"). */
  | { kind: 'state'; state: string; also: Place[] }
  /**
   * A place that clearly is the one meant; `also`: other places of that name, biggest first;
   * `corrected`: found with a typo (the status says what was understood).
   */
  | { kind: 'place'; place: Place; also: Place[]; corrected?: boolean }
  /**
   * Several things of that name, none clearly the one: up to 8 places, biggest first, and the
   * organization or clinics of that name (a name can be both a town and an organization).
   */
  | {
      kind: 'ambiguous';
      candidates: Place[];
      organization?: OrganizationMatch;
      clinics?: Clinic[];
    }
  /**
   * A place name that is not in the data (`name` as typed, with its state when given), and the
   * close spellings to offer, never applied.
   */
  | { kind: 'not-found'; name: string; candidates: Place[] }
  /** Clinics by name, best match first. */
  | { kind: 'clinic'; clinics: Clinic[] }
  /** An organization by name, and its clinics. */
  | ({ kind: 'organization' } & OrganizationMatch)
  | { kind: 'not-understood'; input: string };

/** A query read: what it means, and the services its words named. */
export interface Reading {
  meaning: Interpretation;
  /** Service ids named by the query's words ("back pain 49503" → `back-pain`). */
  services: string[];
  /** The nickname typed, when the place came from the nickname table ("NYC"). */
  nickname?: string;
}

/** The indexes {@link interpretQuery} searches. */
export interface QueryIndexes {
  places: PlaceIndex;
  clinics: ClinicIndex;
  /** A member site's organization: it comes first among the things a name can mean. */
  organization?: string;
}

/** Most places offered for an ambiguous name, and most named in `also`. */
const MAX_CANDIDATES = 8;
/** Most close spellings offered for a name that is not in the data. */
const MAX_SPELLINGS = 5;
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
 * Reads what a visitor typed (see {@link parseQuery} for its shape: ZIPs with their noise,
 * coordinates, "near me", states, nicknames, service words), then looks its words up with
 * {@link interpretQuery}. Never throws.
 */
export function readQuery(
  input: string,
  indexes: QueryIndexes,
  readServices?: ServiceReader,
): Reading {
  const { shape, services } = parseQuery(input, readServices);
  // The whole text naming an organization or a clinic wins over its words read as services and
  // generic words ("Lakeshore Physical Therapy", "Summit Sports Injury Clinic").
  if ((services.length || shape.kind === 'words') && readServices) {
    const named = namedByStart(cleanQuery(input), indexes.clinics);
    if (named) return { meaning: named, services: [] };
  }
  switch (shape.kind) {
    case 'empty':
      return { meaning: { kind: 'empty' }, services };
    case 'unreadable':
      return { meaning: { kind: 'not-understood', input: cleanQuery(input) }, services };
    case 'near-me':
    case 'coordinates':
      return { meaning: shape, services };
    case 'state': {
      const also = exactPlaces(indexes.places, cleanQuery(input)).slice(0, MAX_CANDIDATES);
      return { meaning: { ...shape, also }, services };
    }
    case 'zip':
      return { meaning: { kind: 'zip', zip: shape.zip }, services };
    case 'words': {
      const meaning = interpretWords(shape.text, indexes);
      return shape.nickname
        ? { meaning, services, nickname: shape.nickname }
        : { meaning, services };
    }
  }
}

/** What a visitor's text means, service words aside (see {@link readQuery}). */
export function interpretQuery(input: string, indexes: QueryIndexes): Interpretation {
  return readQuery(input, indexes).meaning;
}

/**
 * Looks up words, in this order:
 * 1. "City, ST", "City ST", "City, State name" or "City State name" naming a place of that
 *    state exactly (the state may be the last one to three words, a comma is optional);
 * 2. a place name alone, exactly (normalised: case, punctuation, diacritics, saint/st,
 *    mount/mt, fort/ft), beside an organization or clinic whose name starts with the words:
 *    both are offered (the member site's organization first);
 * 3. a clinic or organization whose name is, or starts with, the text;
 * 4. "City, ST" that is not in that state: said so, with the close spellings in that state to
 *    choose from (a state the visitor gave is never overridden, a guess never applied);
 * 5. a place name alone with a typo: applied when it is one slip away (two for long names) and
 *    no other name is as close, and then shown as corrected; else offered;
 * 6. a clinic or organization by a word of its name, or with a typo;
 * 7. otherwise not understood.
 * Among same-name places the biggest is chosen when it {@link dominates}; otherwise the places
 * are offered (`ambiguous`).
 */
function interpretWords(text: string, indexes: QueryIndexes): Interpretation {
  const { places, clinics } = indexes;
  const splits = stateSplits(text);

  // 1: exact place names, with a state.
  for (const { city, state } of splits) {
    const exact = exactPlaces(places, city, state);
    if (exact.length) return placeWithState(places, exact[0] as Place);
  }

  // 2, 3: exact places, and clinics or organizations by the start of their name.
  const whole = exactPlaces(places, text);
  const organization = findOrganization(clinics, text) ?? undefined;
  const key = normalizeName(text);
  const named = organization
    ? []
    : findClinics(clinics, text, MAX_CLINICS).filter((c) =>
        [normalizeName(c.name), normalizeName(c.organization)].some((n) => n.startsWith(key)),
      );
  // A town and an organization of that name ("Lakeshore"), or a clinic named just that: both.
  const namedExactly = named.filter((c) => normalizeName(c.name) === key);
  if (whole.length && (organization || namedExactly.length)) {
    return {
      kind: 'ambiguous',
      candidates: whole.slice(0, MAX_CANDIDATES),
      ...(organization ? { organization } : { clinics: namedExactly }),
    };
  }
  if (whole.length) return choosePlace(places, whole, text);
  if (organization) return { kind: 'organization', ...organization };
  if (named.length) return { kind: 'clinic', clinics: named };

  // 4: a place with its state that is not there.
  const [split] = splits;
  if (split && splits.length === 1 && normalizeName(split.city).split(' ').length <= 4) {
    const near = closeSpellings(places, split.city, split.state);
    return {
      kind: 'not-found',
      name: `${titleCase(split.city)}, ${split.state}`,
      candidates: near,
    };
  }

  // 5: a place name with a typo.
  const close = closeSpellings(places, text);
  // Applied only when no other name is as close (namesakes in other states are one name).
  const distances = new Map(
    close.map((p) => [normalizeName(p.name), editDistance(key, normalizeName(p.name))]),
  );
  const [best, second] = [...distances.values()];
  if (best !== undefined && best <= allowedSlips(key) && second !== best) {
    const top = close[0] as Place;
    const namesakes = sameName(places, top);
    const chosen = choosePlace(places, namesakes, text);
    return chosen.kind === 'place' ? { ...chosen, corrected: true } : chosen;
  }

  // 6: clinics by a word of their name, or with a typo.
  const loose = findClinics(clinics, text, MAX_CLINICS);
  if (loose.length) return { kind: 'clinic', clinics: loose };
  if (close.length) return { kind: 'not-found', name: text, candidates: close };
  return { kind: 'not-understood', input: text };
}

/** An organization, or clinics, whose name starts with the whole text (normalised). */
function namedByStart(text: string, clinics: ClinicIndex): Interpretation | undefined {
  const key = normalizeName(text);
  if (key.split(' ').length < 2) return undefined; // one word: read as usual
  const organization = findOrganization(clinics, text);
  if (organization && normalizeName(organization.organization).startsWith(key)) {
    return { kind: 'organization', ...organization };
  }
  const named = findClinics(clinics, text, MAX_CLINICS).filter((c) =>
    normalizeName(c.name).startsWith(key),
  );
  return named.length ? { kind: 'clinic', clinics: named } : undefined;
}

/** Typos forgiven when applying a guess: none under 5 letters, one, two from 9 letters. */
function allowedSlips(key: string): number {
  const letters = key.replaceAll(' ', '').length;
  return letters < 5 ? 0 : letters < 9 ? 1 : 2;
}

/**
 * Places spelled close to `name` (in `state` when given): at most two slips (three for long
 * names) from it, or starting with it; closest first, then biggest; one per name and state.
 */
function closeSpellings(index: PlaceIndex, name: string, state?: string): Place[] {
  const key = normalizeName(name);
  if (key.length < 3) return [];
  const max = key.length >= 9 ? 3 : 2;
  const seen = new Set<string>();
  const scored: { place: Place; distance: number; order: number }[] = [];
  findPlaces(index, name, state).forEach((place, order) => {
    const placeKey = normalizeName(place.name);
    if (seen.has(`${placeKey}|${place.state}`)) return;
    seen.add(`${placeKey}|${place.state}`);
    // The start of a name ("Mossyri") is close too: offered, never applied.
    const distance = placeKey.startsWith(key) ? max : editDistance(key, placeKey, max);
    if (distance <= max) scored.push({ place, distance, order });
  });
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, MAX_SPELLINGS).map((s) => s.place);
}

/** `grand rapds` → `Grand Rapds`: a typed name, as a name. */
function titleCase(text: string): string {
  return text
    .trim()
    .replace(/[,\s]+$/, '')
    .replace(
      /(^|[\s-])(\p{Ll})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
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
