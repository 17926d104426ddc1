// The shape of what visitors type, before any table is searched: invisible characters and
// full-width digits, a ZIP with the noise people put around it ("ZIP: 49503", "49503, USA"), a
// place and a ZIP in either order, coordinates, "near me" in English and Spanish, a state alone,
// the nicknames of big cities, and service words ("back pain 49503"). Pure: no DOM, no Lit.
import { MAX_QUERY_LENGTH, normalizeName, parseState } from './places.js';
import { normalizeZip } from './zip-table.js';

/** What the words of a query name, once its service words are taken out. */
export type QueryShape =
  /** Nothing left to search from (nothing typed, or only service or generic words). */
  | { kind: 'empty' }
  /** "near me", "cerca de mí": the same as "Use my location". */
  | { kind: 'near-me' }
  /** Decimal degrees, west negative (`42.96, -85.67`, `42.96° N 85.67° W`). */
  | { kind: 'coordinates'; lat: number; lon: number }
  /** A ZIP (5 digits), and the place named beside it, if any (`Grand Rapids, MI 49503`). */
  | { kind: 'zip'; zip: string; place?: string }
  /** A state's name or code alone (`Michigan`, `MI`). */
  | { kind: 'state'; state: string }
  /** Only a country's name (`USA`), or no letters or digits at all (`!!!`): nothing to find. */
  | { kind: 'unreadable' }
  /** Words to look up as a place, a clinic or an organization; `nickname`: from the table. */
  | { kind: 'words'; text: string; nickname?: string };

/** A query read: its shape, and the services its words named (ids of data/services.json). */
export interface ParsedQuery {
  shape: QueryShape;
  services: string[];
}

/** Reads service words out of text: the services named, and the text left, as typed. */
export type ServiceReader = (text: string) => { services: string[]; rest: string };

// Zero-width characters, the byte-order mark, soft hyphen and bidi controls: pasted along
// invisibly from chats, spreadsheets and right-to-left pages.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * The text as typed, made plain: Unicode NFKC (full-width digits and letters read as ASCII),
 * invisible and bidi control characters removed, runs of white space one space, trimmed, and
 * cut to {@link MAX_QUERY_LENGTH} characters.
 */
export function cleanQuery(input: string): string {
  return input
    .slice(0, MAX_QUERY_LENGTH * 2)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/** What people type for "where I am", normalised (see normalizeName). */
const NEAR_ME = new Set([
  'near me',
  'nearby',
  'close to me',
  'closest',
  'nearest',
  'closest to me',
  'nearest to me',
  'around me',
  'my location',
  'my current location',
  'current location',
  'use my location',
  'near my location',
  'where i am',
  'here',
  'cerca',
  'cerca de mi',
  'cerca de aqui',
  'mi ubicacion',
  'mi ubicacion actual',
  'ubicacion actual',
  'usar mi ubicacion',
  'cerca de mi ubicacion',
  'aqui',
  'la mas cercana',
  'mas cercana',
  'mas cercano',
]);

/**
 * Nicknames and abbreviations of big US cities, normalised, and the place each means ("City,
 * ST" as the place table writes it). Two-letter state codes are never nicknames here ("LA" is
 * Louisiana, "SD" South Dakota), except where the city is what people mean: none today.
 */
export const NICKNAMES: ReadonlyMap<string, string> = new Map([
  ['nyc', 'New York, NY'],
  ['ny city', 'New York, NY'],
  ['new york city', 'New York, NY'],
  ['the big apple', 'New York, NY'],
  ['big apple', 'New York, NY'],
  ['manhattan ny', 'New York, NY'],
  ['dc', 'Washington, DC'],
  ['d c', 'Washington, DC'],
  ['washington dc', 'Washington, DC'],
  ['l a', 'Los Angeles, CA'],
  ['sf', 'San Francisco, CA'],
  ['san fran', 'San Francisco, CA'],
  ['philly', 'Philadelphia, PA'],
  ['vegas', 'Las Vegas, NV'],
  ['chi town', 'Chicago, IL'],
  ['chitown', 'Chicago, IL'],
  ['nola', 'New Orleans, LA'],
  ['kc', 'Kansas City, MO'],
  ['stl', 'St. Louis, MO'],
  ['atl', 'Atlanta, GA'],
  ['slc', 'Salt Lake City, UT'],
  ['okc', 'Oklahoma City, OK'],
  ['indy', 'Indianapolis, IN'],
  ['pdx', 'Portland, OR'],
  ['abq', 'Albuquerque, NM'],
  ['dfw', 'Dallas, TX'],
  ['htown', 'Houston, TX'],
  ['h town', 'Houston, TX'],
  ['jax', 'Jacksonville, FL'],
  ['sacto', 'Sacramento, CA'],
  ['bmore', 'Baltimore, MD'],
  ['cbus', 'Columbus, OH'],
  ['cincy', 'Cincinnati, OH'],
  ['nashvegas', 'Nashville, TN'],
  ['twin cities', 'Minneapolis, MN'],
  ['motor city', 'Detroit, MI'],
  ['beantown', 'Boston, MA'],
  ['san antone', 'San Antonio, TX'],
  ['the bay', 'San Francisco, CA'],
  ['bay area', 'San Francisco, CA'],
  ['ftw', 'Fort Worth, TX'],
  ['st pete', 'St. Petersburg, FL'],
  ['sin city', 'Las Vegas, NV'],
]);

/** Words around a ZIP that say "this is a ZIP" or "in the US", normalised. */
const ZIP_WORDS = new Set(['zip', 'zipcode', 'zip code', 'postal code', 'codigo postal', 'cp']);
const COUNTRY = new Set([
  'usa',
  'us',
  'u s',
  'u s a',
  'united states',
  'united states of america',
  'america',
  'estados unidos',
  'eeuu',
  'ee uu',
]);

/** Five digits standing alone (not inside a longer number), with an optional `-1234`. */
const ZIP_IN_TEXT = /(?<!\d|\d\.)(\d{5})(?:-\d{4})?(?!\d|\.\d)/g;
/** Degrees: `42.96`, `-85.67`, with an optional `°` and hemisphere letter. */
const DEGREES = String.raw`([+-]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEWnsew])?`;
const COORDINATES = new RegExp(String.raw`^${DEGREES}\s*[,;/\s]\s*${DEGREES}$`);

/**
 * Reads a query's shape. `readServices` takes the service words out first (the service words
 * of data/services.json); without it no word is a service. Never throws.
 */
export function parseQuery(input: string, readServices?: ServiceReader): ParsedQuery {
  const text = cleanQuery(input);
  if (!text) return { shape: { kind: 'empty' }, services: [] };
  if (!normalizeName(text)) return { shape: { kind: 'unreadable' }, services: [] };
  const whole = normalizeZip(text);
  if (whole) return { shape: { kind: 'zip', zip: whole }, services: [] };
  const coordinates = parseCoordinates(text);
  if (coordinates) return { shape: coordinates, services: [] };
  const { services, rest } = readServices?.(text) ?? { services: [], rest: text };
  return { shape: shapeOf(rest), services };
}

function shapeOf(text: string): QueryShape {
  const key = normalizeName(text);
  if (!key) return { kind: 'empty' };
  if (NEAR_ME.has(key)) return { kind: 'near-me' };

  const zip = zipIn(text);
  if (zip) return zip;

  const place = withoutAreaWords(withoutCountry(text));
  if (place === '') return { kind: 'unreadable' };
  const placeKey = normalizeName(place);
  const nickname = NICKNAMES.get(placeKey);
  if (nickname) return { kind: 'words', text: nickname, nickname: place };
  const state = parseState(place);
  if (state !== undefined) return { kind: 'state', state };
  return { kind: 'words', text: place };
}

/** The one ZIP in the text, and the place words beside it (noise removed). */
function zipIn(text: string): QueryShape | undefined {
  const found = [...text.matchAll(ZIP_IN_TEXT)];
  const zips = new Set(found.map((m) => m[1]));
  if (zips.size !== 1) return undefined;
  const zip = found[0]?.[1];
  if (zip === undefined) return undefined;
  let rest = text;
  for (const m of found) rest = rest.replace(m[0], ' ');
  // "ZIP:", "zip code", "#" before it; ", USA" after: not a place.
  const words = withoutCountry(rest)
    .split(/(?=[,;])|\s+/)
    .filter((w) => w !== '');
  const kept = dropZipWords(words).join(' ');
  const place = trimPunctuation(kept.replace(/\s+,/g, ','));
  if (normalizeName(place) === '') return { kind: 'zip', zip };
  return { kind: 'zip', zip, place };
}

/** Words without the "zip" / "zip code" / "postal code" phrases (compared normalised). */
function dropZipWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const one = normalizeName(words[i] as string);
    const two = i + 1 < words.length ? `${one} ${normalizeName(words[i + 1] as string)}` : '';
    if (two && ZIP_WORDS.has(two)) i++;
    else if (one === '' || !ZIP_WORDS.has(one)) out.push(words[i] as string);
  }
  return out.filter((w) => w !== '#' && w !== ':');
}

/** The text without a country name at its end ("Grand Rapids, MI, USA"), or '' when only that. */
function withoutCountry(text: string): string {
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const tail = normalizeName(words.slice(-n).join(' '));
    if (tail !== '' && COUNTRY.has(tail)) {
      return trimPunctuation(words.slice(0, -n).join(' '));
    }
  }
  return trimPunctuation(text);
}

/** Words around a place that only say "around there": `near`, `around`, `area`, `metro`. */
const AREA_BEFORE = /^(?:near|around|close to|in|cerca de|en|alrededor de)\s+/i;
const AREA_AFTER = /\s+(?:metro area|metro|area|region|vicinity|y alrededores|zona)$/i;

/** The place words without "around" / "area" noise; the text itself when only noise is left. */
function withoutAreaWords(text: string): string {
  const bare = trimPunctuation(text.replace(AREA_BEFORE, '').replace(AREA_AFTER, ''));
  return bare === '' ? text : bare;
}

/** Punctuation, `#` and white space off both ends. */
function trimPunctuation(text: string): string {
  return text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/** `lat, lon` in decimal degrees, hemisphere letters or signs; undefined when not that. */
export function parseCoordinates(text: string): QueryShape | undefined {
  const m = COORDINATES.exec(text);
  if (!m) return undefined;
  const [, a = '', hemiA, b = '', hemiB] = m;
  // Two plain integers are not coordinates (two ZIPs, a street number): one needs decimals.
  if (!a.includes('.') && !b.includes('.')) return undefined;
  const signed = (value: string, hemisphere: string | undefined) =>
    /[SWsw]/.test(hemisphere ?? '') ? -Math.abs(Number(value)) : Number(value);
  let lat = signed(a, hemiA);
  let lon = signed(b, hemiB);
  // Longitude first, when the letters say so (`85.67 W, 42.96 N`).
  if (/[EWew]/.test(hemiA ?? '') && /[NSns]/.test(hemiB ?? '')) [lat, lon] = [lon, lat];
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { kind: 'coordinates', lat, lon };
}

/**
 * Edit distance between two strings (insertions, deletions, substitutions and swaps of
 * neighbours each cost 1), stopping early above `max`: how far a typed name is from a known one.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}
