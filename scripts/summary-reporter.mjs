// @web/test-runner reporter: ends the run with one line `wtr: N passed, N failed, N skipped`, written on
// process exit so it lands after the default reporter's buffered output. The test script reads it.
// Tests that took 5 s or more (WTR_SLOW_MS) are listed just before it: on a loaded machine they near their timeout.
import { writeSync } from 'node:fs';
import { relative } from 'node:path';

const SLOW = Number(process.env.WTR_SLOW_MS || 5_000); // ms

export function summaryReporter() {
  let line = 'wtr: 0 passed, 1 failed, 0 skipped';
  let slow = [];
  return {
    start() {
      process.once('exit', () => writeSync(1, `${[...slow, line].join('\n')}\n`));
    },
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const timed = [];
      const walk = (suite, file, path) => {
        for (const t of suite.tests) {
          t.skipped ? skipped++ : t.passed ? passed++ : failed++;
          if (t.duration >= SLOW) timed.push({ name: [file, ...path, t.name].join(' > '), duration: t.duration });
        }
        for (const s of suite.suites) walk(s, file, [...path, s.name]);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) walk(session.testResults, relative(process.cwd(), session.testFile), []);
        if (session.passed === false && failed === before) failed++; // launch or import error
      }
      slow = timed
        .sort((a, b) => b.duration - a.duration)
        .map((t) => `wtr: slow (${(t.duration / 1000).toFixed(1)} s): ${t.name}`);
      line = `wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    },
  };
}
