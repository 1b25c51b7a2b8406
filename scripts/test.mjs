// npm test: every suite, against real services on 127.0.0.1, ending with one line
// `N passed, N failed` that totals them all. Each suite's runner writes a JUnit report under
// .run/reports/, and the totals come from those reports (scripts/junit.mjs), not from its output.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nodeTestArgs, REPORTS, reportCounts } from './junit.mjs';
import { ensureSystem } from './system.mjs';
import { startService, stopLeftovers, stopServices } from './services.mjs';

const args = process.argv.slice(2); // e.g. `npm test -- wtr e2e`, `npm test -- wordpress 6.8`
const versions = args.filter((a) => /^\d+\.\d+$/.test(a));
const only = args.filter((a) => !versions.includes(a));
const want = (suite) => !only.length || only.includes(suite);
const results = [];

/** Runs a command, its output passed through; resolves with the exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => (console.error(error.message), resolve(1)));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * A suite counted from the JUnit report its runner writes to `report` (deleted first, so an old one
 * never counts). A missing report is one failure; so is a non-zero exit when the report counts none,
 * and a report without a single test (nothing ran).
 */
async function suite(name, command, args, { env, report }) {
  console.log(`\n── ${name} ──`);
  mkdirSync(REPORTS, { recursive: true });
  rmSync(report, { force: true });
  const code = await run(command, args, env);
  let { passed, failed, skipped } = reportCounts(report);
  if (failed === 0 && (code !== 0 || passed + skipped === 0)) failed = 1;
  results.push({ name, passed, failed });
}

/** A single check (typecheck, build): one pass or one failure, by exit code. */
async function check(name, command, args, env) {
  console.log(`\n── ${name} ──`);
  const code = await run(command, args, env);
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

const report = (slug) => join(REPORTS, `${slug}.xml`);

stopLeftovers();
ensureSystem(['chromium']);

try {
  const instance = await startService('demo-instance', process.execPath, ['demo/instance/server.mjs', '--port', '0'], {
    ready: /(http:\/\/127\.0\.0\.1:\d+)/,
  });
  const env = { DEMO_INSTANCE_URL: instance.value };
  console.log(`Demo instance: ${instance.value} (pid ${instance.pid})`);

  if (want('typecheck')) await check('typecheck', 'npx', ['tsc', '-p', '.']);
  if (want('build')) await check('build', 'node', ['scripts/build.mjs']);
  if (want('lint')) for (const linter of ['eslint', 'lit', 'php']) await check(`lint: ${linter}`, 'node', ['scripts/lint.mjs', linter]);
  if (want('node')) await suite('node', process.execPath, nodeTestArgs(report('node'), ['test/node/']), { env, report: report('node') });
  // web-test-runner.config.mjs writes its JUnit report where WTR_JUNIT says.
  if (want('wtr')) await suite('elements (Chromium)', 'npx', ['wtr'], { env: { ...env, WTR_JUNIT: report('wtr') }, report: report('wtr') });
  if (want('e2e')) {
    const demo = await startService('demo-page', process.execPath, ['scripts/start.mjs', '--port', '0'], {
      ready: /Demo page:\s+(http:\/\/127\.0\.0\.1:\d+\/?\S*)/,
      env,
    });
    await suite('end-to-end (demo page)', process.execPath, nodeTestArgs(report('e2e'), ['test/e2e/']), {
      env: { ...env, DEMO_PAGE_URL: demo.value },
      report: report('e2e'),
    });
  }
  if (want('wordpress')) {
    // Real WordPress sites (6.1, then 6.8) with the plugin: PHPUnit, Chromium, the debug log.
    const { wordpressSuites, VERSIONS } = await import('./wordpress-sites.mjs');
    await wordpressSuites({ instance: instance.value, startService, suite, results, versions: versions.length ? versions : VERSIONS });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  results.push({ name: 'services', passed: 0, failed: 1 });
} finally {
  stopServices();
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log('\nSuites:');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || !results.length ? 1 : 0;
