// Place search: "City, ST" and typo-tolerant place names, suggestions as the visitor types, US
// state names. The only importer of fuse.js: the small generic fuzzy index at the end of this
// file is what clinic-search.ts uses too, so swapping the fuzzy matcher is a one-file change.
// Pure: no DOM, no Lit.
import Fuse from 'fuse.js/basic';

/**
 * A place to search from: a distinct (name, state) of the ZIP table with the mean point of its
 * ZIPs, or a gazetteer town that names no ZIP (a suburb whose ZIPs carry a neighbour's name)
 * at its own point.
 */
export interface Place {
  /** As GeoNames writes it, e.g. `Grand Rapids`. */
  name: string;
  /** Two-letter USPS state code. */
  state: string;
  /** Mean latitude of the place's ZIP points (a town without ZIPs: its own point), degrees. */
  lat: number;
  /** Mean longitude of the place's ZIP points (a town without ZIPs: its own point), degrees. */
  lon: number;
  /** How many ZIPs are named after the place; 0 for a gazetteer town that names none. */
  zipCount: number;
  /**
   * People living there by the GeoNames gazetteer of towns of 1,000+ people, to two significant
   * digits; 0 when unknown (a post-office name that is no gazetteer town of that state). The
   * first measure of size for ranking, before zipCount.
   */
  population: number;
}

/** A point, degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * The places of places.bin with the states' centres of population shipped beside them (what
 * `listPlaces` returns): USPS code → population-weighted centre of the state's gazetteer towns.
 */
export interface PlaceList extends ReadonlyArray<Place> {
  readonly stateCenters: ReadonlyMap<string, LatLon>;
}

/** Whole words written out that visitors (and GeoNames) also abbreviate. */
const ABBREVIATIONS = new Map([
  ['saint', 'st'],
  ['mount', 'mt'],
  ['fort', 'ft'],
]);

/**
 * The form place and clinic names are compared in: lower case, diacritics stripped (Unicode
 * compatibility decomposition, so `ﬁ` and full-width letters count as plain letters), apostrophes
 * dropped (`Lee's Summit` = `Lees Summit`), any other run of non-letters and non-digits a single
 * space, `saint`/`mount`/`fort` as whole words shortened to `st`/`mt`/`ft` (so `St.`, `Saint`
 * and `st` agree), trimmed. Idempotent.
 */
export function normalizeName(text: string): string {
  // ASCII (every GeoNames place name) skips the Unicode steps, which do nothing to it: this
  // halves the time to index the 29,542 places.
  const folded = ASCII.test(text)
    ? text.toLowerCase().replace(/['`]/g, '')
    : text
        .normalize('NFKD')
        .toLowerCase()
        // Lower-casing can produce decomposable letters again (İ → i̇): decompose once more.
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(/['\u2018\u2019\u02bc`]/gu, '');
  let out = '';
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    out += (out === '' ? '' : ' ') + (ABBREVIATIONS.get(word) ?? word);
  }
  return out;
}

// Printable ASCII only: control characters take the Unicode path, which handles them too.
const ASCII = /^[\x20-\x7e]*$/;

/** A place index: built once by {@link createPlaceIndex}, read by the search functions. */
export interface PlaceIndex {
  /** Every place indexed, in the order given. */
  readonly places: readonly Place[];
}

/**
 * The population-weighted centre of a state's towns (the gazetteer of towns of 1,000+ people,
 * computed at build time: an approximation of the Census Bureau's centre of population), for a
 * search that names a state alone. Undefined for anything but the USPS code of one of the 50
 * states or DC, or when the index was built without centres.
 * @param state a two-letter USPS code, as {@link parseState} returns.
 */
export function stateCenter(index: PlaceIndex, state: string): LatLon | undefined {
  const center = (index as PlaceIndexData).stateCenters.get(state);
  return center && { lat: center.lat, lon: center.lon };
}

/** What createPlaceIndex builds; opaque to callers. */
interface PlaceIndexData extends PlaceIndex {
  /** Distinct normalised names, sorted (the binary-search keys of suggestions). */
  readonly keys: readonly string[];
  /** For each key, its places, biggest first ({@link bySize}). */
  readonly byKey: ReadonlyMap<string, readonly Place[]>;
  /** USPS code → the state's centre of population. */
  readonly stateCenters: ReadonlyMap<string, LatLon>;
  /**
   * Fuzzy indexes over the keys, built on first need: per first letter across all states
   * (`*g`), and per state (`MI`).
   */
  readonly fuzzy: Map<string, FuzzyIndex<string>>;
}

/**
 * Places, biggest first: by population, then by ZIPs (a post-office name that is no gazetteer
 * town has population 0, after every town); ties by name, then state, so the order never
 * depends on input order.
 */
function bySize(a: Place, b: Place): number {
  return (
    b.population - a.population ||
    b.zipCount - a.zipCount ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)
  );
}

/**
 * Indexes places for search. Builds only the exact and prefix structures (a few milliseconds for
 * the 33,907 places); the fuzzy index is built on the first typo-tolerant search.
 * @param places the places; a {@link PlaceList} brings its state centres ({@link stateCenter}).
 */
export function createPlaceIndex(places: readonly Place[] | PlaceList): PlaceIndex {
  const builder = createPlaceIndexBuilder(
    'stateCenters' in places ? places.stateCenters : undefined,
  );
  builder.add(places);
  return builder.finish();
}

/** {@link createPlaceIndex} a slice of places at a time: `add` them in order, then `finish`. */
export interface PlaceIndexBuilder {
  add(places: readonly Place[]): void;
  finish(): PlaceIndex;
}

/**
 * Builds a place index in steps, so a page can index the 33,907 places a few thousand per task
 * (about 30 ms in one go here, four times that on a mid-range phone). The result is the same as
 * {@link createPlaceIndex} over all the places added.
 * @param stateCenters the states' centres of population ({@link PlaceList.stateCenters}).
 */
export function createPlaceIndexBuilder(
  stateCenters: ReadonlyMap<string, LatLon> = new Map(),
): PlaceIndexBuilder {
  const all: Place[] = [];
  const byKey = new Map<string, Place[]>();
  return {
    add(places) {
      for (const place of places) {
        all.push(place);
        const key = normalizeName(place.name);
        const list = byKey.get(key);
        if (list) list.push(place);
        else byKey.set(key, [place]);
      }
    },
    finish() {
      for (const list of byKey.values()) list.sort(bySize);
      const keys = [...byKey.keys()].sort();
      const data: PlaceIndexData = { places: all, keys, byKey, stateCenters, fuzzy: new Map() };
      return data;
    },
  };
}

/** Visitor text is cut to this many characters before any search: bounded work for any input. */
export const MAX_QUERY_LENGTH = 100;

/**
 * Places named `name`: the places whose normalised name equals it (in every state, or in
 * `state` only), biggest first; when there is none, the closest names by typo-tolerant match
 * (restricted to `state` when given), best match first, then biggest first. Empty when nothing
 * is close.
 * @param state a two-letter USPS code, as {@link parseState} returns.
 */
export function findPlaces(index: PlaceIndex, name: string, state?: string): Place[] {
  const data = index as PlaceIndexData;
  const key = normalizeName(name.slice(0, MAX_QUERY_LENGTH));
  if (!key) return [];
  const inState = (p: Place) => state === undefined || p.state === state;
  const exact = (data.byKey.get(key) ?? []).filter(inState);
  if (exact.length) return exact;
  // Two letters match too much by accident to be worth a typo-tolerant search.
  if (key.length < 3) return [];
  return fuzzyPlaces(data, key, state, 50);
}

/**
 * Typo-tolerant matches: names by match score (in steps of 0.01), then places biggest first.
 * Across all states only names with the same first letter are compared (a typo in the first
 * letter is rare, and comparing ~2,000 names instead of 26,000 keeps a search within a
 * keystroke's time); within a state, all its names.
 */
function fuzzyPlaces(
  data: PlaceIndexData,
  key: string,
  state: string | undefined,
  limit: number,
): Place[] {
  const first = key.charAt(0);
  const scope = state === undefined ? `*${first}` : state;
  let fuzzy = data.fuzzy.get(scope);
  if (!fuzzy) {
    const keys =
      state === undefined
        ? data.keys.filter((k) => k.charAt(0) === first)
        : data.keys.filter((k) => data.byKey.get(k)?.some((p) => p.state === state));
    fuzzy = createFuzzyIndex(keys, []);
    data.fuzzy.set(scope, fuzzy);
  }
  const scored: { place: Place; score: number }[] = [];
  for (const match of searchFuzzy(fuzzy, key, limit)) {
    const score = Math.round(match.score * 100);
    for (const place of data.byKey.get(match.item) ?? []) {
      if (state === undefined || place.state === state) scored.push({ place, score });
    }
  }
  scored.sort((a, b) => a.score - b.score || bySize(a.place, b.place));
  return scored.slice(0, limit).map((s) => s.place);
}

/**
 * Suggestions as the visitor types: places whose normalised name starts with the text, biggest
 * first; text after a comma narrows them to the states whose code or name starts with it
 * (`grand rapids, m` → MI, MN). When no name starts with the text and it has at least four
 * letters, the closest names by typo-tolerant match instead. At most `limit` places.
 */
export function suggestPlaces(index: PlaceIndex, text: string, limit: number): Place[] {
  const data = index as PlaceIndexData;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  const comma = cut.indexOf(',');
  const key = normalizeName(comma < 0 ? cut : cut.slice(0, comma));
  if (!key || limit <= 0) return [];
  const states = comma < 0 ? undefined : statesStartingWith(cut.slice(comma + 1));
  const inStates = (p: Place) => states === undefined || states.has(p.state);
  const found: Place[] = [];
  // Keys are sorted: those starting with `key` are one run from its lower bound.
  const keys = data.keys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < keys.length && (keys[i] as string).startsWith(key); i++) {
    for (const place of data.byKey.get(keys[i] as string) ?? []) {
      if (inStates(place)) found.push(place);
    }
  }
  if (found.length) return topBiggest(found, limit);
  if (key.length < 4) return [];
  return fuzzyPlaces(data, key, undefined, 4 * limit)
    .filter(inStates)
    .slice(0, limit);
}

/** The `limit` biggest places, without sorting them all (a one-letter prefix matches ~3,000). */
function topBiggest(places: readonly Place[], limit: number): Place[] {
  const top: Place[] = [];
  for (const place of places) {
    if (top.length === limit && bySize(place, top[limit - 1] as Place) >= 0) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = place;
    while (i > 0 && bySize(top[i] as Place, top[i - 1] as Place) < 0) {
      [top[i - 1], top[i]] = [top[i] as Place, top[i - 1] as Place];
      i--;
    }
  }
  return top;
}

/** Codes of the states whose code or normalised name starts with `text`; all when it is empty. */
function statesStartingWith(text: string): ReadonlySet<string> | undefined {
  const key = normalizeName(text);
  if (!key) return undefined;
  const codes = new Set<string>();
  for (const [code, name] of STATES) {
    if (code.toLowerCase().startsWith(key) || normalizeName(name).startsWith(key)) codes.add(code);
  }
  return codes;
}

/** USPS codes and names of the 50 states and the District of Columbia. */
const STATES: readonly (readonly [string, string])[] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
];

/** Normalised state names and lower-case codes → code. */
const STATE_BY_KEY = new Map<string, string>(
  STATES.flatMap(([code, name]) => [
    [code.toLowerCase(), code],
    [normalizeName(name), code],
  ]),
);

/**
 * The USPS code of a state written as its code or its name, in any case and punctuation:
 * `MI`, `mi`, `Michigan`, `michigan` → `MI`; `D.C.` → `DC`. The 50 states and DC; undefined
 * for anything else.
 */
export function parseState(text: string): string | undefined {
  const key = normalizeName(text.slice(0, MAX_QUERY_LENGTH));
  return STATE_BY_KEY.get(key) ?? STATE_BY_KEY.get(key.replaceAll(' ', ''));
}

/** A state's name from its USPS code (`MI` → `Michigan`); undefined for an unknown code. */
export function stateName(code: string): string | undefined {
  return STATES.find(([c]) => c === code)?.[1];
}

// ------------------------------------------------------------------ the fuzzy matcher

/** A typo-tolerant index over items (strings, or objects searched by `keys`); opaque. */
export interface FuzzyIndex<T> {
  readonly items: readonly T[];
}

interface FuzzyIndexData<T> extends FuzzyIndex<T> {
  readonly fuse: Fuse<T>;
}

/** A fuzzy match: the item and its score, 0 (perfect) to 1 (no match). */
export interface FuzzyMatch<T> {
  item: T;
  score: number;
}

/** Scores above this are not matches: "los angelos" → "los angeles" scores ~0.1, noise ~0.5. */
const FUZZY_THRESHOLD = 0.35;

/**
 * Builds a typo-tolerant index (fuse.js). Items are compared as given: normalise them first
 * ({@link normalizeName}), and the query too.
 * @param keys the string properties of object items to match on; `[]` for string items.
 */
export function createFuzzyIndex<T>(items: readonly T[], keys: readonly string[]): FuzzyIndex<T> {
  const index: FuzzyIndexData<T> = {
    items,
    fuse: new Fuse([...items], {
      keys: [...keys],
      includeScore: true,
      threshold: FUZZY_THRESHOLD,
      // Match anywhere in the text, and let the length norm favour the shorter of two texts.
      ignoreLocation: true,
      isCaseSensitive: true,
    }),
  };
  return index;
}

/**
 * Longest query matched, in characters: fuse.js's bit-parallel matcher handles 32 at once and
 * splits longer patterns into pieces, several times slower (210 ms for 44 characters over the
 * place names, measured): no place name needs more.
 */
const MAX_FUZZY_LENGTH = 32;

/** The best fuzzy matches of `query` (cut to 32 characters), best first, at most `limit`. */
export function searchFuzzy<T>(
  index: FuzzyIndex<T>,
  query: string,
  limit: number,
): FuzzyMatch<T>[] {
  if (!query || limit <= 0) return [];
  return (index as FuzzyIndexData<T>).fuse
    .search(query.slice(0, MAX_FUZZY_LENGTH), { limit })
    .map((result) => ({ item: result.item, score: result.score ?? 1 }));
}
