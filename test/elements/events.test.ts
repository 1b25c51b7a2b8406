import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { $, DEMO, scoped, settled, spyOn, stats, texts, waitUntil } from './helpers.js';

const datetimes = (el: Element) => [...el.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!);

describe('<mobilizon-events> of one group', () => {
  it('lists the group’s upcoming events in start order, with dates', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="10" locale="en"></mobilizon-events>`);
    await settled(el);
    const titles = texts(el, '.title');
    expect(titles).to.have.length(10);
    expect(titles).to.include('Sortie vélo du dimanche');
    const starts = datetimes(el);
    expect([...starts].sort()).to.deep.equal(starts);
    // Ongoing events stay listed (Mobilizon 5.1 compares the end): the month-long exhibition began earlier.
    expect(titles[0]).to.equal('Exposition « Lyon à vélo »');
    expect(Date.parse(starts[0])).to.be.lessThan(Date.now());
    expect(starts.slice(1).every((s) => Date.parse(s) > Date.now())).to.equal(true);
  });

  it('announces how many events there are and fires mobilizon-load', async () => {
    const el = document.createElement('mobilizon-events');
    el.setAttribute('instance', DEMO);
    el.setAttribute('group', 'velo_lyon');
    el.setAttribute('locale', 'en');
    const loaded = oneEvent(el, 'mobilizon-load');
    document.body.append(el);
    const { detail } = await loaded;
    expect(detail.total).to.be.greaterThan(26);
    await el.updateComplete;
    expect($(el, '[role="status"]')!.textContent).to.match(/\d+ events/);
    el.remove();
  });

  it('shows a cancelled badge on the cancelled Sunday ride and a tentative one on the next', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="30" locale="en"></mobilizon-events>`);
    await settled(el);
    const rides = [...el.shadowRoot!.querySelectorAll('.event')].filter((li) => li.querySelector('.title')!.textContent!.includes('Sortie vélo du dimanche'));
    expect(rides.length).to.be.greaterThan(4);
    expect(rides[2].querySelector('.badge.cancelled')?.textContent).to.equal('Cancelled');
    expect(rides[2].classList.contains('cancelled')).to.equal(true);
    expect(rides[3].querySelector('.badge.tentative')?.textContent).to.equal('Tentative');
    expect(rides[0].querySelector('.badge.cancelled')).to.equal(null);
  });

  it('shows the weekly 10:00 Paris ride at 10:00 on both sides of the DST change', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="60" locale="en-GB"></mobilizon-events>`);
    await settled(el);
    const rides = [...el.shadowRoot!.querySelectorAll('.event')].filter((li) => li.querySelector('.title')!.textContent!.trim() === 'Sortie vélo du dimanche');
    const utcHours = new Set(rides.map((li) => new Date(li.querySelector('time')!.getAttribute('datetime')!).getUTCHours()));
    // 10:00 in Paris is 09:00 UTC in winter and 08:00 UTC in summer: the list crosses a change.
    expect([...utcHours].sort()).to.deep.equal([8, 9]);
    for (const li of rides) {
      const time = li.querySelector('time')!;
      expect(time.textContent).to.contain('10:00');
      expect(time.getAttribute('title')).to.equal('Europe/Paris');
    }
  });

  it('converts times to the zone the site owner names', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="3" locale="en-GB" timezone="Asia/Tokyo"></mobilizon-events>`,
    );
    await settled(el);
    const time = el.shadowRoot!.querySelector('time')!;
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(time.getAttribute('datetime')!));
    expect(time.textContent).to.contain(expected);
    expect(time.getAttribute('title')).to.equal('Asia/Tokyo');
    expect(time.textContent).to.match(/GMT\+9/);
  });

  it('shows an empty state for a group without events', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="empty_group" locale="en"></mobilizon-events>`);
    await settled(el, 'empty');
    expect(texts(el, '.empty')[0]).to.equal('No upcoming events.');
  });

  it('uses the host page’s slot for the empty state', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="empty_group"><p slot="empty">Nothing planned yet — come back soon!</p></mobilizon-events>`,
    );
    await settled(el, 'empty');
    const slot = $<HTMLSlotElement>(el, 'slot[name="empty"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Nothing planned yet — come back soon!');
  });

  it('says clearly when the group does not exist', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="no_such_group" locale="en"></mobilizon-events>`);
    const failed = oneEvent(el, 'mobilizon-error');
    const { detail } = await failed;
    expect(detail.code).to.equal('group_not_found');
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal(`The group “no_such_group” does not exist on ${new URL(DEMO).host}.`);
    expect($(el, '.error button'), 'no pointless retry').to.equal(null);
  });

  it('lists past events most recent first', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" period="past" locale="en"></mobilizon-events>`);
    await settled(el);
    const starts = datetimes(el);
    expect(starts.length).to.be.greaterThan(0);
    expect(starts.every((s) => Date.parse(s) < Date.now())).to.equal(true);
    expect([...starts].sort().reverse()).to.deep.equal(starts);
  });
});

describe('<mobilizon-events> of several groups and of the whole instance', () => {
  it('merges two groups’ events in start order', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon, montreal_makers" limit="40" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    const by = texts(el, '.by');
    expect(by.some((t) => t.includes('Vélo Lyon'))).to.equal(true);
    expect(by.some((t) => t.includes('Montréal Makers'))).to.equal(true);
    const starts = datetimes(el);
    expect([...starts].sort()).to.deep.equal(starts);
  });

  it('pages through the merged list without repeating an event', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon,montreal_makers" limit="5" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    const first = datetimes(el);
    expect($(el, '.pagination span')!.textContent).to.match(/^Page 1 of \d+$/);
    $<HTMLButtonElement>(el, '.pagination button:last-of-type')!.click();
    await waitUntil(() => $(el, '.pagination span')?.textContent === `Page 2 of ${$(el, '.pagination span')!.textContent!.split(' of ')[1]}`);
    await settled(el);
    const second = datetimes(el);
    expect(second).to.have.length(5);
    expect(second[0] >= first[4]).to.equal(true);
    expect(el.shadowRoot!.activeElement?.closest('.title')).to.not.equal(null);
  });

  it('shows the instance’s upcoming events and hides cancelled ones, as Mobilizon does', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(texts(el, '.title')).to.have.length(50);
    expect(el.shadowRoot!.querySelector('.badge.cancelled')).to.equal(null);
    expect(texts(el, '.title')).to.not.include('Soirée annulée');
  });

  it('pages with Previous and Next, disabling them at the ends', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="10" locale="en"></mobilizon-events>`);
    await settled(el);
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pagination button');
    expect(previous.disabled).to.equal(true);
    const firstPage = texts(el, '.title').join('|');
    next.click();
    await waitUntil(() => $(el, '.pagination span')!.textContent!.startsWith('Page 2'));
    await settled(el);
    expect(texts(el, '.title').join('|')).to.not.equal(firstPage);
    const [previous2] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pagination button');
    expect(previous2.disabled).to.equal(false);
    previous2.click();
    await waitUntil(() => $(el, '.pagination span')!.textContent!.startsWith('Page 1'));
    await settled(el);
    expect(texts(el, '.title').join('|')).to.equal(firstPage);
  });
});

describe('<mobilizon-events> requests', () => {
  it('sends one /api request for two identical lists on a page', async () => {
    const { url, scope } = scoped();
    const el = await fixture<HTMLElement>(html`<div>
      <mobilizon-events instance=${url} group="berliner_chor" limit="4"></mobilizon-events>
      <mobilizon-events instance=${url} group="berliner_chor" limit="4"></mobilizon-events>
    </div>`);
    const [a, b] = el.querySelectorAll('mobilizon-events');
    await settled(a);
    await settled(b);
    const counted = await stats(scope);
    // Besides the events: at most one question for the instance's default picture, shared too.
    expect(counted.operations.DefaultPicture ?? 0).to.be.at.most(1);
    expect(counted.api - (counted.operations.DefaultPicture ?? 0)).to.equal(1);
    expect(texts(a, '.title')).to.deep.equal(texts(b, '.title'));
  });

  it('asks an old server for its config once and adapts the queries to it', async () => {
    const { url, scope } = scoped('version=4.0.2');
    const el = await fixture<HTMLElement>(html`<div>
      <mobilizon-events instance=${url} group="berliner_chor" limit="3"></mobilizon-events>
      <mobilizon-events instance=${url} group="tokyo_hikers" limit="3"></mobilizon-events>
      <mobilizon-events instance=${url} limit="3"></mobilizon-events>
    </div>`);
    for (const list of el.querySelectorAll('mobilizon-events')) await settled(list);
    const counted = await stats(scope);
    expect(counted.operations.Config).to.equal(1);
  });

  it('still works with a 5.0 server', async () => {
    const { url } = scoped('version=5.0.1');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="3"></mobilizon-events>`);
    await settled(el);
    expect(texts(el, '.title')).to.have.length(3);
  });
});

describe('<mobilizon-events> when the instance fails', () => {
  for (const fault of ['refused', 'timeout', 'http500', 'graphql', 'malformed']) {
    it(`shows what went wrong (${fault}) and recovers with “Try again”`, async () => {
      const { url } = scoped(`fault=${fault},faults=1`);
      const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="3" locale="en"></mobilizon-events>`);
      await settled(el, 'error');
      const message = texts(el, '.error p')[0];
      const host = new URL(DEMO).host;
      const expected = {
        refused: `Could not reach ${host}. Check the connection and try again.`,
        timeout: `${host} took too long to answer.`,
        http500: `${host} answered with an error (HTTP 500).`,
        graphql: `${host} reported an error:`,
        malformed: `${host} sent an answer that is not a Mobilizon answer.`,
      }[fault]!;
      expect(message.startsWith(expected), message).to.equal(true);
      expect($(el, '.error')!.getAttribute('role')).to.equal('alert');
      $<HTMLButtonElement>(el, '.error button')!.click();
      await settled(el);
      expect(texts(el, '.title')).to.have.length(3);
    });
  }
});

describe('<mobilizon-events> with bad attributes', () => {
  it('asks for an instance when there is none', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events group="velo_lyon" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.contain('needs an instance address');
    expect($(el, '.error button')).to.equal(null);
  });

  it('refuses an instance that is not an address', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance="not an instance" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal('“not an instance” is not the address of a Mobilizon instance.');
  });

  it('refuses a javascript: instance', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance="javascript:alert(1)" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.contain('is not the address of a Mobilizon instance');
  });

  it('names the views it knows when given another', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} view="carousel" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal('Unknown view “carousel”. Use one of: list, grid, agenda, month.');
  });

  it('clamps a limit over 99 with a console warning', async () => {
    const warnings = spyOn(console, 'warn');
    try {
      const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} limit="150" locale="en"></mobilizon-events>`);
      await settled(el);
      expect(texts(el, '.title')).to.have.length(99);
      expect(String(warnings.calls[0])).to.contain('limit 150');
    } finally {
      warnings.restore();
    }
  });

  it('falls back to each event’s zone, with a warning, for an unknown time zone', async () => {
    const warnings = spyOn(console, 'warn');
    try {
      const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="2" timezone="Mars/Olympus" locale="en-GB"></mobilizon-events>`);
      await settled(el);
      expect($(el, 'time')!.getAttribute('title')).to.equal('Europe/Paris');
      expect(String(warnings.calls[0])).to.contain('Mars/Olympus');
    } finally {
      warnings.restore();
    }
  });
});

describe('<mobilizon-events> for visitors', () => {
  it('speaks the language of the nearest lang attribute', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><mobilizon-events instance=${DEMO} group="velo_lyon" limit="30"></mobilizon-events></div>`);
    const el = wrapper.querySelector('mobilizon-events')!;
    await settled(el);
    await waitUntil(() => texts(el, '.badge.cancelled')[0] === 'Annulé', 'French badge');
    expect($(el, '.pagination span')!.textContent).to.match(/^Page 1 sur \d+$/);
  });

  it('keeps its light-DOM fallback visible until the events arrive', async () => {
    const { url } = scoped('latency=400');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="2"><ul><li>Server-rendered ride</li></ul></mobilizon-events>`);
    const slot = $<HTMLSlotElement>(el, 'slot:not([name])');
    expect(slot?.assignedElements()[0]?.textContent).to.equal('Server-rendered ride');
    await settled(el);
    expect($(el, 'slot:not([name])')).to.equal(null);
  });

  it('lets the host page open an event itself through a cancelable mobilizon-select', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="2"></mobilizon-events>`);
    await settled(el);
    let selected: { name: string } | undefined;
    el.addEventListener('mobilizon-select', (e) => {
      selected = (e as CustomEvent).detail.event;
      e.preventDefault();
    });
    const link = $<HTMLAnchorElement>(el, '.title a')!;
    const before = location.href;
    link.click();
    expect(selected?.name).to.equal(link.textContent);
    expect(location.href).to.equal(before);
  });

  it('links events to their Mobilizon page, or to the site owner’s template', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="1" event-href="/agenda/?event={uuid}"></mobilizon-events>`);
    await settled(el);
    const href = $<HTMLAnchorElement>(el, '.title a')!.href;
    expect(href).to.match(new RegExp(`^${location.origin}/agenda/\\?event=[0-9a-f-]{36}$`));
    el.removeAttribute('event-href');
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, '.title a')!.href).to.match(new RegExp(`^${DEMO}/events/[0-9a-f-]{36}$`));
  });
});
