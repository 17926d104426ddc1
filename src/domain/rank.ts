// Distance ranking and radius search. Distances are the haversine great-circle distance on the
// mean-radius sphere (6371.0088 km), computed exactly as @turf/distance computes them (same
// operations in the same order, so the same floating-point results) without its per-call
// argument handling and array allocations.
//
// Two ways to find the nearest clinics, measured by `npm run bench` (BENCHMARKS.md):
// - a linear pass over the clinics into a typed array of distances, keeping only the candidates
//   that can be in the answer before sorting them (about 3 ms for 50,000 clinics);
// - a kd-tree (kdbush) searched nearest-first (geokdbush), about 20 µs for 200,000 clinics
//   but 7 ms to build for 50,000, in its own lazy chunk (rank-index.ts, ~2.5 KB gzip with
//   kdbush) so that the widget's first download does not carry it. When an array of at least
//   INDEX_MIN clinics is ranked a second time, the chunk is requested; from the first ranking
//   after it arrived, that array is indexed and searched through the index. One-off lists (the
//   element filters a fresh array per search) never pay for it; a list searched again and
//   again does.
// Both give exactly the same results: the index only proposes candidates, with a margin, and
// they are measured and ordered by the same code as the linear pass.
import type { Clinic } from './clinic.js';
import type { ClinicPointIndex, createPointIndex } from './rank-index.js';

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

/** Kilometres per radian: @turf/helpers' earthRadius (6371008.8 m) / 1000. */
const KM_PER_RADIAN = 6371008.8 / 1e3;
/** geokdbush measures on a 6371 km sphere: its kilometres per turf kilometre. */
const GEOKDBUSH_SCALE = 6371 / KM_PER_RADIAN;
/** Smallest clinic list worth a spatial index (below it the linear pass takes < 0.3 ms). */
const INDEX_MIN = 5_000;

/**
 * Great-circle distance in km between two points in degrees, bit for bit what
 * `@turf/distance` returns for `distance([lon1, lat1], [lon2, lat2])`.
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (((lat2 - lat1) % 360) * Math.PI) / 180;
  const dLon = (((lon2 - lon1) % 360) * Math.PI) / 180;
  const a =
    Math.pow(Math.sin(dLat / 2), 2) +
    Math.pow(Math.sin(dLon / 2), 2) *
      Math.cos(((lat1 % 360) * Math.PI) / 180) *
      Math.cos(((lat2 % 360) * Math.PI) / 180);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
}

// One collator for every comparison: `localeCompare(b, 'en')` is specified as this collator's
// compare, but builds one per call.
const collator = new Intl.Collator('en');

function compareRanked(a: RankedClinic, b: RankedClinic): number {
  return (
    a.distanceKm - b.distanceKm ||
    collator.compare(a.clinic.name, b.clinic.name) ||
    (a.clinic.id < b.clinic.id ? -1 : a.clinic.id > b.clinic.id ? 1 : 0)
  );
}

function checkOrigin(origin: { lat: number; lon: number }, what: string): void {
  if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lon)) {
    throw new RangeError(`${what}: invalid origin ${String(origin.lat)}, ${String(origin.lon)}`);
  }
}

/**
 * The distance from `origin` to each clinic at `ids` (every clinic when omitted), as
 * {@link haversineKm} gives it: the origin's terms are computed once, which changes no bit of
 * the result.
 */
function distancesFrom(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  ids?: ArrayLike<number>,
): Float64Array {
  const count = ids ? ids.length : clinics.length;
  const out = new Float64Array(count);
  const lat1 = origin.lat;
  const lon1 = origin.lon;
  const cosLat1 = Math.cos(((lat1 % 360) * Math.PI) / 180);
  for (let j = 0; j < count; j++) {
    const clinic = clinics[ids ? (ids[j] as number) : j] as Clinic;
    const dLat = (((clinic.lat - lat1) % 360) * Math.PI) / 180;
    const dLon = (((clinic.lon - lon1) % 360) * Math.PI) / 180;
    const a =
      Math.pow(Math.sin(dLat / 2), 2) +
      Math.pow(Math.sin(dLon / 2), 2) * cosLat1 * Math.cos(((clinic.lat % 360) * Math.PI) / 180);
    out[j] = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
  }
  return out;
}

/**
 * The clinics at `ids` (all when omitted) within `maxKm`, given their distances, sorted. An
 * unbounded `maxKm` keeps every clinic, as the plain sort did (even one with a NaN coordinate).
 */
function collectAndSort(
  clinics: readonly Clinic[],
  distances: Float64Array,
  maxKm: number,
  ids?: ArrayLike<number>,
): RankedClinic[] {
  const out: RankedClinic[] = [];
  for (let j = 0; j < distances.length; j++) {
    const distanceKm = distances[j] as number;
    if (distanceKm <= maxKm || maxKm === Infinity) {
      out.push({ clinic: clinics[ids ? (ids[j] as number) : j] as Clinic, distanceKm });
    }
  }
  return out.sort(compareRanked);
}

/** Measures the clinics at `ids` (all when omitted) and returns those within `maxKm`, sorted. */
function measureAndSort(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  maxKm: number,
  ids?: ArrayLike<number>,
): RankedClinic[] {
  return collectAndSort(clinics, distancesFrom(clinics, origin, ids), maxKm, ids);
}

/**
 * The `k`-th smallest of `distances` (1-based, k ≤ length): a max-heap of the k smallest seen.
 * Every clinic at this distance or nearer is a candidate.
 */
function kthSmallest(distances: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (const d of distances) {
    if (size < k) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heap[parent] as number) >= d) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = d;
    } else if (d < (heap[0] as number)) {
      // Replace the largest and sift down.
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= k) break;
        const right = left + 1;
        const child = right < k && (heap[right] as number) > (heap[left] as number) ? right : left;
        if ((heap[child] as number) <= d) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = d;
    }
  }
  return heap[0] as number;
}

// Spatial indexes of clinic lists ranked more than once, keyed by the array itself: derived
// from data the callers treat as immutable, never shared across different lists, and dropped
// with the array. A list is marked on its first ranking (`false`) and indexed once ranked again
// with the index code loaded. The loaded code itself is the module's one memo (immutable, the
// same for every caller), like the data files of src/load/.
const indexes = new WeakMap<readonly Clinic[], ClinicPointIndex | false>();
let indexCode: typeof createPointIndex | undefined;
let indexCodeLoading: Promise<void> | undefined;

/**
 * Loads the spatial index code now rather than on the second ranking of a large list (a
 * benchmark, or an app that knows it will search one list many times). Resolves once loaded;
 * if it cannot be loaded, ranking keeps to the linear pass.
 */
export function preloadRankIndex(): Promise<void> {
  indexCodeLoading ??= import('./rank-index.js').then(
    (module) => {
      indexCode = module.createPointIndex;
    },
    () => {
      indexCodeLoading = undefined; // a later ranking tries again; meanwhile, the linear pass
    },
  );
  return indexCodeLoading;
}

function indexFor(clinics: readonly Clinic[]): ClinicPointIndex | undefined {
  if (clinics.length < INDEX_MIN) return undefined;
  const known = indexes.get(clinics);
  if (known && known.size === clinics.length) return known;
  if (known === undefined) {
    indexes.set(clinics, false);
    return undefined;
  }
  if (!indexCode) {
    void preloadRankIndex();
    return undefined;
  }
  const index = indexCode(clinics);
  indexes.set(clinics, index);
  return index;
}

/** The kilometres to ask geokdbush for so that every clinic within `km` (turf's) is returned. */
function indexRadius(km: number): number {
  return km * GEOKDBUSH_SCALE * (1 + 1e-6) + 1e-6;
}

/** The `count` nearest clinics, sorted; count < clinics.length. */
function nearest(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  count: number,
): RankedClinic[] {
  const index = indexFor(clinics);
  if (index) {
    const ids = index.around(origin.lon, origin.lat, count);
    const kth = Math.max(0, ...distancesFrom(clinics, origin, ids));
    // Clinics tied with the k-th (or within rounding of it) are candidates too: ties are
    // ordered by name and id, not by the index.
    const candidates = index.around(origin.lon, origin.lat, Infinity, indexRadius(kth));
    return measureAndSort(clinics, origin, kth, candidates).slice(0, count);
  }
  const distances = distancesFrom(clinics, origin);
  return collectAndSort(clinics, distances, kthSmallest(distances, count)).slice(0, count);
}

/**
 * Ranks clinics by great-circle (haversine) distance from `origin`, nearest first. Equal
 * distances are ordered by name (`localeCompare` in English), then by id (code-unit order), so
 * the result is the same whatever the input order. Pure: the input array is not modified. A
 * large array ranked again gets a spatial index, kept while the array lives: treat it as
 * immutable once ranked.
 * @throws {RangeError} when the origin's latitude or longitude is not a finite number.
 */
export function rankClinics(
  clinics: readonly Clinic[],
  origin: { lat: number; lon: number },
  options: RankOptions = {},
): RankedClinic[] {
  checkOrigin(origin, 'rankClinics');
  const { limit } = options;
  const count =
    limit === undefined || !(limit > 0) ? DEFAULT_RANK_LIMIT : Math.max(1, Math.floor(limit));
  if (count >= clinics.length) return measureAndSort(clinics, origin, Infinity);
  return nearest(clinics, origin, count);
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
  checkOrigin(origin, 'clinicsWithin');
  // A NaN radius compared false with every distance, so everything was inside. Still so.
  const maxKm = Number.isNaN(radiusKm) ? Infinity : radiusKm;
  // geokdbush's radius test wraps beyond half the Earth's circumference: scan instead.
  const index = maxKm < 20_000 ? indexFor(clinics) : undefined;
  const inside = index
    ? measureAndSort(
        clinics,
        origin,
        maxKm,
        index.around(origin.lon, origin.lat, Infinity, indexRadius(maxKm)),
      )
    : measureAndSort(clinics, origin, maxKm);
  if (inside.length > 0) return { clinics: inside, withinRadius: true };
  const count = Math.max(0, Math.floor(fallbackCount));
  if (count === 0) return { clinics: [], withinRadius: false };
  return {
    clinics:
      count >= clinics.length
        ? measureAndSort(clinics, origin, Infinity)
        : nearest(clinics, origin, count),
    withinRadius: false,
  };
}

/**
 * Ranked clinics ordered by place instead of distance: state, then town, then name (for an
 * organization's list, where no point was chosen to measure from).
 */
export function orderByPlace(ranked: readonly RankedClinic[]): RankedClinic[] {
  const compare = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
  return [...ranked].sort(
    (a, b) =>
      compare(a.clinic.state, b.clinic.state) ||
      compare(a.clinic.city, b.clinic.city) ||
      compare(a.clinic.name, b.clinic.name) ||
      compare(a.clinic.id, b.clinic.id),
  );
}
