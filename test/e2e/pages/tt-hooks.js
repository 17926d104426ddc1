/* global window, document */
// Test hook for the tt-, css- and proto- pages (test/e2e/trusted-types.test.ts,
// test/e2e/hostile-map.test.ts), loaded before the widget's script: records clinic-error events,
// uncaught errors, unhandled promise rejections and Content-Security-Policy (Trusted Types)
// violations.
(() => {
  /** @type {{ source: unknown, message: unknown }[]} */
  const clinicErrors = [];
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const rejections = [];
  /** @type {string[]} */
  const violations = [];
  Object.assign(window, {
    __clinicErrors: clinicErrors,
    __errors: errors,
    __rejections: rejections,
    __violations: violations,
  });
  document.addEventListener('clinic-error', (event) => {
    const detail = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (event));
    clinicErrors.push({ source: detail.source, message: detail.message });
  });
  window.addEventListener('error', (event) => errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    rejections.push(reason instanceof Error ? reason.message : String(reason));
  });
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective}: ${event.sample} (${event.sourceFile})`),
  );
})();
