import { expect, fixture, html } from '@open-wc/testing';
import '../../src/events.js';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';
import { MobilizonError } from '../../src/sources/mobilizon/errors.js';
import { listEvents } from '../../src/sources/events.js';
import { normalizeInstance } from '../../src/sources/mobilizon/instance.js';
import { DEMO, scoped, settled, spyOn, stats, texts, waitUntil } from './helpers.js';

describe('instance addresses', () => {
  it('accepts what site owners type and refuses the rest', () => {
    expect(normalizeInstance('mobilizon.fr')).to.equal('https://mobilizon.fr');
    expect(normalizeInstance(' https://mobilizon.fr/ ')).to.equal('https://mobilizon.fr');
    expect(normalizeInstance('http://127.0.0.1:4000')).to.equal('http://127.0.0.1:4000');
    expect(normalizeInstance('https://mobilizon.fr/?x=1#y')).to.equal('https://mobilizon.fr');
    for (const bad of ['', '  ', 'javascript:alert(1)', 'ftp://mobilizon.fr', 'not an instance', 'https://user:pw@mobilizon.fr', null]) {
      expect(normalizeInstance(bad), String(bad)).to.equal(null);
    }
  });
});

describe('MobilizonClient', () => {
  it('is shared by every caller for one instance', () => {
    expect(MobilizonClient.for('mobilizon.fr')).to.equal(MobilizonClient.for('https://mobilizon.fr/'));
    expect(MobilizonClient.for('mobilizon.fr')).to.not.equal(MobilizonClient.for('mobilizon.fr', { endpoint: '/proxy' }));
  });

  it('answers from its cache, then revalidates stale answers in the background', async () => {
    const { url, scope } = scoped();
    const client = MobilizonClient.for(url);
    const query = { groups: ['velo_lyon'], period: 'upcoming' as const, page: 1, limit: 3 };
    const first = await listEvents(client, query);
    await listEvents(client, query);
    expect((await stats(scope)).api).to.equal(1);

    const fresh = MobilizonClient.defaults.freshFor;
    MobilizonClient.defaults.freshFor = 0;
    try {
      const stale = await listEvents(client, query);
      expect(stale.events.map((e) => e.uuid)).to.deep.equal(first.events.map((e) => e.uuid));
      await waitUntil(async () => (await stats(scope)).api === 2, 'a background revalidation');
    } finally {
      MobilizonClient.defaults.freshFor = fresh;
    }
  });

  it('keeps answers in sessionStorage so a reload paints at once', async () => {
    const { url } = scoped();
    await listEvents(MobilizonClient.for(url), { groups: ['tokyo_hikers'], period: 'upcoming', page: 1, limit: 2 });
    // Written once the page is idle (within a second or two), not on the way to the first paint.
    const stored = () => Object.keys(sessionStorage).filter((k) => k.startsWith('mobilizon-embed:v1:') && k.includes(url));
    await waitUntil(() => stored().length, 'the answer in sessionStorage', { timeout: 5_000 });
    const keys = stored();
    expect(keys).to.have.length(1);
    expect(JSON.parse(sessionStorage.getItem(keys[0])!).value.group.organizedEvents.elements).to.have.length(2);
  });

  it('gives typed errors with Mobilizon’s own code', async () => {
    const client = MobilizonClient.for(DEMO);
    try {
      await listEvents(client, { groups: ['no_such_group'], period: 'upcoming', page: 1, limit: 2 });
      expect.fail('no error');
    } catch (error) {
      expect(error).to.be.instanceOf(MobilizonError);
      expect((error as MobilizonError).code).to.equal('graphql');
      expect((error as MobilizonError).graphqlCode).to.equal('group_not_found');
      expect((error as MobilizonError).details.subject).to.equal('no_such_group');
    }
  });

  /** Runs `read` with window.fetch recorded: each call's URL and options. */
  async function recorded(read: () => Promise<unknown>): Promise<Array<{ url: string; init: RequestInit }>> {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return original(input, init);
    };
    try {
      await read();
    } finally {
      window.fetch = original;
    }
    return calls;
  }

  it('reads as GET with no header and no credentials: a CORS simple request, no preflight', async () => {
    const { url, scope } = scoped();
    const calls = await recorded(() => listEvents(MobilizonClient.for(url), { groups: ['velo_lyon'], period: 'upcoming', page: 1, limit: 1 }));
    expect(calls).to.have.length(1);
    expect(calls[0].init.method).to.equal('GET');
    expect(calls[0].init.credentials).to.equal('omit');
    expect(calls[0].init.headers).to.equal(undefined);
    const query = new URL(calls[0].url).searchParams;
    expect(query.get('operationName')).to.equal('GroupEvents');
    expect(JSON.parse(query.get('variables')!)).to.include({ name: 'velo_lyon', limit: 1 });
    const seen = await stats(scope);
    expect(seen.requests.map((r) => r.method)).to.deep.equal(['GET']);
  });

  it('sends what would make too long a URL as POST JSON', async () => {
    const { url, scope } = scoped();
    const term = 'vélo '.repeat(1500);
    const calls = await recorded(() => listEvents(MobilizonClient.for(url), { groups: [], period: 'upcoming', page: 1, limit: 5, term }));
    expect(calls.map((c) => c.init.method)).to.deep.equal(['POST']);
    expect(Object.keys(calls[0].init.headers as Record<string, string>)).to.deep.equal(['Content-Type']);
    expect((await stats(scope)).operations.SearchEvents).to.equal(1);
  });

  it('reads as POST from then on when the server refuses GET', async () => {
    const { url, scope } = scoped('get=refuse');
    const client = MobilizonClient.for(url);
    const first = await listEvents(client, { groups: ['velo_lyon'], period: 'upcoming', page: 1, limit: 2 });
    expect(first.events).to.have.length(2);
    await listEvents(client, { groups: ['velo_lyon'], period: 'upcoming', page: 2, limit: 2 });
    expect((await stats(scope)).requests.map((r) => r.method)).to.deep.equal(['GET', 'POST', 'POST']);
  });
});

describe('an element removed while loading', () => {
  it('leaves quietly', async () => {
    const { url } = scoped('latency=800');
    const errors: Event[] = [];
    const el = await fixture<HTMLElement>(html`<mobilizon-events instance=${url} group="velo_lyon"></mobilizon-events>`);
    el.addEventListener('mobilizon-error', (e) => errors.push(e));
    el.remove();
    await new Promise((r) => setTimeout(r, 1200));
    expect(errors).to.have.length(0);
  });
});

describe('hostile data from an instance', () => {
  it('renders titles and places as text and drops unsafe links and pictures', async () => {
    const alerts = spyOn(window, 'alert');
    try {
      const { url } = scoped('hostile=1');
      const el = await fixture<HTMLElement>(html`<mobilizon-events instance=${url} limit="20" locale="en"></mobilizon-events>`);
      await settled(el);
      await new Promise((r) => setTimeout(r, 300));
      const root = el.shadowRoot!;
      expect(root.querySelector('script, iframe, style, img[src="x"]')).to.equal(null);
      for (const a of root.querySelectorAll('a')) expect(a.href).to.match(/^https?:/);
      for (const img of root.querySelectorAll('img')) expect(img.src).to.match(/^https?:/);
      expect(texts(el, '.title').some((t) => t.includes('<'))).to.equal(true);
      expect(alerts.calls).to.deep.equal([]);
    } finally {
      alerts.restore();
    }
  });
});
