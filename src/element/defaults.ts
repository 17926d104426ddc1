// The element's defaults: tiles, page size, radius.
import type { Units } from '../domain/units.js';

/** OpenStreetMap's standard tiles; see the README on their usage policy and alternatives. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Default number of results per page (3 in the compact layout). */
export const DEFAULT_LIMIT = 10;
const COMPACT_LIMIT = 3;
const DEFAULT_RADIUS: Record<Units, number> = { mi: 25, km: 40 };

/** Clinics per page: `limit`, else 10 (3 in the compact layout). */
export function pageSize(limit: number | undefined, layout: string): number {
  if (limit !== undefined && limit > 0) return Math.floor(limit);
  return layout === 'compact' ? COMPACT_LIMIT : DEFAULT_LIMIT;
}

/** The radius in `units`: `radius`, else 25 mi or 40 km. */
export function radiusOf(radius: number | undefined, units: Units): number {
  return radius !== undefined && radius > 0 ? radius : DEFAULT_RADIUS[units];
}

/**
 * A text attribute's converter: a removed attribute reads as `fallback` (Lit's default gives
 * `null`, which a string property does not expect).
 */
export const text = (fallback = '') => ({
  fromAttribute: (value: string | null) => value ?? fallback,
});
