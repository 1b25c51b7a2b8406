// The demo page as a new user meets it after `npm start`, and the built script files as a site
// owner pastes them — driven in Debian's Chromium by playwright-core.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, root, serveSite } from './site.mjs';

const PAGE = process.env.DEMO_PAGE_URL;
const INSTANCE = process.env.DEMO_INSTANCE_URL;
const shots = join(root, 'screenshots');
mkdirSync(shots, { recursive: true });

let browser;
before(async () => {
  assert.ok(PAGE && INSTANCE, 'DEMO_PAGE_URL and DEMO_INSTANCE_URL are set by `npm test`');
  browser = await launchChromium();
});
after(() => browser?.close());

async function open(url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

describe('the demo page', () => {
  it('shows events from the demo instance in every example', async () => {
    const { page, errors } = await open(PAGE);
    await page.locator('.examples mobilizon-events').first().locator('.event').first().waitFor();
    const titles = await page.locator('.examples mobilizon-events').first().locator('.title').allTextContents();
    assert.equal(titles.length, 4);
    const french = page.locator('article[lang="fr"] mobilizon-events');
    await french.locator('.event').first().waitFor();
    assert.match(await french.locator('.pagination span').textContent(), /^Page 1 sur \d+$/);
    await page.locator('article', { hasText: 'does not exist' }).locator('.error').waitFor();
    await page.screenshot({ path: join(shots, 'demo-page.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('builds the tag to paste from the configurator', async () => {
    const { page, errors } = await open(PAGE);
    await page.locator('#preview .event').first().waitFor();
    await page.locator('#configurator fieldset:not([hidden]) select[name="period"]').selectOption('past');
    await page.locator('#configurator fieldset:not([hidden]) input[name="group"]').fill('berliner_chor');
    const snippet = await page.locator('#snippet').textContent();
    assert.match(snippet, /<mobilizon-events instance="[^"]+" group="berliner_chor" period="past" limit="5"><\/mobilizon-events>/);
    await page.locator('#preview .event').first().waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('builds each of the four elements, both forms of the script tag, within the ranges', async () => {
    const { page, errors } = await open(PAGE);
    const form = page.locator('#configurator fieldset:not([hidden])');
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok((await page.locator('#snippet').textContent()).includes(`<script type="module" src="https://cdn.jsdelivr.net/npm/mobilizon-embed@${version}/dist/mobilizon-embed.js"></script>`));
    assert.match(await page.locator('#snippet-self').textContent(), /^<script type="module" src="\/mobilizon-embed\/mobilizon-embed\.js"><\/script>\n<mobilizon-events /);

    // Ranges: 150 events per page is brought back to 99, in the tag and in the field once left.
    await form.locator('input[name="limit"]').fill('150');
    assert.match(await page.locator('#snippet').textContent(), / limit="99"/);
    await form.locator('input[name="limit"]').blur();
    assert.equal(await form.locator('input[name="limit"]').inputValue(), '99');
    // The month view shows every event of its weeks: no page size, no period; the month opens.
    await form.locator('select[name="view"]').selectOption('month');
    assert.equal(await form.locator('input[name="limit"]').isVisible(), false);
    assert.equal(await form.locator('select[name="period"]').isVisible(), false);
    assert.doesNotMatch(await page.locator('#snippet').textContent(), /limit=|period=/);
    await page.locator('#preview mobilizon-events [role="grid"]').waitFor();
    await page.screenshot({ path: join(shots, 'configurator-events-month.png') });
    // `radius` means something only with `near`.
    assert.equal(await form.locator('input[name="radius"]').isVisible(), false);
    await form.locator('input[name="near"]').fill('45.76,4.84');
    assert.equal(await form.locator('input[name="radius"]').isVisible(), true);

    await page.locator('select[name="element"]').selectOption('mobilizon-event');
    await form.locator('select[name="registration"]').selectOption('none');
    assert.match(await page.locator('#snippet').textContent(), /<mobilizon-event instance="[^"]+" uuid="a98a6ddf-[^"]+" registration="none"><\/mobilizon-event>$/);
    await page.locator('#preview mobilizon-event h2').first().waitFor();
    assert.equal(await page.locator('#preview mobilizon-event mobilizon-registration').count(), 0);

    await page.locator('select[name="element"]').selectOption('mobilizon-group');
    await form.locator('input[name="heading-level"]').fill('9');
    assert.match(await page.locator('#snippet').textContent(), /<mobilizon-group instance="[^"]+" heading-level="6" group="velo_lyon" limit="3"><\/mobilizon-group>$/);
    const name = page.locator('#preview mobilizon-group h2[part="title"]').first();
    await name.waitFor();
    assert.equal(await name.getAttribute('aria-level'), '6');
    await page.screenshot({ path: join(shots, 'configurator-group.png') });

    await page.locator('select[name="element"]').selectOption('mobilizon-registration');
    await page.locator('#preview mobilizon-registration form').waitFor();
    assert.match(await page.locator('#snippet-self').textContent(), /<mobilizon-registration instance="[^"]+" uuid="a1f0df04-[^"]+"><\/mobilizon-registration>$/);

    // Back to the list: what was typed there is still there.
    await page.locator('select[name="element"]').selectOption('mobilizon-events');
    assert.equal(await form.locator('input[name="near"]').inputValue(), '45.76,4.84');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('recovers the flaky example with “Try again”', async () => {
    const { page } = await open(PAGE);
    const flaky = page.locator('#flaky');
    await flaky.locator('.error').waitFor();
    await flaky.getByRole('button', { name: 'Try again' }).click();
    await flaky.locator('.event').first().waitFor();
    await page.close();
  });

  it('looks right in dark mode', async () => {
    const { page, errors } = await open(PAGE, { colorScheme: 'dark' });
    await page.locator('.examples mobilizon-events').first().locator('.event').first().waitFor();
    await page.screenshot({ path: join(shots, 'demo-page-dark.png'), fullPage: false });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('screenshots of every view', () => {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 375], ['dark', 375]]) {
    // 375 px: a phone, with touch; its files are named `<scheme>-375-<example>.png`.
    const phone = width < 600;
    it(`in ${scheme} at ${width} px, each example settles without errors`, async () => {
      const { page, errors } = await open(PAGE, { colorScheme: scheme, viewport: { width, height: 1000 }, hasTouch: phone });
      const examples = page.locator('main .examples > article');
      await page.waitForTimeout(300);
      const count = await examples.count();
      for (let i = 0; i < count; i++) {
        const article = examples.nth(i);
        const widget = article.locator('mobilizon-events, mobilizon-event, mobilizon-registration, mobilizon-group').first();
        await widget.locator('[part~="event"], [part~="form"], .empty, .error, .notice, .reason, header').first().waitFor();
        const name = (await article.locator(':scope > h3').textContent()).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `example-${i}`;
        await article.screenshot({ path: join(shots, `${scheme}${phone ? '-375' : ''}-${name}.png`) });
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('the month view on a phone', () => {
  it('a tap in the middle of a day with events opens that day’s list and leaves the page where it is', async () => {
    const { page, errors } = await open(PAGE, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const month = page.locator('mobilizon-events#month');
    await month.locator('[role="gridcell"]').first().waitFor();
    // A day of this month with events drawn in it (bars, dots or "+N").
    const day = month.locator('[role="gridcell"]:not(.outside):has(.bar, .chip:not(.gap), .more)').first();
    await day.scrollIntoViewIfNeeded();
    const box = await day.boundingBox();
    const before = page.url();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const dialog = month.locator('dialog.day-dialog');
    await dialog.locator('.event').first().waitFor();
    assert.equal(await dialog.evaluate((d) => d.open), true);
    assert.equal(page.url(), before);
    await page.screenshot({ path: join(shots, 'light-375-month-day-dialog.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the built script files', () => {
  let server;
  let origin;
  before(async () => {
    assert.ok(existsSync(join(root, 'dist/mobilizon-embed.iife.js')), 'npm run build ran before');
    const tag = (classic) => (classic ? '<script src="/dist/mobilizon-embed.iife.js"></script>' : '<script type="module" src="/dist/mobilizon-embed.js"></script>');
    server = await serveSite((path, url) => {
      const list = `<mobilizon-events instance="${INSTANCE}" group="velo_lyon" limit="3"></mobilizon-events>`;
      if (path === '/one.html') return { body: `<!doctype html><html lang="en"><body>${list}${tag(url.searchParams.get('tag') === 'classic')}</body></html>` };
      if (path === '/page.html') return { body: `<!doctype html><html lang="en"><body>${list}${tag(true)}${tag(true)}${tag(false)}</body></html>` };
      return null;
    });
    origin = server.origin;
  });
  after(() => server?.close());

  /** The JavaScript bytes a page downloads until its list shows, by script tag. */
  async function scriptBytes(tag) {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (/\.js$/.test(new URL(response.url()).pathname)) bytes += (await response.body()).length;
    });
    await page.goto(`${origin}/one.html?tag=${tag}`);
    await page.locator('mobilizon-events .event').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.close();
    return bytes;
  }

  it('a page with the classic script downloads what a module page does (within 10 %)', async () => {
    const module = await scriptBytes('module');
    const classic = await scriptBytes('classic');
    assert.ok(classic <= module * 1.1, `classic page ${classic} B, module page ${module} B`);
  });

  it('can be loaded several times on one page (WordPress plus a pasted tag) without an error', async () => {
    const { page, errors } = await open(`${origin}/page.html`);
    await page.locator('mobilizon-events .event').first().waitFor();
    assert.equal(await page.locator('mobilizon-events .title').count(), 3);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
