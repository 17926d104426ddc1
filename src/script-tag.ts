// The entry of the script-tag build (dist/clinic-locator.js imports it): registers
// <clinic-locator> like src/clinic-locator.ts, but in a task of its own, so evaluating this
// module and upgrading and rendering the widgets on the page are two short tasks for the host
// page instead of one long one. (The npm package's entry registers at once.)
import { ClinicLocator } from './element/clinic-locator.component.js';

setTimeout(() => {
  if (!customElements.get('clinic-locator')) {
    customElements.define('clinic-locator', ClinicLocator);
  }
});
