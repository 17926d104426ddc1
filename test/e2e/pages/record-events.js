/* global window, document, Element, HTMLAnchorElement */
// Test hook for embed.html: records every clinic-* event the page sees, and uncaught errors.
(() => {
  /** @type {object[]} */
  const events = [];
  /** @type {string[]} */
  const errors = [];
  Object.assign(window, { __events: events, __errors: errors });
  for (const type of ['clinic-search', 'clinic-select', 'clinic-action', 'clinic-error']) {
    document.addEventListener(type, (event) => {
      const target = event.composedPath()[0];
      const detail = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (event));
      events.push({
        type,
        widget: target instanceof Element ? target.id : '',
        trigger: detail.trigger,
        query: detail.query,
        action: detail.action,
        clinicId: detail.clinicId,
      });
    });
  }
  window.addEventListener('error', (event) => errors.push(String(event.message)));
  // The links' own navigation is not under test.
  document.addEventListener('click', (event) => {
    if (event.composedPath().some((el) => el instanceof HTMLAnchorElement)) event.preventDefault();
  });
})();
