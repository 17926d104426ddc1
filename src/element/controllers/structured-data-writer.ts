import type { ReactiveControllerHost } from 'lit';
import type { Clinic } from '../../domain/clinic.js';
import { filterClinics } from '../../domain/filter.js';
import { trustedScript } from '../../trusted-types.js';
import { ClinicErrorEvent } from '../events.js';
import type { ClinicDataController } from './clinic-data.js';
import { Latest } from './latest.js';

/**
 * Writes the `structured-data` script (see StructuredDataController, which loads this module on
 * pages that ask for it): one `<script type="application/ld+json">` beside the element, replaced
 * when the clinics or the organization change, removed with the element or the attribute.
 */
export class StructuredDataWriter {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: { enabled: () => boolean; organization: () => string };
  readonly #data: ClinicDataController;
  readonly #latest = new Latest();
  #script: HTMLScriptElement | undefined;
  /** What the script describes: the clinic list and the organization. */
  #for: [readonly Clinic[], string] | undefined;
  /** The page refused the policy a script's text needs: it will not change, so never again. */
  #refused = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    data: ClinicDataController,
    options: { enabled: () => boolean; organization: () => string },
  ) {
    this.#host = host;
    this.#data = data;
    this.#options = options;
  }

  /** After each update of the element. */
  update(): void {
    const organization = this.#options.organization().trim();
    if (!this.#options.enabled() || !organization) return this.#remove();
    if (this.#refused) return;
    const clinics = this.#data.clinics;
    if (!clinics) {
      void this.#data.list().catch(() => undefined); // the failure is shown and reported already
      return;
    }
    if (this.#for?.[0] === clinics && this.#for[1] === organization && this.#script?.isConnected) {
      return;
    }
    this.#for = [clinics, organization];
    const signal = this.#latest.next();
    void import('../../domain/structured-data.js').then(({ structuredDataText }) => {
      if (signal.aborted || !this.#host.isConnected) return;
      const script = this.#script ?? this.#host.ownerDocument.createElement('script');
      script.type = 'application/ld+json';
      script.dataset.clinicLocator = '';
      const own = filterClinics(clinics, { organization });
      this.#data.links(own);
      const json = structuredDataText(own);
      try {
        // A script's text is a Trusted Types sink, whatever its type: through the widget's policy.
        script.textContent = trustedScript(json);
      } catch (error) {
        // The page enforces Trusted Types and refused the `clinic-locator` policy: no structured
        // data, said once; the widget itself is unaffected.
        this.#refused = true;
        const message = `structured data left out: ${error instanceof Error ? error.message : String(error)}`;
        console.error(`clinic-locator: ${message}`);
        this.#host.dispatchEvent(
          new ClinicErrorEvent({ source: 'structured-data', message, fatal: false }),
        );
        return;
      }
      if (script.previousElementSibling !== this.#host) this.#host.after(script);
      this.#script = script;
    });
  }

  /** The element left the page. */
  remove(): void {
    this.#remove();
  }

  #remove(): void {
    this.#latest.cancel();
    this.#script?.remove();
    this.#script = undefined;
    this.#for = undefined;
  }
}
