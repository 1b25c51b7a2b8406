// Element tests in Debian's Chromium against the demo instance over HTTP (never a mocked fetch).
// `npm test` starts the demo instance and passes its URL; run alone, this config starts its own.
// Every test page loads test/elements/setup.ts after the test framework and before the test file: an
// uncaught error or unhandled rejection fails the test during which it happens.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { startDemoInstance } from './demo/instance/server.mjs';
import { graphqlWds } from './scripts/graphql-plugin.mjs';
import { slowReporter } from './scripts/slow-reporter.mjs';

const instance = process.env.DEMO_INSTANCE_URL ?? (await startDemoInstance({ port: 0 })).url;

const args = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** `executeServerCommand('emulate-timezone', { zone })`: the page's visitor lives in that IANA zone (before anything asks it). */
const timezonePlugin = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    await session.browser.getPage(session.id).emulateTimezone(payload.zone);
    return true;
  },
};

export default {
  files: process.env.WTR_FILES ?? 'test/elements/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: Number(process.env.WTR_FINISH ?? 240_000),
  testFramework: { config: { timeout: 20_000 } },
  filterBrowserLogs: ({ args: logged }) => !String(logged[0]).includes('Lit is in dev mode'),
  // For people, the default reporter and the slow tests; for npm test's totals, a JUnit report (where WTR_JUNIT says).
  reporters: [defaultReporter(), slowReporter(), junitReporter({ outputPath: process.env.WTR_JUNIT ?? '.run/reports/wtr.xml' })],
  plugins: [timezonePlugin, graphqlWds(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args } })],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>window.DEMO_INSTANCE = ${JSON.stringify(instance)};</script></head>
    <body><script type="module">import '${testFramework}'; import '/test/elements/setup.ts';</script></body></html>`,
};
