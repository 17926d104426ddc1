/**
 * A clinic file's request, sent before the code that reads it has loaded: the file is on its
 * way while the reader's chunk downloads and evaluates (at 50,000 clinics that chunk took 60-100
 * ms, all of it in front of the download).
 */
export interface StartedFetch {
  readonly response: Promise<Response>;
  /** Cancels the request (a newer source, a timeout, the reader's chunk failing to load). */
  readonly controller: AbortController;
}

/** Sends the request as the reader would (`credentials: 'same-origin'`). */
export function startFetch(url: string): StartedFetch {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal, credentials: 'same-origin' });
  // Read, and its failure reported, by the reader; never an unhandled rejection meanwhile.
  response.catch(() => undefined);
  return { response, controller };
}
