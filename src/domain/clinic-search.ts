// Clinic and organization name search: prefix and word-prefix matches first, typo-tolerant
// matches after (through the fuzzy index of places.ts, the one module that imports fuse.js).
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
  fuzzy?: FuzzyIndex<Entry>;
}

/** Indexes clinics by name and organization. Linear in the number of clinics. */
export function createClinicIndex(clinics: readonly Clinic[]): ClinicIndex {
  const organizations = new Map<string, OrganizationMatch>();
  const entries = clinics.map((clinic) => {
    const entry = {
      clinic,
      name: normalizeName(clinic.name),
      organization: normalizeName(clinic.organization),
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
  const data: ClinicIndexData = { clinics, entries, organizations };
  return data;
}

/**
 * How well a normalised text matches a query: 0 the same, 1 a prefix, 2 a word of it starts
 * with the query, undefined otherwise.
 */
function rank(text: string, key: string): number | undefined {
  if (text === key) return 0;
  if (text.startsWith(key)) return 1;
  if (text.includes(` ${key}`)) return 2;
  return undefined;
}

/**
 * Clinics whose name or organization matches the text without typos: exact name, name prefix,
 * organization prefix, then a word of the name or organization starting with the text; within a
 * tier, by name. At most `limit`.
 */
function prefixMatches(data: ClinicIndexData, key: string, limit: number): Clinic[] {
  const ranked: { clinic: Clinic; tier: number }[] = [];
  for (const e of data.entries) {
    const byName = rank(e.name, key);
    const byOrg = rank(e.organization, key);
    // Name tiers 0, 1; organization prefix 2; a word of either 3.
    const tier =
      byName !== undefined && byName < 2
        ? byName
        : byOrg !== undefined && byOrg < 2
          ? 2
          : byName !== undefined || byOrg !== undefined
            ? 3
            : undefined;
    if (tier !== undefined) ranked.push({ clinic: e.clinic, tier });
  }
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.clinic.name < b.clinic.name ? -1 : a.clinic.name > b.clinic.name ? 1 : 0),
  );
  return ranked.slice(0, limit).map((r) => r.clinic);
}

function fuzzyMatches(data: ClinicIndexData, key: string, limit: number): Clinic[] {
  data.fuzzy ??= createFuzzyIndex(data.entries, ['name', 'organization']);
  return searchFuzzy(data.fuzzy, key, limit).map((m) => m.item.clinic);
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
