import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MobilizonEvent } from '../../src/elements/event/mobilizon-event.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { eventJsonLd, jsonLdText, zonedDate } from '../../src/format/json-ld.js';
import { DEMO, scoped, waitUntil } from './helpers.js';

const ATELIER = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';
const HYBRID = '32dbbb7b-0712-4acb-9e84-f38037d0920f';
const WEBINAR = '0106c5ed-2b88-43bf-8b3f-0e789e3a92e0';
const CANCELLED = '6ad7844c-79cf-4dae-a637-e3f95139cca3';

type Item = Record<string, unknown> & { location?: Record<string, unknown> | Array<Record<string, unknown>> };

/** The element's JSON-LD scripts in the page's light DOM. */
const scripts = (host: Element) => [...host.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];

async function jsonLd(host: Element): Promise<Item | Item[]> {
  await waitUntil(() => scripts(host).length, 'the JSON-LD script', { timeout: 10_000 });
  return JSON.parse(scripts(host)[0].text);
}

describe('structured-data (schema.org JSON-LD)', () => {
  it('is off by default', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${ATELIER} registration="none"></mobilizon-event>`);
    await waitUntil(() => el.shadowRoot?.querySelector('article'), 'the event');
    await new Promise((r) => setTimeout(r, 100));
    expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(0);
  });

  it('<mobilizon-event>: name, start with the offset of the event’s zone, place, status, attendance mode, url', async () => {
    const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${ATELIER} registration="none" structured-data></mobilizon-event>`);
    const data = (await jsonLd(el)) as Item;
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('Event');
    expect(data.name).to.equal('Atelier ouvert à tous');
    expect(data.startDate).to.match(/^\d{4}-\d{2}-\d{2}T14:00:00\+0[12]:00$/);
    expect(data.endDate).to.match(/T17:00:00\+0[12]:00$/);
    expect(data.eventStatus).to.equal('https://schema.org/EventScheduled');
    expect(data.eventAttendanceMode).to.equal('https://schema.org/OfflineEventAttendanceMode');
    expect(data.url).to.equal(`${DEMO}/events/${ATELIER}`);
    const place = data.location as Record<string, unknown>;
    expect(place['@type']).to.equal('Place');
    expect((place.address as Record<string, unknown>)['@type']).to.equal('PostalAddress');
    expect(data.organizer).to.deep.include({ '@type': 'Organization', name: 'Vélo Lyon' });
    expect(data.description).to.be.a('string').and.not.match(/</);
    expect(scripts(el)).to.have.length(1);
  });

  it('online, hybrid and cancelled events', async () => {
    const [webinar, hybrid, cancelled] = await Promise.all(
      [WEBINAR, HYBRID, CANCELLED].map(async (uuid) => {
        const el = await fixture<MobilizonEvent>(html`<mobilizon-event instance=${DEMO} uuid=${uuid} registration="none" structured-data></mobilizon-event>`);
        return (await jsonLd(el)) as Item;
      }),
    );
    expect(webinar.eventAttendanceMode).to.equal('https://schema.org/OnlineEventAttendanceMode');
    expect((webinar.location as Record<string, unknown>)['@type']).to.equal('VirtualLocation');
    expect(hybrid.eventAttendanceMode).to.equal('https://schema.org/MixedEventAttendanceMode');
    expect(hybrid.location).to.be.an('array');
    expect(cancelled.eventStatus).to.equal('https://schema.org/EventCancelled');
  });

  it('<mobilizon-events>: one script for the shown events, replaced when they change, removed with the attribute', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="2" structured-data></mobilizon-events>`);
    const items = (await jsonLd(el)) as Item[];
    expect(items).to.have.length(2);
    for (const item of items) {
      expect(item.name).to.be.a('string');
      expect(item.startDate).to.match(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
      expect(item.eventStatus).to.match(/^https:\/\/schema\.org\/Event/);
      expect(item.eventAttendanceMode).to.match(/^https:\/\/schema\.org\/\w+EventAttendanceMode$/);
      expect(item.url).to.match(/\/events\//);
    }
    const first = scripts(el)[0];
    el.limit = 3;
    await waitUntil(() => scripts(el)[0] !== first && (JSON.parse(scripts(el)[0].text) as Item[]).length === 3, 'replaced', { timeout: 10_000 });
    expect(scripts(el)).to.have.length(1);
    el.removeAttribute('structured-data');
    await waitUntil(() => !scripts(el).length, 'removed');
  });

  it('<mobilizon-group>: its lists write into the group element, in the page’s light DOM', async () => {
    const el = await fixture(html`<mobilizon-group instance=${DEMO} group="velo_lyon" sections="events" structured-data></mobilizon-group>`);
    const items = await jsonLd(el);
    expect([items].flat().length).to.be.greaterThan(0);
    expect(scripts(el)[0].getRootNode()).to.equal(document);
  });

  it('hostile titles never leave the script element', async () => {
    const { url } = scoped('hostile=1');
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${url} limit="10" structured-data></mobilizon-events>`);
    const items = [await jsonLd(el)].flat();
    const script = scripts(el)[0];
    expect(script.text).to.not.match(/[<>]/);
    expect(script.childNodes).to.have.length(1);
    // Serialized and parsed again (as a crawler reading the page's HTML would), still one script, same data.
    const again = new DOMParser().parseFromString(`<body>${el.outerHTML}</body>`, 'text/html');
    const copies = again.querySelectorAll('script[type="application/ld+json"]');
    expect(copies).to.have.length(1);
    expect(JSON.parse(copies[0].textContent!)).to.deep.equal(JSON.parse(script.text));
    expect(items.some((i) => /<|>/.test(String(i.name)))).to.equal(true);
  });

  it('maps dates in the event’s zone (DST, hidden times, unknown zones)', () => {
    expect(zonedDate('2026-12-11T13:00:00Z', 'Europe/Paris', true)).to.equal('2026-12-11T14:00:00+01:00');
    expect(zonedDate('2026-07-11T12:00:00Z', 'Europe/Paris', true)).to.equal('2026-07-11T14:00:00+02:00');
    expect(zonedDate('2026-07-11T12:00:00Z', 'America/New_York', true)).to.equal('2026-07-11T08:00:00-04:00');
    expect(zonedDate('2026-07-11T12:00:00Z', 'Asia/Kolkata', true)).to.equal('2026-07-11T17:30:00+05:30');
    expect(zonedDate('2026-07-11T23:30:00Z', 'Asia/Tokyo', false)).to.equal('2026-07-12');
    expect(zonedDate('2026-07-11T12:00:00Z', 'Not/AZone', true)).to.equal('2026-07-11T12:00:00+00:00');
  });

  it('escapes what could end the script, keeps the data', () => {
    const event = {
      type: 'Event', uuid: 'x', url: 'javascript:alert(1)', name: '</script><script>alert(1)</script> & <!--', content: '<p>a &amp; b</p><p>c&#39;d</p>', mediaType: 'text/html',
      startTime: '2026-12-11T13:00:00.000Z', endTime: null, timezone: 'Europe/Paris', location: [], isOnline: false, status: 'TENTATIVE', joinMode: null,
      externalParticipationUrl: null, category: null, tag: [], image: { url: 'data:image/svg+xml,x', name: null, width: null, height: null }, inLanguage: null,
      attributedTo: null, organizers: [], maximumAttendeeCapacity: null, remainingAttendeeCapacity: null, participantCount: null,
      anonymousParticipationEnabled: false, display: { showStartTime: true, showEndTime: true, hideNumberOfParticipants: false },
      source: { kind: 'ics', feed: 'x', uid: 'x' },
    } as const;
    const text = jsonLdText([event as never]);
    expect(text).to.not.match(/[<>&]/);
    const data = JSON.parse(text);
    expect(data.name).to.equal(event.name);
    expect(data.description).to.equal("a & b c'd");
    expect(data.url).to.equal(undefined);
    expect(data.image).to.equal(undefined);
    expect(data.eventStatus).to.equal('https://schema.org/EventScheduled');
    expect(eventJsonLd(event as never).location).to.equal(undefined);
  });
});
