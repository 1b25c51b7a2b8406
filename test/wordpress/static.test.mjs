// What the plugin's files must hold whatever WordPress runs them: PHP 7.4 syntax, the guard line,
// prefixed names, no ActivityPub hooks, translations in step with the code, a WordPress.org readme.
// (Run once per `npm test`, with the first WordPress version.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { entriesOf, extractStrings, readPo } from '../../scripts/wordpress.mjs';

const root = resolve(import.meta.dirname, '../..');
const plugin = join(root, 'wordpress-plugin');
const once = !process.env.WP_EXPECTED_VERSION || process.env.WP_EXPECTED_VERSION === '6.1';

const files = (dir, ext, skip = ['assets/js', 'operations']) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip.some((s) => relative(plugin, path) === s)) return [];
    return statSync(path).isDirectory() ? files(path, ext, skip) : path.endsWith(ext) ? [path] : [];
  });
const php = files(plugin, '.php');
/** PHP source without comments and strings, so patterns match code only. */
const code = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');

describe('the plugin’s PHP files', { skip: !once }, () => {
  it('each parses and starts with the ABSPATH guard', () => {
    assert.ok(php.length >= 15, `${php.length} PHP files`);
    for (const file of php) {
      execFileSync('php', ['-l', file], { stdio: 'pipe' });
      assert.match(readFileSync(file, 'utf8'), /^<\?php\n[\s\S]*?\ndefined\( 'ABSPATH' \) \|\| exit;\n/, relative(root, file));
    }
  });

  it('use nothing newer than PHP 7.4', () => {
    const newer = [
      [/\bmatch\s*\(/, 'match'],
      [/\?->/, 'nullsafe operator'],
      [/function\s+__construct\s*\([^)]*\b(public|private|protected|readonly)\s/, 'constructor promotion'],
      [/function\s+\w*\s*\([^)]*\b\w+\|\w+\s+\$/, 'union type'],
      [/\)\s*:\s*\??(mixed|static|never)\b/, 'mixed/static/never return type'],
      [/\b(readonly|enum)\s+(class|\w+\s*[{:])/, 'readonly/enum'],
      [/\bcatch\s*\(\s*[\w\\|]+\s*\)/, 'catch without a variable'],
      [/[=(,]\s*throw\b/, 'throw expression'],
      [/#\[/, 'attribute'],
      [/\bfunction\s+\w*\s*\([^)]*,\s*\)/, 'trailing comma in parameters'],
      [/\b(str_contains|str_starts_with|str_ends_with|array_is_list|get_debug_type)\s*\(/, 'PHP 8 function'],
      [/\b[a-z_]\w*\(\s*[a-z_]\w*\s*:\s*[$'"\w]/i, 'named argument'],
      [/\$\w+::class\b/, '::class on an object'],
    ];
    for (const file of php) {
      const text = code(readFileSync(file, 'utf8'));
      for (const [pattern, what] of newer) assert.doesNotMatch(text, pattern, `${relative(root, file)}: ${what}`);
    }
  });

  it('prefix every global name and stay out of other plugins’ way', () => {
    for (const file of php) {
      const source = readFileSync(file, 'utf8');
      const text = code(source);
      const rel = relative(root, file);
      if (!/uninstall\.php$|editor\.asset\.php$|embeds-for-mobilizon\.php$/.test(rel)) assert.match(source, /\nnamespace Embeds_For_Mobilizon;\n/, rel);
      for (const [, name] of source.matchAll(/\bdefine\(\s*'([^']+)'/g)) assert.match(name, /^EMBEDS_FOR_MOBILIZON_/, rel);
      for (const [, hook] of source.matchAll(/\b(?:apply_filters|do_action)\(\s*'([^']+)'/g)) {
        assert.ok(hook.startsWith('embeds_for_mobilizon_') || hook === 'http_request_host_is_external' || hook === 'widget_title', `${rel}: ${hook}`);
      }
      for (const [, key] of source.matchAll(/\b(?:update|delete|add)_option\(\s*'([^']+)'/g)) assert.match(key, /^(embeds_for_mobilizon_|widget_embeds_for_mobilizon_|date_format|time_format)/, rel);
      // Event Bridge for ActivityPub's options are read (which integration, feature on), never written.
      for (const [, key] of source.matchAll(/\bget_option\(\s*'([^']+)'/g)) assert.match(key, /^(embeds_for_mobilizon_|widget_embeds_for_mobilizon_|date_format|time_format|event_bridge_for_activitypub_)/, rel);
      assert.doesNotMatch(source, /\b(?:update|delete|add)_option\(\s*'event_bridge/, `${rel}: Event Bridge's options are read only`);
      assert.doesNotMatch(text, /register_post_type|register_taxonomy/, `${rel}: no custom post types`);
      // Strictly read-only towards posts, terms and meta (Event Bridge's and its event plugin's included).
      assert.doesNotMatch(text, /\b(?:wp_insert_post|wp_update_post|wp_delete_post|wp_trash_post|(?:add|update|delete)_post_meta|wp_set_object_terms|wp_insert_term)\(/, `${rel}: writes no posts, terms or meta`);
      assert.doesNotMatch(source, /add_(action|filter)\(\s*'[^']*activitypub/i, `${rel}: no ActivityPub hooks`);
      assert.doesNotMatch(source, /add_shortcode\(\s*'(events-list|connector-mobilizon)/, `${rel}: Connector for Mobilizon's shortcode`);
    }
  });
});

describe('translations', { skip: !once }, () => {
  const languages = join(plugin, 'languages');
  it('the .pot holds every translatable string of the code (run `node scripts/wordpress.mjs pot`)', () => {
    const key = (e) => `${e.msgctxt ?? ''}\u0004${e.msgid}\u0000${e.msgid_plural ?? ''}`;
    const pot = entriesOf(readPo(join(languages, 'embeds-for-mobilizon.pot')));
    assert.ok(pot.length > 100, `${pot.length} strings in the .pot`);
    assert.deepEqual(pot.map(key).sort(), entriesOf({ translations: extractStrings() }).map(key).sort());
  });

  it('French translates every string, placeholders kept', () => {
    const po = entriesOf(readPo(join(languages, 'embeds-for-mobilizon-fr_FR.po')));
    assert.ok(po.length > 100, `${po.length} strings in the .po`);
    for (const e of po) {
      assert.ok(e.msgstr[0], `untranslated: ${e.msgid}`);
      const holders = (s) => (s.match(/%(\d\$)?[sd]/g) ?? []).sort();
      assert.deepEqual(holders(e.msgstr[0]), holders(e.msgid), e.msgid);
    }
  });

  it('every PHP and editor string goes through a translation function with the plugin’s domain', () => {
    for (const file of [...php, join(plugin, 'assets/editor.js')]) {
      const text = readFileSync(file, 'utf8');
      for (const [call] of text.matchAll(/\b(?:__|_e|_x|_n|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*'(?:[^'\\]|\\.)*'[^;]*?\)/g)) {
        assert.match(call, /'embeds-for-mobilizon'\s*\)$/, `${relative(root, file)}: ${call.slice(0, 80)}`);
      }
    }
  });
});

describe('readme.txt', { skip: !once }, () => {
  it('follows the WordPress.org format', () => {
    const readme = readFileSync(join(plugin, 'readme.txt'), 'utf8');
    assert.match(readme, /^=== Embeds for Mobilizon ===\n/);
    for (const header of ['Contributors', 'Tags', 'Requires at least: 6.1', 'Tested up to: 7.1', 'Requires PHP: 7.4', 'Stable tag: 0.1.0', 'License: AGPLv3 or later']) {
      assert.match(readme, new RegExp(`^${header.replace(/[.]/g, '\\.')}`, 'm'), header);
    }
    for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'External services', 'Changelog']) {
      assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'), section);
    }
    const header = readFileSync(join(plugin, 'embeds-for-mobilizon.php'), 'utf8');
    assert.match(header, /Version:\s+0\.1\.0/);
    assert.match(header, /Requires at least: 6\.1/);
    assert.match(header, /Requires PHP:\s+7\.4/);
  });
});
