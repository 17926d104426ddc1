// Prints one plain closing line, `N passed, N failed` (plus `, N skipped` when any), after the
// test runner's own report, because its counts live inside a progress-bar line CI cannot read.

/**
 * @param {import('@web/test-runner').TestSuiteResult} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function count(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) count(child, counts);
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, counts);
        // A file that failed to load or threw outside a test has no test results to count.
        if (!session.passed && (!session.testResults || session.errors.length > 0)) broken++;
      }
      counts.failed += broken;
      // Checks run in Node before the browser suite (scripts/test.ts) count here too.
      counts.passed += Number(process.env.NODE_TESTS_PASSED ?? 0);
      counts.failed += Number(process.env.NODE_TESTS_FAILED ?? 0);
      const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
      // Written after the runner's dynamic output is torn down, so it stays the last line.
      process.on('exit', () => {
        process.stdout.write(`${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
      });
    },
  };
}
