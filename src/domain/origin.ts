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
