// ESLint for npm test (scripts/lint.mjs runs it from the repository's root, so the patterns below are
// relative to it): TypeScript and Lit templates (typescript-eslint, eslint-plugin-lit,
// eslint-plugin-lit-a11y, eslint-plugin-wc), the Node scripts and tests, and the WordPress block
// editor script under WordPress's own rules. Zero warnings allowed.
import js from '@eslint/js';
import wordpress from '@wordpress/eslint-plugin';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', '.cache/**', '.run/**', 'tools/**', 'screenshots/**', 'wordpress-plugin/assets/js/**', 'wordpress-plugin/operations/**'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts', 'vite.config.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, lit.configs['flat/recommended'], litA11y.configs.recommended, wc.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    settings: { wc: { elementBaseClasses: ['LitElement', 'MobilizonElement'] } },
    rules: {
      // `_name`: a parameter a signature requires (Lit directives' render()) but the body does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // A modal dialog's heading takes focus when it opens: the HTML dialog focusing steps, as the
    // ARIA practices advise; this is the one place autofocus belongs.
    files: ['src/elements/events/details-dialog.ts', 'src/elements/group/mobilizon-group.ts'],
    rules: { 'lit-a11y/no-autofocus': 'off' },
  },
  {
    // The month grid's day cells: a tap anywhere in a day opens its list on a phone; keyboard users
    // reach the same through the grid's roving focus and Enter (views/month.ts handles the keys).
    files: ['src/elements/events/views/month-templates.ts'],
    rules: { 'lit-a11y/click-events-have-key-events': 'off' },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    files: ['wordpress-plugin/assets/editor.js'],
    extends: [...wordpress.configs.recommended],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, wp: 'readonly' } },
    // WordPress 6.1 ships React 17 (wp.element); 6.8, React 18.
    settings: { react: { version: '17.0' } },
  },
);
