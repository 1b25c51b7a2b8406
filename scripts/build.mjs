// npm run build: the npm ESM build (dependencies external), the two script-tag builds at the
// documented paths (dist/mobilizon-embed.js with lazy chunks, dist/mobilizon-embed.iife.js), type
// declarations, and a size report per entry point checked against the budgets.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, 'ical.js', /^date-fns/, 'dompurify'];
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

// 3. Classic script for WordPress and old-style pages: one file, lazy parts inlined.
await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', name: 'MobilizonEmbed', formats: ['iife'], fileName: () => 'mobilizon-embed.iife.js' },
    rollupOptions: { output: { codeSplitting: false } },
  },
});

// 4. Type declarations for npm users.
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// 5. What each entry costs a page.
const ok = await reportSizes(entries);
if (!ok) process.exit(1);
