// The words of the search box that are not places: the service synonyms' shape, the generic
// words ("physical therapy", "clinic", "near"…) and connectors the search drops, and the check
// of data/services.json that keeps the two apart. Shared by the build-time checker
// (scripts/check-clinics.ts) and the browser's reader (service-words.ts). Pure: no DOM, no Lit.
import { normalizeName, parseState } from './places.js';

/** One service's phrases, as data/services.json lists them (labels left out). */
export interface ServiceSynonyms {
  /** The service id (`back-pain`), as clinics list it in `services`. */
  readonly id: string;
  /** English phrases visitors type for it (`lower back pain`). */
  readonly synonyms?: readonly string[];
  /** Spanish phrases visitors type for it (`dolor de espalda`). */
  readonly synonyms_es?: readonly string[];
}

/** The phrases of every service, in data/services.json order. */
export type ServiceVocabulary = readonly ServiceSynonyms[];

/**
 * Words that say "a physical therapist" without naming a service or a place: dropped wherever
 * they are. Compared after {@link normalizeName}, so case, accents and punctuation do not count
 * (`Clínica` = `clinica`, `P.T.` = `pt`).
 */
export const GENERIC_PHRASES: readonly string[] = [
  'physical therapy',
  'physical therapist',
  'physical therapists',
  'physiotherapy',
  'physiotherapist',
  'physio',
  'pt',
  'p t',
  'therapist',
  'therapists',
  'therapy',
  'rehab',
  'rehabilitation',
  'clinic',
  'clinics',
  'best',
  'fisioterapia',
  'fisioterapeuta',
  'fisio',
  'terapia fisica',
  'terapia',
  'terapeuta',
  'rehabilitacion',
  'clinica',
  'clinicas',
];

/**
 * Connectors dropped at the edges of what remains or next to a dropped word (`sciatica in
 * Grand Rapids`, `in Denver`), but kept between two place words (`Lake in the Hills`).
 */
export const EDGE_CONNECTORS: readonly string[] = [
  'in',
  'at',
  'for',
  'around',
  'near',
  'nearby',
  'close to',
  'cerca',
  'cerca de',
  'en',
  'para',
];

/**
 * Joining words dropped only when both sides are dropped words or the edge of the text
 * (`back pain and sciatica`, `the best PT`), never beside a place word: `De Soto`, `The
 * Villages`, `La Crosse` and `Rough and Ready` begin with or hold one.
 */
export const JOINERS: readonly string[] = [
  'and',
  'or',
  'the',
  'a',
  'of',
  'with',
  'y',
  'o',
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'con',
];

/**
 * Phrases the query grammar reads itself ("near me" is the visitor's location): kept as typed,
 * even though they start with a connector.
 */
export const KEPT_PHRASES: readonly string[] = [
  'near me',
  'close to me',
  'cerca de mi',
  'my location',
  'mi ubicacion',
];

/** What is wrong with one entry of data/services.json. */
export interface ServiceProblem {
  /** The 1-based index of the service in the file; 0 for the whole file. */
  index: number;
  /** Its id, when it has a readable one. */
  id?: string;
  /** The field (`synonyms`, `synonyms_es`, `id`, …) or `(service)`, `(file)`. */
  field: string;
  message: string;
  /** The value as written, when there is one. */
  value?: string;
}

const FIELDS = ['id', 'label', 'label_es', 'synonyms', 'synonyms_es'];
const PHRASE_FIELDS = ['synonyms', 'synonyms_es'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every word the search treats as other than a service, normalised, with why. */
function reservedPhrases(): Map<string, string> {
  const reserved = new Map<string, string>();
  for (const p of GENERIC_PHRASES) reserved.set(p, 'a generic word, which the search drops');
  for (const p of [...EDGE_CONNECTORS, ...JOINERS]) {
    reserved.set(p, 'a connecting word, which the search drops');
  }
  for (const p of KEPT_PHRASES) reserved.set(p, 'a phrase the search reads itself');
  return reserved;
}

/**
 * Checks the parsed content of data/services.json: an array of `{ id, label, label_es?,
 * synonyms?, synonyms_es? }` with unique kebab-case ids, and synonyms that are arrays of
 * non-empty strings. After {@link normalizeName} each phrase must be unique across all services
 * and both languages (the search reads English and Spanish at once, and a phrase of two services
 * could not be one filter), and must be neither a generic or connecting word nor a US state name
 * or code (which the search reads as a place). Every problem is reported, in file order.
 */
export function checkServiceVocabulary(data: unknown): ServiceProblem[] {
  if (!Array.isArray(data)) {
    return [{ index: 0, field: '(file)', message: 'not an array of services' }];
  }
  const problems: ServiceProblem[] = [];
  const reserved = reservedPhrases();
  const ids = new Map<string, number>();
  const phrases = new Map<string, { index: number; id?: string; field: string }>();
  data.forEach((entry: unknown, i) => {
    const index = i + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ index, field: '(service)', message: 'not an object' });
      return;
    }
    const record = entry as Record<string, unknown>;
    const id = typeof record.id === 'string' && record.id !== '' ? record.id : undefined;
    const report = (field: string, message: string, value?: string) =>
      problems.push({ index, ...(id === undefined ? {} : { id }), field, message, value });
    for (const field of Object.keys(record)) {
      if (!FIELDS.includes(field)) report(field, 'unknown field');
    }
    if (id === undefined) report('id', 'required: a non-empty string');
    else if (!ID.test(id)) report('id', 'not a lower-case kebab-case id', id);
    else if (ids.has(id)) report('id', `duplicate id: first on service ${ids.get(id)}`, id);
    else ids.set(id, index);
    if (typeof record.label !== 'string' || record.label.trim() === '') {
      report('label', 'required: a non-empty string');
    }
    if (record.label_es !== undefined && typeof record.label_es !== 'string') {
      report('label_es', 'not a string');
    }
    for (const field of PHRASE_FIELDS) {
      const list = record[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        report(field, 'not an array of phrases', JSON.stringify(list));
        continue;
      }
      for (const phrase of list as unknown[]) {
        if (typeof phrase !== 'string' || phrase.trim() === '') {
          report(field, 'not a non-empty string', JSON.stringify(phrase));
          continue;
        }
        const key = normalizeName(phrase);
        const first = phrases.get(key);
        const why = reserved.get(key);
        if (key === '') report(field, 'has no letters or digits', phrase);
        else if (why) report(field, `${why}, not a service`, phrase);
        else if (parseState(key))
          report(field, 'a US state, which the search reads as a place', phrase);
        else if (first) {
          const where = `service ${first.index}${first.id === undefined ? '' : ` (${first.id})`}`;
          report(field, `duplicate phrase: first in ${first.field} of ${where}`, phrase);
        } else phrases.set(key, { index, ...(id === undefined ? {} : { id }), field });
      }
    }
  });
  return problems;
}

/**
 * One problem as `data:check` prints it: `data/services.json:service 4 (sports-injury):
 * synonyms: what is wrong (value)`; a whole-file problem has no service.
 */
export function formatServiceProblem(file: string, p: ServiceProblem): string {
  const where =
    p.index <= 0 ? file : `${file}:service ${p.index}${p.id === undefined ? '' : ` (${p.id})`}`;
  return `${where}: ${p.field}: ${p.message}${p.value === undefined ? '' : ` (${p.value})`}`;
}
