import type { Clinic } from './clinic.js';

/** Which clinics a widget shows: every condition given must hold (AND). */
export interface ClinicFilter {
  /** Only this organization's clinics (compared without case and surrounding spaces). */
  organization?: string;
  /** Only clinics offering every one of these service ids. */
  services?: readonly string[];
  /** Only clinics offering telehealth. */
  telehealth?: boolean;
  /** Only clinics with staff speaking every one of these languages (ISO 639-1, e.g. `es`). */
  languages?: readonly string[];
  /** Only clinics that accept this insurance plan (an id of data/insurance.json). */
  insurance?: string;
  /** Only clinics known to be taking new patients. */
  acceptingNewPatients?: boolean;
  /** Only clinics with every one of these building-access features. */
  accessibility?: readonly string[];
}

/** An organization name as filters compare it: no surrounding spaces, lower case. */
export function fold(text: string): string {
  return text.trim().toLocaleLowerCase('en-US');
}

/** Reads a comma-separated attribute value (`"back-pain, sciatica"`) into a list of ids. */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(ids)];
}

/**
 * The clinics that pass every condition of the filter, in their original order. With no
 * condition it returns the very array it was given, so callers can keep work keyed on it (the
 * ranking's spatial index is built once per array).
 */
export function filterClinics(clinics: readonly Clinic[], filter: ClinicFilter): readonly Clinic[] {
  const organization = filter.organization ? fold(filter.organization) : '';
  const services = filter.services ?? [];
  const languages = filter.languages ?? [];
  const access = filter.accessibility ?? [];
  const { insurance, acceptingNewPatients } = filter;
  const none = !services.length && !languages.length && !access.length;
  if (!organization && none && !filter.telehealth && !insurance && !acceptingNewPatients) {
    return clinics;
  }
  return clinics.filter(
    (clinic) =>
      (!organization || fold(clinic.organization) === organization) &&
      services.every((id) => clinic.services.includes(id)) &&
      (!filter.telehealth || clinic.telehealth === true) &&
      languages.every((code) => clinic.languages?.includes(code) ?? false) &&
      (!insurance || (clinic.insurance?.includes(insurance) ?? false)) &&
      (!acceptingNewPatients || clinic.acceptingNewPatients === true) &&
      access.every(
        (id) => (clinic.accessibility as readonly string[] | undefined)?.includes(id) ?? false,
      ),
  );
}

/** The distinct values of a list field over the clinics, sorted (languages, insurance ids). */
export function valuesOffered(
  clinics: readonly Clinic[],
  field: 'languages' | 'insurance',
): string[] {
  const offered = new Set<string>();
  for (const clinic of clinics) for (const value of clinic[field] ?? []) offered.add(value);
  return [...offered].sort();
}

/** The service ids offered by at least one of the clinics, in vocabulary order. */
export function servicesOffered(
  clinics: readonly Clinic[],
  vocabulary: readonly string[],
): string[] {
  const offered = new Set<string>();
  for (const clinic of clinics) for (const id of clinic.services) offered.add(id);
  return vocabulary.filter((id) => offered.has(id));
}

/**
 * For each service id, how many of the clinics would remain if that service were required too
 * (on top of `filter`): the count a filter chip shows.
 */
export function serviceCounts(
  clinics: readonly Clinic[],
  filter: ClinicFilter,
  serviceIds: readonly string[],
): Map<string, number> {
  const base = filterClinics(clinics, filter);
  const counts = new Map<string, number>(serviceIds.map((id) => [id, 0]));
  for (const clinic of base) {
    for (const id of clinic.services) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  return counts;
}
