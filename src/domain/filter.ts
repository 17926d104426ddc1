import type { Clinic } from './clinic.js';

/** Which clinics a widget shows: every condition given must hold (AND). */
export interface ClinicFilter {
  /** Only this organization's clinics (compared without case and surrounding spaces). */
  organization?: string;
  /** Only clinics offering every one of these service ids. */
  services?: readonly string[];
}

function fold(text: string): string {
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

/** The clinics that pass every condition of the filter, in their original order. */
export function filterClinics(clinics: readonly Clinic[], filter: ClinicFilter): Clinic[] {
  const organization = filter.organization ? fold(filter.organization) : '';
  const services = filter.services ?? [];
  return clinics.filter(
    (clinic) =>
      (!organization || fold(clinic.organization) === organization) &&
      services.every((id) => clinic.services.includes(id)),
  );
}
