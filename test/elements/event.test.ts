import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/event.js';
import type { MobilizonEvent } from '../../src/elements/event/mobilizon-event.js';
import { $, DEMO, scoped, spyOn, texts, waitUntil } from './helpers.js';

const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';
const CONCERT = '75644501-2cdd-4000-b37b-67a36df542fc';
const CANCELLED = '6ad7844c-79cf-4dae-a637-e3f95139cca3';
const HYBRID = '32dbbb7b-0712-4acb-9e84-f38037d0920f';
const WEBINAR = '0106c5ed-2b88-43bf-8b3f-0e789e3a92e0';
const NIGHT = '8a3d225c-720b-4a48-834a-64ca6a5aef3c';
const UNFOLLOWED = '68aeb7bb-ee25-40c9-a0db-01745bb7a5d8';

async function shown(el: MobilizonEvent): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('article, .error'), 'the event or an error', { timeout: 10_000 });
}

describe('<mobilizon-event>', () => {
  it('shows the event: title, date in its zone, place with a map link, organiser, tags, description', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${ATELIER} registration="none" locale="en-GB"></mobilizon-event>`);
    await shown(el);
    expect($(el, 'h2')!.textContent).to.equal('Atelier ouvert à tous');
    expect($(el, 'time')!.getAttribute('title')).to.equal('Europe/Paris');
    expect($(el, 'time')!.textContent).to.match(/14:00/);
    const map = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.href.startsWith('https://www.openstreetmap.org/'));
    expect(map?.rel).to.contain('noopener');
    expect(texts(el, '.organiser')[0]).to.contain('Vélo Lyon');
    await waitUntil(() => $(el, '.description')?.childNodes.length, 'the sanitized description');
    await expect(el).to.be.accessible();
  });

  it('reserves the picture’s space with its aspect ratio and gives it its alt text', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${ATELIER} registration="none"></mobilizon-event>`);
    await shown(el);
    const img = $<HTMLImageElement>(el, '.picture')!;
    // Through CSSOM, not a style attribute (refused by a strict Content-Security-Policy).
    expect(img.style.aspectRatio).to.match(/^\d+ \/ \d+$/);
    expect(img.hasAttribute('alt')).to.equal(true);
  });

  it('takes instance and uuid from an event URL', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event url=${`${DEMO}/events/${CONCERT}`} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    expect($(el, 'h2')!.textContent).to.equal('Concert au Transbordeur');
    expect(texts(el, 'dd').join(' ')).to.match(/€\s?15|15[.,]00\s?€/);
  });

  it('says prominently when the event is cancelled', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${CANCELLED} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    expect($(el, '.status.cancelled')!.textContent).to.equal('This event has been cancelled.');
  });

  it('offers the online address and Mobilizon’s metadata links, https only', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${WEBINAR} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('dd.actions a')];
    expect(links.length).to.be.greaterThan(1);
    for (const a of links) {
      expect(a.href).to.match(/^https:/);
      expect(a.rel).to.contain('noopener');
    }
    expect(texts(el, 'dt')).to.include('Phone');
  });

  it('shows a date without time when the organiser hid the times', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${NIGHT} registration="none" locale="en-GB"></mobilizon-event>`);
    await shown(el);
    expect($(el, 'time')!.textContent).to.not.match(/\d{1,2}:\d{2}/);
  });

  it('switches between the event’s zone and the visitor’s', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${HYBRID} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    expect($(el, 'time')!.getAttribute('title')).to.equal('America/Montreal');
    const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('my time zone'))!;
    toggle.click();
    await el.updateComplete;
    expect($(el, 'time')!.getAttribute('title')).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('links the instance’s own iCal export and builds one with “Add to my calendar”', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${ATELIER} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    const ical = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.href.endsWith('/export/ics'))!;
    expect(ical.href).to.equal(`${DEMO}/events/${ATELIER}/export/ics`);
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return original.call(URL, blob as Blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Add to my calendar'))!.click();
      await waitUntil(() => created.length, 'an .ics file');
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    const text = await created[0].text();
    expect(text).to.contain('TZID=Europe/Paris');
    expect(text).to.contain(`UID:${ATELIER}`);
  });

  it('says clearly when the event is not shown by the instance', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${UNFOLLOWED} locale="en"></mobilizon-event>`);
    const failed = oneEvent(el, 'mobilizon-error');
    expect((await failed).detail.code).to.equal('event_not_found');
    await shown(el);
    expect(texts(el, '.error p')[0]).to.contain('does not exist');
    await expect(el).to.be.accessible();
  });

  it('asks for an event when given none', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid="nope" locale="en"></mobilizon-event>`);
    await shown(el);
    expect(texts(el, '.error p')[0]).to.contain('uuid=');
  });

  it('recovers from a failing instance with “Try again”', async () => {
    const { url } = scoped('fault=http500,faults=1');
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${url} uuid=${ATELIER} registration="none" locale="en"></mobilizon-event>`);
    await shown(el);
    $<HTMLButtonElement>(el, '.error button')!.click();
    await waitUntil(() => $(el, 'article'), 'the event after retry');
  });

  it('renders a hostile description without running anything and keeps its harmless formatting', async () => {
    const alerts = spyOn(window, 'alert');
    try {
      const { url } = scoped('hostile=1');
      const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${url} uuid=${ATELIER} registration="none" locale="en"></mobilizon-event>`);
      await shown(el);
      await waitUntil(() => $(el, '.description')?.childNodes.length, 'the description');
      await new Promise((r) => setTimeout(r, 300));
      const root = el.shadowRoot!;
      expect(root.querySelector('script, iframe, style, form, object, embed')).to.equal(null);
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.localName}[${attr}]`).to.equal(false);
      }
      for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) expect(a.href).to.match(/^(https?:|mailto:)/);
      expect(root.querySelector('.description')!.querySelector('p, strong, em, a, ul, li, h3, blockquote')).to.not.equal(null);
      expect(getComputedStyle(el).display).to.equal('block');
      expect(alerts.calls).to.deep.equal([]);
    } finally {
      alerts.restore();
    }
  });
});
