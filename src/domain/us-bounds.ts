// Whether a point is certainly outside the United States: small enough for the main chunk,
// which asks it of a visitor's position. Pure.

/**
 * The United States' boxes: the lower 48 states, Alaska (both sides of the 180th meridian) and
 * Hawaii, in degrees [south, west, north, east]. Inside a box is not proof of being inside the
 * country (southern Ontario lies in the first); there the nearest clinics are listed as usual.
 */
const US_BOXES: readonly (readonly [number, number, number, number])[] = [
  [24.4, -125.0, 49.5, -66.8],
  [51.0, -180.0, 71.6, -129.9],
  [51.0, 172.0, 53.1, 180.0],
  [18.8, -160.3, 22.4, -154.7],
];

/** True when the point lies outside every box of {@link US_BOXES}. */
export function outsideUs(lat: number, lon: number): boolean {
  return !US_BOXES.some(([s, w, n, e]) => lat >= s && lat <= n && lon >= w && lon <= e);
}
