// npm run release (scripts/release.mjs) as a maintainer runs it, and its npm package as a
// developer installs it: one version everywhere, the three archives byte-identical from one run to
// the next, the package's contents, and the tarball installed offline into a new project whose Vite
// build imports mobilizon-embed/events.js.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { build } from 'vite';
import { packageProblems, release, zipFolder } from '../../scripts/release.mjs';
import { installOffline } from './offline-install.mjs';
import { packageVersion, versionErrors } from '../../scripts/version.mjs';

const root = resolve(import.meta.dirname, '../..');
const version = packageVersion();
const work = mkdtempSync(join(tmpdir(), 'mobilizon-embed-release-'));
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
let first;
let second;
const printed = [];

before(() => {
  first = release({ out: join(work, 'one'), writeReadme: false, log: (line) => printed.push(line) });
  second = release({ out: join(work, 'two'), writeReadme: false, log: () => {} });
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('one version', () => {
  it('package.json’s version is the one the plugin, readme.txt, block.json, translations, README and CHANGELOG state', () => {
    assert.deepEqual(versionErrors(), []);
  });

  it('a differing place is caught', () => {
    assert.ok(versionErrors('9.9.9').some((e) => e.includes('embeds-for-mobilizon.php')));
  });
});

describe('npm run release', () => {
  it('writes the three archives and prints their sizes', () => {
    const names = readdirSync(join(work, 'one')).sort();
    assert.deepEqual(names, [`embeds-for-mobilizon-${version}.zip`, `mobilizon-embed-${version}.tgz`, `mobilizon-embed-${version}.zip`]);
    for (const name of names) assert.ok(printed.some((line) => line.includes(name) && /\d+\.\d KB$/.test(line)), name);
  });

  it('gives byte-identical archives when run twice', () => {
    for (const key of ['tgz', 'zip', 'plugin']) assert.equal(sha(first[key]), sha(second[key]), basename(first[key]));
  });

  it('zips the same files in one order, with one date, whatever the machine’s time zone', () => {
    const files = [['b.js', Buffer.from('b')], ['a/c.js', Buffer.from('c')]];
    const a = zipFolder('x', files);
    assert.deepEqual(Buffer.from(zipFolder('x', [...files].reverse())), Buffer.from(a));
    assert.deepEqual(Object.keys(unzipSync(a)), ['x/a/c.js', 'x/b.js']);
    const zoned = execFileSync(process.execPath, ['--input-type=module', '-e',
      `import { zipFolder } from ${JSON.stringify(join(root, 'scripts/release.mjs'))};
       process.stdout.write(Buffer.from(zipFolder('x', [['b.js', Buffer.from('b')], ['a/c.js', Buffer.from('c')]])).toString('hex'));`], { env: { ...process.env, TZ: 'Pacific/Kiritimati' }, encoding: 'utf8' });
    assert.equal(zoned, Buffer.from(a).toString('hex'));
  });

  it('the npm package holds dist/, types, README, LICENSE and CHANGELOG, and no sources, tests or demo', () => {
    const list = execFileSync('tar', ['-tzf', first.tgz], { encoding: 'utf8' }).trim().split('\n').map((p) => p.replace(/^package\//, ''));
    assert.deepEqual(packageProblems(list), []);
    assert.ok(list.some((p) => /^dist\/chunks\/.+\.js$/.test(p)));
    assert.ok(!list.some((p) => p.startsWith('src/')), 'src/ stays out: the source maps carry every source');
    // Every map carries its sources' text, so src/ need not ship.
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', first.tgz, '-C', unpacked]);
    const maps = list.filter((p) => p.endsWith('.js.map'));
    assert.ok(maps.length > 10);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(unpacked, 'package', file), 'utf8'));
      assert.ok(map.sourcesContent?.length === map.sources.length && map.sourcesContent.every((s) => typeof s === 'string'), file);
    }
    assert.deepEqual(packageProblems([...list, 'test/e2e/demo.test.mjs']).slice(-1), ['ships test/e2e/demo.test.mjs']);
  });

  it('the plugin zip is the plugin folder with its built files and no development files', () => {
    const paths = Object.keys(unzipSync(readFileSync(first.plugin)));
    assert.ok(paths.every((p) => p.startsWith('embeds-for-mobilizon/')));
    for (const need of ['embeds-for-mobilizon.php', 'readme.txt', 'LICENSE', 'assets/js/mobilizon-embed.js', 'assets/editor.js', 'operations/FetchEvents.graphql',
      'languages/embeds-for-mobilizon-fr_FR.mo', 'languages/embeds-for-mobilizon-fr_FR-embeds-for-mobilizon-editor.json', 'blocks/events/block.json']) {
      assert.ok(paths.includes(`embeds-for-mobilizon/${need}`), need);
    }
    assert.deepEqual(paths.filter((p) => /README\.md|phpunit|phpcs|\.map$|\/\./.test(p)), []);
  });
});

describe('the npm package in a new project', () => {
  it('installs offline from the tarball, and a Vite build importing mobilizon-embed/events.js succeeds', async () => {
    const app = join(work, 'app');
    const integrity = `sha512-${createHash('sha512').update(readFileSync(first.tgz)).digest('base64')}`;
    installOffline(app, { tarball: first.tgz, integrity });

    writeFileSync(join(app, 'main.js'), "import 'mobilizon-embed/events.js';\ndocument.body.append(document.createElement('mobilizon-events'));\n");
    writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: join(app, 'out') } });
    const js = readdirSync(join(app, 'out/assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(app, 'out/assets', f), 'utf8')).join('\n');
    // The element is registered (the package's define() call survived both builds' tree-shaking).
    assert.ok(/\bcustomElements\.define\(/.test(js) && /["'`]mobilizon-events["'`]/.test(js), 'the bundle registers <mobilizon-events>');
    // Lit came from the app's node_modules (the package leaves it to the bundler), once.
    assert.match(readFileSync(join(app, 'node_modules/lit/package.json'), 'utf8'), /"name": "lit"/);
  });
});
