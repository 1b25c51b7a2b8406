// Aligned with Event Bridge for ActivityPub, in Chromium: a page with the events block for a group the
// site follows through Event Bridge shows the events it received (GatherPress posts written as Event
// Bridge 1.x writes them: event-bridge-fixture.php), linking to their pages on this site, with not a
// single request to the Mobilizon instance — neither from the visitor's browser nor from the site.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'screenshots');
mkdirSync(shots, { recursive: true });
const site = JSON.parse(readFileSync(process.env.WP_SITE_JSON ?? '/dev/null', 'utf8') || '{}');
const INSTANCE = process.env.DEMO_INSTANCE_URL?.replace(/\/$/, '');
const VERSION = process.env.WP_EXPECTED_VERSION ?? '';
const origin = site.url ? new URL(site.url).origin : '';
const seed = join(import.meta.dirname, 'event-bridge-seed.php');
// A scope of its own on the demo instance, so every request this site makes to it is counted.
const scoped = `${INSTANCE}/_k/id=event-bridge-${randomBytes(4).toString('hex')}`;
const out = join(tmpdir(), `event-bridge-${process.pid}.json`);

let browser;
let seeded;
before(async () => {
  assert.ok(site.url && INSTANCE && process.env.WP_DIR, 'WP_SITE_JSON, WP_DIR and DEMO_INSTANCE_URL are set by scripts/wordpress-sites.mjs');
  execFileSync('php', [seed, process.env.WP_DIR, 'on', scoped, out], { stdio: ['ignore', 'inherit', 'inherit'] });
  seeded = JSON.parse(readFileSync(out, 'utf8'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});
after(async () => {
  await browser?.close();
  execFileSync('php', [seed, process.env.WP_DIR ?? '', 'off'], { stdio: ['ignore', 'inherit', 'inherit'] });
});

/** The instance's API requests for this test's scope, and their operations (for the failure message). */
const instanceCalls = async () => {
  const { api, operations } = await (await fetch(`${scoped}/_demo/stats`)).json();
  return { api, said: JSON.stringify(operations) };
};

describe(`WordPress ${VERSION}: a group followed through Event Bridge for ActivityPub`, () => {
  it('shows the events the site received, linking here, with 0 requests to the instance', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const elsewhere = [];
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => new URL(r.url()).origin !== origin && !r.url().startsWith('data:') && elsewhere.push(r.url()));
    await page.goto(seeded.page);
    const events = page.locator('mobilizon-events');
    await page.waitForFunction(() => /Balade des lumières/.test(document.querySelector('mobilizon-events')?.shadowRoot?.textContent ?? ''), null, {
      timeout: 15_000,
    });
    // What the element rendered (its shadow DOM), in start order; the past one is not upcoming.
    const titles = (await events.locator('.title').allTextContents()).map((t) => t.trim());
    assert.deepEqual(titles, ['Balade des lumières', 'Atelier réparation & café']);
    const shadow = await events.evaluate((el) => el.shadowRoot.textContent);
    assert.doesNotMatch(shadow, /Sortie déjà passée/);
    assert.match(shadow, /Place Bellecour/);
    const hrefs = await events.evaluate((el) => [...el.shadowRoot.querySelectorAll('a[href]')].map((a) => a.href));
    assert.ok(hrefs.includes(seeded.events['Balade des lumières']), `links to the event's page on this site: ${hrefs.join(' ')}`);
    assert.ok(!hrefs.some((h) => h.startsWith(INSTANCE)), 'no link leads to the instance for a received event');
    await page.screenshot({ path: join(shots, `wordpress-${VERSION}-event-bridge.png`), fullPage: true });
    assert.deepEqual(elsewhere, [], 'the visitor’s browser talks only to this site');
    assert.deepEqual(errors, []);
    const calls = await instanceCalls();
    assert.equal(calls.api, 0, `the site did not ask the instance either: ${calls.said}`);

    // The event's page on this site (the event plugin's own view) links back to the original.
    await page.goto(seeded.events['Balade des lumières']);
    const back = page.locator('.embeds-for-mobilizon-origin a');
    assert.equal(await back.getAttribute('href'), `${scoped}/events/22222222-3333-4444-8555-666666666666`);
    assert.equal((await back.textContent()).trim(), `See this event on ${new URL(INSTANCE).host}`);
    assert.equal((await instanceCalls()).api, 0);
    await context.close();
  });

  it('Settings → Mobilizon tells the site owner which groups are followed, and where to follow the others', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1100 } });
    const page = await context.newPage();
    await page.goto(`${origin}/wp-login.php`);
    await page.locator('#user_login').fill(site.admin.user);
    await page.locator('#user_pass').fill(site.admin.password);
    await Promise.all([page.waitForURL(/wp-admin/), page.locator('#wp-submit').click()]);
    await page.goto(`${origin}/wp-admin/options-general.php?page=embeds-for-mobilizon`);
    const followed = page.locator('tr[data-group="velo_lyon"]');
    assert.match(await followed.textContent(), /Followed: 3 events received/);
    const other = page.locator('tr[data-group="montreal_makers"]');
    assert.match(await other.textContent(), /Not followed/);
    const link = new URL(await other.locator('a').getAttribute('href'));
    assert.equal(link.pathname, '/wp-admin/options-general.php');
    assert.deepEqual(Object.fromEntries(link.searchParams), { page: 'activitypub', tab: 'event-bridge-for-activitypub', subpage: 'event-sources' });
    await page.locator('#embeds-for-mobilizon-event-bridge').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `wordpress-${VERSION}-event-bridge-settings.png`), fullPage: true });
    await context.close();
  });
});
