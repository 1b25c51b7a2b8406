// The import graph of src/ (used by imports.test.mjs): esbuild bundles every entry point, following static
// and dynamic imports, and its metafile says who imports whom. Type-only imports are not in it (esbuild
// drops them). Packages stay external; .graphql documents load as text.
import { build } from 'esbuild';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const ENTRY_POINTS = ['src/index.ts', 'src/events.ts', 'src/event.ts', 'src/group.ts', 'src/registration.ts'];

/**
 * src/ file → its imports inside src/ (paths relative to the project, e.g. "src/events.ts"), each with the
 * kind of import ("import-statement", "dynamic-import"…).
 * @returns {Promise<Map<string, Array<{ path: string, kind: string }>>>}
 */
export async function importGraph() {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'out', // not written
    packages: 'external',
    loader: { '.graphql': 'text' },
    logLevel: 'silent',
  });
  const graph = new Map();
  for (const [file, { imports }] of Object.entries(metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(
      file,
      imports.filter((i) => !i.external && i.path.startsWith('src/')).map(({ path, kind }) => ({ path, kind })),
    );
  }
  return graph;
}

/**
 * The import cycles of a graph: one cycle through each group of files that import each other
 * (Tarjan's strongly connected components, then a path back to the group's first file), as file lists
 * that start and end with the same file, e.g. ["a", "b", "a"]. A file that imports itself is a cycle too.
 * @param {Map<string, Array<{ path: string }>>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  const next = (file) => (graph.get(file) ?? []).map((e) => e.path);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let counter = 0;

  // Iterative Tarjan, so a long chain of imports cannot overflow the call stack.
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work = [{ file: start, children: next(start), i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work.at(-1);
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++];
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ file: child, children: next(child), i: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.file, Math.min(low.get(frame.file), index.get(child)));
        }
        continue;
      }
      work.pop();
      if (work.length) low.set(work.at(-1).file, Math.min(low.get(work.at(-1).file), low.get(frame.file)));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component = [];
        let file;
        do {
          file = stack.pop();
          onStack.delete(file);
          component.push(file);
        } while (file !== frame.file);
        components.push(component);
      }
    }
  }

  const cycles = [];
  for (const component of components) {
    const members = new Set(component);
    const first = [...component].sort()[0];
    if (component.length === 1 && !next(first).includes(first)) continue;
    // Shortest way from `first` back to itself inside the group (breadth first).
    const previous = new Map();
    const queue = [first];
    let found = false;
    while (queue.length && !found) {
      const file = queue.shift();
      for (const child of next(file)) {
        if (!members.has(child)) continue;
        if (child === first) {
          previous.set(first, file);
          found = true;
          break;
        }
        if (!previous.has(child)) {
          previous.set(child, file);
          queue.push(child);
        }
      }
    }
    const cycle = [first];
    for (let file = previous.get(first); file !== first; file = previous.get(file)) cycle.unshift(file);
    cycle.unshift(first);
    cycles.push(cycle);
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** "a → b ⇢ a": → a static import, ⇢ a dynamic import(). */
export function describeCycle(cycle, graph) {
  let text = cycle[0];
  for (let i = 1; i < cycle.length; i++) {
    const edges = (graph.get(cycle[i - 1]) ?? []).filter((e) => e.path === cycle[i]);
    const dynamic = edges.length > 0 && edges.every((e) => e.kind === 'dynamic-import');
    text += ` ${dynamic ? '⇢' : '→'} ${cycle[i]}`;
  }
  return text;
}
