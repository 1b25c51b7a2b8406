// GraphQL documents live in .graphql files (the WordPress proxy reads the same files). Bundlers and
// the test server import them as JS strings, compacted: comments and spacing cost bytes on every page.
export function compactGraphQL(text) {
  return text
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}():,=!$[\]@])\s*/g, '$1')
    .trim();
}

const toModule = (text) => `export default ${JSON.stringify(compactGraphQL(text))};`;

/** Vite / Rolldown plugin. */
export function graphqlVite() {
  return {
    name: 'mobilizon-graphql',
    transform(code, id) {
      if (id.endsWith('.graphql')) return { code: toModule(code), map: null };
      return null;
    },
  };
}

/** @web/dev-server plugin (the test runner). */
export function graphqlWds() {
  return {
    name: 'mobilizon-graphql',
    resolveMimeType(context) {
      if (context.path.endsWith('.graphql')) return 'js';
      return undefined;
    },
    transform(context) {
      if (context.path.endsWith('.graphql')) return { body: toModule(context.body) };
      return undefined;
    },
  };
}
