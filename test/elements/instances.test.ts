// Which instance answers: the one rule of shared/client.ts, on both of its sides. An event URL names
// its own instance and is read there; with a privacy proxy (`endpoint`) every request goes through it,
// even for an event of another instance, so the visitor's browser talks to no other host.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/event.js';
import '../../src/registration.js';
import FetchEvent from '../../src/sources/mobilizon/operations/FetchEvent.graphql';
import Config from '../../src/sources/mobilizon/operations/Config.graphql';
import type { MobilizonEvent } from '../../src/elements/event/mobilizon-event.js';
import type { MobilizonRegistration } from '../../src/elements/registration/mobilizon-registration.js';
import { $, scoped, stats, waitUntil } from './helpers.js';

const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';
const DOCUMENTS: Record<string, string> = { FetchEvent, Config };

/**
 * A stand-in for the WordPress plugin's proxy, in front of an instance of its own (`behind`), while
 * `run` gets its endpoint and an instance elsewhere; says what the proxy was asked.
 */
async function withProxy(run: (endpoint: string, behind: string, elsewhere: string) => Promise<void>): Promise<{ asked: string[]; behind: string; elsewhere: string }> {
  const behind = scoped();
  const elsewhere = scoped();
  const endpoint = `${location.origin}/proxy-${Math.random().toString(36).slice(2)}`;
  const stub = proxy(endpoint, behind.url);
  try {
    await run(endpoint, behind.url, elsewhere.url);
  } finally {
    stub.restore();
  }
  return { asked: stub.asked, behind: behind.scope, elsewhere: elsewhere.scope };
}

/** Takes `{operationName, variables}` at `endpoint`, runs the named document against `instance`. */
function proxy(endpoint: string, instance: string): { asked: string[]; restore: () => void } {
  const original = window.fetch;
  const asked: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(endpoint)) return original(input, init);
    const { operationName, variables } = JSON.parse(String(init?.body)) as { operationName: string; variables: unknown };
    asked.push(operationName);
    return original(`${instance}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName, variables, query: DOCUMENTS[operationName] }),
    });
  };
  return { asked, restore: () => (window.fetch = original) };
}

describe('which instance answers', () => {
  it('reads an event from the instance its URL names, not from `instance`, when there is no proxy', async () => {
    const configured = scoped();
    const origin = scoped();
    const el = await fixture<MobilizonEvent>(
      html`<mobilizon-event instance=${configured.url} url=${`${origin.url}/events/${ATELIER}`} registration="none"></mobilizon-event>`,
    );
    await waitUntil(() => $(el, 'article h2'), 'the event from its own instance', { timeout: 10_000 });
    expect($(el, 'article h2')!.textContent).to.equal('Atelier ouvert à tous');
    expect((await stats(origin.scope)).operations.FetchEvent).to.equal(1);
    expect((await stats(configured.scope)).api).to.equal(0);
  });

  it('keeps the proxy for an event of another instance: the event page asks the proxy only', async () => {
    const seen = await withProxy(async (endpoint, behind, elsewhere) => {
      const el = await fixture<MobilizonEvent>(
        html`<mobilizon-event instance=${behind} endpoint=${endpoint} url=${`${elsewhere}/events/${ATELIER}`} registration="none"></mobilizon-event>`,
      );
      await waitUntil(() => $(el, 'article h2'), 'the event through the proxy', { timeout: 10_000 });
    });
    expect(seen.asked).to.deep.equal(['FetchEvent']);
    expect((await stats(seen.behind)).operations.FetchEvent).to.equal(1);
    expect((await stats(seen.elsewhere)).api, 'requests to the other instance').to.equal(0);
  });

  it('keeps the proxy for registration too: the event and the config come through it, nothing from the other host', async () => {
    const seen = await withProxy(async (endpoint, behind, elsewhere) => {
      const el = await fixture<MobilizonRegistration>(
        html`<mobilizon-registration instance=${behind} endpoint=${endpoint} url=${`${elsewhere}/events/${ATELIER}`}></mobilizon-registration>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('form, .notice, .error'), 'the registration block', { timeout: 10_000 });
    });
    expect([...seen.asked].sort()).to.deep.equal(['Config', 'FetchEvent']);
    expect((await stats(seen.elsewhere)).api, 'requests to the other instance').to.equal(0);
  });
});
