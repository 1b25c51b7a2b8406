// scripts/junit.mjs: npm test's totals come from JUnit reports, so the counting must match what
// each runner writes (node's test runner, @web/test-runner, PHPUnit) and fail safe on a bad report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { countJUnit, nodeTestArgs, reportCounts } from '../../scripts/junit.mjs';

const dir = mkdtempSync(join(tmpdir(), 'junit-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('countJUnit', () => {
  it('counts PHPUnit’s nested suites, failures, errors and skipped tests', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="embeds-for-mobilizon" tests="6" assertions="9" errors="1" failures="1" skipped="1">
    <testsuite name="RenderTest" file="RenderTest.php" tests="5">
      <testcase name="test_a" class="RenderTest" assertions="2" time="0.01"/>
      <testcase name="test_b" class="RenderTest" assertions="1" time="0.01">
        <failure type="PHPUnit\\Framework\\ExpectationFailedException">Failed asserting that '&lt;p&gt;' contains "x".</failure>
      </testcase>
      <testcase name="test_c" class="RenderTest"><error type="Error">Call to undefined function</error></testcase>
      <testcase name="test_d" class="RenderTest"><skipped/></testcase>
      <testsuite name="RenderTest::test_provider" tests="2">
        <testcase name="test_provider with data set #0" assertions="1"/>
        <testcase name="test_provider with data set #1" assertions="1"><system-out>printed</system-out></testcase>
      </testsuite>
    </testsuite>
  </testsuite>
</testsuites>`;
    assert.deepEqual(countJUnit(xml), { passed: 3, failed: 2, skipped: 1 });
  });

  it('counts a @web/test-runner report, ignoring the suites’ own totals and CDATA contents', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="Chrome_headless" id="0" tests="3" skipped="0" errors="9" failures="9" time="1.2">
    <properties><property name="test.fileName" value="test/elements/month.test.ts"/></properties>
    <testcase name="renders" classname="month" file="test/elements/month.test.ts"/>
    <testcase name="fails" classname="month"><failure message="expected 1 to equal 2" type="AssertionError"><![CDATA[<testcase name="fake"/>]]></failure></testcase>
    <testcase name="later" classname="month"><skipped/></testcase>
    <!-- <testcase name="commented out"/> -->
    <system-out><![CDATA[console: <testcase/>]]></system-out>
  </testsuite>
</testsuites>`;
    assert.deepEqual(countJUnit(xml), { passed: 1, failed: 1, skipped: 1 });
  });

  it('counts an empty run as nothing passed', () => {
    assert.deepEqual(countJUnit('<testsuites></testsuites>'), { passed: 0, failed: 0, skipped: 0 });
    assert.deepEqual(countJUnit('<testsuite name="x" tests="0"/>'), { passed: 0, failed: 0, skipped: 0 });
  });

  it('rejects what is not a whole JUnit report', () => {
    assert.throws(() => countJUnit(''), /not a JUnit report/);
    assert.throws(() => countJUnit('<html><body>502 Bad Gateway</body></html>'), /not a JUnit report/);
    assert.throws(() => countJUnit('<testsuites><testsuite name="a"><testcase name="b"/>'), /unbalanced/);
  });
});

describe('reportCounts', () => {
  it('counts a missing report as one failure', () => {
    assert.deepEqual(reportCounts(join(dir, 'missing.xml')), { passed: 0, failed: 1, skipped: 0 });
  });

  it('counts a truncated report as one failure', () => {
    const file = join(dir, 'cut.xml');
    writeFileSync(file, '<testsuites><testsuite name="a"><testcase name="b"/><testcase name="c">');
    assert.deepEqual(reportCounts(file), { passed: 0, failed: 1, skipped: 0 });
  });

  it('reads what node --test writes with the arguments npm test gives it', () => {
    const spec = join(dir, 'sample.test.mjs');
    writeFileSync(
      spec,
      `import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
describe('outer', () => {
  it('passes', () => {});
  it('fails', () => assert.equal(1, 2));
  it('is skipped', { skip: true }, () => {});
  describe('inner', () => {
    it('passes too', () => {});
  });
});
it('top level passes', () => {});
`,
    );
    const report = join(dir, 'node.xml');
    // Not as a child of this test run (which node tells a runner through NODE_TEST_CONTEXT).
    const { NODE_TEST_CONTEXT, ...env } = process.env;
    const run = spawnSync(process.execPath, nodeTestArgs(report, [spec]), { encoding: 'utf8', env });
    assert.equal(run.status, 1, 'the runner exits non-zero on a failure');
    assert.match(run.stdout, /✖ fails/, 'the spec reporter still writes to stdout');
    assert.deepEqual(reportCounts(report), { passed: 3, failed: 1, skipped: 1 });
  });
});
