/**
 * "The last one wins" for one kind of asynchronous work: each `next()` starts a run and aborts
 * the one before, so an answer that arrives after a newer request was made can tell it is stale
 * (`signal.aborted`) and drop itself. One per concern (suggestions, clinic data, the map), owned
 * by that concern's controller; the search uses `@lit/task`, which does the same.
 */
export class Latest {
  #current: AbortController | undefined;

  /** Starts a run: the previous one, if any, is aborted. */
  next(): AbortSignal {
    this.#current?.abort();
    this.#current = new AbortController();
    return this.#current.signal;
  }

  /** Aborts the current run, if any, without starting another. */
  cancel(): void {
    this.#current?.abort();
    this.#current = undefined;
  }
}
