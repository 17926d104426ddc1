// Fetching a clinic data file within bounds (a stalled or endless download is stopped), its
// chunks handed on as they arrive. Part of the clinic-source chunk.
import type { Problem } from '../domain/clinic-check.js';
import type { StartedFetch } from './early-fetch.js';
import { SLICE_MS } from './in-slices.js';
import { nextTask } from './next-task.js';

/** Why a clinic data file is unusable. */
export type ClinicSourceFailure =
  /** The request failed (offline, DNS, CORS, connection reset): worth trying again. */
  | 'network'
  /** The server answered 5xx, 408 or 429: worth trying again. */
  | 'unavailable'
  /** No byte for {@link STALL_TIMEOUT_MS}, or more than {@link DOWNLOAD_TIMEOUT_MS} in all. */
  | 'timeout'
  /** Any other HTTP error (404, 403, 410…): the same URL will answer the same. */
  | 'http'
  /** An HTML page (a "not found" page, a login page) or other text that is not clinic data. */
  | 'not-data'
  /** Clinic data, but not one record of it is usable. */
  | 'no-clinics';

/** A clinic data file that could not be fetched, or is not clinic data at all. */
export class ClinicSourceError extends Error {
  override name = 'ClinicSourceError';
  readonly failure: ClinicSourceFailure;
  /**
   * Whether fetching the same URL again may work (a network error, a timeout, a 5xx); when
   * false, it is not fetched again until the source changes.
   */
  readonly transient: boolean;
  /** What was wrong with the file, when it was read (as `CheckedClinics.problems`). */
  readonly problems: Problem[];
  readonly recordLabel: 'line' | 'record' | undefined;

  constructor(
    message: string,
    failure: ClinicSourceFailure,
    problems: Problem[] = [],
    recordLabel?: 'line' | 'record',
  ) {
    super(message);
    this.failure = failure;
    this.transient = failure === 'network' || failure === 'unavailable' || failure === 'timeout';
    this.problems = problems;
    this.recordLabel = recordLabel;
  }
}

/**
 * A download that receives nothing for this long has stalled: 15 s, well past a slow mobile
 * network's round trips and a cold server's first byte, yet short enough that a visitor is not
 * left watching "Searching…". It bounds the wait for the response headers and every gap
 * between body chunks, so a large file on a slow line is not cut while it still arrives.
 */
export const STALL_TIMEOUT_MS = 15_000;

/**
 * The whole download's bound: 60 s, about a 10 MB file (a 50,000-clinic CSV) at 1.5 Mbit/s, so
 * a server that trickles bytes forever is stopped too.
 */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** How `loadClinicSource` fetches. */
export interface LoadOptions {
  /** Abandons the load (a newer source): rejects with the signal's reason. */
  signal?: AbortSignal;
  /** {@link STALL_TIMEOUT_MS} unless given (tests). */
  stallMs?: number;
  /** {@link DOWNLOAD_TIMEOUT_MS} unless given (tests). */
  totalMs?: number;
  /** The request, when it was sent before this chunk loaded (see `startFetch`). */
  started?: StartedFetch;
  /** Called with each chunk of the body as it arrives, in order. */
  onChunk?: (chunk: Uint8Array, contentType: string) => void;
}

/** A downloaded body: its chunks as they came. */
export interface Downloaded {
  chunks: Uint8Array[];
  length: number;
  contentType: string;
}

/** Fetches a URL's bytes within the bounds, or rejects with a ClinicSourceError. */
export async function download(
  url: string,
  {
    signal,
    stallMs = STALL_TIMEOUT_MS,
    totalMs = DOWNLOAD_TIMEOUT_MS,
    started,
    onChunk,
  }: LoadOptions,
): Promise<Downloaded> {
  const controller = started?.controller ?? new AbortController();
  if (signal?.aborted) {
    controller.abort(signal.reason);
    throw signal.reason;
  }
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timedOut: string | undefined;
  const stop = (why: string) => {
    timedOut = why;
    controller.abort();
    // A body stream not tied to the fetch's signal (a service worker's) ends on cancel.
    void reader?.cancel().catch(() => undefined);
  };
  const abandon = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abandon, { once: true });
  let stall: ReturnType<typeof setTimeout> | undefined;
  const wait = () => {
    clearTimeout(stall);
    stall = setTimeout(() => stop(`nothing received for ${stallMs / 1000} s`), stallMs);
  };
  const total = setTimeout(() => stop(`not complete after ${totalMs / 1000} s`), totalMs);
  const timeoutError = () =>
    new ClinicSourceError(`could not fetch ${url}: ${timedOut ?? ''}`, 'timeout');
  try {
    wait();
    const response = await (started?.response ??
      fetch(url, { signal: controller.signal, credentials: 'same-origin' }));
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const { status } = response;
      const transient = status >= 500 || status === 408 || status === 429;
      throw new ClinicSourceError(
        `could not fetch ${url}: HTTP ${status}`,
        transient ? 'unavailable' : 'http',
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    const chunks: Uint8Array[] = [];
    let length = 0;
    const take = (chunk: Uint8Array) => {
      chunks.push(chunk);
      length += chunk.length;
      onChunk?.(chunk, contentType);
    };
    if (response.body) {
      reader = response.body.getReader();
      // Chunks that were already in (a request sent ahead) come one after another at once:
      // what `onChunk` does with them is cut into tasks of its own.
      let yieldAt = performance.now() + SLICE_MS;
      for (;;) {
        wait();
        const { done, value } = await reader.read();
        if (timedOut) throw timeoutError();
        if (done) break;
        take(value);
        if (performance.now() > yieldAt) {
          await nextTask();
          yieldAt = performance.now() + SLICE_MS;
        }
      }
    } else {
      take(new Uint8Array(await response.arrayBuffer()));
    }
    return { chunks, length, contentType };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof ClinicSourceError) throw error;
    if (timedOut) throw timeoutError();
    throw new ClinicSourceError(`could not fetch ${url}: ${(error as Error).message}`, 'network');
  } finally {
    clearTimeout(stall);
    clearTimeout(total);
    signal?.removeEventListener('abort', abandon);
  }
}
