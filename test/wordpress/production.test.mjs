// The plugin in production conditions, on a real WordPress site: an instance that never answers must
// not slow the site. `npm test -- wordpress` sets WP_SITE_JSON, WP_DIR and WP_URL.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const site = JSON.parse(readFileSync(process.env.WP_SITE_JSON ?? '/dev/null', 'utf8') || '{}');
const VERSION = process.env.WP_EXPECTED_VERSION ?? '';
const INSTANCE = process.env.DEMO_INSTANCE_URL;

/** Publishes a page (or a post) with four blocks naming `instance` (allowed for this site). Returns its URL. */
function pageFor(instance, slug, type = 'page') {
  return execFileSync('php', [join('test-instance.php'), process.env.WP_DIR, process.env.WP_URL, instance, slug, type], { encoding: 'utf8' }).trim();
}
function join(file) {
  return resolve(root, 'test/wordpress', file);
}

/** Seconds to the whole page, and its HTML. */
async function timed(url) {
  const t0 = performance.now();
  const response = await fetch(url);
  const html = await response.text();
  return { seconds: (performance.now() - t0) / 1000, status: response.status, html };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

describe(`WordPress ${VERSION}: an instance that never answers`, () => {
  // Accepts connections and never says a word: the worst kind of dead instance.
  const sockets = new Set();
  const silent = createServer((socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  let url;
  before(async () => {
    await new Promise((r) => silent.listen(0, '127.0.0.1', r));
    url = pageFor(`http://127.0.0.1:${silent.address().port}`, `silent-${process.pid}`);
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('a page with four blocks answers within 4 s the first time and at once afterwards, with the fallback text', async () => {
    // The site itself warmed up first (its first PHP request reads every file from disk), and timed alone.
    const home = await timed(site.url);
    const first = await timed(url);
    assert.equal(first.status, 200);
    const next = [];
    for (let i = 0; i < 10; i++) next.push((await timed(url)).seconds);
    console.log(`silent instance: home page ${home.seconds.toFixed(2)} s; first view ${first.seconds.toFixed(2)} s; next 10 median ${median(next).toFixed(3)} s (max ${Math.max(...next).toFixed(3)} s)`);
    assert.ok(first.seconds < 4, `first view took ${first.seconds.toFixed(2)} s`);
    assert.ok(median(next) < 0.5, `later views took ${median(next).toFixed(3)} s (median)`);
    // Each of the four blocks says the instance could not be reached, in the site's language.
    const host = `127.0.0.1:${silent.address().port}`;
    const said = first.html.split(`could not be loaded from ${host}`).length - 1;
    assert.ok(said >= 3, `fallback text shown ${said} times`);
    assert.match(first.html, /<mobilizon-events[^>]*instance="http:\/\/127\.0\.0\.1/);
  });
});

describe(`WordPress ${VERSION}: requests that show no post`, () => {
  it('a browser asking for /favicon.ico or robots.txt, or a missing page, makes the site ask the instance nothing', async () => {
    // The newest post embeds four blocks of an instance of its own: WordPress answers /favicon.ico and
    // robots.txt through the home query, whose posts this post heads, but shows none of them.
    const scope = `id=no-posts-${process.pid}`;
    pageFor(`${INSTANCE}/_k/${scope}`, `no-posts-${process.pid}`, 'post');
    const calls = async () => (await (await fetch(`${INSTANCE}/_k/${scope}/_demo/stats`)).json()).api;
    for (const path of ['/favicon.ico', '/robots.txt', `/no-such-page-${process.pid}/`]) await (await fetch(new URL(path, site.url))).arrayBuffer();
    assert.equal(await calls(), 0);
    // The home page shows that post: its reads are made (so the count above could have seen them).
    await (await fetch(site.url)).arrayBuffer();
    assert.ok((await calls()) > 0, 'the home page asked the instance for its post’s embeds');
  });
});

describe(`WordPress ${VERSION}: registrations under concurrency`, () => {
  /** `count` registration attempts from `addresses` (cycled), each in its own PHP process, started at one instant. */
  async function race(count, addresses) {
    const { spawn } = await import('node:child_process');
    const at = Date.now() + 2500; // every process has loaded WordPress by then
    const runs = Array.from({ length: count }, (_, i) => new Promise((done, fail) => {
      const child = spawn('php', [join('take-registration.php'), process.env.WP_DIR, process.env.WP_URL, addresses[i % addresses.length], String(at)]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => process.stderr.write(d));
      child.on('close', (code) => (code === 0 ? done(Number(out.trim())) : fail(new Error(`php exited ${code}`))));
    }));
    return Promise.all(runs);
  }

  it('16 simultaneous registrations from one address with a limit of 5: exactly 5 pass', async () => {
    const waits = await race(16, ['203.0.113.77']);
    console.log(`16 simultaneous registrations: ${waits.filter((w) => w === 0).length} passed`);
    assert.equal(waits.filter((w) => w === 0).length, 5);
    assert.ok(waits.filter((w) => w > 0).every((w) => w <= 600), 'the others are told how long to wait');
  });

  it('IPv6 addresses of one /64 count as one visitor', async () => {
    const waits = await race(8, ['2001:db8:77:1::1', '2001:db8:77:1:aaaa::2', '2001:db8:77:1:ffff:ffff:ffff:fffe', '2001:db8:77:1::9']);
    assert.equal(waits.filter((w) => w === 0).length, 5);
    // Another /64 is another visitor.
    assert.deepEqual(await race(1, ['2001:db8:77:2::1']), [0]);
  });
});

describe(`WordPress ${VERSION}: a hostile instance in proxy mode`, () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });
  after(() => browser?.close());

  it('no request of the visitor\'s browser leaves the site, pictures included', async () => {
    const url = pageFor(`${INSTANCE}/_k/hostile=1`, `hostile-${process.pid}`);
    const origin = new URL(url).origin;
    const context = await browser.newContext({ viewport: { width: 1200, height: 5000 } });
    const page = await context.newPage();
    const elsewhere = [];
    const pictures = [];
    page.on('request', (r) => {
      if (r.url().startsWith('data:')) return;
      if (new URL(r.url()).origin !== origin) elsewhere.push(r.url());
      if (r.resourceType() === 'image') pictures.push(r.url());
    });
    await page.goto(url);
    await page.locator('mobilizon-events [part~="event"]').first().waitFor({ timeout: 15_000 });
    await page.locator('mobilizon-group [part~="title"]').first().waitFor({ timeout: 15_000 });
    // Scrolled to the end (lazy pictures load when in view), then the network is quiet.
    for (let y = 0; y < 60_000; y += 4000) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(100);
    }
    await page.waitForLoadState('networkidle');
    console.log(`hostile page: ${pictures.length} picture requests, ${elsewhere.length} to other origins`);
    assert.ok(pictures.length > 0, 'the page shows pictures');
    assert.deepEqual(elsewhere, []);
    await context.close();
  });
});

describe(`WordPress ${VERSION}: Test connection`, () => {
  it('keeps the typed address and offers to save it', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await browser.newPage();
    const settings = `${new URL(site.url).origin}/wp-admin/options-general.php?page=embeds-for-mobilizon`;
    const field = page.locator('#embeds-for-mobilizon-instance');
    const typed = `${INSTANCE}/_k/id=typed-${process.pid}`;
    try {
      await page.goto(`${new URL(site.url).origin}/wp-login.php`);
      await page.locator('#user_login').fill(site.admin.user);
      await page.locator('#user_pass').fill(site.admin.password);
      await Promise.all([page.waitForURL(/wp-admin/), page.locator('#wp-submit').click()]);
      await page.goto(settings);
      await field.fill(typed);
      await Promise.all([page.waitForURL(/page=embeds-for-mobilizon/), page.getByRole('button', { name: 'Test connection' }).click()]);
      assert.match(await page.locator('.embeds-for-mobilizon-test-result').innerText(), /Connected to .*Mobilizon 5\.\d+.*not saved yet/s);
      assert.equal(await field.inputValue(), typed, 'the typed address is still in the field');
      await page.screenshot({ path: resolve(root, 'screenshots', `wordpress-${VERSION}-test-connection.png`) });
      await Promise.all([page.waitForURL(/settings-updated=true/), page.getByRole('button', { name: 'Save this address' }).click()]);
      await page.goto(settings);
      assert.equal(await field.inputValue(), typed, 'saved');
    } finally {
      // The other tests use the configured demo instance.
      await page.goto(settings);
      await field.fill(INSTANCE);
      await Promise.all([page.waitForURL(/settings-updated=true/), page.getByRole('button', { name: 'Save Changes' }).click()]);
      assert.equal(await field.inputValue(), INSTANCE);
      await browser.close();
    }
  });
});

describe(`WordPress ${VERSION}: the elements look like the theme`, () => {
  const theme = (name) => execFileSync('php', [join('switch-theme.php'), process.env.WP_DIR, process.env.WP_URL, name], { encoding: 'utf8' }).trim();
  const shots = resolve(root, 'screenshots');

  /** The blocks post in a theme: its screenshot, and the colours and font the events element uses. */
  async function look(browser, name) {
    assert.equal(theme(name), name);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(site.pages.blocks);
    const events = page.locator('.wp-block-embeds-for-mobilizon-events mobilizon-events');
    await events.locator('[part~="event"]').first().waitFor({ timeout: 15_000 });
    const seen = await events.evaluate((el) => {
      const style = getComputedStyle(el);
      const card = el.shadowRoot.querySelector('[part~="event"]');
      return {
        surface: style.getPropertyValue('--mobilizon-surface').trim(),
        text: style.getPropertyValue('--mobilizon-text').trim(),
        font: getComputedStyle(card).fontFamily,
        pageFont: getComputedStyle(document.body).fontFamily,
        cardText: getComputedStyle(card).color,
        pageText: getComputedStyle(document.body).color,
        base: getComputedStyle(document.body).getPropertyValue('--wp--preset--color--base').trim(),
        contrast: getComputedStyle(document.body).getPropertyValue('--wp--preset--color--contrast').trim(),
      };
    });
    // Lazy pictures load when in view: a window as tall as the page, every picture loaded, then the screenshot.
    await page.setViewportSize({ width: 1200, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.waitForFunction(() => {
      const images = [];
      const walk = (root) => root.querySelectorAll('*').forEach((el) => (el.tagName === 'IMG' && images.push(el), el.shadowRoot && walk(el.shadowRoot)));
      walk(document);
      return images.every((img) => img.complete);
    }, null, { timeout: 15_000 });
    await page.screenshot({ path: resolve(shots, `wordpress-${VERSION}-${name}.png`), fullPage: true });
    await page.close();
    return seen;
  }

  it('Twenty Twenty-One (classic): the customizer background and the page font; Twenty Twenty-Three (block): theme.json presets', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const before = 'twentytwentythree'; // install.php's: the default theme.
    try {
      const classic = await look(browser, 'twentytwentyone');
      console.log('Twenty Twenty-One:', JSON.stringify(classic));
      assert.equal(classic.surface.toLowerCase(), '#d1e4dd', 'the customizer background colour');
      assert.equal(classic.font, classic.pageFont);

      const block = await look(browser, 'twentytwentythree');
      console.log('Twenty Twenty-Three:', JSON.stringify(block));
      assert.ok(block.base && block.contrast, 'Twenty Twenty-Three has base and contrast presets');
      assert.equal(block.surface, block.base, 'the theme.json background (base)');
      assert.equal(block.text, block.contrast, 'the theme.json text colour (contrast)');
      assert.equal(block.cardText, block.pageText);
      assert.equal(block.font, block.pageFont);
    } finally {
      theme(before);
      await browser.close();
    }
  });
});
