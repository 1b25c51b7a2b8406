import { expect, fixture, html } from '@open-wc/testing';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { $, DEMO, scoped, settled, texts, waitUntil } from './helpers.js';

/** The next last Sunday of `month` (0-based) after today, as YYYY-MM-DD. */
function nextLastSunday(month: number): string {
  const now = new Date();
  for (let year = now.getUTCFullYear(); ; year++) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    if (last.getTime() > now.getTime()) return last.toISOString().slice(0, 10);
  }
}

const nightOfStars = (view: string) =>
  fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" term="étoiles" view=${view} locale="en-GB"></mobilizon-events>`);

describe('views', () => {
  it('grid: shows events as cards with their picture on top', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" view="grid" limit="6" locale="en"></mobilizon-events>`);
    await settled(el);
    const cards = el.shadowRoot!.querySelectorAll('.grid-view .event');
    expect(cards).to.have.length(6);
    const picture = el.shadowRoot!.querySelector<HTMLImageElement>('.grid-view .picture')!;
    const card = picture.closest('.event')!;
    expect(picture.getBoundingClientRect().top).to.be.at.most(card.querySelector('.title')!.getBoundingClientRect().top);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.grid-view .events')!).display).to.equal('grid');
    await expect(el).to.be.accessible();
  });

  it('month: while loading, the skeleton has the month’s shape (seven columns of five weeks)', async () => {
    const { url } = scoped('latency=600');
    const el = await fixture<MobilizonEvents>(html`<div style="inline-size: 60rem"><mobilizon-events instance=${url} view="month" locale="en"></mobilizon-events></div>`);
    const events = el.querySelector<MobilizonEvents>('mobilizon-events')!;
    await waitUntil(() => events.shadowRoot!.querySelector('.skeleton-month'), 'no month skeleton');
    const cells = [...events.shadowRoot!.querySelectorAll('.skeleton-month span')].map((c) => c.getBoundingClientRect());
    expect(cells).to.have.length(35);
    expect(new Set(cells.map((c) => Math.round(c.top))).size).to.equal(5);
    expect(new Set(cells.map((c) => Math.round(c.left))).size).to.equal(7);
    expect(events.shadowRoot!.querySelector('.skeleton-row')).to.equal(null);
    await waitUntil(() => events.shadowRoot!.querySelector('[role="grid"]'), 'the month', { timeout: 10_000 });
  });

  it('agenda: groups events under a heading per day, in order', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" view="agenda" limit="10" locale="en"></mobilizon-events>`);
    await settled(el, 'events');
    const days = [...el.shadowRoot!.querySelectorAll('.agenda-day > h2 time')].map((t) => t.getAttribute('datetime')!);
    expect(days.length).to.be.greaterThan(3);
    expect([...days].sort()).to.deep.equal(days);
    expect(el.shadowRoot!.querySelectorAll('.agenda-item').length).to.be.at.least(10);
    await expect(el).to.be.accessible();
  });

  it('agenda: an event from 23:30 to 01:30 sits under both days', async () => {
    const el = await nightOfStars('agenda');
    await settled(el);
    const days = [...el.shadowRoot!.querySelectorAll('.agenda-day')];
    expect(days).to.have.length(2);
    for (const day of days) expect(day.querySelector('.title')!.textContent!.trim()).to.equal('Nuit des étoiles');
    // A Lyon event seen from the test browser's zone (UTC) names its zone, as the list does.
    const [start, end] = texts(el, '.agenda-item time');
    expect(start).to.match(/^23:30 CES?T →$/);
    expect(end).to.match(/^→ 01:30 CES?T$/);
  });

  it('month: an event from 23:30 to 01:30 sits on both days', async () => {
    const list = await nightOfStars('list');
    await settled(list);
    const day = $(list, 'time')!.getAttribute('datetime')!.slice(0, 10);
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon" term="étoiles" view="month" from=${day} timezone="Europe/Paris" locale="en-GB"></mobilizon-events>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="grid"]'), 'a month grid');
    await settled(el);
    const cells = [...el.shadowRoot!.querySelectorAll('[role="gridcell"]')].filter((cell) => cell.textContent!.includes('Nuit des étoiles'));
    expect(cells.map((c) => c.getAttribute('data-day'))).to.deep.equal([day, new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)]);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state in every view', async () => {
    for (const view of ['list', 'grid', 'agenda']) {
      const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="empty_group" view=${view} locale="en"></mobilizon-events>`);
      await settled(el, 'empty');
      await expect(el).to.be.accessible();
    }
  });

  for (const view of ['list', 'grid', 'agenda', 'month']) {
    it(`${view}: no accessibility violations when loaded, empty or failed`, async () => {
      const loaded = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" view=${view} limit="5" locale="en"></mobilizon-events>`);
      await settled(loaded);
      await expect(loaded).to.be.accessible();
      const empty = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="empty_group" view=${view} locale="en"></mobilizon-events>`);
      if (view === 'month') await waitUntil(() => empty.shadowRoot!.querySelector('[role="grid"]'), 'an empty month');
      else await settled(empty, 'empty');
      await expect(empty).to.be.accessible();
      const { url } = scoped('fault=http500');
      const failed = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" view=${view} locale="en"></mobilizon-events>`);
      await settled(failed, 'error');
      await expect(failed).to.be.accessible();
    });
  }

  it('shows the error state accessibly', async () => {
    const { url } = scoped('fault=http500');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" view="grid" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    await expect(el).to.be.accessible();
  });
});

describe('time zones', () => {
  for (const [month, label, montreal] of [
    [2, 'Passage à l’heure d’été', '04:00'],
    [9, 'Passage à l’heure d’hiver', '05:00'],
  ] as const) {
    it(`shows ${label} at 10:00 in Paris time and ${montreal} in Montréal time`, async () => {
      const day = nextLastSunday(month);
      const paris = await fixture<MobilizonEvents>(
        html`<mobilizon-events instance=${DEMO} group="velo_lyon" from=${day} to=${day} timezone="Europe/Paris" locale="en-GB"></mobilizon-events>`,
      );
      await settled(paris);
      const item = [...paris.shadowRoot!.querySelectorAll('.event')].find((li) => li.textContent!.includes('Passage'))!;
      expect(item.querySelector('time')!.textContent).to.contain('10:00');
      const eventMode = await fixture<MobilizonEvents>(
        html`<mobilizon-events instance=${DEMO} group="velo_lyon" from=${day} to=${day} locale="en-GB"></mobilizon-events>`,
      );
      await settled(eventMode);
      expect(texts(eventMode, '.event time').find((t) => t.includes('10:00'))).to.not.equal(undefined);
      const quebec = await fixture<MobilizonEvents>(
        html`<mobilizon-events instance=${DEMO} group="velo_lyon" from=${day} to=${day} timezone="America/Montreal" locale="en-GB"></mobilizon-events>`,
      );
      await settled(quebec);
      const moved = [...quebec.shadowRoot!.querySelectorAll('.event')].find((li) => li.textContent!.includes('Passage'))!;
      expect(moved.querySelector('time')!.textContent).to.contain(montreal);
      expect(moved.querySelector('time')!.getAttribute('title')).to.equal('America/Montreal');
    });
  }

  it('offers to switch to the visitor’s zone when events are in another', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="tokyo_hikers" limit="3" locale="en"></mobilizon-events>`);
    await settled(el);
    // The switch comes with the features module, which loads once the events are shown.
    await waitUntil(() => $(el, '.tools button'), 'the switch to my time zone');
    const button = $<HTMLButtonElement>(el, '.tools button')!;
    expect(button.textContent).to.contain('my time zone');
    expect($(el, 'time')!.getAttribute('title')).to.equal('Asia/Tokyo');
    button.click();
    await el.updateComplete;
    expect($(el, 'time')!.getAttribute('title')).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect($(el, '.tools button')!.getAttribute('aria-pressed')).to.equal('true');
  });
});

describe('opening an event', () => {
  it('inline: shows the event in a dialog, closed with Escape, focus back on the link', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="3" event-href="inline" locale="en"></mobilizon-events>`);
    await settled(el);
    const link = $<HTMLAnchorElement>(el, '.title a')!;
    link.focus();
    link.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog.details')?.open, 'the dialog opens');
    const dialog = $<HTMLDialogElement>(el, 'dialog.details')!;
    expect(dialog.getAttribute('aria-label')).to.equal(link.textContent);
    const event = dialog.querySelector('mobilizon-event')!;
    await waitUntil(() => event.shadowRoot?.querySelector('article h2'), 'the event is shown');
    expect(event.shadowRoot!.querySelector('h2')!.textContent).to.equal(link.textContent);
    await waitUntil(() => [...event.shadowRoot!.querySelectorAll('a')].some((a) => /\/events\//.test(a.href)), 'a link to its page');
    await expect(el).to.be.accessible();
    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    await waitUntil(() => !$(el, 'dialog.details'), 'the dialog closes');
    expect(el.shadowRoot!.activeElement).to.equal(link);
  });

  it('inline: the dialog has what the event’s page has: description and registration form', async () => {
    const uuid = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';
    const answer = await fetch(`${DEMO}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ event(uuid: "${uuid}") { description } }` }),
    }).then((r) => r.json());
    const words = new DOMParser().parseFromString(answer.data.event.description, 'text/html').body.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40);
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon" term="Atelier ouvert" event-href="inline" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    const link = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.title a')].find((a) => a.href.includes(uuid))!;
    link.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog.details')?.open, 'the dialog opens');
    const event = $(el, 'dialog.details mobilizon-event')!;
    await waitUntil(() => event.shadowRoot?.querySelector('.description')?.textContent?.replace(/\s+/g, ' ').includes(words), 'the description', { timeout: 10_000 });
    const registration = event.shadowRoot!.querySelector('mobilizon-registration')!;
    await waitUntil(() => registration.shadowRoot?.querySelector('form'), 'the registration form', { timeout: 10_000 });
    expect(registration.shadowRoot!.querySelector('form input[type="email"]')).to.not.equal(null);
    expect(event.shadowRoot!.querySelector('.picture')).to.not.equal(null);
  });

  it('inline: an iCal feed’s event is shown as the feed gives it, without a registration block', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events ics=${`${DEMO}/@velo_lyon/feed/ics`} limit="2" event-href="inline" locale="en"></mobilizon-events>`);
    await settled(el);
    const link = $<HTMLAnchorElement>(el, '.title a')!;
    link.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog.details')?.open, 'the dialog opens');
    const event = $(el, 'dialog.details mobilizon-event')!;
    await waitUntil(() => event.shadowRoot?.querySelector('article h2')?.textContent === link.textContent, 'the event is shown');
    await new Promise((r) => setTimeout(r, 100));
    expect(event.shadowRoot!.querySelector('.error, mobilizon-registration')).to.equal(null);
  });

  it('lets the host page cancel before anything opens', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="1" event-href="inline"></mobilizon-events>`);
    await settled(el);
    el.addEventListener('mobilizon-select', (e) => e.preventDefault());
    $<HTMLAnchorElement>(el, '.title a')!.click();
    await new Promise((r) => setTimeout(r, 200));
    expect($(el, 'dialog')).to.equal(null);
  });
});
