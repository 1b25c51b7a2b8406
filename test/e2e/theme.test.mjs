// A plain site owner's page, seen by a visitor in dark mode: a page that declares no color-scheme
// keeps the light widgets; one that declares `color-scheme: dark` gets dark ones with an inset.
// Events without a picture (the instance's default picture, or compact cards on an older instance)
// and a group without a banner. Screenshots at 1280 and 375 px, written to screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, root, serveSite } from './site.mjs';

const INSTANCE = process.env.DEMO_INSTANCE_URL;
const shots = join(root, 'screenshots');
mkdirSync(shots, { recursive: true });

const page = (scheme, instance) => `<!doctype html>
<html lang="en"${scheme ? ` style="color-scheme: ${scheme}"` : ''}>
<head><meta charset="utf-8"><title>A plain site</title>
<script type="module" src="/dist/mobilizon-embed.js"></script></head>
<body style="margin: 16px; font-family: sans-serif">
  <h1>Our club</h1>
  <mobilizon-events instance="${instance}" group="velo_lyon" limit="4" from="${soon(7)}" to="${soon(10)}" view="grid" locale="en"></mobilizon-events>
  <mobilizon-events instance="${instance}" group="velo_lyon" limit="3" from="${soon(7)}" locale="en"></mobilizon-events>
  <mobilizon-group instance="${instance}" group="empty_group" locale="en" sections="about,events"></mobilizon-group>
</body></html>`;

/** A day from now, `YYYY-MM-DD`: the seeded meeting without a picture is 8 days ahead. */
function soon(days) {
  return new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);
}

const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('a plain page, a visitor in dark mode', () => {
  let browser;
  let site;
  before(async () => {
    browser = await launchChromium();
    site = await serveSite((path, url) => {
      if (path !== '/plain') return undefined;
      const instance = url.searchParams.get('old') ? `${INSTANCE}/_k/version=4.0.2` : INSTANCE;
      return { body: page(url.searchParams.get('scheme'), instance) };
    });
  });
  after(async () => {
    await browser?.close();
    site?.close();
  });

  for (const [scheme, old] of [['', false], ['dark', false], ['', true]]) {
    for (const width of [1280, 375]) {
      const name = `plain-page-${scheme || 'undeclared'}${old ? '-old-instance' : ''}-${width}`;
      it(`${name}: the page's scheme, no empty picture box`, async () => {
        const context = await browser.newContext({ colorScheme: 'dark', viewport: { width, height: 900 } });
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        await tab.goto(`${site.origin}/plain?scheme=${scheme}${old ? '&old=1' : ''}`);
        const grid = tab.locator('mobilizon-events[view="grid"]');
        await grid.locator('[part~="event"]').first().waitFor();
        await tab.locator('mobilizon-group').locator('[part="header"]').waitFor();
        const meeting = grid.locator('[part~="event"]', { hasText: 'Réunion du bureau' });
        if (!old) await meeting.locator('img.picture').waitFor();
        else await tab.waitForTimeout(500);
        const look = await tab.evaluate(() =>
          [...document.querySelectorAll('mobilizon-events, mobilizon-group')].map((el) => ({
            background: getComputedStyle(el).backgroundColor,
            padding: parseFloat(getComputedStyle(el).paddingTop),
          })),
        );
        for (const { background, padding } of look) {
          if (scheme === 'dark') assert.ok(luminance(background) < 0.05, `dark surface, got ${background}`);
          else assert.ok(luminance(background) > 0.8, `light surface, got ${background}`);
          assert.ok(padding > 5, 'content inset from the surface edges');
        }
        assert.equal(await meeting.locator('.picture').count(), old ? 0 : 1);
        assert.equal(await tab.locator('mobilizon-group').locator('[part="banner"]').count(), 0);
        await tab.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
});
