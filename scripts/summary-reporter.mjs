// @web/test-runner reporter: ends the run with one line `wtr: N passed, N failed, N skipped`, written on
// process exit so it lands after the default reporter's buffered output. The test script reads it.
import { writeSync } from 'node:fs';

export function summaryReporter() {
  let line = 'wtr: 0 passed, 1 failed, 0 skipped';
  return {
    start() {
      process.once('exit', () => writeSync(1, `${line}\n`));
    },
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) walk(session.testResults);
        if (session.passed === false && failed === before) failed++; // launch or import error
      }
      line = `wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    },
  };
}
