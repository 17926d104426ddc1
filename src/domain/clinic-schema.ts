// The schema of one raw clinic record (a CSV row or a JSON object): per-field checks and
// conversions, written with valibot. The only module that imports valibot (about 1.6 KB gzip in
// the bundle, and no `new Function`, so a strict CSP raises no report). Cross-field and
// cross-record checks (coordinates against the ZIP point, duplicates) are in clinic-check.ts.
import * as v from 'valibot';
import {
  ACCESSIBILITY_FEATURES,
  CLINIC_STATUSES,
  type AccessibilityFeature,
  type ClinicStatus,
} from './clinic.js';
import { parseHours, parseSpecialHours } from './hours.js';
import { phoneDigits, safeHttpUrl } from './links.js';

/** Every column of a clinic file, in the documented order. */
export const CLINIC_COLUMNS = [
  'id',
  'name',
  'organization',
  'address1',
  'address2',
  'city',
  'state',
  'zip',
  'lat',
  'lon',
  'phone',
  'website',
  'booking_url',
  'services',
  'telehealth',
  'languages',
  'hours',
  'timezone',
  'insurance',
  'accepting_new_patients',
  'status',
  'status_note',
  'special_hours',
  'accessibility',
] as const;

/** A column of a clinic file. */
export type ClinicColumn = (typeof CLINIC_COLUMNS)[number];

/** Columns every record must fill in (lat/lon are checked as a pair in clinic-check.ts). */
export const REQUIRED_COLUMNS: readonly ClinicColumn[] = [
  'id',
  'name',
  'organization',
  'address1',
  'city',
  'state',
  'zip',
];

/** The 50 states and DC. Territories (PR, GU, VI…) are not in the ZIP table, so not accepted. */
export const US_STATES: ReadonlySet<string> = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

/** ISO 639-1 two-letter language codes. */
const LANGUAGES = new Set(
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  ),
);

/**
 * A record's fields once each has passed its own check: trimmed text, numbers, lists, booleans.
 * Optional fields that were empty are undefined; lat/lon may be (the pair is checked later).
 */
export interface ClinicFields {
  id: string;
  name: string;
  organization: string;
  address1: string;
  address2: string | undefined;
  city: string;
  /** Upper-case USPS code of one of the 50 states or DC. */
  state: string;
  /** Five digits (a ZIP+4's first five). */
  zip: string;
  lat: number | undefined;
  lon: number | undefined;
  /** Ten digits. */
  phone: string | undefined;
  website: string | undefined;
  booking_url: string | undefined;
  /** Known service ids, in the record's order. */
  services: string[];
  telehealth: boolean | undefined;
  /** Lower-case ISO 639-1 codes; undefined when none. */
  languages: string[] | undefined;
  /** The hours text as written (trimmed), known to parse. */
  hours: string | undefined;
  /** An IANA zone the JavaScript engine knows, as written (trimmed). */
  timezone: string | undefined;
  /** Known insurance plan ids (data/insurance.json), in the record's order; undefined when none. */
  insurance: string[] | undefined;
  /** `yes` → true, `no` → false (any case; JSON booleans too); undefined when empty. */
  accepting_new_patients: boolean | undefined;
  /** One of CLINIC_STATUSES (read in any case, stored lower-case); undefined when empty. */
  status: ClinicStatus | undefined;
  /** Free text (trimmed). */
  status_note: string | undefined;
  /** The special hours text as written (trimmed), known to parse (parseSpecialHours). */
  special_hours: string | undefined;
  /** Known ACCESSIBILITY_FEATURES, in the record's order; undefined when none. */
  accessibility: AccessibilityFeature[] | undefined;
}

/** Something wrong with one field. */
export interface FieldIssue {
  column: ClinicColumn | '(record)';
  message: string;
}

/** What {@link ClinicRecordParser} made of one record. */
export interface ClinicRecordResult {
  /** Each field that passed its check (a field with an issue is absent). */
  fields: Partial<ClinicFields>;
  /** The issues, in column order; list fields may have one per bad item. */
  issues: FieldIssue[];
}

/** Checks one raw record (a CSV row of strings, or a JSON object) field by field. */
export type ClinicRecordParser = (record: unknown) => ClinicRecordResult;

/** Text: a string or a number (JSON), trimmed; missing, null and '' read as ''. */
const text = v.pipe(
  v.nullish(v.union([v.string(), v.number()], 'not text'), ''),
  v.transform((value) => String(value).trim()),
);
const required = v.pipe(text, v.nonEmpty('required'));
/** '' becomes undefined; anything else is kept. */
const optional = v.pipe(
  text,
  v.transform((value) => value || undefined),
);

/** An optional text field that `accept` turns into its value, or rejects with `message`. */
function optionalChecked<T>(accept: (value: string) => T | undefined, message: string) {
  return v.pipe(
    text,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (dataset.value === '') return undefined;
      const result = accept(dataset.value);
      if (result === undefined) {
        addIssue({ message });
        return NEVER;
      }
      return result;
    }),
  );
}

/**
 * An optional text field kept as written when `parse` reads it (hours, special hours), else
 * rejected with the parser's reason.
 */
function optionalReadable(parse: (text: string) => { ok: true } | { ok: false; error: string }) {
  return v.pipe(
    text,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (dataset.value === '') return undefined;
      const parsed = parse(dataset.value);
      if (parsed.ok) return dataset.value;
      addIssue({ message: `unreadable: ${parsed.error}` });
      return NEVER;
    }),
  );
}

/** A JS number, or a string of one in plain decimal notation; missing reads as undefined. */
const coordinate = v.pipe(
  v.nullish(v.union([v.number(), v.string()], 'not a number'), ''),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
    } else {
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(trimmed)) return Number(trimmed);
    }
    addIssue({ message: 'not a number' });
    return NEVER;
  }),
);

/**
 * A list: a JSON array of strings or a `;`-separated string; items trimmed, empty ones dropped.
 * `accept` maps each item to its stored form or undefined, which is one issue naming the item.
 */
function list(accept: (item: string) => string | undefined, unknown: (item: string) => string) {
  return v.pipe(
    v.nullish(v.union([v.string(), v.array(v.string())], 'not a list'), ''),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const items = (typeof dataset.value === 'string' ? dataset.value.split(';') : dataset.value)
        .map((item) => item.trim())
        .filter(Boolean);
      const out: string[] = [];
      let bad = false;
      for (const item of items) {
        const value = accept(item);
        if (value === undefined) {
          addIssue({ message: unknown(item) });
          bad = true;
        } else out.push(value);
      }
      return bad ? NEVER : out;
    }),
  );
}

/**
 * A yes/no field: a JSON boolean, or one of `words` (any case); empty reads as undefined
 * (unknown), anything else is reported with `message`.
 */
function yesNoField(words: Readonly<Record<string, boolean>>, message: string) {
  const answers = new Map(Object.entries(words));
  return v.pipe(
    v.nullish(v.union([v.boolean(), v.string()], 'not yes or no'), ''),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      if (typeof value === 'boolean') return value;
      const word = value.trim().toLowerCase();
      if (word === '') return undefined;
      const answer = answers.get(word);
      if (answer !== undefined) return answer;
      addIssue({ message });
      return NEVER;
    }),
  );
}

/** `telehealth`: `yes`, `no`, `true` or `false`. */
const telehealth = yesNoField({ yes: true, true: true, no: false, false: false }, 'not yes or no');

/** `yes` or `no` (any case), or a JSON boolean; empty reads as undefined (unknown). */
const yesNo = yesNoField({ yes: true, no: false }, 'not yes or no (empty when unknown)');

/**
 * Zones already asked about: a file names a handful, thousands of times, and asking the engine
 * (creating an Intl.DateTimeFormat) costs more than checking the rest of a record.
 */
const knownZones = new Map<string, boolean>();

/** Whether the engine knows the IANA zone (aliases such as `US/Eastern` included). */
function isTimeZone(zone: string): boolean {
  // Offsets (`+05:00`) are accepted by newer engines but are not zones: no DST rules.
  if (!/^[A-Za-z]/.test(zone)) return false;
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size >= 1024) knownZones.clear();
  knownZones.set(zone, valid);
  return valid;
}

/** Lower-case kebab-case, the shape of every vocabulary id (`blue-cross-blue-shield`). */
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const STATUS_SET: ReadonlySet<string> = new Set(CLINIC_STATUSES);
const ACCESSIBILITY_SET: ReadonlySet<string> = new Set(ACCESSIBILITY_FEATURES);

/**
 * A parser for raw clinic records, checking services against `services` (the ids of
 * data/services.json) and insurance plans against `insurance` (the ids of data/insurance.json;
 * when omitted, plan ids are checked for their shape only: lower-case kebab-case). Codes are
 * read case-insensitively and stored in their usual case (`mi` → `MI`, `EN` → `en`,
 * `Temporarily-Closed` → `temporarily-closed`); everything else is trimmed and otherwise kept
 * as written.
 */
export function createClinicRecordParser(
  services: readonly string[],
  insurance?: readonly string[],
): ClinicRecordParser {
  const known = new Set(services);
  const plans = insurance && new Set(insurance);
  const noneAsUndefined = <T>(items: T[]) => (items.length > 0 ? items : undefined);
  const entries = {
    id: required,
    name: required,
    organization: required,
    address1: required,
    address2: optional,
    city: required,
    state: v.pipe(
      required,
      v.toUpperCase(),
      v.check(
        (state) => US_STATES.has(state),
        'not one of the 50 states or DC (territories are not in the ZIP table)',
      ),
    ),
    zip: v.pipe(
      required,
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const zip = /^(\d{5})(?:-\d{4})?$/.exec(dataset.value)?.[1];
        if (zip) return zip;
        addIssue({
          message: /^\d{3,4}$/.test(dataset.value)
            ? 'not a ZIP code (5 digits or ZIP+4): a spreadsheet may have dropped its leading 0'
            : 'not a ZIP code (5 digits or ZIP+4)',
        });
        return NEVER;
      }),
    ),
    lat: coordinate,
    lon: coordinate,
    phone: optionalChecked(phoneDigits, 'not a 10-digit US phone number'),
    website: optionalChecked((url) => (safeHttpUrl(url) ? url : undefined), 'not an http(s) URL'),
    booking_url: optionalChecked(
      (url) => (safeHttpUrl(url) ? url : undefined),
      'not an http(s) URL',
    ),
    services: list(
      (id) => (known.has(id) ? id : undefined),
      (id) => `unknown service "${id}" (not in data/services.json)`,
    ),
    telehealth,
    languages: v.pipe(
      list(
        (code) => (LANGUAGES.has(code.toLowerCase()) ? code.toLowerCase() : undefined),
        (code) => `unknown language code "${code}" (ISO 639-1, e.g. en)`,
      ),
      v.transform((codes) => (codes.length > 0 ? codes : undefined)),
    ),
    hours: optionalReadable(parseHours),
    timezone: optionalChecked(
      (zone) => (isTimeZone(zone) ? zone : undefined),
      'unknown time zone (an IANA name such as America/Detroit)',
    ),
    insurance: v.pipe(
      list(
        (id) => ((plans ? plans.has(id) : KEBAB_ID.test(id)) ? id : undefined),
        (id) =>
          plans
            ? `unknown insurance "${id}" (not in data/insurance.json)`
            : `not an insurance id "${id}" (lower-case kebab-case, e.g. blue-cross-blue-shield)`,
      ),
      v.transform(noneAsUndefined),
    ),
    accepting_new_patients: yesNo,
    status: optionalChecked(
      (status) =>
        STATUS_SET.has(status.toLowerCase()) ? (status.toLowerCase() as ClinicStatus) : undefined,
      `not a status (empty, ${CLINIC_STATUSES.join(', ')})`,
    ),
    status_note: optional,
    special_hours: optionalReadable(parseSpecialHours),
    accessibility: v.pipe(
      list(
        (id) => (ACCESSIBILITY_SET.has(id.toLowerCase()) ? id.toLowerCase() : undefined),
        (id) => `unknown accessibility feature "${id}" (${ACCESSIBILITY_FEATURES.join(', ')})`,
      ),
      v.transform((ids) => noneAsUndefined(ids as AccessibilityFeature[])),
    ),
  } satisfies Record<ClinicColumn, v.GenericSchema>;

  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { fields: {}, issues: [{ column: '(record)', message: 'not an object' }] };
    }
    const row = record as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    const issues: FieldIssue[] = [];
    for (const column of CLINIC_COLUMNS) {
      // One column at a time, so a field that passes is usable even when another fails.
      const result = v.safeParse(entries[column], row[column], { abortPipeEarly: true });
      if (result.success) fields[column] = result.output;
      else for (const issue of result.issues) issues.push({ column, message: issue.message });
    }
    return { fields: fields as Partial<ClinicFields>, issues };
  };
}
