// @web/test-runner reporter: lists the tests that took 5 s or more (WTR_SLOW_MS) at the end of a run,
// since on a loaded 2-core machine they near their timeout. Totals come from the JUnit report.
import { writeSync } from 'node:fs';
import { relative } from 'node:path';

const SLOW = Number(process.env.WTR_SLOW_MS || 5_000); // ms

export function slowReporter() {
  let slow = [];
  return {
    start() {
      // Written on exit, so it lands after the default reporter's buffered output.
      process.once('exit', () => slow.length && writeSync(1, `${slow.join('\n')}\n`));
    },
    stop({ sessions }) {
      const timed = [];
      const walk = (suite, file, path) => {
        for (const t of suite.tests) if (t.duration >= SLOW) timed.push({ name: [file, ...path, t.name].join(' > '), duration: t.duration });
        for (const s of suite.suites) walk(s, file, [...path, s.name]);
      };
      for (const session of sessions) if (session.testResults) walk(session.testResults, relative(process.cwd(), session.testFile), []);
      slow = timed.sort((a, b) => b.duration - a.duration).map((t) => `wtr: slow (${(t.duration / 1000).toFixed(1)} s): ${t.name}`);
    },
  };
}
