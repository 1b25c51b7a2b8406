// The plugin as a site owner installs it: the release zip through WordPress's upload installer
// (scripts/wordpress-sites.mjs builds the zip, test/wordpress/install.php runs Plugin_Upgrader on
// it). What is on the site is the zip's content, each page loads the element module once, and a
// copy without its built files says so to the administrator instead of failing silently.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const site = JSON.parse(readFileSync(process.env.WP_SITE_JSON ?? '/dev/null', 'utf8') || '{}');
const VERSION = process.env.WP_EXPECTED_VERSION ?? '';
const WP_DIR = process.env.WP_DIR ?? '';
const installed = join(WP_DIR, 'wp-content/plugins/embeds-for-mobilizon');
const zipFile = join(dirname(WP_DIR), 'embeds-for-mobilizon.zip');
const origin = site.url ? new URL(site.url).origin : '';
mkdirSync(join(root, 'screenshots'), { recursive: true });

let browser;
before(async () => {
  assert.ok(site.url && WP_DIR, 'WP_SITE_JSON and WP_DIR are set by scripts/wordpress-sites.mjs');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(() => browser?.close());

/** Every file under a folder, relative to it. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : out.push(relative(dir, join(d, e.name)))));
  walk(dir);
  return out.sort();
}

/** A page, and the path of every request it sends to this site's plugin folder. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const plugin = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.url().includes('/plugins/embeds-for-mobilizon/') && plugin.push(r.url().slice(r.url().indexOf('/plugins/'))));
  await page.goto(url);
  return { page, errors, plugin, close: () => context.close() };
}

describe(`WordPress ${VERSION}: the plugin installed from its zip`, () => {
  it('is a plain folder holding exactly what the zip holds, with no development files', () => {
    assert.ok(!lstatSync(installed).isSymbolicLink(), 'not a link to the source tree');
    const zipped = Object.keys(unzipSync(readFileSync(zipFile)))
      .filter((p) => !p.endsWith('/'))
      .map((p) => p.replace(/^embeds-for-mobilizon\//, ''))
      .sort();
    assert.deepEqual(filesUnder(installed), zipped);
    for (const built of ['assets/js/mobilizon-embed.js', 'operations/FetchEvents.graphql', 'languages/embeds-for-mobilizon-fr_FR.mo', 'languages/embeds-for-mobilizon-fr_FR-embeds-for-mobilizon-editor.json']) {
      assert.ok(zipped.includes(built), built);
    }
    assert.ok(zipped.some((p) => /^assets\/js\/chunks\/.+-[\w-]{8}\.js$/.test(p)), 'lazy chunks named with a content hash');
    for (const dev of zipped) assert.doesNotMatch(dev, /(^|\/)(README\.md|phpunit|phpcs|\.|node_modules|tests?\/)|\.map$/, dev);
  });

  for (const [name, selectors] of [
    ['each shortcode', ['.embeds-for-mobilizon-events > mobilizon-events', 'mobilizon-event', 'mobilizon-group', 'mobilizon-registration']],
    ['each block', ['.wp-block-embeds-for-mobilizon-events mobilizon-events', 'mobilizon-event', 'mobilizon-group', 'mobilizon-registration']],
  ]) {
    it(`a page with ${name} shows events and fetches the element module once`, async () => {
      const { page, errors, plugin, close } = await open(name === 'each block' ? site.pages.blocks : site.pages.shortcodes);
      // Every element drew itself from the instance's answers (its shadow root holds text).
      for (const selector of selectors) {
        await page.waitForFunction((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '').trim().length > 20, selector, { timeout: 15_000 });
      }
      await page.locator(`${selectors[0]} [part~="event"]`).first().waitFor();
      await page.waitForLoadState('networkidle');
      const entry = plugin.filter((p) => /\/assets\/js\/mobilizon-embed\.js(\?|$)/.test(p));
      assert.deepEqual(entry, ['/plugins/embeds-for-mobilizon/assets/js/mobilizon-embed.js'], 'one request for the module, without a query');
      const chunks = plugin.filter((p) => p.includes('/chunks/'));
      assert.ok(chunks.length > 0, 'lazy chunks load from beside the module');
      assert.equal(new Set(chunks).size, chunks.length, `a chunk fetched twice: ${chunks.join(', ')}`);
      assert.equal(await page.evaluate(() => customElements.get('mobilizon-events') !== undefined), true);
      assert.deepEqual(errors, []);
      await close();
    });
  }
});

describe(`WordPress ${VERSION}: a copy of the plugin without its built files`, () => {
  it('tells the administrator, and its proxy answers why instead of a bare error', async (t) => {
    const moved = [
      [join(installed, 'assets/js'), join(installed, 'assets/js.away')],
      [join(installed, 'operations'), join(installed, 'operations.away')],
    ];
    for (const [from, to] of moved) renameSync(from, to);
    t.after(() => {
      for (const [from, to] of moved) if (existsSync(to)) renameSync(to, from);
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/wp-login.php`);
    await page.locator('#user_login').fill(site.admin.user);
    await page.locator('#user_pass').fill(site.admin.password);
    await Promise.all([page.waitForURL(/wp-admin/), page.locator('#wp-submit').click()]);
    await page.goto(`${origin}/wp-admin/plugins.php`);
    const notice = page.locator('.notice-error', { hasText: 'Embeds for Mobilizon' });
    assert.match(await notice.innerText(), /without its built files[\s\S]*Missing:\s*assets\/js\/mobilizon-embed\.js, operations\/FetchEvents\.graphql/);
    await notice.screenshot({ path: join(root, 'screenshots', `wordpress-${VERSION}-unbuilt-notice.png`) });
    // A visitor's page: the fallback HTML still shows, and the proxy answers 503 with the reason.
    const visitor = await browser.newContext();
    const view = await visitor.newPage();
    await view.goto(site.pages.shortcodes);
    assert.equal(await view.locator('script[src*="mobilizon-embed.js"]').count(), 0, 'no tag for a module that is not there');
    const endpoint = await view.locator('.embeds-for-mobilizon-events > mobilizon-events').getAttribute('endpoint');
    assert.ok(endpoint, 'the element names the proxy');
    const answer = await view.evaluate(
      (url) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ operationName: 'Config', variables: {} }) }).then(async (r) => ({ status: r.status, body: await r.json() })),
      endpoint,
    );
    assert.equal(answer.status, 503);
    assert.match(answer.body.message, /installed without its built files/);
    await visitor.close();
    await context.close();
  });
});
