// The shape of src/'s imports: no file imports itself back through others (static or dynamic imports), and
// the events element's parts do not import the element module, which only define.ts may load.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { describeCycle, findCycles, importGraph, root } from './import-graph.mjs';

const graphOf = (edges) => {
  const graph = new Map();
  for (const [from, to, kind = 'import-statement'] of edges) {
    if (!graph.has(from)) graph.set(from, []);
    if (!graph.has(to)) graph.set(to, []);
    graph.get(from).push({ path: to, kind });
  }
  return graph;
};

describe('the cycle finder', () => {
  test('finds nothing in an acyclic graph, diamonds included', () => {
    const graph = graphOf([
      ['index', 'events'],
      ['index', 'event'],
      ['events', 'base'],
      ['event', 'base'],
      ['events', 'views', 'dynamic-import'],
      ['views', 'base'],
    ]);
    assert.deepEqual(findCycles(graph), []);
  });

  test('finds each cycle once, shortest, with dynamic imports marked', () => {
    const graph = graphOf([
      ['index', 'element'],
      ['element', 'features', 'dynamic-import'],
      ['features', 'element'],
      ['features', 'windowed'],
      ['windowed', 'helpers'],
      ['helpers', 'windowed'],
      ['self', 'self'],
      ['index', 'self'],
    ]);
    const cycles = findCycles(graph);
    assert.deepEqual(cycles, [
      ['element', 'features', 'element'],
      ['helpers', 'windowed', 'helpers'],
      ['self', 'self'],
    ]);
    assert.equal(describeCycle(cycles[0], graph), 'element ⇢ features → element');
  });

  test('finds a long cycle without overflowing', () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => [`f${i}`, `f${(i + 1) % 20_000}`]);
    const [cycle] = findCycles(graphOf(edges));
    assert.equal(cycle.length, 20_001);
  });
});

describe('imports in src/', () => {
  let graph;
  before(async () => {
    graph = await importGraph();
  });

  test('the graph covers every entry point and follows dynamic imports', () => {
    for (const entry of ['src/index.ts', 'src/events.ts', 'src/event.ts', 'src/group.ts', 'src/registration.ts']) {
      assert.ok(graph.has(entry), entry);
    }
    assert.ok([...graph.values()].flat().some((e) => e.kind === 'dynamic-import'), 'no dynamic import seen');
  });

  test('no import cycles among the files in src/', () => {
    const cycles = findCycles(graph);
    assert.ok(
      cycles.length === 0,
      `${cycles.length} import cycle(s) in src/ (→ import, ⇢ dynamic import()):\n${cycles.map((c) => `  ${describeCycle(c, graph)}`).join('\n')}`,
    );
  });

  test('only define.ts imports src/elements/events/mobilizon-events.ts among the events element’s files', () => {
    const folder = 'src/elements/events';
    const element = `${folder}/mobilizon-events.ts`;
    const allowed = new Set([element, `${folder}/define.ts`]);
    const offenders = new Set();
    // What the bundle follows…
    for (const [file, edges] of graph) {
      if (file.startsWith(`${folder}/`) && !allowed.has(file) && edges.some((e) => e.path === element)) offenders.add(file);
    }
    // …and type-only imports, which esbuild drops: any './…mobilizon-events.js' specifier in the source.
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const path of walk(join(root, folder))) {
      const file = relative(root, path).split('\\').join('/');
      if (allowed.has(file) || !file.endsWith('.ts')) continue;
      for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/['"](\.\.?\/[^'"]*mobilizon-events\.js)['"]/g)) {
        const target = posix.join(dirname(file), specifier).replace(/\.js$/, '.ts');
        if (target === element) offenders.add(file);
      }
    }
    assert.deepEqual([...offenders].sort(), [], `these import ${element} (only define.ts may): ${[...offenders].sort().join(', ')}`);
  });
});
