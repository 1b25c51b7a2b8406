// Counts in a JUnit XML report (as node's test runner, @web/test-runner and PHPUnit write them):
// every <testcase>, failed when it holds a <failure> or an <error>, skipped when it holds a <skipped>.
// Suites' own totals (attributes) are not trusted: they differ between runners.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where npm test's suites write their reports. */
export const REPORTS = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), '.run/reports');

/** { passed, failed, skipped } of one report's text. Throws when the text is not a JUnit report. */
export function countJUnit(xml) {
  const text = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '');
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let root = null;
  let testcase = null; // { failed, skipped } of the open <testcase>
  let depth = 0;
  const close = () => {
    if (testcase.failed) counts.failed++;
    else if (testcase.skipped) counts.skipped++;
    else counts.passed++;
    testcase = null;
  };
  for (const [, slash, name, , selfClosing] of text.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*)(\/?)>/g)) {
    if (!slash) {
      root ??= name;
      if (name === 'testcase') {
        if (testcase) throw new Error('JUnit report: a <testcase> inside a <testcase>');
        testcase = { failed: false, skipped: false };
        if (selfClosing) close();
      } else if (testcase && (name === 'failure' || name === 'error')) testcase.failed = true;
      else if (testcase && name === 'skipped') testcase.skipped = true;
      if (!selfClosing) depth++;
    } else {
      depth--;
      if (name === 'testcase' && testcase) close();
    }
  }
  if (root !== 'testsuites' && root !== 'testsuite') throw new Error(`not a JUnit report (root element: ${root ?? 'none'})`);
  if (testcase || depth !== 0) throw new Error('JUnit report: unbalanced elements (cut short?)');
  return counts;
}

/** Counts of a report file; a missing or unreadable report is one failure. */
export function reportCounts(file) {
  try {
    return countJUnit(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : error}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

/** node --test with the spec reporter for people (stdout) and a JUnit report for the totals. */
export const nodeTestArgs = (report, rest) => [
  '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${report}`, ...rest,
];
