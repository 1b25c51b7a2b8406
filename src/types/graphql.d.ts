// GraphQL documents are imported as their text (see the graphql plugins in vite.config.ts and
// web-test-runner.config.mjs).
declare module '*.graphql' {
  const document: string;
  export default document;
}
