// The month view module, through a small host standing in for <mobilizon-events view="month">.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './helpers.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import * as monthView from '../../src/elements/events/views/month.js';
import { create, styles } from '../../src/elements/events/views/month.js';
import type { ViewHost, ViewModule } from '../../src/elements/events/views/view.js';
import { eventListStyles } from '../../src/elements/shared/event-list.js';
import { stateStyles } from '../../src/elements/shared/states.js';
import { tokens } from '../../src/elements/shared/tokens.js';
import { Translator, translations } from '../../src/format/i18n.js';

/** The words an element has once a view is loaded: the main set and the views'. */
const words = async (locale: string) => (await translations('main', locale)).with(await translations('views', locale));
import { dayKey } from '../../src/format/zoned.js';
import type { EventModel } from '../../src/model/event.js';
import { modelEvent } from './model-event.js';

class MonthHost extends LitElement implements ViewHost {
  static override styles = [tokens, stateStyles, eventListStyles, styles];
  static override properties: PropertyDeclarations = {
    month: {},
    events: { attribute: false },
    zoneMode: {},
    locale: {},
    i18n: { attribute: false },
  };

  month = '2027-03';
  events: EventModel[] = [];
  zoneMode = 'event';
  locale = 'en-GB';
  dayZone = 'Europe/Paris';
  i18n!: Translator;
  /** Months asked for through showMonth. */
  shown: string[] = [];
  /** Events passed to select. */
  selected: EventModel[] = [];

  showMonth(month: string): void {
    this.shown.push(month);
    this.month = month;
  }

  /** The view as the element creates it: a controller of this host. */
  private readonly view = create(this);

  override render(): TemplateResult {
    return this.view.render(
      {
        i18n: this.i18n,
        zoneMode: this.zoneMode,
        dayZone: this.dayZone,
        events: this.events,
        busy: false,
        href: (event) => `#/events/${event.uuid}`,
        select: (event) => {
          this.selected.push(event);
          return false; // the host page opens it itself
        },
      },
    );
  }
}
customElements.define('month-test-host', MonthHost);
// The element loads the module as a ViewModule: this fails to compile if the two drift apart.
const asView: ViewModule = monthView;

let counter = 0;
function event(startTime: string, endTime: string | null, more: Partial<EventModel> = {}): EventModel {
  const id = `e${++counter}`;
  return modelEvent({
    uuid: id,
    url: `https://mobilizon.test/events/${id}`,
    name: `Event ${counter}`,
    startTime,
    endTime,
    source: { kind: 'mobilizon', instance: 'https://mobilizon.test', id, local: true, global: false },
    ...more,
  });
}

interface Options {
  month?: string;
  events?: EventModel[];
  locale?: string;
  i18n?: Translator;
  zoneMode?: string;
  width?: string;
}
async function mount({ month = '2027-03', events = [], locale = 'en-GB', i18n, zoneMode = 'event', width = '60rem' }: Options = {}) {
  const el = document.createElement('month-test-host') as MonthHost;
  Object.assign(el, { month, events, locale, zoneMode, i18n: i18n ?? (await words(locale)) });
  el.style.inlineSize = width;
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

const all = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const one = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const cell = (el: Element, day: string) => one(el, `[role="gridcell"][data-day="${day}"]`);
const chips = (el: Element, day: string) => [...cell(el, day).querySelectorAll<HTMLElement>('.chip:not(.gap)')];
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const focusedDay = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.day;
const longDate = (day: string, locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
const press = (key: string) => sendKeys({ press: key });
/** A bar's box reaches the middle of that day's cell. */
const covers = (bar: Element, el: Element, day: string) => {
  const box = bar.getBoundingClientRect();
  const c = cell(el, day).getBoundingClientRect();
  const middle = (c.left + c.right) / 2;
  return box.left < middle && box.right > middle && box.top >= c.top && box.bottom <= c.bottom;
};
async function focusDay(el: MonthHost, day: string) {
  cell(el, day).click(); // clicking an empty day makes it the focusable one
  await el.updateComplete;
  cell(el, day).focus();
}

describe('month view', () => {
  it('shows March 2027 in whole weeks starting on Monday in en-GB', async () => {
    const el = await mount();
    expect(text(one(el, '.month-title'))).to.equal('March 2027');
    const grid = one(el, '[role="grid"]');
    expect(el.shadowRoot!.getElementById(grid.getAttribute('aria-labelledby')!)).to.equal(one(el, '.month-title'));
    expect(all(el, '[role="columnheader"]').map(text)).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const days = all(el, '[role="gridcell"]').map((c) => c.dataset.day);
    expect(days).to.have.length(35);
    expect([days[0], days[34]]).to.deep.equal(['2027-03-01', '2027-04-04']);
    expect(all(el, '[role="row"]')).to.have.length(6);
    expect(all(el, '[role="gridcell"].outside').map((c) => c.dataset.day)).to.deep.equal(['2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04']);
    const time = cell(el, '2027-03-15').querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2027-03-15');
    expect(text(time.querySelector('[aria-hidden="true"]')!)).to.equal('15');
    expect(text(time.querySelector('.visually-hidden')!)).to.equal(longDate('2027-03-15'));
  });

  it('starts the weeks on Sunday in en-US', async () => {
    const el = await mount({ locale: 'en-US' });
    expect(all(el, '[role="columnheader"]').map(text)).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    const days = all(el, '[role="gridcell"]').map((c) => c.dataset.day);
    expect([days[0], days.at(-1)]).to.deep.equal(['2027-02-28', '2027-04-03']);
  });

  it('puts an event from 23:30 to 01:30 in Paris on both days, with its time on the first', async () => {
    const late = event('2027-03-12T22:30:00Z', '2027-03-13T00:30:00Z', { name: 'Nuit des étoiles' });
    const el = await mount({ events: [late] });
    expect(chips(el, '2027-03-11')).to.have.length(0);
    // One bar from the first day across the second (it is drawn once, in the day it starts).
    const [first] = chips(el, '2027-03-12');
    expect(text(first)).to.equal('23:30Nuit des étoiles');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2027-03-12T22:30:00Z');
    expect(covers(first, el, '2027-03-13')).to.equal(true);
    expect(covers(first, el, '2027-03-14')).to.equal(false);
    expect(chips(el, '2027-03-13')).to.have.length(0);
    expect(text(cell(el, '2027-03-13'))).to.contain('Nuit des étoiles'); // still read out on its second day
    expect(chips(el, '2027-03-14')).to.have.length(0);
    // Shown in Tokyo's zone it is one morning.
    el.zoneMode = 'Asia/Tokyo';
    await el.updateComplete;
    expect(chips(el, '2027-03-12')).to.have.length(0);
    expect(text(chips(el, '2027-03-13')[0])).to.equal('07:30Nuit des étoiles');
  });

  it('draws a three-day event as one bar across three days, with the day’s own events below it', async () => {
    const festival = event('2027-03-17T09:00:00Z', '2027-03-19T17:00:00Z', { name: 'Festival' });
    const before = event('2027-03-18T08:00:00Z', '2027-03-18T09:00:00Z', { name: 'Breakfast' });
    const el = await mount({ events: [before, festival] });
    const [bar] = chips(el, '2027-03-17');
    expect(text(bar)).to.equal('10:00Festival');
    expect(bar.classList.contains('bar')).to.equal(true);
    const box = bar.getBoundingClientRect();
    const [first, last] = [cell(el, '2027-03-17'), cell(el, '2027-03-19')].map((c) => c.getBoundingClientRect());
    // From the first day's padding to the last day's, within a few pixels.
    expect(box.left - first.left).to.be.within(0, 8);
    expect(last.right - box.right).to.be.within(0, 8);
    expect(covers(bar, el, '2027-03-20')).to.equal(false);
    expect(chips(el, '2027-03-16')).to.have.length(0);
    expect(chips(el, '2027-03-19')).to.have.length(0);
    const [breakfast] = chips(el, '2027-03-18');
    expect(text(breakfast)).to.equal('09:00Breakfast');
    expect(breakfast.getBoundingClientRect().top).to.be.at.least(box.bottom);
  });

  it('draws a ten-day event as one bar per week row, each with its title', async () => {
    const fair = event('2027-03-13T09:00:00Z', '2027-03-22T17:00:00Z', { name: 'Book fair' });
    const el = await mount({ events: [fair] });
    expect(all(el, '[role="row"]')).to.have.length(6); // five weeks and the weekdays
    const bars = all(el, '.chip:not(.gap)');
    expect(bars.length).to.be.at.most(3);
    expect(bars.map((b) => [b.closest<HTMLElement>('[data-day]')!.dataset.day, getComputedStyle(b).getPropertyValue('--n').trim() || '1'])).to.deep.equal([
      ['2027-03-13', '2'],
      ['2027-03-15', '7'],
      ['2027-03-22', '1'],
    ]);
    expect(bars.every((b) => text(b.querySelector('.name')!) === 'Book fair')).to.equal(true);
    expect(bars.map((b) => [b.classList.contains('from'), b.classList.contains('to')])).to.deep.equal([
      [false, true],
      [true, true],
      [true, false],
    ]);
    // The middle row's bar spans the whole week.
    const row = bars[1].closest('[role="row"]')!.getBoundingClientRect();
    const box = bars[1].getBoundingClientRect();
    expect(Math.abs(box.left - row.left)).to.be.lessThan(2);
    expect(Math.abs(row.right - box.right)).to.be.lessThan(2);
  });

  it('keeps the last lane for "+N more" where a day has more, and counts each event on every day it covers', async () => {
    const long = event('2027-03-09T09:00:00Z', '2027-03-11T17:00:00Z', { name: 'Long' });
    const a = event('2027-03-09T08:00:00Z', '2027-03-12T10:00:00Z', { name: 'Longer' });
    const b = event('2027-03-08T08:00:00Z', '2027-03-10T10:00:00Z', { name: 'Longest' });
    const busy = ['09', '10'].map((h) => event(`2027-03-11T${h}:00:00Z`, null, { name: `Talk ${h}` }));
    const el = await mount({ events: [long, a, b, ...busy] });
    // 11 March has four events: Talk 9 and Longer drawn, "+2 more" in the last lane, so Long (in that
    // lane) is hidden on its other days too; drawn and hidden add up on every day.
    const drawn = (day: string) =>
      all(el, '.chip:not(.gap)').filter((c) => covers(c, el, day)).length + Number(cell(el, day).querySelector('.more-n')?.textContent?.replace(/\D/g, '') || 0);
    expect(chips(el, '2027-03-11').map(text)).to.deep.equal(['10:00Talk 09']);
    expect(text(cell(el, '2027-03-11').querySelector('.more-text')!)).to.equal('+2 more');
    expect(['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'].map(drawn)).to.deep.equal([1, 3, 3, 4, 1]);
    expect(all(el, '.chip:not(.gap)').every((c) => text(c) !== 'Long')).to.equal(true);
  });

  it('keeps an all-day iCal event on its calendar date in any zone', async () => {
    const allDay = event('2027-03-20T00:00:00Z', '2027-03-21T00:00:00Z', {
      name: 'Fête du printemps',
      timezone: 'UTC',
      display: { showStartTime: false, showEndTime: false, hideNumberOfParticipants: false },
    });
    const el = await mount({ events: [allDay], zoneMode: 'America/Los_Angeles' });
    expect(chips(el, '2027-03-19')).to.have.length(0);
    expect(chips(el, '2027-03-20').map(text)).to.deep.equal(['Fête du printemps']);
    expect(chips(el, '2027-03-21')).to.have.length(0);
  });

  it('marks today and makes it the focusable day', async () => {
    const today = dayKey(Date.now(), 'Europe/Paris');
    const el = await mount({ month: today.slice(0, 7) });
    const marked = all(el, '[aria-current="date"]');
    expect(marked.map((c) => c.dataset.day)).to.deep.equal([today]);
    expect(marked[0].classList.contains('today')).to.equal(true);
    expect(all(el, '[role="gridcell"][tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal([today]);
    expect(all(el, '[role="gridcell"]').filter((c) => c.getAttribute('tabindex') !== '0').every((c) => c.getAttribute('tabindex') === '-1')).to.equal(true);
  });

  it('strikes a cancelled event through and says it is cancelled', async () => {
    const cancelled = event('2027-03-09T18:00:00Z', '2027-03-09T20:00:00Z', { name: 'Concert', status: 'CANCELLED' });
    const el = await mount({ events: [cancelled] });
    const [chip] = chips(el, '2027-03-09');
    expect(chip.classList.contains('cancelled')).to.equal(true);
    expect(getComputedStyle(chip.querySelector('.name')!).textDecorationLine).to.equal('line-through');
    expect(text(chip)).to.equal('19:00Concert, Cancelled');
    expect(text(chip.querySelector('.visually-hidden')!)).to.equal(', Cancelled');
  });

  it('shows "+N more" when a day overflows, and it opens the day', async () => {
    const busy = [9, 10, 11, 12, 13].map((h) => event(`2027-03-10T${String(h).padStart(2, '0')}:00:00Z`, null, { name: `Talk ${h}` }));
    const el = await mount({ events: busy.reverse() });
    expect(chips(el, '2027-03-10').map(text)).to.deep.equal(['10:00Talk 9', '11:00Talk 10']);
    const more = cell(el, '2027-03-10').querySelector<HTMLButtonElement>('button.more')!;
    expect(text(more.querySelector('.more-text')!)).to.equal('+3 more');
    more.click();
    const dialog = one<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open, 'the day does not open');
    const date = longDate('2027-03-10');
    expect(text(dialog.querySelector('h2')!)).to.equal(date);
    expect(dialog.getAttribute('aria-label')).to.equal(`Events on ${date}`);
    expect([...dialog.querySelectorAll('.event .title')].map(text)).to.deep.equal(['Talk 9', 'Talk 10', 'Talk 11', 'Talk 12', 'Talk 13']);
    dialog.querySelector<HTMLButtonElement>('.dialog-head button')!.click();
    await waitUntil(() => !dialog.open && focusedDay(el) === '2027-03-10', 'the dialog does not close to its day');
  });

  it('moves the focused day with the arrow keys, Home and End', async () => {
    const el = await mount();
    await focusDay(el, '2027-03-10');
    const steps: Array<[string, string]> = [
      ['ArrowRight', '2027-03-11'],
      ['ArrowDown', '2027-03-18'],
      ['ArrowLeft', '2027-03-17'],
      ['ArrowUp', '2027-03-10'],
      ['Home', '2027-03-08'],
      ['End', '2027-03-14'],
    ];
    for (const [key, day] of steps) {
      await press(key);
      await waitUntil(() => focusedDay(el) === day, `${key} does not reach ${day} (at ${focusedDay(el)})`);
      expect(all(el, '[tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal([day]);
    }
    expect(el.shown).to.deep.equal([]);
  });

  it('mirrors Left and Right in a right-to-left language', async () => {
    const el = await mount({ i18n: new Translator('ar', {}) });
    const [first, second] = all(el, '[role="gridcell"]');
    expect(first.getBoundingClientRect().left).to.be.greaterThan(second.getBoundingClientRect().left);
    await focusDay(el, '2027-03-10');
    await press('ArrowLeft');
    await waitUntil(() => focusedDay(el) === '2027-03-11', `ArrowLeft went to ${focusedDay(el)}`);
    await press('ArrowRight');
    await press('ArrowRight');
    await waitUntil(() => focusedDay(el) === '2027-03-09', `ArrowRight went to ${focusedDay(el)}`);
  });

  it('changes month with Page Down and Page Up, keeping the day number', async () => {
    const el = await mount();
    await focusDay(el, '2027-03-31');
    await press('PageDown');
    await waitUntil(() => focusedDay(el) === '2027-04-30', `Page Down went to ${focusedDay(el)}`);
    expect(el.shown).to.deep.equal(['2027-04']);
    expect(text(one(el, '.month-title'))).to.equal('April 2027');
    await press('PageUp');
    await waitUntil(() => focusedDay(el) === '2027-03-30', `Page Up went to ${focusedDay(el)}`);
    expect(el.shown).to.deep.equal(['2027-04', '2027-03']);
  });

  it('shows the next month when the arrows leave the grid', async () => {
    const el = await mount();
    await focusDay(el, '2027-04-01');
    await press('ArrowDown');
    await waitUntil(() => focusedDay(el) === '2027-04-08', `ArrowDown went to ${focusedDay(el)}`);
    expect(el.shown).to.deep.equal(['2027-04']);
  });

  it('opens the day with Enter and closes it with Escape, back on the day', async () => {
    const talk = event('2027-03-24T17:00:00Z', '2027-03-24T18:00:00Z', { name: 'Talk' });
    const el = await mount({ events: [talk] });
    cell(el, '2027-03-23').click();
    await el.updateComplete;
    cell(el, '2027-03-23').focus();
    await press('ArrowRight');
    await waitUntil(() => focusedDay(el) === '2027-03-24');
    await press('Enter');
    const dialog = one<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open, 'Enter does not open the day');
    expect([...dialog.querySelectorAll('.event .title')].map(text)).to.deep.equal(['Talk']);
    await expect(el).to.be.accessible();
    await press('Escape');
    await waitUntil(() => !dialog.open && focusedDay(el) === '2027-03-24', 'Escape does not close to the day');
    await press(' ');
    await waitUntil(() => dialog.open, 'Space does not open the day');
  });

  it('calls select when a chip is clicked, and follows the host page’s choice', async () => {
    const talk = event('2027-03-24T17:00:00Z', null, { name: 'Talk' });
    const el = await mount({ events: [talk] });
    const hash = location.hash;
    const [chip] = chips(el, '2027-03-24');
    expect(chip.getAttribute('href')).to.equal(`#/events/${talk.uuid}`);
    expect(chip.getAttribute('tabindex')).to.equal('-1');
    chip.click();
    expect(el.selected).to.deep.equal([talk]);
    expect(location.hash).to.equal(hash); // cancelled: not followed
    await el.updateComplete;
    expect(one<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
  });

  it('goes to the previous, next and current month with the buttons', async () => {
    const el = await mount();
    const [previous, today, next] = all<HTMLButtonElement>(el, '.month-nav button');
    expect([previous, today, next].map((b) => b.getAttribute('part'))).to.deep.equal(['button', 'button', 'button']);
    expect([previous.getAttribute('aria-label'), text(today), next.getAttribute('aria-label')]).to.deep.equal(['Previous month', 'Today', 'Next month']);
    next.click();
    await el.updateComplete;
    expect(text(one(el, '.month-title'))).to.equal('April 2027');
    previous.click();
    previous.click();
    await el.updateComplete;
    expect(el.shown).to.deep.equal(['2027-04', '2027-03', '2027-02']);
    today.click();
    await el.updateComplete;
    const now = dayKey(Date.now(), 'Europe/Paris');
    expect(el.month).to.equal(now.slice(0, 7));
    expect(all(el, '[tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal([now]);
  });

  it('exports what the element loads', () => {
    expect(asView.create).to.be.a('function');
    expect(asView.styles.cssText).to.contain('.day');
  });

  it('shows the current month while the host has none yet', async () => {
    const el = await mount({ month: '' });
    const today = dayKey(Date.now(), 'Europe/Paris');
    expect(all(el, '[aria-current="date"]').map((c) => c.dataset.day)).to.deep.equal([today]);
  });

  it('speaks the visitor’s language', async () => {
    const el = await mount({ i18n: await words('fr') });
    const [previous, today, next] = all<HTMLButtonElement>(el, '.month-nav button');
    expect([previous.getAttribute('aria-label'), text(today), next.getAttribute('aria-label')]).to.deep.equal(['Mois précédent', 'Aujourd’hui', 'Mois suivant']);
    expect(text(one(el, '.month-title'))).to.equal('mars 2027');
  });

  it('shows dots in a narrow container and keeps every day on screen', async () => {
    const events = [
      event('2027-03-10T09:00:00Z', null, { name: 'Talk' }),
      event('2027-03-17T09:00:00Z', '2027-03-19T17:00:00Z', { name: 'Festival' }),
    ];
    const el = await mount({ events, width: '20rem' });
    const grid = one(el, '[role="grid"]');
    expect(grid.scrollWidth).to.be.at.most(grid.clientWidth);
    const [dot] = chips(el, '2027-03-10');
    const box = dot.getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(Math.round(box.height));
    expect(box.width).to.be.lessThan(10);
    expect(text(dot)).to.equal('10:00Talk'); // still read out
    await expect(el).to.be.accessible();
  });

  it('at 375 px, a tap on a day’s bar opens that day’s list and does not follow the link', async () => {
    const festival = event('2027-03-17T09:00:00Z', '2027-03-19T17:00:00Z', { name: 'Festival' });
    const el = await mount({ events: [festival], width: '375px' });
    const hash = location.hash;
    const [bar] = chips(el, '2027-03-17');
    const day = cell(el, '2027-03-18').getBoundingClientRect();
    const box = bar.getBoundingClientRect();
    // Middle of 18 March, on the bar's line: the bar is under the finger, the day takes the tap.
    await sendMouse({ type: 'click', position: [Math.round((day.left + day.right) / 2), Math.round((box.top + box.bottom) / 2)] });
    await sendMouse({ type: 'move', position: [0, 0] });
    const dialog = one<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open, 'the tap does not open the day');
    expect(text(dialog.querySelector('h2')!)).to.equal(longDate('2027-03-18'));
    expect([...dialog.querySelectorAll('.event .title')].map(text)).to.deep.equal(['Festival']);
    expect(el.selected).to.deep.equal([]);
    expect(location.hash).to.equal(hash);
    dialog.querySelector<HTMLButtonElement>('.dialog-head button')!.click();
    await waitUntil(() => !dialog.open, 'the dialog does not close');
    // A tap in the empty lower part of a day with events opens it too.
    const other = await mount({ events: [festival], width: '375px' });
    cell(other, '2027-03-19').scrollIntoView({ block: 'center' });
    const mid = cell(other, '2027-03-19').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round((mid.left + mid.right) / 2), Math.round(mid.bottom - 4)] });
    const second = one<HTMLDialogElement>(other, 'dialog');
    await waitUntil(() => second.open, 'a tap in the day does not open it');
    expect(text(second.querySelector('h2')!)).to.equal(longDate('2027-03-19'));
  });

  it('names the zone of the times when it is not the visitor’s', async () => {
    const talk = event('2027-03-10T09:00:00Z', null, { name: 'Talk', timezone: 'Asia/Tokyo' });
    const el = await mount({ events: [talk] });
    const visitor = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const tokyo = (style: 'short' | 'long') =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', timeZoneName: style }).formatToParts(new Date(talk.startTime)).find((p) => p.type === 'timeZoneName')!.value;
    if (visitor === 'Asia/Tokyo') return;
    expect(text(one(el, '.month-zone'))).to.equal(`Times in ${tokyo('short')}`);
    expect(chips(el, '2027-03-10')[0].querySelector('time')!.title).to.equal(tokyo('long'));
    el.zoneMode = visitor;
    await el.updateComplete;
    expect(one(el, '.month-zone')).to.equal(null);
  });

  it('passes axe in light and dark, with today, overflow, cancelled and multi-day events', async () => {
    const today = dayKey(Date.now(), 'Europe/Paris');
    const at = (hour: number) => new Date(`${today}T${String(hour).padStart(2, '0')}:00:00+01:00`).toISOString();
    const events = [
      ...[8, 9, 10, 11].map((h) => event(at(h), null, { name: `Meeting ${h}` })),
      event(at(18), null, { name: 'Cancelled ride', status: 'CANCELLED' }),
      event(at(12), new Date(Date.parse(at(12)) + 3 * 86400_000).toISOString(), { name: 'Long fair', status: 'TENTATIVE' }),
    ];
    const el = await mount({ month: today.slice(0, 7), events });
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await expect(el).to.be.accessible();
  });
});
