// scripts/sizes.mjs: the gzip measure, which files count as loaded up front, and the budget check
// that fails the build (each broken budget named with its entry).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ALL_BUDGET, BUDGETS, GROUP_OVER_EVENTS, gzipSize, isEventElement, overBudget, reachableFiles, upfrontFiles } from '../../scripts/sizes.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sizes-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('gzipSize', () => {
  it('gives the size of a gzip stream: 20 bytes for nothing, 25 for "hello"', () => {
    // 10-byte header + deflate data + 8-byte trailer (CRC-32, length); GNU gzip -9 -n gives the same.
    assert.equal(gzipSize(Buffer.alloc(0)), 20);
    assert.equal(gzipSize(Buffer.from('hello')), 25);
  });

  it('measures a file by its path like its bytes, compressed at level 9', () => {
    const text = Array.from({ length: 400 }, (_, i) => `.row-${i % 37} { margin: ${i % 7}px; color: #${(i * 2654435761 % 0xffffff).toString(16)}; }\n`).join('');
    const file = join(dir, 'sample.css');
    writeFileSync(file, text);
    const size = gzipSize(file);
    assert.equal(size, gzipSize(Buffer.from(text)));
    assert.ok(size < Buffer.byteLength(text) / 3, `${size} bytes is not compressed`);
    assert.equal(size, gzipSync(text, { level: 9 }).length);
    assert.ok(size < gzipSync(text, { level: 1 }).length, 'level 9 compresses better than level 1 here');
    assert.equal(gunzipSync(gzipSync(text, { level: 9 })).toString(), text);
  });
});

describe('upfrontFiles', () => {
  it('follows the entry’s static imports, transitively, and leaves out lazy chunks', () => {
    const chunks = [
      { fileName: 'lazy.js', isEntry: false, imports: ['core.js'] },
      { fileName: 'events.js', isEntry: true, imports: ['core.js'] },
      { fileName: 'core.js', isEntry: false, imports: ['lit.js', 'external-not-a-chunk'] },
      { fileName: 'lit.js', isEntry: false, imports: ['core.js'] },
      { fileName: 'month.js', isEntry: false, imports: [] },
    ];
    assert.deepEqual([...upfrontFiles(chunks)].sort(), ['core.js', 'events.js', 'lit.js']);
  });
});

describe('reachableFiles', () => {
  it('follows static and dynamic imports, and stops at the inline dialog’s <mobilizon-event>', () => {
    const chunks = [
      { fileName: 'events.js', isEntry: true, imports: ['core.js'], dynamicImports: ['dialog.js'] },
      { fileName: 'core.js', isEntry: false, imports: [], dynamicImports: ['month.js'] },
      { fileName: 'month.js', isEntry: false, imports: ['core.js'] },
      { fileName: 'dialog.js', isEntry: false, imports: ['core.js'], dynamicImports: ['define.js'] },
      { fileName: 'define.js', isEntry: false, imports: ['core.js'], dynamicImports: ['purify.js'], facadeModuleId: '/x/src/elements/event/define.ts' },
      { fileName: 'purify.js', isEntry: false, imports: [] },
    ];
    assert.deepEqual([...reachableFiles(chunks)].sort(), ['core.js', 'define.js', 'dialog.js', 'events.js', 'month.js', 'purify.js']);
    assert.deepEqual([...reachableFiles(chunks, isEventElement)].sort(), ['core.js', 'dialog.js', 'events.js', 'month.js']);
  });
});

describe('overBudget', () => {
  const within = {
    events: { upfront: BUDGETS.events, everything: ALL_BUDGET },
    event: { upfront: BUDGETS.event - 1, everything: 0 },
    group: { upfront: BUDGETS.events + GROUP_OVER_EVENTS, everything: 0 },
    registration: { upfront: 10 ** 9, everything: 0 }, // no budget of its own
  };

  it('passes sizes at or under every budget', () => {
    assert.deepEqual(overBudget(within), []);
  });

  it('fails an entry one byte over its budget, naming it', () => {
    const problems = overBudget({ ...within, event: { upfront: BUDGETS.event + 1, everything: 0 } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^event: up front 20\.00 KB, OVER its budget of 20\.00 KB$/);
  });

  it('fails <mobilizon-events> with all its lazy parts over the whole budget', () => {
    const problems = overBudget({ ...within, events: { upfront: BUDGETS.events, everything: ALL_BUDGET + 1 } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^events: everything/);
  });

  it('fails <mobilizon-group> when it adds too much to <mobilizon-events>', () => {
    const problems = overBudget({ ...within, group: { upfront: BUDGETS.events + GROUP_OVER_EVENTS + 1, everything: 0 } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^group: adds/);
  });

  it('names every entry over, with the budgets given', () => {
    const problems = overBudget({ a: { upfront: 11, everything: 0 }, b: { upfront: 10, everything: 0 }, c: { upfront: 30, everything: 0 } }, { budgets: { a: 10, b: 10, c: 20 } });
    assert.deepEqual(problems.map((p) => p.split(':')[0]), ['a', 'c']);
  });
});
