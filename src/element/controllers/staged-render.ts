import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Draws the widget in two tasks: the first render has the search form and the status line; the
 * rest (filters, list, map area) follows in a task of its own, in space kept for it, so upgrading
 * and drawing the widget never make one long task on the host page.
 */
export class StagedRenderController implements ReactiveController {
  /** The second stage has been drawn (or is being drawn). */
  complete = false;

  readonly #host: ReactiveControllerHost;
  readonly #then: () => void;
  #completed: Promise<void> | undefined;

  /** `then` runs once both stages are drawn (the preset searches start there). */
  constructor(host: ReactiveControllerHost, then: () => void) {
    this.#host = host;
    this.#then = then;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#completed) return;
    this.#completed = new Promise<void>((resolve) =>
      setTimeout(() => {
        this.complete = true;
        this.#host.requestUpdate();
        resolve();
      }),
    );
    void this.#completed.then(() => this.#host.updateComplete).then(this.#then);
  }

  /** For the host's `getUpdateComplete`: `updateComplete` waits for both stages. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    const done = await update();
    if (this.complete || !this.#completed) return done;
    await this.#completed;
    return update();
  }
}
