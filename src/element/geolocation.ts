/** Why the browser could not give a position. */
export type LocateFailure = 'unavailable' | 'denied' | 'timeout' | 'not-found';

/** The result of asking the browser for the visitor's position. */
export type LocateResult =
  { ok: true; lat: number; lon: number } | { ok: false; reason: LocateFailure };

/** How long to wait for a position once the visitor allowed it (the browser's own timeout). */
export const LOCATE_TIMEOUT_MS = 15_000;

/**
 * How long to wait in all, the browser's permission prompt included: its own timeout does not
 * run while the prompt is open, so a prompt nobody answers would wait for ever. 30 s leaves
 * time to read the prompt and for the 15 s fix; after it the visitor is better served by the
 * message and the search box.
 */
export const LOCATE_BOUND_MS = 30_000;

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/**
 * Asks the browser for the visitor's position, once. Never throws: every failure is a reason.
 * `unavailable` covers an insecure page (http), a browser without geolocation, and a host page
 * whose Permissions-Policy blocks it; `denied` is the visitor saying no.
 */
export function locate(
  geolocation: Geolocation | undefined = navigator.geolocation,
): Promise<LocateResult> {
  const policy = (document as Document & { featurePolicy?: FeaturePolicy }).featurePolicy;
  if (!geolocation || !window.isSecureContext || policy?.allowsFeature('geolocation') === false) {
    return Promise.resolve({ ok: false, reason: 'unavailable' });
  }
  return new Promise((resolve) => {
    // Whatever answers first wins: the position, its error, or the bound (a later answer is
    // dropped).
    const timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), LOCATE_BOUND_MS);
    const settle = (result: LocateResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    try {
      geolocation.getCurrentPosition(
        (position) =>
          settle({ ok: true, lat: position.coords.latitude, lon: position.coords.longitude }),
        (error) => {
          // PERMISSION_DENIED = 1, POSITION_UNAVAILABLE = 2, TIMEOUT = 3.
          const reason: LocateFailure =
            error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'not-found';
          settle({ ok: false, reason });
        },
        { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: 5 * 60_000 },
      );
    } catch {
      settle({ ok: false, reason: 'unavailable' });
    }
  });
}
