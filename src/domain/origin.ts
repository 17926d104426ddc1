import type { Clinic } from './clinic.js';
import type { Place } from './places.js';
import type { Origin } from './query.js';

/** `Grand Rapids, MI` */
export function placeLabel(place: Place): string {
  return `${place.name}, ${place.state}`;
}

/** A place as a search origin: its mean point, labelled `Grand Rapids, MI`. */
export function placeOrigin(place: Place): Origin {
  return { lat: place.lat, lon: place.lon, label: placeLabel(place), approximate: false };
}

/** A clinic as a search origin (searching a clinic's name lists it first, then its neighbours). */
export function clinicOrigin(clinic: Clinic): Origin {
  return { lat: clinic.lat, lon: clinic.lon, label: clinic.name, approximate: false };
}

/**
 * An organization's clinics as a search origin: their mean point, labelled with its name (its
 * list is ordered by place, so the point only centres the map). Undefined without clinics.
 */
export function organizationOrigin(
  organization: string,
  clinics: readonly Clinic[],
): Origin | undefined {
  if (!clinics.length) return undefined;
  const lat = clinics.reduce((sum, c) => sum + c.lat, 0) / clinics.length;
  const lon = clinics.reduce((sum, c) => sum + c.lon, 0) / clinics.length;
  return { lat, lon, label: organization, approximate: false };
}

/** Letters only, lower case, without diacritics: `Saint-Jérôme, QC` → `saintjeromeqc`. */
const letters = (text: string) =>
  text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

/**
 * True when the place found reads differently from what was typed, so the visitor should be
 * told what was understood (`Grnad Rapids` → `Grand Rapids, MI`). A ZIP code (no letters) never
 * differs: its label starts with it. Case, spaces, punctuation and accents do not count.
 */
export function differsFromTyped(typed: string, label: string): boolean {
  const query = letters(typed);
  return query.length > 0 && !letters(label).includes(query);
}
