import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClinicDataController } from './clinic-data.js';
import type { StructuredDataWriter } from './structured-data-writer.js';

/**
 * `structured-data` on a member site: one `<script type="application/ld+json">` beside the
 * element (in the document, where search engines read it, not in the shadow root) describing
 * the organization's clinics as schema.org `MedicalClinic`s. Written once the clinics are loaded
 * (they load for it even out of view), replaced when they or the organization change, removed
 * with the element or the attribute. Its code (structured-data-writer.ts and the schema.org
 * builder) loads only on pages that ask for it.
 */
export class StructuredDataController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #data: ClinicDataController;
  readonly #options: { enabled: () => boolean; organization: () => string };
  #writer: StructuredDataWriter | undefined;
  #loading = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    data: ClinicDataController,
    options: { enabled: () => boolean; organization: () => string },
  ) {
    this.#host = host;
    this.#data = data;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#writer) return this.#writer.update();
    if (!this.#options.enabled() || this.#loading) return;
    this.#loading = true;
    import('./structured-data-writer.js').then(
      ({ StructuredDataWriter }) => {
        this.#writer = new StructuredDataWriter(this.#host, this.#data, this.#options);
        if (this.#host.isConnected) this.#writer.update();
      },
      () => (this.#loading = false), // not written; the next update tries again
    );
  }

  hostDisconnected(): void {
    this.#writer?.remove();
  }
}
