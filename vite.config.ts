// The demo's dev server (npm start). Library builds are driven by scripts/build.mjs.
import { defineConfig } from 'vite';
// @ts-expect-error a plain .mjs helper shared with the test runner and the build script
import { graphqlVite } from './scripts/graphql-plugin.mjs';

export default defineConfig({
  root: 'demo',
  plugins: [graphqlVite()],
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  logLevel: 'warn',
});
