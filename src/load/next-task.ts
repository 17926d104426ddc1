/**
 * Resolves in a new task, so that work after it does not add to the task that awaited it: long
 * preparations (decoding, indexing) are split into tasks the browser can handle input between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
