// The public contract has one source: the elements' JSDoc, as custom-elements.json. Every copy of it —
// the README tables, the WordPress blocks (block.json), the shortcodes' attribute list
// (Attributes::kinds(), which the shortcodes, blocks and widget all use), the block editor's fields
// and the demo configurator — must name the same attributes, offer the same closed value sets, and
// carry nothing the manifest lacks, but for the exclusions below, each with its reason.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderDocs } from '../../scripts/docs.mjs';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'contract-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = { events: 'mobilizon-events', event: 'mobilizon-event', group: 'mobilizon-group', registration: 'mobilizon-registration' };

/** Attributes a copy leaves out on purpose (tag → attribute → why). Nothing else may be missing. */
const EXCLUDED = {
  wordpress: {
    '*': {
      // The plugin fills it itself: its REST proxy's route in proxy mode (Settings → Mobilizon).
      endpoint: 'set by the plugin from its settings',
      // The plugin writes the same schema.org JSON-LD server-side (class-json-ld.php) for crawlers that
      // run no JavaScript; the element's copy would duplicate it.
      'structured-data': 'written server-side by the plugin',
    },
    'mobilizon-events': {
      // The plugin's server-rendered fallback and its proxy speak Mobilizon's API only: a feed would show
      // nothing without JavaScript, and send every visitor's browser to a host a post author picked —
      // breaking proxy mode's promise that visitors talk to this site alone.
      ics: 'server rendering and the proxy speak Mobilizon only',
    },
  },
  configurator: {
    // The demo has no proxy: the endpoint is the WordPress plugin's.
    '*': { endpoint: 'no proxy in the demo' },
  },
  readme: {
    // The README keeps the overview; docs/<element>.md has every attribute. The element tables list
    // the ones a site owner sets; `endpoint` is described once, under "Which instance answers" and WordPress.
    '*': {},
  },
};

/**
 * Settings a WordPress copy has that are the plugin's own, not attributes of an element (tag → name →
 * why; '*': every element). The element never sees them: the plugin acts on them server-side.
 */
const PLUGIN_ONLY = {
  '*': {
    // The plugin hands the theme's colours and font to the element as --mobilizon-* properties
    // (class-theme-style.php) unless a block asks to keep the element's own.
    ownColors: "turns off the theme's colours and font, which the plugin sets as --mobilizon-* properties",
  },
  'mobilizon-events': {
    // For a group that Event Bridge for ActivityPub follows, the plugin's proxy answers from the posts
    // it received (class-federated-source.php); the element still calls the same operations.
    source: 'where the plugin reads a followed group’s events from (Event Bridge)',
  },
};
const pluginOnly = (tag, name) => Boolean(PLUGIN_ONLY['*'][name] ?? PLUGIN_ONLY[tag]?.[name]);

const excluded = (copy, tag, name) => Boolean(EXCLUDED[copy]['*'][name] ?? EXCLUDED[copy][tag]?.[name]);

let manifest;
before(() => {
  // The manifest of the sources as they are now (the build writes the same to dist/).
  // (The analyzer joins --outdir to the working directory, even an absolute one.)
  execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', relative(root, dir)], { cwd: root, stdio: 'inherit' });
  manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
});

/** tag → attribute name → { values: closed value set or null, type: 'boolean' | 'number' | 'string', default } */
function attributesOf(m) {
  const out = {};
  for (const d of m.modules.flatMap((mod) => mod.declarations ?? []))
    if (d.customElement && d.tagName)
      out[d.tagName] = Object.fromEntries(
        d.attributes.map((a) => {
          const parts = (a.type?.text ?? 'string').split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
          const literals = parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
          const type = parts.length === 1 && ['boolean', 'number'].includes(parts[0]) ? parts[0] : 'string';
          const def = a.default === undefined ? undefined : a.default.replace(/^'(.*)'$/, '$1');
          return [a.name, { values: literals, type, default: def }];
        }),
      );
  return out;
}

/** What each copy says, read from the files under `base` (a copy of the repository's layout). */
function readCopies(base) {
  const read = (path) => readFileSync(join(base, path), 'utf8');
  const copies = { block: {}, kinds: {}, editor: {}, configurator: {}, readme: {} };
  for (const [kind, tag] of Object.entries(KINDS)) {
    const block = JSON.parse(read(`wordpress-plugin/blocks/${kind}/block.json`));
    copies.block[tag] = Object.fromEntries(Object.entries(block.attributes).map(([n, a]) => [n, { values: a.enum ?? null, type: a.type }]));
  }
  // Attributes::kinds(): `'name' => 'kind'` or `'name' => array( 'a', 'b' )`, per kind's block of lines.
  const php = read('wordpress-plugin/includes/class-attributes.php');
  const body = php.slice(php.indexOf('function kinds()'), php.indexOf('function clean('));
  const entries = (text) =>
    Object.fromEntries(
      [...text.matchAll(/'([A-Za-z-]+)'\s*=>\s*(?:'(\w+)'|array\(([^)]*)\))/g)]
        .filter(([, , , list]) => list === undefined || /'/.test(list))
        .map(([, n, k, list]) => [n, { values: list ? [...list.matchAll(/'([^']*)'/g)].map((v) => v[1]) : null, type: k }]),
    );
  const common = entries(body.slice(body.indexOf('$common'), body.indexOf('return array(')));
  // Each kind's entry starts with `'<kind>' => array(` at the start of a line; it runs to the next one.
  const starts = Object.keys(KINDS).map((kind) => [kind, body.search(new RegExp(`^\\t{3}'${kind}'\\s*=>\\s*array\\(`, 'm'))]).sort((x, y) => x[1] - y[1]);
  starts.forEach(([kind, start], i) => {
    const section = body.slice(start, starts[i + 1]?.[1] ?? body.length);
    const own = entries(section.slice(section.indexOf("'attributes'")).replace(/'attributes'\s*=>/, ''));
    copies.kinds[KINDS[kind]] = { ...common, ...own };
  });
  // editor.js: `common` and `fields.<kind>`, each field `{ name: '…', …, options: [ choice( …, 'value' ) ] }`.
  const js = read('wordpress-plugin/assets/editor.js');
  const fieldsOf = (text) =>
    Object.fromEntries(
      text
        .split(/\{\s*name: /)
        .slice(1)
        .map((f) => {
          const name = f.match(/^'([A-Za-z-]+)'/)[1];
          const options = f.includes('options:') ? [...f.slice(f.indexOf('options:')).matchAll(/choice\([^)]*\),\s*'([^']*)'\s*\)/g)].map((m) => m[1]) : null;
          return [name, { values: options }];
        }),
    );
  const editorCommon = fieldsOf(js.slice(js.indexOf('const common = ['), js.indexOf('const fields = {')));
  const fieldsText = js.slice(js.indexOf('const fields = {'), js.indexOf('function control('));
  for (const [kind, tag] of Object.entries(KINDS)) {
    const start = fieldsText.indexOf(`\t${kind}: [`);
    const end = Object.keys(KINDS).map((k) => fieldsText.indexOf(`\t${k}: [`)).filter((i) => i > start).sort((a, b) => a - b)[0] ?? fieldsText.length;
    copies.editor[tag] = { ...editorCommon, ...fieldsOf(fieldsText.slice(start, end)) };
  }
  const configurator = JSON.parse(read('demo/configurator.json'));
  for (const tag of Object.values(KINDS))
    copies.configurator[tag] = Object.fromEntries(
      [...configurator.common, ...configurator.elements[tag]].map((f) => [
        f.name,
        { values: f.options ? f.options.map(([v]) => v) : null, type: f.kind, default: f.default, min: f.min, max: f.max },
      ]),
    );
  // README: the first column of each element section's table (`name`, `a`, `b`, `uuid` + `instance`, …).
  const readme = read('README.md');
  for (const tag of Object.values(KINDS)) {
    const start = readme.indexOf(`## \`<${tag}>\``);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    copies.readme[tag] = Object.fromEntries(rows.flatMap((r) => [...r.split('|')[1].matchAll(/`([a-z-]+)`/g)].map((m) => [m[1], {}])));
  }
  return copies;
}

/** Every disagreement between the manifest and the copies, in words (none: they agree). */
function drift(attrs, copies) {
  const problems = [];
  const copyName = { block: 'wordpress', kinds: 'wordpress', editor: 'wordpress', configurator: 'configurator', readme: 'readme' };
  const where = { block: 'block.json', kinds: 'Attributes::kinds()', editor: 'editor.js', configurator: 'demo/configurator.json', readme: 'README.md' };
  for (const [copy, byTag] of Object.entries(copies)) {
    for (const [tag, own] of Object.entries(attrs)) {
      const theirs = byTag[tag] ?? {};
      for (const name of Object.keys(own))
        if (!(name in theirs) && !excluded(copyName[copy], tag, name)) problems.push(`${where[copy]} <${tag}>: lacks \`${name}\``);
      for (const [name, spec] of Object.entries(theirs)) {
        if (copyName[copy] === 'wordpress' && pluginOnly(tag, name)) continue;
        if (!(name in own)) {
          problems.push(`${where[copy]} <${tag}>: \`${name}\` is not an attribute of the element`);
          continue;
        }
        if (excluded(copyName[copy], tag, name)) problems.push(`${where[copy]} <${tag}>: \`${name}\` is excluded yet present`);
        const closed = own[name].values;
        // A closed set of values: a copy offers only those (an empty choice means "the default").
        if (spec.values) {
          const stray = spec.values.filter((v) => v !== '' && !(closed ?? []).includes(v));
          if (closed && stray.length) problems.push(`${where[copy]} <${tag}>: \`${name}\` offers ${stray.join(', ')}, not in ${closed.join(' | ')}`);
          if (copy === 'block' || copy === 'kinds')
            if (closed && [...closed].sort().join() !== spec.values.filter(Boolean).sort().join()) problems.push(`${where[copy]} <${tag}>: \`${name}\` allows ${spec.values.join(', ')}, the element ${closed.join(' | ')}`);
        } else if (closed && copy !== 'readme' && !(copy === 'configurator' && spec.type === 'text'))
          problems.push(`${where[copy]} <${tag}>: \`${name}\` takes any value; the element only ${closed.join(' | ')}`);
        if (copy === 'block' && own[name].type !== 'string' && spec.type !== own[name].type)
          problems.push(`block.json <${tag}>: \`${name}\` is a ${spec.type}, the element's a ${own[name].type}`);
        if (copy === 'configurator' && spec.default !== undefined && String(spec.default) !== String(own[name].default))
          problems.push(`demo/configurator.json <${tag}>: \`${name}\` defaults to ${spec.default}, the element to ${own[name].default}`);
      }
    }
  }
  return problems;
}

describe('the public contract', () => {
  it('custom-elements.json describes the four elements with every --mobilizon-* property the code reads', () => {
    const attrs = attributesOf(manifest);
    assert.deepEqual(Object.keys(attrs).sort(), Object.values(KINDS).sort());
    const source = execFileSync('grep', ['-rhoE', '--include=*.ts', 'var\\(--mobilizon-[a-z-]+', join(root, 'src')], { encoding: 'utf8' });
    const read = [...new Set(source.split('\n').filter(Boolean).map((s) => s.slice(4)))].sort();
    assert.ok(read.length >= 16, `only ${read.length} properties found in the source`);
    for (const d of manifest.modules.flatMap((m) => m.declarations ?? []).filter((x) => x.tagName))
      assert.deepEqual(d.cssProperties.map((p) => p.name).sort(), read, `<${d.tagName}>'s CSS properties`);
    // Every part the templates set is documented on some element.
    const templates = execFileSync('grep', ['-rhoE', '--include=*.ts', 'part="[a-z -]+"', join(root, 'src')], { encoding: 'utf8' });
    const used = new Set(templates.split('\n').filter(Boolean).flatMap((p) => p.slice(6, -1).split(' ')));
    const documented = new Set(manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.cssParts ?? []).map((p) => p.name)));
    assert.deepEqual([...used].filter((p) => !documented.has(p)), [], 'parts without documentation');
    assert.deepEqual(attrs['mobilizon-events'].view, { values: ['list', 'grid', 'agenda', 'month'], type: 'string', default: 'list' });
    assert.deepEqual(attrs['mobilizon-events'].limit, { values: null, type: 'number', default: '10' });
  });

  it('README, block.json, Attributes::kinds(), editor.js and the configurator agree with it', () => {
    assert.deepEqual(drift(attributesOf(manifest), readCopies(root)), []);
  });

  it('fails when one block.json attribute is renamed, or a value is added to a closed set', () => {
    const copy = join(dir, 'renamed');
    for (const path of ['wordpress-plugin/blocks', 'wordpress-plugin/includes/class-attributes.php', 'wordpress-plugin/assets/editor.js', 'demo/configurator.json', 'README.md'])
      cpSync(join(root, path), join(copy, path), { recursive: true });
    const file = join(copy, 'wordpress-plugin/blocks/events/block.json');
    const block = JSON.parse(readFileSync(file, 'utf8'));
    block.attributes['hide-canceled'] = block.attributes['hide-cancelled'];
    delete block.attributes['hide-cancelled'];
    block.attributes.view.enum.push('calendar');
    writeFileSync(file, JSON.stringify(block));
    assert.deepEqual(drift(attributesOf(manifest), readCopies(copy)), [
      'block.json <mobilizon-events>: lacks `hide-cancelled`',
      'block.json <mobilizon-events>: `view` offers calendar, not in list | grid | agenda | month',
      'block.json <mobilizon-events>: `view` allows list, grid, agenda, month, calendar, the element list | grid | agenda | month',
      'block.json <mobilizon-events>: `hide-canceled` is not an attribute of the element',
    ]);
  });

  it('has reference pages in docs/ generated from it (run `npm run docs`)', () => {
    const pages = renderDocs(manifest);
    assert.deepEqual(Object.keys(pages).sort(), Object.values(KINDS).map((t) => `${t}.md`).sort());
    for (const [name, text] of Object.entries(pages)) assert.equal(readFileSync(join(root, 'docs', name), 'utf8'), text, `docs/${name} is stale`);
    // What a reader looks for: the union of views, the event detail's shape, a part, a token.
    assert.match(pages['mobilizon-events.md'], /\| `view` \| `view` \| `'list' \\\| 'grid' \\\| 'agenda' \\\| 'month'` \| `'list'` \|/);
    assert.match(pages['mobilizon-events.md'], /\| `mobilizon-select` \| `\{ event: EventModel; \}`/);
    assert.match(pages['mobilizon-registration.md'], /\| `mobilizon-registered` \| `\{ uuid: string; role: string; \}`/);
    assert.match(pages['mobilizon-group.md'], /\| `banner` \|/);
    assert.match(pages['mobilizon-event.md'], /\| `--mobilizon-accent-dark` \|/);
  });

  it('fails when the element gains an attribute that no copy has', () => {
    const attrs = attributesOf(manifest);
    attrs['mobilizon-group'].columns = { values: null, type: 'number' };
    const problems = drift(attrs, readCopies(root));
    assert.deepEqual(
      problems.filter((p) => p.includes('columns')),
      ['block.json', 'Attributes::kinds()', 'editor.js', 'demo/configurator.json', 'README.md'].map((w) => `${w} <mobilizon-group>: lacks \`columns\``),
    );
  });
});
