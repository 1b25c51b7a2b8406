#!/usr/bin/env node
// `npm run bench`: <mobilizon-events> beside FullCalendar (dayGridMonth / listMonth), same events, same
// delayed synthetic server, in Debian's Chromium. Prints a table and writes bench/results.md.
// Figures, never assertions. BENCH_RUNS (default 5), BENCH_DELAY (ms, default 100), BENCH_CYCLES (default 200);
// BENCH_ONLY=month-1000,list-100 runs those scenarios alone and prints them without writing bench/results.md.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createLog, nextMonth, startInstance, startSite } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const DELAY = Math.max(1, Number(process.env.BENCH_DELAY) || 100);
const CYCLES = Math.max(1, Number(process.env.BENCH_CYCLES) || 200);
const COUNTS = [100, 1000, 3000];
const LIBS = ['widget', 'fullcalendar'];
const LABEL = { widget: 'mobilizon-embed', fullcalendar: 'FullCalendar' };
/** No request for this long (and none in flight): the page has settled. */
const QUIET = Math.max(400, 3 * DELAY);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();

if (!existsSync(join(ROOT, 'dist/mobilizon-embed.js'))) {
  console.log('dist/ is missing: building it (node scripts/build.mjs)…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// ------------------------------------------------------------------ in-page helpers

/** Runs in every document before its scripts: resolves `__benchPainted` once an event is painted.
 * Each frame it looks for an event (`part~=event` in any shadow root, FullCalendar's `.fc-event`); the
 * frame after the one that found it starts once that frame is painted: that instant is the paint
 * time. Two frames later the promise resolves (the figures are read then). */
const PROBE = `(() => {
  const SELECTOR = '[part~="event"], .fc-event';
  const find = (root) => {
    if (root.querySelector(SELECTOR)) return true;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot && find(el.shadowRoot)) return true;
    return false;
  };
  window.__benchFind = find;
  window.__benchPainted = new Promise((resolve) => {
    const tick = () => {
      if (!document.body || !find(document)) return requestAnimationFrame(tick);
      requestAnimationFrame(() => {
        const paint = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ paint })));
      });
    };
    requestAnimationFrame(tick);
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  /* A second element (or calendar, fed the events as an array) beside the first; resolves once its
     first event is found (then \`settle\` frames more: 3 for its paint and two frames), or false after
     600 frames. */
  window.__benchAttach = async (lib, settle = 3) => {
    let root;
    if (lib === 'widget') {
      const first = document.querySelector('mobilizon-events');
      const el = document.createElement('mobilizon-events');
      for (const a of first.attributes) el.setAttribute(a.name, a.value);
      document.body.append(el);
      window.__benchDetach = () => el.remove();
      root = () => el.shadowRoot ?? el;
    } else {
      const { Calendar, options } = window.benchFullCalendar;
      const div = document.createElement('div');
      document.body.append(div);
      const calendar = new Calendar(div, { ...options, events: window.__benchEvents });
      calendar.render();
      window.__benchDetach = () => {
        calendar.destroy();
        div.remove();
      };
      root = () => div;
    }
    for (let i = 0; i < 600; i++) {
      if (find(root())) {
        for (let f = 0; f < settle; f++) await frame();
        return true;
      }
      await frame();
    }
    return false;
  };
})();`;

/** Every node (elements, text, comments), shadow roots included. */
function countNodes() {
  let nodes = 0;
  let elements = 0;
  const walk = (node) => {
    nodes++;
    if (node.nodeType === 1) elements++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(document);
  return { nodes, elements };
}

/** `count` times: a second element (or calendar) until its first event shows, then removed. */
async function attachDetach({ lib, count }) {
  let missed = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    if (!(await window.__benchAttach(lib, 0))) missed++;
    window.__benchDetach();
  }
  return { ms: performance.now() - t0, missed };
}

/** FullCalendar's events of the page's month as an array (as the widget's are in its cache, once loaded). */
async function fetchCalendarEvents() {
  const { options } = window.benchFullCalendar;
  const [y, m] = options.initialDate.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, -7)).toISOString();
  const end = new Date(Date.UTC(y, m, 14)).toISOString();
  window.__benchEvents = await (await fetch(`${options.events}?start=${start}&end=${end}`)).json();
}

// ------------------------------------------------------------------ measuring

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

async function waitQuiet(log) {
  for (;;) {
    await sleep(50);
    if (log.inflight === 0 && Date.now() - log.last >= QUIET) return;
  }
}

async function taskDuration(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/** Counts what the servers answered since `mark`. */
function served(log, mark) {
  const list = log.requests.slice(mark);
  return {
    requests: list.length,
    options: list.filter((r) => r.method === 'OPTIONS').length,
    api: list.filter((r) => r.server.startsWith('instance') && r.method !== 'OPTIONS').length,
    events: list.reduce((n, r) => n + (r.items ?? 0), 0),
    jsDecoded: list.filter((r) => /\.js(\?|$)/.test(r.path)).reduce((n, r) => n + r.bytes, 0),
  };
}

/**
 * One cold load in a fresh context (then, if asked, a warm load in the same tab and the heap cycles).
 * Returns the figures of each part.
 */
async function measure(browser, env, { lib, view, n, warm = false, heap = false, render = false }) {
  const { log, site } = env;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.set(e.requestId, 0));
  cdp.on('Network.loadingFinished', (e) => scripts.has(e.requestId) && scripts.set(e.requestId, e.encodedDataLength));
  const url = `${site.url}/page/${lib}-${view}?n=${n}`;
  const out = {};
  try {
    await page.goto(`${site.url}/blank`);
    await waitQuiet(log);
    // Cold: the main-thread time from navigation to the first event painted (two frames later).
    scripts.clear();
    let mark = log.requests.length;
    const before = await taskDuration(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    const { paint } = await page.evaluate(() => window.__benchPainted);
    const after = await taskDuration(cdp);
    await waitQuiet(log);
    // A renderer swapped during the navigation starts its count afresh.
    const cold = { paint, rt: paint / DELAY, main: after >= before ? after - before : after, ...(await page.evaluate(countNodes)), ...served(log, mark) };
    cold.jsTransfer = [...scripts.values()].reduce((a, b) => a + b, 0);
    out.cold = cold;
    if (warm || heap) {
      // Warm: the same page again in the same tab (HTTP cache, sessionStorage).
      scripts.clear();
      mark = log.requests.length;
      await page.goto(url, { waitUntil: 'commit' });
      const w = await page.evaluate(() => window.__benchPainted);
      await waitQuiet(log);
      out.warm = { paint: w.paint, rt: w.paint / DELAY, ...served(log, mark) };
    }
    if (lib === 'fullcalendar' && (heap || render)) await page.evaluate(fetchCalendarEvents);
    if (render) {
      // Render alone: a second month beside the first, its data already in memory (the widget's
      // answers and their models in its cache, filtered and laid out again; FullCalendar's as an array).
      const before = await taskDuration(cdp);
      const ok = await page.evaluate((l) => window.__benchAttach(l), lib);
      const after = await taskDuration(cdp);
      await page.evaluate(() => window.__benchDetach());
      if (ok && after >= before) out.render = { main: after - before };
    }
    if (heap) {
      const used = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      mark = log.requests.length;
      const h0 = await used();
      const cycles = await page.evaluate(attachDetach, { lib, count: CYCLES });
      const h1 = await used();
      out.heap = { growth: h1 - h0, before: h0, after: h1, cycleMs: cycles.ms / CYCLES, missed: cycles.missed, requests: log.requests.length - mark };
    }
  } finally {
    out.errors = errors;
    await context.close();
  }
  return out;
}

// ------------------------------------------------------------------ the run

const month = nextMonth();
const log = createLog();
const instances = new Map();
for (const count of COUNTS) instances.set(count, await startInstance({ count, month, delay: DELAY, log }));
const site = await startSite({ delay: DELAY, log, instances, month });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});
const env = { log, site };

/** The scenarios of one run; each is measured for both libraries, back to back. */
const SCENARIOS = [
  { key: 'month-100', view: 'month', n: 100, warm: true, heap: true, render: true },
  { key: 'month-1000', view: 'month', n: 1000, render: true },
  { key: 'month-3000', view: 'month', n: 3000, render: true },
  { key: 'list-100', view: 'list', n: 100, warm: true },
  // The plain list most sites paste: upcoming events, no dates (FullCalendar: the same listMonth).
  { key: 'upcoming-100', view: 'upcoming', n: 100 },
];
const ONLY = process.env.BENCH_ONLY?.split(',').map((k) => k.trim()).filter(Boolean);
if (ONLY) SCENARIOS.splice(0, SCENARIOS.length, ...SCENARIOS.filter((s) => ONLY.includes(s.key)));
const results = Object.fromEntries(LIBS.map((lib) => [lib, Object.fromEntries(SCENARIOS.map((s) => [s.key, []]))]));
const pageErrors = new Set();

try {
  // Warm-up (not counted): Chromium's first page pays for its own start.
  for (const lib of LIBS) await measure(browser, env, { lib, view: 'month', n: 100 });
  for (let run = 0; run < RUNS; run++) {
    for (const s of SCENARIOS) {
      // Interleaved, and which library goes first alternates from run to run.
      for (const lib of run % 2 ? [...LIBS].reverse() : LIBS) {
        const r = await measure(browser, env, { lib, ...s });
        r.errors.forEach((e) => pageErrors.add(`${lib} ${s.key}: ${e}`));
        results[lib][s.key].push(r);
      }
    }
    process.stdout.write(`run ${run + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
} finally {
  const version = browser.version();
  await browser.close();
  await Promise.all([site.close(), ...[...instances.values()].map((i) => i.close())]);
  env.version = version;
}

// ------------------------------------------------------------------ the report

const pick = (lib, key, part, field) => results[lib][key].map((r) => r[part]?.[field]);
const med = (lib, key, part, field) => median(pick(lib, key, part, field));
const range = (lib, key, part, field, fmt) => {
  const v = pick(lib, key, part, field).filter(Number.isFinite);
  return v.length > 1 ? ` (${fmt(Math.min(...v))}–${fmt(Math.max(...v))})` : '';
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');
const kb = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) : '–');
const rt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const int = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');

const ROWS = [
  ...COUNTS.map((n) => ({ label: `month ${n} events: main-thread ms to render, data in memory`, key: `month-${n}`, part: 'render', field: 'main', fmt: ms, spread: true })),
  ...COUNTS.map((n) => ({ label: `month ${n} events: main-thread ms to first event painted`, key: `month-${n}`, part: 'cold', field: 'main', fmt: ms, spread: true })),
  ...COUNTS.map((n) => ({ label: `month ${n} events: DOM nodes (shadow roots included)`, key: `month-${n}`, part: 'cold', field: 'nodes', fmt: int })),
  ...COUNTS.map((n) => ({ label: `month ${n} events: of which elements`, key: `month-${n}`, part: 'cold', field: 'elements', fmt: int })),
  ...COUNTS.map((n) => ({ label: `month ${n} events: events transferred`, key: `month-${n}`, part: 'cold', field: 'events', fmt: int })),
  { label: 'list 100 events: DOM nodes', key: 'list-100', part: 'cold', field: 'nodes', fmt: int },
  { label: 'list: main-thread ms to first event painted', key: 'list-100', part: 'cold', field: 'main', fmt: ms, spread: true },
  { label: 'month: JS KB transferred (gzip)', key: 'month-100', part: 'cold', field: 'jsTransfer', fmt: kb },
  { label: 'month: JS KB decoded', key: 'month-100', part: 'cold', field: 'jsDecoded', fmt: kb },
  { label: 'list: JS KB transferred (gzip)', key: 'list-100', part: 'cold', field: 'jsTransfer', fmt: kb },
  ...COUNTS.map((n) => ({ label: `month ${n}: requests, all`, key: `month-${n}`, part: 'cold', field: 'requests', fmt: int })),
  ...COUNTS.map((n) => ({ label: `month ${n}: API requests + OPTIONS preflights`, key: `month-${n}`, part: 'cold', fields: ['api', 'options'], join: (a, b) => `${a} + ${b}` })),
  { label: 'list: requests, all', key: 'list-100', part: 'cold', field: 'requests', fmt: int },
  { label: 'list: API requests + OPTIONS preflights', key: 'list-100', part: 'cold', fields: ['api', 'options'], join: (a, b) => `${a} + ${b}` },
  { label: 'list: cold first-event paint, round trips (ms ÷ delay)', key: 'list-100', part: 'cold', field: 'rt', fmt: rt, spread: true },
  { label: 'plain upcoming list: cold first-event paint, round trips', key: 'upcoming-100', part: 'cold', field: 'rt', fmt: rt, spread: true },
  { label: 'plain upcoming list: API requests + OPTIONS preflights', key: 'upcoming-100', part: 'cold', fields: ['api', 'options'], join: (a, b) => `${a} + ${b}` },
  { label: 'month 100: cold first-event paint, round trips', key: 'month-100', part: 'cold', field: 'rt', fmt: rt, spread: true },
  { label: 'month 3000: cold first-event paint, round trips', key: 'month-3000', part: 'cold', field: 'rt', fmt: rt, spread: true },
  { label: 'list: warm first-event paint, ms', key: 'list-100', part: 'warm', field: 'paint', fmt: ms, spread: true },
  { label: 'list: warm, requests (of which API)', key: 'list-100', part: 'warm', fields: ['requests', 'api'], join: (a, b) => `${a} (${b})` },
  { label: 'month 100: warm first-event paint, ms', key: 'month-100', part: 'warm', field: 'paint', fmt: ms, spread: true },
  { label: 'month 100: warm, requests (of which API)', key: 'month-100', part: 'warm', fields: ['requests', 'api'], join: (a, b) => `${a} (${b})` },
  { label: `month 100: heap growth over ${CYCLES} attach/detach, KB`, key: 'month-100', part: 'heap', field: 'growth', fmt: kb, spread: true },
  { label: 'month 100: ms per attach/detach cycle', key: 'month-100', part: 'heap', field: 'cycleMs', fmt: (x) => (Number.isFinite(x) ? x.toFixed(1) : '–') },
];

const cell = (row, lib, withSpread) => {
  if (row.fields) {
    const [a, b] = row.fields.map((f) => med(lib, row.key, row.part, f));
    return row.join(int(a), int(b));
  }
  const v = row.fmt(med(lib, row.key, row.part, row.field));
  return withSpread && row.spread ? v + range(lib, row.key, row.part, row.field, row.fmt) : v;
};

const table = (withSpread) => {
  const rows = ROWS.filter((row) => results.widget[row.key]);
  const lines = [`| median of ${RUNS} | ${LIBS.map((l) => LABEL[l]).join(' | ')} |`, `|---|${LIBS.map(() => '---:').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.label} | ${LIBS.map((l) => cell(row, l, withSpread)).join(' | ')} |`);
  return lines.join('\n');
};

const cpus = os.cpus();
const machine = [
  `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- machine: ${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
  `- Chromium ${env.version} (headless, ${process.env.CHROME_PATH || '/usr/bin/chromium'}), Node ${process.version}`,
  `- runs: ${RUNS} (medians; ranges in brackets), delay ${DELAY} ms on every response, ${CYCLES} attach/detach cycles, month ${month}, whole run ${((Date.now() - started) / 1000).toFixed(0)} s`,
].join('\n');

const missed = LIBS.flatMap((lib) => (results[lib]['month-100'] ?? []).map((r) => r.heap?.missed ?? 0)).reduce((a, b) => a + b, 0);
const notes = `## How it was measured

\`npm run bench\` (\`bench/run.mjs\`) starts three synthetic Mobilizon-shaped instances (\`bench/server.mjs\`:
100, 1 000 and 3 000 events of one month — 70 % timed, 20 % multi-day, 10 % all-day, six zones, a few
tentative and cancelled; CORS as Mobilizon sends it) and a site on another port (so the widget's calls
are cross-origin, as on a real site) serving the scenario pages, \`dist/\` and FullCalendar 6
(core + daygrid + list, bundled once by esbuild into one minified module). **Every response of both
servers waits ${DELAY} ms** (pages and scripts too), gzip when the browser asks for it; scripts are
cacheable for an hour, pages and API answers are not.

- Pages: \`<mobilizon-events instance=… view="month" from="${month}-01">\` and \`view="list"\` (with \`to\`);
  FullCalendar \`dayGridMonth\` (\`dayMaxEventRows: 3\`, like the widget's 3 rows a day with "+N more") and
  \`listMonth\`, fed by a JSON feed of the same events from the same instance (one request, same delay).
- Every cold load is in a fresh browser context; the scenarios alternate widget / FullCalendar, and which
  goes first alternates from run to run. One warm-up pair is not counted.
- **Main-thread ms to render, data in memory** (the month's rendering itself): on the loaded page, a
  second month beside the first, from attaching it to its first event painted plus two frames, CDP
  \`Performance.getMetrics\` \`TaskDuration\` delta. The widget reads its answers from its memory cache
  (still fresh; the event models read from them are kept with them), filters them and lays them out
  again; FullCalendar gets the same events as an array (fetched once), parses and lays them out. No
  network, no script loading, no startup.
- **Main-thread ms to first event painted** (the whole cold page): \`TaskDuration\` delta from the
  navigation to the first event painted plus two frames ("painted": an element with \`part~="event"\` in
  any shadow root, or \`.fc-event\`, found in a frame; the next frame's start is the paint time). It
  includes what every page pays before any event: parsing the page and scripts, the first \`Intl\` use,
  JSON of every answer, the widget's cache writes.
- **DOM nodes**: every node (elements, text, comments: Lit marks its bindings with comments) of the
  document and its shadow roots, once the page has settled (no request for ${QUIET} ms); elements apart.
- **JS KB**: scripts' transfer sizes (CDP \`Network.loadingFinished\` \`encodedDataLength\`, headers
  included, gzip) and decoded sizes (the server's log).
- **Requests**: what the servers answered for the page until it settled (page, scripts, API calls, feed);
  \`OPTIONS\` preflights counted apart. **Events transferred**: events in API/feed answers.
- **Round trips**: time from navigation start to the first event painted ÷ the delay (${DELAY} ms). The floor is
  the dependency chain: page → script(s) → data.
- **Warm**: the same page loaded again in the same tab (HTTP cache for scripts; the widget's sessionStorage
  cache; FullCalendar refetches its feed).
- **Heap**: CDP \`HeapProfiler.collectGarbage\` (twice) + \`Runtime.getHeapUsage\` before and after ${CYCLES}
  cycles of adding a second element (or calendar, with the events given as an array fetched once) to the
  warm month-100 page, waiting for its first event, and removing it (\`calendar.destroy()\` for FullCalendar).
${missed ? `  ${missed} cycle(s) timed out waiting for an event.\n` : ''}
Caveats: the widget's month reads at most 2 000 events per window (pages of 99, the first two at once,
then all the others at once), so at 3 000 it shows and pays for the first 2 000 and says so above the
grid; FullCalendar gets all 3 000 in one feed. The widget's \`from\` is the month's first day in the
visitor's zone (UTC here) and bounds its window: an event starting on the day before in UTC (midnight
in Auckland) is left out, hence 999 of 1 000. The widget shows each event in its own zone, FullCalendar
in the browser's. A shared 2-core machine is noisy: compare the two columns of one run, not figures
across runs.${pageErrors.size ? `\n\nPage errors seen: ${[...pageErrors].slice(0, 5).join('; ')}` : ''}
`;

/** The widget's main-thread time as a fraction of FullCalendar's, per month size, for one measure. */
const ratios = (part) =>
  COUNTS.filter((n) => results.widget[`month-${n}`])
    .map((n) => `${n}: ${(med('widget', `month-${n}`, part, 'main') / med('fullcalendar', `month-${n}`, part, 'main')).toFixed(2)}×`)
    .join(', ');
const summary = `Month, widget's main-thread time ÷ FullCalendar's — rendering (data in memory): ${ratios('render')}; whole cold page: ${ratios('cold')}.`;

const md = `# Benchmark: mobilizon-embed vs FullCalendar

${machine}

${table(true)}

${summary}

${notes}`;
if (!ONLY) writeFileSync(join(ROOT, 'bench/results.md'), md);
if (process.env.BENCH_RAW) writeFileSync(process.env.BENCH_RAW, JSON.stringify(results, null, 1));
console.log(`\n${table(false)}\n\n${summary}\n\n${machine}\n\n${ONLY ? 'not written (BENCH_ONLY)' : 'written: bench/results.md'}`);
if (pageErrors.size) console.log(`page errors: ${[...pageErrors].slice(0, 5).join('; ')}`);
