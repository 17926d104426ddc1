// Fewer, smaller objects for a large clinic list read from a file: values that repeat (an
// organization, a city, a time zone, a list of services) are made one string or one array shared
// by every clinic that has it, and every string is copied off the file's text. Pure, DOM-free.
import type { Clinic } from './clinic.js';

/** Fields whose values repeat from clinic to clinic: one string each. */
const REPEATED = [
  'organization',
  'city',
  'state',
  'address2',
  'hours',
  'timezone',
  'status',
  'statusNote',
  'specialHours',
  // Neighbouring clinics share ZIPs: 50,000 clinics have about 20,000.
  'zip',
] as const;
/** Fields that are mostly the clinic's own. */
const OWN = ['id', 'name', 'address1', 'phone', 'website', 'bookingUrl'] as const;
/** List fields: one array per distinct list. */
const LISTS = ['services', 'languages', 'insurance', 'accessibility'] as const;

/**
 * A string of its own, not a view into the text it was cut from: V8 keeps a substring of 13
 * characters or more as a slice of its parent, so one clinic's name kept the whole decoded file
 * (10 MB, twice that when one character is outside Latin-1) alive after loading. A JSON round
 * trip is the cheap way to a flat copy (a concatenation then a slice is a slice again).
 */
export function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Makes clinics share what repeats; see {@link createClinicSharer}. */
export interface ClinicSharer {
  /** Rewrites one clinic's fields in place (same values, shared strings and arrays). */
  share(clinic: Clinic): void;
}

/**
 * A sharer for one list of clinics: clinics passed to it get the same string for the same
 * organization, city, state… and the same array for the same services, languages, plans and
 * features (clinics are read, never changed, once loaded), and strings of their own.
 */
export function createClinicSharer(): ClinicSharer {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const intern = (text: string) => {
    let out = strings.get(text);
    if (out === undefined) {
      out = own(text);
      strings.set(out, out);
    }
    return out;
  };
  return {
    share(clinic) {
      const c = clinic as unknown as Record<string, unknown>;
      for (const field of REPEATED) {
        const value = c[field];
        if (typeof value === 'string') c[field] = intern(value);
      }
      // A clinic named as its organization (most of a directory's one-clinic practices) shares
      // its organization's string.
      const named = clinic.name === clinic.organization;
      if (named) clinic.name = clinic.organization;
      for (const field of OWN) {
        const value = c[field];
        if (typeof value === 'string' && !(named && field === 'name')) c[field] = own(value);
      }
      for (const field of LISTS) {
        const value = c[field];
        if (!Array.isArray(value)) continue;
        const key = `${field}\u0000${value.join('\u0000')}`;
        let list = lists.get(key);
        if (!list) {
          list = (value as string[]).map(intern);
          lists.set(key, list);
        }
        c[field] = list;
      }
    },
  };
}
