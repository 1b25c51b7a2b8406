// Faults that used to hang or stick: a feed that never answers, an answer of another shape, a
// registration whose answer is lost, and many widgets on a slow instance. Each leaves a clear state,
// a working retry and its neighbours untouched (the setup module fails a test on any uncaught error).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/events.js';
import '../../src/event.js';
import '../../src/registration.js';
import type { MobilizonEvent } from '../../src/elements/event/mobilizon-event.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import type { MobilizonRegistration } from '../../src/elements/registration/mobilizon-registration.js';
import { feedDefaults } from '../../src/sources/ics/feed.js';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';
import { $, DEMO, scoped, settled, stats, texts, waitUntil } from './helpers.js';

const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';
const HOST = new URL(DEMO).host;

describe('a feed that never answers', () => {
  const saved = feedDefaults.timeout;
  beforeEach(() => (feedDefaults.timeout = 2_500));
  afterEach(() => (feedDefaults.timeout = saved));

  it('shows the instance’s events at once, then the feed’s own notice; the list beside it is untouched', async () => {
    const instance = scoped();
    const hanging = scoped('feed=hang');
    const started = performance.now();
    const [el, neighbour] = await Promise.all([
      fixture<MobilizonEvents>(
        html`<mobilizon-events instance=${instance.url} group="velo_lyon" ics=${`${hanging.url}/@tokyo_hikers/feed/ics`} limit="5" locale="en"></mobilizon-events>`,
      ),
      fixture<MobilizonEvents>(html`<mobilizon-events instance=${instance.url} group="berliner_chor" limit="3" locale="en"></mobilizon-events>`),
    ]);
    await settled(el);
    expect(performance.now() - started, 'the instance’s events wait for no feed').to.be.below(feedDefaults.timeout);
    expect(texts(el, '.title')).to.have.length(5);
    expect(texts(el, '.notice')).to.deep.equal([]);
    await waitUntil(() => texts(el, '.notice').length, 'the feed’s notice', { timeout: 10_000 });
    expect(texts(el, '.notice')[0]).to.contain('took too long to answer');
    expect(texts(el, '.title'), 'the events stay').to.have.length(5);
    await settled(neighbour);
    expect(texts(neighbour, '.title')).to.have.length(3);
    expect(texts(neighbour, '.notice')).to.deep.equal([]);
  });
});

describe('an answer of another shape', () => {
  it('says the instance answered in an unexpected way, keeps nothing of it, and “Try again” works', async () => {
    const { url, scope } = scoped('fault=drift,faults=1');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="3" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal(`${HOST} answered in an unexpected way (a newer or changed version?).`);
    // A list opened meanwhile is not served the odd answer from a cache: it asks again.
    const other = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} group="velo_lyon" limit="3" locale="en"></mobilizon-events>`);
    await settled(other);
    expect((await stats(scope)).operations.GroupEvents).to.equal(2);
    $<HTMLButtonElement>(el, '.error button')!.click();
    await settled(el);
    expect(texts(el, '.title')).to.have.length(3);
  });

  it('an event without its start is not “an event that does not exist”', async () => {
    const { url } = scoped('fault=drift,faults=1');
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${url} uuid=${ATELIER} registration="none" locale="en"></mobilizon-event>`);
    await waitUntil(() => $(el, '.error'), 'an error', { timeout: 10_000 });
    expect(texts(el, '.error p')[0]).to.contain('answered in an unexpected way');
    $<HTMLButtonElement>(el, '.error button')!.click();
    await waitUntil(() => $(el, 'article h2'), 'the event after “Try again”', { timeout: 10_000 });
    expect($(el, 'article h2')!.textContent).to.equal('Atelier ouvert à tous');
  });
});

describe('a registration whose answer is lost', () => {
  it('tells the visitor they are registered when the retry meets “already registered”', async () => {
    const { url, scope } = scoped('fault=lost,faults=1,op=JoinEvent');
    const el = await fixture<MobilizonRegistration>(html`<mobilizon-registration instance=${url} uuid=${ATELIER} locale="en"></mobilizon-registration>`);
    await waitUntil(() => $(el, 'form'), 'the form', { timeout: 10_000 });
    const registered: Event[] = [];
    el.addEventListener('mobilizon-registered', (e) => registered.push(e));
    const email = $<HTMLInputElement>(el, '#email')!;
    email.value = 'lost@example.org';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLInputElement>(el, '#consent')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[role="alert"] button'), 'the failure, with a retry', { timeout: 10_000 });
    const participants = async () => (await (await fetch(`${url}/_demo/participants/${ATELIER}`)).json()) as Array<{ email: string }>;
    expect((await participants()).map((p) => p.email), 'the instance did register it').to.deep.equal(['lost@example.org']);
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await waitUntil(() => !$(el, 'form') && texts(el, '[role="status"]')[0]?.startsWith('Check your e-mail'), 'registered', { timeout: 10_000 });
    expect(texts(el, '[role="alert"]')).to.deep.equal([]);
    expect(registered).to.have.length(1);
    expect((await stats(scope)).operations.JoinEvent).to.equal(2);
    expect(await participants(), 'still one participation').to.have.length(1);
  });
});

describe('many widgets on a slow instance', () => {
  const saved = MobilizonClient.defaults.timeout;
  beforeEach(() => (MobilizonClient.defaults.timeout = 5_000));
  afterEach(() => (MobilizonClient.defaults.timeout = saved));

  it('cancels what removed widgets asked for, and times out none of those waiting their turn', async function () {
    this.timeout(40_000);
    const { url, scope } = scoped('latency=3000');
    // 50 different lists (different page sizes): 50 requests, six at a time to one origin.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const lists = Array.from({ length: 50 }, (_, i) => {
      const el = document.createElement('mobilizon-events');
      Object.assign(el, { instance: url, group: 'velo_lyon', limit: i + 1, locale: 'en' });
      host.append(el);
      return el;
    });
    await Promise.all(lists.map((el) => el.updateComplete));
    // The visitor leaves most of them (a tab switched, a section closed): 40 go away at once.
    const kept = lists.slice(40);
    for (const el of lists.slice(0, 40)) el.remove();
    // Ten lists at 3 s an answer, six at a time, behind up to six already sent: more than the 5 s
    // time-out after the first request, and yet none times out.
    await waitUntil(() => kept.every((el) => el.shadowRoot?.querySelector('[part~="event"], .error')), 'every kept list settles', { timeout: 35_000 });
    expect(kept.flatMap((el) => texts(el, '.error p'))).to.deep.equal([]);
    expect(kept.every((el) => texts(el, '.title').length > 0), 'every kept list shows its events').to.equal(true);
    // Not counting the instance's default picture, asked once by the lists that show an event without one.
    const counts = await stats(scope);
    const sent = counts.api - (counts.operations.DefaultPicture ?? 0);
    expect(sent, 'requests of removed widgets that had not left were cancelled').to.be.at.most(16);
    expect(sent).to.be.at.least(10);
  });
});
