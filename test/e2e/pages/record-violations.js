/* global window, document */
// Test hook for the hostile pages, loaded before the widget's script. It is an external file
// because strict-csp.html forbids inline scripts: it records every Content-Security-Policy
// violation and uncaught error, for the test to read from the iframe's window.
(() => {
  /** @type {object[]} */
  const violations = [];
  /** @type {string[]} */
  const errors = [];
  Object.assign(window, { __cspViolations: violations, __errors: errors });
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push({
      blockedURI: e.blockedURI,
      violatedDirective: e.violatedDirective,
      sourceFile: e.sourceFile,
      lineNumber: e.lineNumber,
      sample: e.sample,
    });
  });
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
})();
