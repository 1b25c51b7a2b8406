// GraphQL documents live in .graphql files (the WordPress proxy reads the same files). An operation
// names the fragments it uses with `#import "./fragments/X.graphql"` lines; loading a document
// appends them. Bundlers and the test server import documents as compact JS strings: comments and
// spacing would cost bytes on every page.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The document in `file` with every fragment it imports (recursively, once each) appended. */
export function loadGraphQL(file, seen = new Set()) {
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const parts = [text];
  for (const [, path] of text.matchAll(/^#import\s+"([^"]+)"/gm)) {
    const target = resolve(dirname(file), path);
    if (!seen.has(target)) parts.push(loadGraphQL(target, seen));
  }
  return parts.join('\n');
}

export function compactGraphQL(text) {
  return text
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}():,=!$[\]@])\s*/g, '$1')
    .trim();
}

const toModule = (file) => `export default ${JSON.stringify(compactGraphQL(loadGraphQL(file)))};`;

/** Vite / Rolldown plugin. */
export function graphqlVite() {
  return {
    name: 'mobilizon-graphql',
    transform(_code, id) {
      if (!id.endsWith('.graphql')) return null;
      const file = id.split('?')[0];
      for (const [, path] of readFileSync(file, 'utf8').matchAll(/^#import\s+"([^"]+)"/gm)) {
        this.addWatchFile(resolve(dirname(file), path));
      }
      return { code: toModule(file), map: null };
    },
  };
}

/** @web/dev-server plugin (the test runner serves files from the project root). */
export function graphqlWds() {
  return {
    name: 'mobilizon-graphql',
    resolveMimeType(context) {
      if (context.path.endsWith('.graphql')) return 'js';
      return undefined;
    },
    transform(context) {
      if (context.path.endsWith('.graphql')) return { body: toModule(resolve(`.${decodeURIComponent(context.path)}`)) };
      return undefined;
    },
  };
}
