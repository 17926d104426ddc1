// The script-tag entry: registers <clinic-locator> and nothing else. Guarded so that a page
// including the script twice (or another copy of the widget) does not throw.
import { ClinicLocator } from './element/clinic-locator.component.js';

// Only where custom elements exist: a server runtime with DOM classes but no registry imports
// this module without effect.
if (typeof customElements !== 'undefined' && !customElements.get('clinic-locator')) {
  customElements.define('clinic-locator', ClinicLocator);
}

declare global {
  interface HTMLElementTagNameMap {
    'clinic-locator': ClinicLocator;
  }
}
