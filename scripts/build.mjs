// npm run build: the npm ESM build (dependencies external), the two script-tag files at the
// documented paths (dist/mobilizon-embed.js with lazy chunks, and the classic loader of it), type
// declarations, custom-elements.json, and a size report per entry point checked against the budgets.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { graphqlVite } from './graphql-plugin.mjs';
import { litLiterals, UPFRONT } from './literals-plugin.mjs';
import { reportSizes } from './sizes.mjs';

const entries = {
  index: 'src/index.ts',
  events: 'src/events.ts',
  event: 'src/event.ts',
  group: 'src/group.ts',
  registration: 'src/registration.ts',
};
const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, 'ical.js', 'dompurify'];
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { configFile: false, logLevel: 'warn', plugins: [graphqlVite(), litLiterals()] };

rmSync('dist', { recursive: true, force: true });

// 1. npm: one module per entry, shared chunks, dependencies left to the user's bundler.
await build({
  ...common,
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rollupOptions: { external },
  },
});

// 2. CDN / script type=module: everything bundled, lazy parts as chunks beside it.
await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: { 'mobilizon-embed': 'src/index.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    rollupOptions: {
      // Lazy chunks may import from the entry, rather than splitting what they share into more files.
      preserveEntrySignatures: 'allow-extension',
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true, codeSplitting: UPFRONT },
    },
  },
});

// 3. Classic script for old-style pages: a loader of the module build beside it (dynamic import()
// works from classic scripts), so such a page loads what a module page loads, and the library once
// however many times it is pasted.
writeFileSync(
  'dist/mobilizon-embed.iife.js',
  `/*! mobilizon-embed ${version}: a classic <script> that loads mobilizon-embed.js from beside it. AGPL-3.0-or-later */
(function(){var s=document.currentScript;import(new URL("mobilizon-embed.js",s&&s.src||document.baseURI).href)})();
`,
);

// 4. Type declarations for npm users.
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// 5. custom-elements.json from the elements' JSDoc (custom-elements-manifest.config.mjs).
execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });

// 6. What each entry costs a page.
const ok = await reportSizes(entries);
if (!ok) process.exit(1);
