import distance from '@turf/distance';
import type { Clinic } from './clinic.js';

/** A clinic with its distance from the search origin. */
export interface RankedClinic {
  /** The clinic, as given (not copied). */
  clinic: Clinic;
  /** great-circle distance in km */
  distanceKm: number;
}

/** Options for {@link rankClinics}. */
export interface RankOptions {
  /**
   * How many clinics to return at most. Default 10; anything that is not a number above 0
   * (0, negative, NaN) means the default; fractions round down (to at least 1); `Infinity`
   * returns every clinic.
   */
  limit?: number;
}

/** The number of results when no valid `limit` is given. */
export const DEFAULT_RANK_LIMIT = 10;

/**
 * Ranks clinics by great-circle (haversine) distance from `origin`, nearest first. Equal
 * distances are ordered by name (`localeCompare` in English), then by id (code-unit order), so
 * the result is the same whatever the input order. Pure: the input array is not modified.
 * @throws {RangeError} when the origin's latitude or longitude is not a finite number.
 */
export function rankClinics(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  options: RankOptions = {},
): RankedClinic[] {
  if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lon)) {
    throw new RangeError(
      `rankClinics: invalid origin ${String(origin.lat)}, ${String(origin.lon)}`,
    );
  }
  const { limit } = options;
  const count =
    limit === undefined || !(limit > 0) ? DEFAULT_RANK_LIMIT : Math.max(1, Math.floor(limit));
  const from = [origin.lon, origin.lat];
  const ranked = clinics.map((clinic) => ({
    clinic,
    distanceKm: distance(from, [clinic.lon, clinic.lat], { units: 'kilometers' }),
  }));
  ranked.sort(
    (a, b) =>
      a.distanceKm - b.distanceKm ||
      a.clinic.name.localeCompare(b.clinic.name, 'en') ||
      (a.clinic.id < b.clinic.id ? -1 : a.clinic.id > b.clinic.id ? 1 : 0),
  );
  return ranked.slice(0, count);
}

/** What {@link clinicsWithin} found. */
export interface NearbyClinics {
  /**
   * Every clinic within the radius, nearest first; when there is none, the nearest ones beyond
   * it (at most `fallbackCount`), so a visitor is never left empty-handed.
   */
  clinics: RankedClinic[];
  /** False when nothing is within the radius and `clinics` holds the nearest beyond it. */
  withinRadius: boolean;
}

/**
 * The clinics within `radiusKm` of `origin`, nearest first (ties as in {@link rankClinics}), or,
 * when there are none, the `fallbackCount` nearest beyond the radius.
 * @throws {RangeError} when the origin is not a finite point.
 */
export function clinicsWithin(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  radiusKm: number,
  fallbackCount = DEFAULT_RANK_LIMIT,
): NearbyClinics {
  const all = rankClinics(clinics, origin, { limit: Infinity });
  const firstOutside = all.findIndex((r) => r.distanceKm > radiusKm);
  const inside = firstOutside === -1 ? all.length : firstOutside;
  return inside > 0
    ? { clinics: all.slice(0, inside), withinRadius: true }
    : { clinics: all.slice(0, Math.max(0, fallbackCount)), withinRadius: false };
}
