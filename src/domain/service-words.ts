// The services a visitor names in the search box ("back pain 49503", "sciatica in Grand
// Rapids", "dolor de espalda"), and what remains for the place search once they and the generic
// words ("physical therapy", "clinic", "near") are taken out. The synonyms come from
// data/services.json through `virtual:clinic-locator-service-words`, which only this module
// imports, so that they load with the search chunk and never with the first load. Pure: no DOM,
// no Lit.
import shippedVocabulary from 'virtual:clinic-locator-service-words';
import { MAX_QUERY_LENGTH, normalizeName, parseState } from './places.js';
import {
  EDGE_CONNECTORS,
  GENERIC_PHRASES,
  JOINERS,
  KEPT_PHRASES,
  type ServiceVocabulary,
} from './service-vocabulary.js';

export type { ServiceSynonyms, ServiceVocabulary } from './service-vocabulary.js';

/** What {@link readServiceWords} found in a query. */
export interface ServiceWords {
  /** The ids of the services named, in order of appearance, each once. */
  services: string[];
  /**
   * What remains, in the visitor's own spelling (a place, a ZIP, a clinic name, "near me"),
   * without the service phrases, generic words and stray connectors; trimmed. The input itself
   * (trimmed) when nothing was taken out.
   */
  rest: string;
  /** Whether a generic word or connector ("physical therapy", "clinic", "in") was dropped. */
  dropped: boolean;
}

/**
 * The shipped vocabulary: every service's id and its English and Spanish synonyms, from
 * data/services.json (documented in data/README.md), in file order.
 */
export function serviceVocabulary(): ServiceVocabulary {
  return shippedVocabulary;
}

/** What a phrase is to the search. */
type Kind = 'service' | 'generic' | 'edge' | 'joiner' | 'kept';

interface Matcher {
  /** Normalised phrase → what it is (and its service). */
  readonly phrases: ReadonlyMap<string, { kind: Kind; id?: string }>;
  /** Words in the longest phrase. */
  readonly longest: number;
}

// Compiled matchers, by vocabulary: a vocabulary is immutable data (the shipped one is loaded
// once), so every widget on the page may share its matcher; the WeakMap lets a test's go.
const matchers = new WeakMap<ServiceVocabulary, Matcher>();

function matcherFor(vocabulary: ServiceVocabulary): Matcher {
  let matcher = matchers.get(vocabulary);
  if (matcher) return matcher;
  const phrases = new Map<string, { kind: Kind; id?: string }>();
  const add = (phrase: string, kind: Kind, id?: string) => {
    const key = normalizeName(phrase);
    // The first meaning wins: data:check keeps services apart from the reserved words and from
    // each other, so this only settles what an unchecked vocabulary (a test's) would make ambiguous.
    if (key !== '' && !phrases.has(key))
      phrases.set(key, id === undefined ? { kind } : { kind, id });
  };
  for (const p of KEPT_PHRASES) add(p, 'kept');
  for (const p of GENERIC_PHRASES) add(p, 'generic');
  for (const p of EDGE_CONNECTORS) add(p, 'edge');
  for (const p of JOINERS) add(p, 'joiner');
  for (const service of vocabulary) {
    for (const p of [...(service.synonyms ?? []), ...(service.synonyms_es ?? [])]) {
      add(p, 'service', service.id);
    }
  }
  let longest = 1;
  for (const key of phrases.keys()) longest = Math.max(longest, key.split(' ').length);
  matcher = { phrases, longest };
  matchers.set(vocabulary, matcher);
  return matcher;
}

/** One normalised word and where it was in the input. */
interface Word {
  key: string;
  start: number;
  end: number;
}

/** A run of words that is one phrase, or one place word. */
interface Token {
  kind: Kind | 'place';
  id?: string;
  /** Index of its first word. */
  from: number;
  /** Index after its last word. */
  to: number;
  /** A connector or joiner taken out. */
  drop?: boolean;
}

// What normalizeName keeps as (part of) a word, plus the apostrophes it deletes inside one.
const WORD = /[\p{L}\p{N}\p{M}'\u2018\u2019\u02bc`]+/gu;
const DIGITS = /^\d+$/;

/** The input's words, normalised, with their places in it. */
function wordsOf(input: string): Word[] {
  const words: Word[] = [];
  for (const m of input.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    // normalizeName may make one token into several words (`½` → `1 2`) or none (`'`).
    for (const key of normalizeName(m[0]).split(' ')) {
      if (key !== '') words.push({ key, start, end });
    }
  }
  return words;
}

/** Phrases, longest first, left to right; words no phrase claims are place words. */
function tokensOf(words: readonly Word[], matcher: Matcher): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < words.length;) {
    let found: Token | undefined;
    for (let len = Math.min(matcher.longest, words.length - i); len >= 1 && !found; len--) {
      const key = words
        .slice(i, i + len)
        .map((w) => w.key)
        .join(' ');
      const phrase = matcher.phrases.get(key);
      if (phrase) found = { ...phrase, from: i, to: i + len };
    }
    found ??= { kind: 'place', from: i, to: i + 1 };
    tokens.push(found);
    i = found.to;
  }
  return tokens;
}

/**
 * The index after the state that directly follows word `at` (`MI`, `New York`), when nothing
 * but digits (a ZIP) comes after it; -1 otherwise. A state code that is also a connector (`IN`,
 * `DE`, `OR`, `LA`) counts only after a comma or in capitals: `Pelvic, IN`, `Pelvic IN`, not
 * `pelvic in Denver` or a half-typed `sciatica in`.
 */
function stateAfter(input: string, words: readonly Word[], at: number, matcher: Matcher): number {
  for (let len = 1; len <= 3 && at + len <= words.length; len++) {
    const stateWords = words.slice(at, at + len);
    const key = stateWords.map((w) => w.key).join(' ');
    if (!parseState(key)) continue;
    if (!words.slice(at + len).every((w) => DIGITS.test(w.key))) continue;
    const kind = matcher.phrases.get(key)?.kind;
    if (kind === 'edge' || kind === 'joiner') {
      const first = stateWords[0] as Word;
      const typed = input.slice(first.start, first.end);
      const gap = at > 0 ? input.slice((words[at - 1] as Word).end, first.start) : '';
      if (!gap.includes(',') && typed !== typed.toUpperCase()) continue;
    }
    return at + len;
  }
  return -1;
}

/**
 * A one-word service phrase followed directly by a state is a town of that name (`Pelvic, MI`,
 * `Bird in Hand, PA`, `Wounded Knee SD`): it and the state become place words.
 */
function townsBeforeStates(
  input: string,
  words: readonly Word[],
  tokens: Token[],
  matcher: Matcher,
): void {
  for (const token of tokens) {
    if (token.kind !== 'service' || token.to - token.from !== 1) continue;
    const stateEnd = stateAfter(input, words, token.to, matcher);
    if (stateEnd < 0) continue;
    for (const t of tokens) {
      if (t === token || (t.from >= token.to && t.to <= stateEnd)) {
        t.kind = 'place';
        delete t.id;
      }
    }
  }
}

/**
 * A connector that is a state code where a state stands (`back pain, DE`, `sciatica IN`, by
 * {@link stateAfter}) is a place word, not a connector.
 */
function statesNotConnectors(
  input: string,
  words: readonly Word[],
  tokens: Token[],
  matcher: Matcher,
): void {
  for (const t of tokens) {
    if (
      (t.kind === 'edge' || t.kind === 'joiner') &&
      stateAfter(input, words, t.from, matcher) === t.to
    ) {
      t.kind = 'place';
    }
  }
}

/**
 * Marks the connectors to take out: an edge connector (`in`, `near`, `en`) at either edge of the
 * text or beside a taken-out word; a joiner (`and`, `de`, `the`) only when both its sides are
 * edges or taken-out words. Repeated until nothing changes, so `the best PT in` goes in full.
 */
function dropConnectors(tokens: Token[]): void {
  const out = (t: Token | undefined) =>
    t === undefined || t.kind === 'service' || t.kind === 'generic' || t.drop === true;
  for (let changed = true; changed;) {
    changed = false;
    tokens.forEach((t, i) => {
      if ((t.kind !== 'edge' && t.kind !== 'joiner') || t.drop) return;
      const left = out(tokens[i - 1]);
      const right = out(tokens[i + 1]);
      if (t.kind === 'edge' ? left || right : left && right) {
        t.drop = true;
        changed = true;
      }
    });
  }
}

/** The text of the tokens kept, in the visitor's spelling: runs joined by `, ` or a space. */
function restOf(input: string, words: readonly Word[], tokens: readonly Token[]): string {
  const runs: { start: number; end: number }[] = [];
  let previous = -2;
  tokens.forEach((t, i) => {
    if (t.kind === 'service' || t.kind === 'generic' || t.drop) return;
    const start = (words[t.from] as Word).start;
    const end = (words[t.to - 1] as Word).end;
    const last = runs.at(-1);
    if (last && previous === i - 1) last.end = end;
    else runs.push({ start, end });
    previous = i;
  });
  let rest = '';
  let lastEnd = -1;
  for (const run of runs) {
    let { start, end } = run;
    // A sign belongs to the number after it (`-85.66`); periods to the abbreviation before
    // them (`St.`, `D.C.`).
    if (/[-+]/.test(input[start - 1] ?? '') && !/[\p{L}\p{N}]/u.test(input[start - 2] ?? '')) {
      start--;
    }
    while (input[end] === '.') end++;
    if (rest !== '') rest += input.slice(lastEnd, start).includes(',') ? ', ' : ' ';
    rest += input.slice(start, end);
    lastEnd = end;
  }
  return rest;
}

/**
 * Finds the service phrases and generic words in what a visitor typed, and what remains.
 *
 * - Phrases are compared after {@link normalizeName} (case, accents, apostrophes and punctuation
 *   do not count), as whole words (`back` is not in `Backus`), longest first (`knee replacement`
 *   before `knee`), English and Spanish at once; any number of services per query.
 * - Generic words (`physical therapy`, `PT`, `clinic`, `best`, `fisioterapia`…) are dropped
 *   anywhere. Connectors are dropped at the edges and beside a dropped word (`sciatica in Grand
 *   Rapids`), never between place words (`Lake in the Hills`, `De Soto`, `The Villages`).
 * - `near me`, `cerca de mí`, `my location`, `mi ubicación` are left in `rest` as typed.
 * - A one-word service phrase followed directly by a state is a town: `Pelvic` is pelvic-health,
 *   `Pelvic, MI` a place.
 *
 * The input is cut to {@link MAX_QUERY_LENGTH} characters first; any input is safe.
 * @param vocabulary the services' synonyms; the shipped ones ({@link serviceVocabulary}) by default.
 */
export function readServiceWords(
  text: string,
  vocabulary: ServiceVocabulary = shippedVocabulary,
): ServiceWords {
  const input = (typeof text === 'string' ? text : '').slice(0, MAX_QUERY_LENGTH);
  const matcher = matcherFor(vocabulary);
  const words = wordsOf(input);
  const tokens = tokensOf(words, matcher);
  townsBeforeStates(input, words, tokens, matcher);
  statesNotConnectors(input, words, tokens, matcher);
  dropConnectors(tokens);
  const services: string[] = [];
  let dropped = false;
  for (const t of tokens) {
    if (t.kind === 'service' && t.id !== undefined && !services.includes(t.id)) {
      services.push(t.id);
    }
    if (t.kind === 'generic' || t.drop) dropped = true;
  }
  const removed = dropped || tokens.some((t) => t.kind === 'service');
  return { services, rest: removed ? restOf(input, words, tokens) : input.trim(), dropped };
}
