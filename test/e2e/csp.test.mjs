// A site owner's strict page: Content-Security-Policy without 'unsafe-inline' anywhere, and Trusted
// Types enforced. The built module (dist/mobilizon-embed.js and its lazy chunks) is served from the
// page's own origin; every element and its dialogs must work with zero `securitypolicyviolation`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, root, serveSite } from './site.mjs';

const INSTANCE = process.env.DEMO_INSTANCE_URL;
const shots = join(root, 'screenshots');
mkdirSync(shots, { recursive: true });

/** The Trusted Types policies the library creates, as README.md tells site owners to list them. */
const POLICIES = ['lit-html', 'mobilizon-embed'];
const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9'; // free registration, description with a picture
const RESTRICTED = 'a1f0df04-e762-4130-ba52-943c93c77251'; // registration on request: a form

const csp = (instance) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${instance} 'self'`,
    `connect-src ${instance}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${POLICIES.join(' ')}`,
  ].join('; ');

/** The two script-tag builds, as a site owner pastes them. */
const BUILDS = {
  module: '<script type="module" src="/dist/mobilizon-embed.js"></script>',
  classic: '<script src="/dist/mobilizon-embed.iife.js" defer></script>',
};

const page = (instance, build) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Strict CSP</title>
${BUILDS[build]}</head>
<body>
  <h1>A page with a strict Content-Security-Policy</h1>
  <mobilizon-events id="month" instance="${instance}" view="month"></mobilizon-events>
  <mobilizon-events id="inline" instance="${instance}" event-href="inline" limit="3" structured-data></mobilizon-events>
  <mobilizon-events id="filters" instance="${instance}" filters limit="3"></mobilizon-events>
  <mobilizon-events id="feed" ics="${instance}/@velo_lyon/feed/ics" limit="2"></mobilizon-events>
  <mobilizon-event id="event" instance="${instance}" uuid="${ATELIER}" structured-data></mobilizon-event>
  <mobilizon-group id="group" instance="${instance}" group="velo_lyon" limit="2"></mobilizon-group>
  <mobilizon-registration id="registration" instance="${instance}" uuid="${RESTRICTED}"></mobilizon-registration>
</body>
</html>`;

/** Runs before any page script (CDP, outside the page's CSP): records every violation report. */
function watchViolations() {
  window.__violations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample }),
    true,
  );
}

let browser;
let site;
let origin;
before(async () => {
  assert.ok(INSTANCE, 'DEMO_INSTANCE_URL is set by `npm test`');
  assert.ok(existsSync(join(root, 'dist/mobilizon-embed.js')), 'npm run build ran before');
  site = await serveSite((path) =>
    path === '/module.html' || path === '/classic.html'
      ? { headers: { 'content-security-policy': csp(INSTANCE) }, body: page(INSTANCE, path.slice(1, -'.html'.length)) }
      : null,
  );
  origin = site.origin;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.close();
});

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  for (const build of Object.keys(BUILDS)) it(`shows every element and its dialogs with no violation (${build} build)`, async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.addInitScript(watchViolations);
    const response = await tab.goto(`${origin}/${build}.html`);
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);

    // <mobilizon-events view="month">: a day with events opens its dialog.
    const month = tab.locator('#month');
    const busyDay = month.locator('.day:has(.chip:not(.gap))').first();
    await busyDay.waitFor();
    await busyDay.locator('.num').click();
    const dayDialog = month.locator('dialog.day-dialog');
    await dayDialog.locator('.event .title').first().waitFor();
    assert.equal(await dayDialog.evaluate((d) => d.open), true);
    await dayDialog.locator('.dialog-head button').click();

    // <mobilizon-events event-href="inline">: a title opens the event in a dialog (description, registration).
    const inline = tab.locator('#inline');
    await inline.locator('.event .title a').first().click();
    const details = inline.locator('dialog.details');
    await details.locator('mobilizon-event h2').waitFor();
    await details.locator('mobilizon-event mobilizon-registration [part~="button"], mobilizon-event mobilizon-registration [part~="form"]').first().waitFor();
    assert.equal(await details.evaluate((d) => d.open), true);
    await tab.screenshot({ path: join(shots, `csp-${build}-inline-dialog.png`) });
    await details.locator('mobilizon-event mobilizon-registration').scrollIntoViewIfNeeded();
    await tab.screenshot({ path: join(shots, `csp-${build}-inline-dialog-registration.png`) });
    await tab.keyboard.press('Escape');

    // structured-data: JSON-LD written into the page under Trusted Types.
    await tab.waitForFunction(() => ['#inline', '#event'].every((id) => document.querySelector(`${id} > script[type="application/ld+json"]`)));
    const jsonLd = await tab.evaluate(() => ['#inline', '#event'].map((id) => JSON.parse(document.querySelector(`${id} > script[type="application/ld+json"]`).text)));
    assert.equal(jsonLd[0].length, 3);
    assert.equal(jsonLd[1]['@type'], 'Event');

    // <mobilizon-events filters>: the bar and its list.
    const filters = tab.locator('#filters');
    await filters.locator('[part~="filters"]').first().waitFor();
    await filters.locator('.event').first().waitFor();

    // An iCal feed (ical.js, lazily loaded).
    await tab.locator('#feed .event').first().waitFor();

    // <mobilizon-event>: its sanitized description, and "Add to my calendar" downloads an .ics file.
    const event = tab.locator('#event');
    await event.locator('h2').first().waitFor();
    await tab.waitForFunction(() => document.querySelector('#event')?.shadowRoot?.querySelector('.description')?.childNodes.length > 0);
    const [download] = await Promise.all([tab.waitForEvent('download'), event.getByRole('button', { name: 'Add to my calendar' }).click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    // …with its registration block under it.
    await event.locator('mobilizon-registration [part~="button"], mobilizon-registration [part~="form"]').first().waitFor();

    // <mobilizon-group>: its page, then a post in a dialog with its sanitized body.
    const group = tab.locator('#group');
    await group.locator('[part~="header"] h2').first().waitFor();
    await tab.waitForFunction(() => document.querySelector('#group')?.shadowRoot?.querySelector('.summary')?.childNodes.length > 0);
    await group.locator('[part="post"] h4 a').first().click();
    const post = group.locator('dialog');
    await tab.waitForFunction(() => document.querySelector('#group')?.shadowRoot?.querySelector('dialog .body')?.childNodes.length > 0);
    assert.equal(await post.evaluate((d) => d.open), true);
    await tab.screenshot({ path: join(shots, `csp-${build}-group-post.png`) });
    await tab.keyboard.press('Escape');

    // <mobilizon-registration>: its form.
    await tab.locator('#registration [part~="form"]').first().waitFor();

    // Images in the sanitized HTML: http(s) only, without referrer, lazy.
    const images = await tab.evaluate(() =>
      ['#event', '#group'].flatMap((id) =>
        [...document.querySelector(id).shadowRoot.querySelectorAll('img')].map((img) => ({
          src: img.getAttribute('src'),
          referrerpolicy: img.getAttribute('referrerpolicy'),
          decoding: img.getAttribute('decoding'),
        })),
      ),
    );
    assert.ok(images.length > 0);
    for (const img of images) {
      assert.match(img.src, /^https?:/);
      assert.equal(img.referrerpolicy, 'no-referrer', img.src);
      assert.equal(img.decoding, 'async', img.src);
    }

    await tab.waitForTimeout(300); // reports are queued as tasks
    await tab.screenshot({ path: join(shots, `csp-${build}-page.png`), fullPage: true });
    const violations = await tab.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], `violations:\n${JSON.stringify(violations, null, 1)}`);
    assert.deepEqual(errors, []);
    // The policy was really enforced: a string in an HTML sink is refused (and reported, after the count).
    const refused = await tab.evaluate(() => {
      try {
        new DOMParser().parseFromString('<p>x</p>', 'text/html');
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(refused, true, 'Trusted Types are enforced on this page');
    await context.close();
  });
});
