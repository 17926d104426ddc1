/** Distance units a visitor can choose. */
export type Units = 'mi' | 'km';

/** Kilometres in one statute mile. */
export const KM_PER_MILE = 1.609344;

/** Converts a distance in kilometres to the given units. */
export function fromKm(km: number, units: Units): number {
  return units === 'mi' ? km / KM_PER_MILE : km;
}

/** Converts a distance in the given units to kilometres. */
export function toKm(distance: number, units: Units): number {
  return units === 'mi' ? distance * KM_PER_MILE : distance;
}

/** Reads a `units` attribute value; anything but `km` means miles, the default. */
export function parseUnits(value: string | null | undefined): Units {
  return value?.trim().toLowerCase() === 'km' ? 'km' : 'mi';
}
