// Long work cut into tasks of a few ms, so that a large clinic file adds no long task to the
// host page. Part of the clinic-source chunk.
import { nextTask } from './next-task.js';

/**
 * How long one task of a large file's reading may run: well under the 50 ms of a long task even
 * on a slow phone, where a fixed count of records (500 took 10 ms here) took 40-100 ms.
 */
export const SLICE_MS = 8;

/**
 * Runs `step` (a few records' work; true once all is done) in tasks of about {@link SLICE_MS}
 * each, yielding to the page between them.
 */
export async function inSlices(step: () => boolean, signal?: AbortSignal): Promise<void> {
  for (;;) {
    await nextTask();
    signal?.throwIfAborted();
    const end = performance.now() + SLICE_MS;
    let done: boolean;
    do done = step();
    while (!done && performance.now() < end);
    if (done) return;
  }
}
