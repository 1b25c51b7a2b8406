// A month is complete: every event of a busy instance's month is read (pages of 99, the rest at once
// after the first) and drawn (chips and "+N more" add up), and the total told to the page is true.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { daysCovered } from '../../src/format/zoned.js';
import { displayZone } from '../../src/format/dates.js';
import { buildQuery } from '../../src/model/query.js';
import { loadEvents } from '../../src/sources/events.js';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';
import { scoped, stats, waitUntil } from './helpers.js';

const ZONE = 'Europe/Paris';

describe('a month of 1 000 instance-wide events', () => {
  it('shows all of them, and tells the page the true total', async function () {
    this.timeout(60_000);
    const { url, scope } = scoped('crowd=1000');
    const month = new Date().toISOString().slice(0, 7);
    const el = document.createElement('mobilizon-events') as MobilizonEvents;
    Object.assign(el, { instance: url, view: 'month', timezone: ZONE, locale: 'en-GB' });
    const loaded = oneEvent(el, 'mobilizon-load');
    await fixture(html`<div style="inline-size: 70rem">${el}</div>`);
    const { detail } = await loaded;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="gridcell"]'), 'the grid', { timeout: 20_000 });

    // What the instance holds in the month's weeks, read the way any integrator would.
    const query = buildQuery({ view: 'month' }, { page: 1, proxy: false, dayZone: ZONE, month, locale: 'en-GB' });
    const { events } = await loadEvents(MobilizonClient.for(url), query);
    expect(events.filter((e) => e.name.startsWith('Rencontre n°'))).to.have.length(1000);
    expect(detail.total).to.equal(events.length);
    expect(el.shadowRoot!.querySelector('.notice'), 'no ceiling reached').to.equal(null);

    // Every event sits in each day of the grid it covers: bars (one per week row, across --n days)
    // plus each day's "+N more" add up to that.
    const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    const grid = new Set(cells.map((c) => c.dataset.day!));
    // As the month view places them: in the zone the site owner named (all-day feed events on their dates).
    const zoneOf = (e: (typeof events)[number]) => (e.timezone === 'UTC' && !e.display.showStartTime ? 'UTC' : displayZone(e, ZONE));
    const expected = events.reduce((sum, e) => sum + daysCovered(e.startTime, e.endTime, zoneOf(e)).filter((d) => grid.has(d)).length, 0);
    const drawn = cells.reduce(
      (sum, c) =>
        sum +
        [...c.querySelectorAll<HTMLElement>('.chip:not(.gap)')].reduce((n, bar) => n + Number(getComputedStyle(bar).getPropertyValue('--n').trim() || 1), 0) +
        Number(c.querySelector('.more-n')?.textContent?.replace(/\D/g, '') || 0),
      0,
    );
    expect(drawn).to.equal(expected);

    // Pages of 99: the first, then all the others at once (the element's and ours share the cache).
    const asked = (await stats(scope)).operations.SearchEvents;
    expect(asked).to.equal(Math.ceil(detail.total / 99));
  });
});
