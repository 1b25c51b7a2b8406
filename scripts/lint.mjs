// npm test's linters, one check each: `node scripts/lint.mjs eslint|lit|php` exits non-zero on any
// finding (warnings included). The JavaScript linters live in tools/lint/ with their own lockfile:
// typescript-eslint and lit-analyzer need TypeScript 5's compiler API, which the project's TypeScript 7
// (native) lacks. They are installed there by `npm ci` on first use; PHP_CodeSniffer comes from Debian.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureSystem } from './system.mjs';

const root = resolve(import.meta.dirname, '..');
const tools = join(root, 'tools/lint');
const bin = (name) => join(tools, 'node_modules/.bin', name);

function installTools() {
  if (existsSync(bin('eslint')) && existsSync(bin('lit-analyzer'))) return;
  console.log('Installing the linters into tools/lint (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tools, stdio: ['ignore', 'ignore', 'inherit'] });
}

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const checks = {
  // typescript-eslint, eslint-plugin-lit, -lit-a11y, -wc on the sources; WordPress's rules on editor.js.
  eslint: () => (installTools(), run(bin('eslint'), ['-c', 'tools/lint/eslint.config.mjs', '--max-warnings', '0', '.'])),
  // Lit template bindings type-checked. Rules off, with why:
  // - no-invalid-css: its CSS data (vscode-css-languageservice 4.3) predates @container, color-scheme
  //   and accent-color, which it reports as unknown;
  // - no-unknown-attribute / no-unknown-property: web-component-analyzer 2 does not read our elements'
  //   Lit `static properties` through their base class, so it calls `instance` or `.event` unknown on
  //   them; their attributes are checked against custom-elements.json by test/node/contract.test.mjs.
  lit: () => {
    installTools();
    const off = ['no-invalid-css', 'no-unknown-attribute', 'no-unknown-property'].flatMap((r) => [`--rules.${r}`, 'off']);
    return run(bin('lit-analyzer'), ['src/**/*.ts', '--strict', '--maxWarnings', '0', ...off]);
  },
  // php -l on every PHP file, then phpcs.xml (generic sniffs that fit WordPress style).
  php: () => {
    ensureSystem(['php', 'phpcs']);
    const files = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory() && e.name !== 'node_modules') walk(path);
        else if (e.name.endsWith('.php')) files.push(path);
      }
    };
    walk(join(root, 'wordpress-plugin'));
    walk(join(root, 'test/wordpress'));
    let failed = 0;
    for (const file of files) if (spawnSync('php', ['-l', file], { encoding: 'utf8' }).status !== 0) (failed++, console.error(`php -l: ${file}`));
    console.log(`php -l: ${files.length} files, ${failed} with errors`);
    return failed || run('phpcs', ['--standard=phpcs.xml', '-q', '--warning-severity=1']);
  },
};

const name = process.argv[2];
if (!checks[name]) {
  console.error(`usage: node scripts/lint.mjs ${Object.keys(checks).join('|')}`);
  process.exit(2);
}
process.exit(checks[name]());
