import type { ReactiveControllerHost } from 'lit';
import type { Clinic } from '../../domain/clinic.js';

/** How the last share went, shown on that clinic's card. */
export interface Shared {
  id: string;
  state: 'copied' | 'failed';
  href: string;
}

/**
 * A link to one clinic, for the visitor to send to someone: the system share sheet where there
 * is one, else copied to the clipboard ("Link copied"), else shown to copy by hand.
 */
export class ShareController {
  /** The last share that needs saying on its card. */
  shared: Shared | undefined;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  async share(clinic: Clinic, href: string): Promise<void> {
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: clinic.name, url: href });
        return;
      }
      await navigator.clipboard.writeText(href);
      this.shared = { id: clinic.id, state: 'copied', href };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return; // sheet closed
      this.shared = { id: clinic.id, state: 'failed', href };
    }
    this.#host.requestUpdate();
  }
}
