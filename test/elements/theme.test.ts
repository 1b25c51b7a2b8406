// The theme follows the host page, coloured surfaces keep an inset, accents stay readable, and no
// element draws an empty picture box; lists say how many take part unless the organiser hides it.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/event.js';
import '../../src/events.js';
import '../../src/group.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import type { MobilizonGroup } from '../../src/elements/group/mobilizon-group.js';
import { $, DEMO, scoped, settled, stats, waitUntil } from './helpers.js';

/** Any CSS colour as sRGB bytes, through a canvas (computed colours may be oklch() or color()). */
function rgb(color: string): [number, number, number] {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The element's own tokens, resolved where its content would use them. */
function token(el: Element, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  el.shadowRoot!.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const surface = (el: Element) => getComputedStyle(el).backgroundColor;
const padding = (el: Element) => parseFloat(getComputedStyle(el).paddingTop);

const list = (attributes = '') => {
  const el = document.createElement('mobilizon-events') as MobilizonEvents;
  el.setAttribute('instance', DEMO);
  el.setAttribute('group', 'velo_lyon');
  el.setAttribute('limit', '2');
  el.setAttribute('locale', 'en');
  for (const [name, value] of attributes.split(' ').filter(Boolean).map((a) => a.split('='))) el.setAttribute(name, value);
  return fixture<MobilizonEvents>(el);
};

describe('theme', () => {
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    await emulateMedia({ colorScheme: 'light' });
  });

  it('follows the page: a page that declares no color-scheme is light, even for a dark-mode visitor', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await list();
    expect(el.hasAttribute('theme'), 'no theme reflected').to.equal(false);
    expect(luminance(surface(el))).to.be.greaterThan(0.8);
    expect(luminance(token(el, '--_text'))).to.be.lessThan(0.1);
  });

  it('follows the page: a page in color-scheme dark gets a dark surface with an inset', async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = 'dark';
    const el = await list();
    await settled(el);
    expect(luminance(surface(el))).to.be.lessThan(0.05);
    expect(padding(el)).to.be.greaterThan(5);
    const box = el.getBoundingClientRect();
    const first = $(el, '[part~="event"]')!.getBoundingClientRect();
    expect(first.left - box.left, 'content off the left edge').to.be.greaterThan(5);
    expect(first.top - box.top, 'content off the top edge').to.be.greaterThan(5);
  });

  it('theme="auto" follows the visitor; light and dark force', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await list('theme=auto');
    expect(luminance(surface(auto))).to.be.lessThan(0.05);
    const light = await list('theme=light');
    expect(luminance(surface(light))).to.be.greaterThan(0.8);
    await emulateMedia({ colorScheme: 'light' });
    expect(luminance(surface(auto))).to.be.greaterThan(0.8);
    document.documentElement.style.colorScheme = 'light';
    const dark = await list('theme=dark');
    expect(luminance(surface(dark))).to.be.lessThan(0.05);
  });

  it('--mobilizon-padding sets the inset; a nested list sits flush in its group', async () => {
    const el = await list();
    el.style.setProperty('--mobilizon-padding', '0');
    expect(padding(el)).to.equal(0);
    const group = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group="velo_lyon" locale="en" sections="events"></mobilizon-group>`);
    await waitUntil(() => $(group, 'mobilizon-events'), 'nested list', { timeout: 10_000 });
    expect(padding(group)).to.be.greaterThan(5);
    expect(padding($(group, 'mobilizon-events')!)).to.equal(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`accents keep text on them readable (≥ 4.5:1) in ${scheme}, the defaults and a custom accent`, async () => {
      document.documentElement.style.colorScheme = scheme;
      const el = await list();
      const check = (what: string) => {
        const accent = token(el, '--_accent');
        expect(contrast(accent, token(el, '--_accent-text')), `${what}: text on the accent`).to.be.at.least(4.5);
        expect(contrast(accent, token(el, '--_surface')), `${what}: the accent as text on the surface`).to.be.at.least(4.5);
      };
      check('default');
      el.style.setProperty('--mobilizon-accent', '#1a4d8f');
      check('custom accent');
      if (scheme === 'light') expect(rgb(token(el, '--_accent'))).to.deep.equal([0x1a, 0x4d, 0x8f]);
      else {
        el.style.setProperty('--mobilizon-accent-dark', '#ffd166');
        el.style.setProperty('--mobilizon-accent-text-dark', '#222');
        expect(rgb(token(el, '--_accent'))).to.deep.equal([0xff, 0xd1, 0x66]);
        check('custom dark accent');
      }
    });
  }
});

describe('no grey boxes', () => {
  const card = (el: Element, title: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="event"]')].find((li) => li.querySelector('.title')!.textContent!.includes(title))!;

  it('an event without a picture gets the instance’s default picture, asked after the list is shown', async () => {
    const { url, scope } = scoped();
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="30" view="grid" locale="en"></mobilizon-events>`);
    await settled(el);
    const meeting = card(el, 'Réunion du bureau');
    await waitUntil(() => meeting.querySelector('img.picture'), 'default picture shown', { timeout: 10_000 });
    expect(meeting.querySelector<HTMLImageElement>('img.picture')!.src).to.contain('/media/default-picture.png');
    expect(getComputedStyle(meeting, '::before').content).to.equal('none');
    const { requests } = await stats(scope);
    const names = requests.map((r) => r.operationName);
    expect(names.filter((n) => n === 'DefaultPicture')).to.have.length(1);
    expect(names.indexOf('DefaultPicture')).to.be.greaterThan(names.findIndex((n) => n?.startsWith('Fetch') || n?.includes('Events')));
  });

  it('without a default picture (an older instance), the card is compact: no picture box, text inset from the top', async () => {
    const { url, scope } = scoped('version=4.0.2');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="30" view="grid" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(async () => (await stats(scope)).operations.DefaultPicture, 'default picture asked', { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const meeting = card(el, 'Réunion du bureau');
    expect(meeting.querySelector('.picture')).to.equal(null);
    expect(getComputedStyle(meeting, '::before').content).to.equal('none');
    const title = meeting.querySelector('.title')!.getBoundingClientRect();
    const box = meeting.getBoundingClientRect();
    expect(title.top - box.top).to.be.within(5, 30);
    // Cards keep their own height, top-aligned in their row.
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="event"]')].map((c) => c.getBoundingClientRect());
    const row = cards.filter((c) => Math.abs(c.top - box.top) < 1);
    expect(row.length).to.be.greaterThan(1);
    expect(new Set(row.map((c) => Math.round(c.height))).size, 'heights differ, not stretched').to.be.greaterThan(1);
  });

  it('the list view draws no picture slot for an event without one', async () => {
    const { url } = scoped('version=4.0.2');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="30" locale="en"></mobilizon-events>`);
    await settled(el);
    const meeting = card(el, 'Réunion du bureau');
    expect(meeting.querySelector('.picture')).to.equal(null);
    expect(getComputedStyle(meeting, '::before').content).to.equal('none');
  });

  it('a group without a banner gets a compact header', async () => {
    const el = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group="empty_group" locale="en"></mobilizon-group>`);
    await waitUntil(() => $(el, '[part="header"]'), 'header', { timeout: 10_000 });
    expect($(el, '[part="banner"]')).to.equal(null);
    const header = $(el, '[part="header"]')!.getBoundingClientRect();
    expect($(el, '.identity')!.getBoundingClientRect().top - header.top).to.be.lessThan(2);
  });
});

describe('participants', () => {
  it('lists say how many take part, unless the organiser hides it', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="30" locale="en"></mobilizon-events>`);
    await settled(el);
    const item = (title: string) =>
      [...el.shadowRoot!.querySelectorAll('[part~="event"]')].find((li) => li.querySelector('.title')!.textContent!.trim() === title)!;
    expect(item('Presque complet').querySelector('[part="participants"]')!.textContent).to.equal('19 participants');
    expect(item('Atelier sur inscription').querySelector('[part="participants"]')).to.equal(null);
    el.setAttribute('locale', 'fr');
    await waitUntil(() => item('Presque complet').querySelector('[part="participants"]')!.textContent === '19 participant·es', 'in French');
  });

  it('an event page does not repeat it among its badges (it has its own line for it)', async () => {
    const el = await fixture(html`<mobilizon-event instance=${DEMO} uuid="a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9" locale="en" registration="none"></mobilizon-event>`);
    await waitUntil(() => $(el, 'h2'), 'event shown', { timeout: 10_000 });
    expect($(el, '[part="participants"]')).to.equal(null);
    expect($(el, '.meta')?.textContent ?? '').to.not.contain('Participants');
  });
});
