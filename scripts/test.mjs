// npm test: every suite, against real services on 127.0.0.1, ending with one line
// `N passed, N failed` that totals them all.
import { spawn } from 'node:child_process';
import { ensureSystem } from './system.mjs';
import { startService, stopLeftovers, stopServices } from './services.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- wtr e2e`
const want = (suite) => !only.length || only.includes(suite);
const results = [];

/** Runs a command, echoing its output; resolves with the exit code and the output. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      output += c;
      process.stdout.write(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      output += c;
      process.stderr.write(c);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const count = (output, pattern) => Number(pattern.exec(output)?.[1] ?? 0);

/** A suite whose runner prints counts. A non-zero exit with no failure counted is one failure. */
async function suite(name, command, args, parse, env) {
  console.log(`\n── ${name} ──`);
  const { code, output } = await run(command, args, env);
  let { passed, failed } = parse(output);
  if (code !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed });
}

/** A single check (typecheck, build): one pass or one failure. */
const check = (name, command, args, env) =>
  suite(name, command, args, () => ({ passed: 0, failed: 0 }), env).then(() => {
    const last = results.at(-1);
    if (last.failed === 0) last.passed = 1;
  });

const nodeCounts = (output) => ({ passed: count(output, /^ℹ pass (\d+)/m), failed: count(output, /^ℹ fail (\d+)/m) });

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
  if (want('node')) await suite('node', process.execPath, ['--test', '--test-reporter=spec', 'test/node/'], nodeCounts, env);
  if (want('wtr')) {
    await suite('elements (Chromium)', 'npx', ['wtr'], (o) => ({
      passed: count(o, /^wtr: (\d+) passed/m),
      failed: count(o, /^wtr: \d+ passed, (\d+) failed/m),
    }), env);
  }
  if (want('e2e')) {
    const demo = await startService('demo-page', process.execPath, ['scripts/start.mjs', '--port', '0'], {
      ready: /Demo page:\s+(http:\/\/127\.0\.0\.1:\d+\/?\S*)/,
      env,
    });
    await suite('end-to-end (demo page)', process.execPath, ['--test', '--test-reporter=spec', 'test/e2e/'], nodeCounts, {
      ...env,
      DEMO_PAGE_URL: demo.value,
    });
  }
  if (want('wordpress')) {
    // Real WordPress sites (6.1, then 6.8) with the plugin: PHPUnit, Chromium, the debug log.
    const { wordpressSuites } = await import('./wordpress.mjs');
    await wordpressSuites({ instance: instance.value, startService, suite, results });
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
