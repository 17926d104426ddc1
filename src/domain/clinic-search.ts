// Clinic and organization name search: prefix and word-prefix matches first, typo-tolerant
// matches after, word by word over the distinct words of the names (through the fuzzy index of
// places.ts, the one module that imports fuse.js).
// Pure: no DOM, no Lit.
import type { Clinic } from './clinic.js';
import {
  MAX_QUERY_LENGTH,
  createFuzzyIndex,
  normalizeName,
  searchFuzzy,
  type FuzzyIndex,
} from './places.js';

/** A clinic index: built once by {@link createClinicIndex}, read by the search functions. */
export interface ClinicIndex {
  /** Every clinic indexed, in the order given. */
  readonly clinics: readonly Clinic[];
}

interface Entry {
  clinic: Clinic;
  /** Normalised name and organization. */
  name: string;
  organization: string;
}

/** An organization and its clinics, in index order. */
export interface OrganizationMatch {
  organization: string;
  clinics: Clinic[];
}

interface ClinicIndexData extends ClinicIndex {
  readonly entries: readonly Entry[];
  /** Organizations by normalised name. */
  readonly organizations: ReadonlyMap<string, OrganizationMatch>;
  /** Built on the first typo-tolerant search. */
  words?: WordIndex;
}

/**
 * The words of every name and organization, for typo-tolerant search: which entries hold each
 * word, and a fuzzy index per first letter over the distinct words (built when first needed).
 */
interface WordIndex {
  /** Distinct word → indices into `entries` of the clinics whose name or organization has it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Distinct words by first letter. */
  readonly byLetter: ReadonlyMap<string, readonly string[]>;
  readonly fuzzy: Map<string, FuzzyIndex<string>>;
}

/**
 * Indexes clinics by name and organization. Linear in the number of clinics, and lazy: the
 * names are normalised on the first search by name, not here, so a ZIP search over 50,000
 * clinics never pays for it (80 ms in one task). Each distinct name is normalised once.
 */
export function createClinicIndex(clinics: readonly Clinic[]): ClinicIndex {
  let built: { entries: Entry[]; organizations: Map<string, OrganizationMatch> } | undefined;
  const build = () => {
    if (built) return built;
    const organizations = new Map<string, OrganizationMatch>();
    const normalized = new Map<string, string>();
    const normalize = (text: string) => {
      let out = normalized.get(text);
      if (out === undefined) {
        out = normalizeName(text);
        normalized.set(text, out);
      }
      return out;
    };
    const entries = clinics.map((clinic) => {
      const entry = {
        clinic,
        name: normalize(clinic.name),
        organization: normalize(clinic.organization),
      };
      const org = organizations.get(entry.organization);
      if (org) org.clinics.push(clinic);
      else
        organizations.set(entry.organization, {
          organization: clinic.organization,
          clinics: [clinic],
        });
      return entry;
    });
    built = { entries, organizations };
    return built;
  };
  const data: ClinicIndexData = {
    clinics,
    get entries() {
      return build().entries;
    },
    get organizations() {
      return build().organizations;
    },
  };
  return data;
}

/**
 * How well a normalised text matches a query: 0 the same, 1 a prefix, 2 a word of it starts
 * with the query, undefined otherwise. `spaced` is the query after a space.
 */
function rank(text: string, key: string, spaced: string): number | undefined {
  if (text === key) return 0;
  if (text.startsWith(key)) return 1;
  if (text.includes(spaced)) return 2;
  return undefined;
}

/** Orders matches by tier, then by name. */
function byTierThenName(
  a: { clinic: Clinic; tier: number },
  b: { clinic: Clinic; tier: number },
): number {
  return (
    a.tier - b.tier || (a.clinic.name < b.clinic.name ? -1 : a.clinic.name > b.clinic.name ? 1 : 0)
  );
}

/**
 * Clinics whose name or organization matches the text without typos: exact name, name prefix,
 * organization prefix, then a word of the name or organization starting with the text; within a
 * tier, by name. At most `limit`: only the best `limit` are kept while scanning, so two letters
 * matching thousands of clinics cost no sort of thousands.
 */
function prefixMatches(data: ClinicIndexData, key: string, limit: number): Clinic[] {
  const spaced = ` ${key}`;
  const top: { clinic: Clinic; tier: number }[] = [];
  for (const e of data.entries) {
    const byName = rank(e.name, key, spaced);
    const byOrg = rank(e.organization, key, spaced);
    // Name tiers 0, 1; organization prefix 2; a word of either 3.
    const tier =
      byName !== undefined && byName < 2
        ? byName
        : byOrg !== undefined && byOrg < 2
          ? 2
          : byName !== undefined || byOrg !== undefined
            ? 3
            : undefined;
    if (tier === undefined) continue;
    const match = { clinic: e.clinic, tier };
    const last = top[top.length - 1];
    if (top.length >= limit && (!last || byTierThenName(match, last) >= 0)) continue;
    // Insert in order (the list is at most `limit` long), dropping the worst when full.
    let at = top.length;
    for (let above = top[at - 1]; above && byTierThenName(match, above) < 0; above = top[at - 1]) {
      at--;
    }
    top.splice(at, 0, match);
    if (top.length > limit) top.pop();
  }
  return top.map((r) => r.clinic);
}

function wordIndex(entries: readonly Entry[]): WordIndex {
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const word of new Set(`${e.name} ${e.organization}`.split(' '))) {
      if (!word) continue;
      const list = postings.get(word);
      if (list) list.push(i);
      else postings.set(word, [i]);
    }
  });
  const byLetter = new Map<string, string[]>();
  for (const word of postings.keys()) {
    const list = byLetter.get(word.charAt(0));
    if (list) list.push(word);
    else byLetter.set(word.charAt(0), [word]);
  }
  return { postings, byLetter, fuzzy: new Map() };
}

/** Shortest word of the query matched with typos; shorter ones must be a word's start. */
const MIN_TYPO_WORD = 4;
/** Most index words one word of the query may stand for (its closest ones). */
const WORD_CANDIDATES = 40;

/**
 * The index words one word of the query may stand for, each with a score (0 the same word, up to
 * 1): words it starts (the visitor may still be typing it) and, from four letters, words within
 * a few typos with the same first letter (a typo in the first letter is rare, and comparing a
 * few thousand words instead of every clinic keeps a search within a keystroke's time).
 */
function wordMatches(words: WordIndex, query: string): Map<string, number> {
  const found = new Map<string, number>();
  const first = query.charAt(0);
  const letter = words.byLetter.get(first) ?? [];
  for (const word of letter) {
    if (word === query) found.set(word, 0);
    else if (word.startsWith(query)) found.set(word, 0.05);
  }
  if (query.length >= MIN_TYPO_WORD) {
    let fuzzy = words.fuzzy.get(first);
    if (!fuzzy) {
      fuzzy = createFuzzyIndex(letter, []);
      words.fuzzy.set(first, fuzzy);
    }
    for (const m of searchFuzzy(fuzzy, query, WORD_CANDIDATES)) {
      // Of two words as many typos away, the one closer in length ("physo": physio, physical).
      const length = 0.01 * Math.abs(m.item.length - query.length);
      if (!found.has(m.item)) found.set(m.item, Math.max(m.score, 0.05) + length);
    }
  }
  return found;
}

/**
 * Typo-tolerant matches: clinics whose name or organization has, for every word of the text, a
 * word that starts with it or is within a few typos of it (four letters or more); best total
 * score first, then by name. Searches the distinct words, not every clinic: a few milliseconds
 * at 50,000 clinics, where comparing the query with every name took a third of a second.
 */
function fuzzyMatches(data: ClinicIndexData, key: string, limit: number): Clinic[] {
  data.words ??= wordIndex(data.entries);
  const words = data.words;
  const perWord = key.split(' ').map((query) => wordMatches(words, query));
  if (perWord.some((m) => m.size === 0)) return [];
  // Score each entry by its best word for each query word; an entry must match all of them.
  const totals = new Map<number, number>();
  perWord.forEach((matches, q) => {
    const best = new Map<number, number>();
    for (const [word, score] of matches) {
      for (const i of words.postings.get(word) ?? []) {
        if (q > 0 && !totals.has(i)) continue;
        const previous = best.get(i);
        if (previous === undefined || score < previous) best.set(i, score);
      }
    }
    if (q === 0) for (const [i, score] of best) totals.set(i, score);
    else
      for (const [i, total] of totals) {
        const score = best.get(i);
        if (score === undefined) totals.delete(i);
        else totals.set(i, total + score);
      }
  });
  const ranked: { clinic: Clinic; score: number }[] = [];
  for (const [i, score] of totals) {
    const entry = data.entries[i];
    if (entry) ranked.push({ clinic: entry.clinic, score });
  }
  ranked.sort(
    (a, b) =>
      a.score - b.score ||
      (a.clinic.name < b.clinic.name ? -1 : a.clinic.name > b.clinic.name ? 1 : 0),
  );
  return ranked.slice(0, limit).map((r) => r.clinic);
}

/**
 * Clinics matching a name the visitor typed: exact and prefix matches (see
 * {@link suggestClinics}), else typo-tolerant matches (4 characters or more), best first. At
 * most `limit`.
 */
export function findClinics(index: ClinicIndex, text: string, limit: number): Clinic[] {
  const data = index as ClinicIndexData;
  const key = normalizeName(text.slice(0, MAX_QUERY_LENGTH));
  if (!key || limit <= 0) return [];
  const found = prefixMatches(data, key, limit);
  if (found.length || key.length < 4) return found;
  return fuzzyMatches(data, key, limit);
}

/**
 * Suggestions as the visitor types: clinics whose name is the text, starts with it, whose
 * organization starts with it, or with a word of either starting with it, in that order; when
 * none and the text has 4 characters or more, typo-tolerant matches. At most `limit`.
 */
export function suggestClinics(index: ClinicIndex, text: string, limit: number): Clinic[] {
  return findClinics(index, text, limit);
}

/**
 * The organization the text names: the one whose normalised name equals the text; else, when
 * every clinic whose name or organization starts with the text belongs to one organization
 * with two or more clinics, that one. Undefined otherwise (a clinic of its own is a clinic).
 */
export function findOrganization(index: ClinicIndex, text: string): OrganizationMatch | undefined {
  const data = index as ClinicIndexData;
  const key = normalizeName(text.slice(0, MAX_QUERY_LENGTH));
  if (!key) return undefined;
  const exact = data.organizations.get(key);
  if (exact && exact.clinics.length >= 2) return exact;
  let only: string | undefined;
  for (const e of data.entries) {
    if (!e.name.startsWith(key) && !e.organization.startsWith(key)) continue;
    if (only !== undefined && only !== e.organization) return undefined;
    only = e.organization;
  }
  if (only === undefined || !only.startsWith(key)) return undefined;
  const match = data.organizations.get(only);
  return match && match.clinics.length >= 2 ? match : undefined;
}
