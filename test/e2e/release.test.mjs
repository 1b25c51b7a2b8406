// The site owner's download (release/mobilizon-embed-<v>.zip, as scripts/release.mjs writes it),
// unzipped into an empty folder and served from another origin than the demo instance, with the tags
// its README.txt gives: every element renders with the module tag and with the classic script, and
// the integrity values hold (a changed file is refused).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { siteOwnerFiles, sri, zipFolder } from '../../scripts/release.mjs';
import { packageVersion } from '../../scripts/version.mjs';
import { launchChromium, root, serveSite } from './site.mjs';

const INSTANCE = process.env.DEMO_INSTANCE_URL;
const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9'; // "Atelier ouvert à tous": free, anonymous registration
const shots = join(root, 'screenshots');
mkdirSync(shots, { recursive: true });

let work;
let folder;
let readme;
let site;
let browser;

/** The four elements against the demo instance, after the tag(s) under test. */
const page = (head) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Self-hosted</title>
${head}</head>
<body>
  <h1>Our events</h1>
  <mobilizon-events instance="${INSTANCE}" group="velo_lyon" limit="3"></mobilizon-events>
  <mobilizon-event instance="${INSTANCE}" uuid="${ATELIER}"></mobilizon-event>
  <mobilizon-group instance="${INSTANCE}" group="velo_lyon" limit="2"></mobilizon-group>
  <mobilizon-registration instance="${INSTANCE}" uuid="${ATELIER}"></mobilizon-registration>
</body></html>`;

/** A README.txt line that is a <script> tag for `file`. */
const tagFor = (file) => readme.split('\n').map((l) => l.trim()).find((l) => l.startsWith('<script') && l.includes(`/mobilizon-embed/${file}"`));

before(async () => {
  assert.ok(INSTANCE, 'DEMO_INSTANCE_URL is set by npm test');
  // The zip as the release writes it, unzipped into an empty folder: nothing else from the tree.
  work = mkdtempSync(join(tmpdir(), 'mobilizon-embed-site-'));
  const zip = zipFolder('mobilizon-embed', siteOwnerFiles(packageVersion()).files);
  writeFileSync(join(work, 'download.zip'), zip);
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(join(work, 'download.zip'))))) {
    mkdirSync(dirname(join(work, 'www', path)), { recursive: true });
    writeFileSync(join(work, 'www', path), bytes);
  }
  folder = join(work, 'www/mobilizon-embed');
  readme = readFileSync(join(folder, 'README.txt'), 'utf8');
  const pages = {
    '/module.html': page(tagFor('mobilizon-embed.js')),
    '/classic.html': page(tagFor('mobilizon-embed.iife.js')),
    '/plain-module.html': page('<script type="module" src="/mobilizon-embed/mobilizon-embed.js"></script>'),
    '/tampered.html': page(tagFor('mobilizon-embed.js').replace(/sha384-[^"]+/, sri(Buffer.from('another file')))),
  };
  site = await serveSite((path) => (pages[path] ? { body: pages[path] } : undefined), { mount: '/mobilizon-embed/', dir: folder });
  assert.notEqual(new URL(site.origin).origin, new URL(INSTANCE).origin);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the site owner’s zip, unzipped and served as it is', () => {
  it('holds the module, its chunks, the classic script, README.txt, LICENSE and integrity.json', () => {
    const top = readdirSync(folder).sort();
    assert.deepEqual(top, ['LICENSE', 'README.txt', 'chunks', 'integrity.json', 'mobilizon-embed.iife.js', 'mobilizon-embed.js']);
    assert.ok(readdirSync(join(folder, 'chunks')).length > 5);
    assert.match(readme, new RegExp(`mobilizon-embed ${packageVersion().replace(/\./g, '\\.')}`));
    assert.match(readme, /<mobilizon-events instance=/);
  });

  it('integrity.json holds the sha384 of every file, and README.txt pastes the same values', () => {
    const { algorithm, files } = JSON.parse(readFileSync(join(folder, 'integrity.json'), 'utf8'));
    assert.equal(algorithm, 'sha384');
    const scripts = [...readdirSync(folder).filter((f) => f.endsWith('.js')), ...readdirSync(join(folder, 'chunks')).map((f) => `chunks/${f}`)].sort();
    assert.deepEqual(Object.keys(files).sort(), scripts);
    for (const [file, hash] of Object.entries(files)) assert.equal(hash, sri(readFileSync(join(folder, file))), file);
    assert.ok(tagFor('mobilizon-embed.js').includes(`integrity="${files['mobilizon-embed.js']}" crossorigin="anonymous"`));
    assert.ok(tagFor('mobilizon-embed.iife.js').includes(`integrity="${files['mobilizon-embed.iife.js']}"`));
  });

  for (const [name, path] of [
    ['the module tag with integrity', '/module.html'],
    ['the classic script with integrity', '/classic.html'],
    ['the module tag without integrity', '/plain-module.html'],
  ]) {
    it(`all four elements render against the instance with ${name}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      const tab = await context.newPage();
      const errors = [];
      const elsewhere = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('request', (r) => ![site.origin, new URL(INSTANCE).origin].includes(new URL(r.url()).origin) && elsewhere.push(r.url()));
      const entry = [];
      tab.on('request', (r) => r.url().endsWith('/mobilizon-embed.js') && entry.push(r.url()));
      await tab.goto(`${site.origin}${path}`);
      await tab.locator('body > mobilizon-events [part~="event"]').first().waitFor({ timeout: 15_000 });
      const shows = (tag, text) =>
        tab.waitForFunction(([t, source]) => new RegExp(source).test(document.querySelector(t)?.shadowRoot?.textContent ?? ''), [tag, text.source], { timeout: 15_000 });
      await shows('mobilizon-event', /Atelier ouvert à tous/);
      await shows('mobilizon-group', /Vélo Lyon/);
      await shows('mobilizon-registration', /E-mail|Register/i);
      assert.equal(await tab.locator('body > mobilizon-events [part~="event"]').count(), 3);
      assert.deepEqual(entry, [`${site.origin}/mobilizon-embed/mobilizon-embed.js`], 'the module fetched once');
      assert.deepEqual(elsewhere, []);
      assert.deepEqual(errors, []);
      await tab.screenshot({ path: join(shots, `release-zip-${path.slice(1, -'.html'.length)}.png`), fullPage: true });
      await context.close();
    });
  }

  it('a tag whose integrity does not match the file is refused by the browser', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const refused = [];
    tab.on('console', (m) => /integrity/i.test(m.text()) && refused.push(m.text()));
    await tab.goto(`${site.origin}/tampered.html`);
    await tab.waitForLoadState('networkidle');
    assert.equal(await tab.evaluate(() => customElements.get('mobilizon-events')), undefined);
    assert.ok(refused.length >= 1, 'Chromium says why');
    await context.close();
  });
});
