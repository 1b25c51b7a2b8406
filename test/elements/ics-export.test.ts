// "Add to calendar" (src/format/ics-export): the file a visitor downloads for one event, read back with
// ical.js (as calendar apps would) and with our own feed reader, in Chromium.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { downloadIcs, eventToIcs } from '../../src/format/ics-export.js';
import type { EventModel, EventStatus, Place } from '../../src/model/event.js';
import { modelEvent } from './model-event.js';
import { parseIcsEvents } from '../../src/sources/ics/feed.js';

type Component = InstanceType<typeof ICAL.Component>;

const UUID = '3f6f0c52-9a1e-4c57-b7f1-2d1b6f0d8e44';
const NOW = new Date('2027-01-10T12:34:56Z');

const place = (overrides: Partial<Place> = {}): Place => ({
  type: 'Place',
  name: 'Salle des fêtes',
  address: {
    streetAddress: '3 rue de la Paix',
    postalCode: '69001',
    addressLocality: 'Lyon',
    addressRegion: 'Auvergne-Rhône-Alpes',
    addressCountry: 'France',
  },
  latitude: 45.767,
  longitude: 4.834,
  timezone: 'Europe/Paris',
  ...overrides,
});

/** A Mobilizon event in Paris, 10:00–12:00 on the last Sunday of March 2027 (the day clocks go forward). */
function makeEvent(overrides: Partial<EventModel> = {}): EventModel {
  return modelEvent({
    uuid: UUID,
    url: `https://mobilizon.example/events/${UUID}`,
    name: 'Atelier réparation vélo',
    content: '<p>Bring your <strong>bike</strong>.</p><p>Tools provided, <a href="https://example.org">see here</a>.</p>',
    startTime: '2027-03-28T08:00:00.000Z',
    endTime: '2027-03-28T10:00:00.000Z',
    location: [place()],
    tag: [
      { name: 'vélo', slug: 'velo' },
      { name: 'repair, reuse', slug: 'repair-reuse' },
    ],
    inLanguage: 'fr',
    attributedTo: { type: 'Group', handle: 'velo_lyon', name: 'Vélo Lyon', url: 'https://mobilizon.example/@velo_lyon', icon: null },
    source: { kind: 'mobilizon', instance: 'https://mobilizon.example', id: '42', local: true, global: false },
    ...overrides,
  });
}

/** The VEVENT's content lines, unfolded. */
const lines = (ics: string) => {
  const all = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT'));
};
const line = (ics: string, name: string) => lines(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).to.have.length(1);
  const vevent = vevents[0];
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const names = (component: Component) => component.getAllProperties().map((p) => p.name);
const formats: Record<string, Intl.DateTimeFormat> = {};
/** UTC offset of `zone` at instant `t`, in minutes (from the browser's time zone data, not ours). */
function offsetAt(zone: string, t: number): number {
  formats[zone] ??= new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const name = formats[zone]
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+05:45", "GMT-03:30", "GMT"
  const [, sign, h, m] = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name)!;
  return sign ? (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m)) : 0;
}

/** The instants (to the minute) at which `zone` changes its UTC offset during `year`. */
function offsetChanges(zone: string, year: number): number[] {
  const changes: number[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    let [low, high] = [day, day + 86_400_000];
    if (offsetAt(zone, low) === offsetAt(zone, high)) continue;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetAt(zone, middle) === offsetAt(zone, low)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

const iso = (time: InstanceType<typeof ICAL.Time>) => time.toJSDate().toISOString();

describe('Add to calendar: the file', () => {
  it('is a VCALENDAR published by mobilizon-embed, with CRLF line ends and lines of at most 75 octets', () => {
    const ics = eventToIcs(makeEvent({ content: 'x'.repeat(500) }), { now: NOW });
    const { calendar } = read(ics);
    expect(calendar.getFirstPropertyValue('prodid')).to.equal('-//mobilizon-embed//EN');
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).to.equal('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).to.equal('PUBLISH');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(/[^\r]\n|\r[^\n]/.test(ics)).to.equal(false);
    for (const l of ics.split('\r\n')) expect(new TextEncoder().encode(l).length).to.be.at.most(75);
  });

  it('uses the bare uuid as UID, as Mobilizon does, and the time of export as DTSTAMP', () => {
    const { vevent } = read(eventToIcs(makeEvent(), { now: NOW }));
    expect(vevent.getFirstPropertyValue('uid')).to.equal(UUID);
    expect(line(eventToIcs(makeEvent(), { now: NOW }), 'DTSTAMP')).to.deep.equal(['DTSTAMP:20270110T123456Z']);
  });
});

describe('Add to calendar: dates and time zones', () => {
  it('writes a Paris event in Paris time with its VTIMEZONE, on the day clocks go forward and the day they go back', () => {
    const spring = eventToIcs(makeEvent(), { now: NOW });
    expect(line(spring, 'DTSTART')).to.deep.equal(['DTSTART;TZID=Europe/Paris:20270328T100000']);
    expect(line(spring, 'DTEND')).to.deep.equal(['DTEND;TZID=Europe/Paris:20270328T120000']);
    const { calendar, event } = read(spring);
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(vtimezone.getFirstPropertyValue('tzid')).to.equal('Europe/Paris');
    const observances = vtimezone.getAllSubcomponents().map((c) => [
      c.name,
      String(c.getFirstPropertyValue('dtstart')),
      String(c.getFirstPropertyValue('tzoffsetfrom')),
      String(c.getFirstPropertyValue('tzoffsetto')),
    ]);
    expect(observances).to.deep.include(['daylight', '2027-03-28T02:00:00', '+01:00', '+02:00']);
    expect(observances).to.deep.include(['standard', '2027-10-31T03:00:00', '+02:00', '+01:00']);
    // 2026 to 2028: the offset when 2026 opens, then two changes a year.
    expect(observances).to.have.length(7);
    expect(iso(event.startDate)).to.equal('2027-03-28T08:00:00.000Z');
    expect(iso(event.endDate)).to.equal('2027-03-28T10:00:00.000Z');

    const autumn = eventToIcs(makeEvent({ startTime: '2027-10-31T09:00:00Z', endTime: '2027-10-31T11:00:00Z' }), { now: NOW });
    expect(line(autumn, 'DTSTART')).to.deep.equal(['DTSTART;TZID=Europe/Paris:20271031T100000']);
    expect(iso(read(autumn).event.startDate)).to.equal('2027-10-31T09:00:00.000Z');
    expect(iso(read(autumn).event.endDate)).to.equal('2027-10-31T11:00:00.000Z');
  });

  it('names the zone in TZNAME as Intl abbreviates it', () => {
    const { calendar } = read(eventToIcs(makeEvent(), { now: NOW }));
    const tznames = calendar.getFirstSubcomponent('vtimezone')!.getAllSubcomponents().map((c) => c.getFirstPropertyValue('tzname'));
    expect(tznames).to.include('CEST');
    expect(tznames).to.include('CET');
  });

  it('writes a Montreal event in Montreal time across both changes', () => {
    const march = makeEvent({ timezone: 'America/Montreal', startTime: '2027-03-14T23:00:00Z', endTime: '2027-03-15T01:30:00Z' });
    const ics = eventToIcs(march, { now: NOW });
    expect(line(ics, 'DTSTART')).to.deep.equal(['DTSTART;TZID=America/Montreal:20270314T190000']);
    expect(line(ics, 'DTEND')).to.deep.equal(['DTEND;TZID=America/Montreal:20270314T213000']);
    expect(iso(read(ics).event.startDate)).to.equal('2027-03-14T23:00:00.000Z');
    expect(iso(read(ics).event.endDate)).to.equal('2027-03-15T01:30:00.000Z');
    const november = eventToIcs(makeEvent({ timezone: 'America/Montreal', startTime: '2027-11-07T14:00:00Z', endTime: null }), { now: NOW });
    expect(line(november, 'DTSTART')).to.deep.equal(['DTSTART;TZID=America/Montreal:20271107T090000']);
    expect(iso(read(november).event.startDate)).to.equal('2027-11-07T14:00:00.000Z');
  });

  it('describes a zone without daylight time with one STANDARD component (Tokyo, São Paulo since 2019)', () => {
    for (const [zone, offset, wall] of [
      ['Asia/Tokyo', '+09:00', '20270715T190000'],
      ['America/Sao_Paulo', '-03:00', '20270715T070000'],
    ]) {
      const ics = eventToIcs(makeEvent({ timezone: zone, startTime: '2027-07-15T10:00:00Z', endTime: null }), { now: NOW });
      expect(line(ics, 'DTSTART')).to.deep.equal([`DTSTART;TZID=${zone}:${wall}`]);
      const { calendar, event } = read(ics);
      const observances = calendar.getFirstSubcomponent('vtimezone')!.getAllSubcomponents();
      expect(observances.map((c) => c.name)).to.deep.equal(['standard']);
      expect(String(observances[0].getFirstPropertyValue('tzoffsetto'))).to.equal(offset);
      expect(String(observances[0].getFirstPropertyValue('tzoffsetfrom'))).to.equal(offset);
      expect(iso(event.startDate)).to.equal('2027-07-15T10:00:00.000Z');
    }
  });

  it('gives ical.js the same instants as the model all year round, in zones with odd rules', () => {
    const zones = ['Europe/Paris', 'Europe/London', 'Europe/Dublin', 'America/Los_Angeles', 'America/Santiago', 'Australia/Sydney',
      'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tehran', 'Africa/Casablanca', 'America/St_Johns'];
    // Samples of 2027, not every hour of it (each file takes eventToIcs a few ms: its zone scan).
    const HOUR = 3_600_000;
    const failures: string[] = [];
    let changes = 0;
    zones.forEach((zone, z) => {
      // The 15th of every other month, at an hour that moves round the clock from month to month and zone to zone…
      const starts = [0, 2, 4, 6, 8, 10].map((month) => Date.UTC(2027, month, 15, (month * 7 + z * 5) % 24, 30));
      // …and each change of offset: events (90 min long) ending as it happens, across it, starting as it
      // happens, and the day before and after.
      for (const change of offsetChanges(zone, 2027)) {
        changes++;
        starts.push(change - 24 * HOUR, change - 1.5 * HOUR, change - HOUR, change - HOUR / 2, change, change + 24 * HOUR);
      }
      for (const t of starts) {
        const start = new Date(t).toISOString();
        const end = new Date(t + 1.5 * HOUR).toISOString();
        const { event } = read(eventToIcs(makeEvent({ timezone: zone, startTime: start, endTime: end }), { now: NOW }));
        if (iso(event.startDate) !== start || iso(event.endDate) !== end) failures.push(`${zone} ${start}: ${iso(event.startDate)}`);
      }
    });
    expect(failures).to.deep.equal([]);
    // Paris, London, Dublin, Los Angeles, Santiago, Sydney, Lord Howe, Chatham and St John's change twice in 2027
    // (Casablanca too, for Ramadan, where the browser's zone data says so).
    expect(changes).to.be.at.least(18);
  });

  it('writes both times of the hour that happens twice when clocks go back in UTC (apps disagree on which one is meant)', () => {
    // 02:30 happens at 00:30Z (summer time) and 01:30Z (winter time) in Paris on 31 October 2027.
    const ics = eventToIcs(makeEvent({ startTime: '2027-10-31T00:30:00Z', endTime: '2027-10-31T01:30:00Z' }), { now: NOW });
    expect(line(ics, 'DTSTART')).to.deep.equal(['DTSTART:20271031T003000Z']);
    expect(line(ics, 'DTEND')).to.deep.equal(['DTEND:20271031T013000Z']);
    expect(ics).not.to.include('VTIMEZONE');
    const { event } = read(ics);
    expect(iso(event.startDate)).to.equal('2027-10-31T00:30:00.000Z');
    expect(iso(event.endDate)).to.equal('2027-10-31T01:30:00.000Z');
    // The hour before and after are zoned as usual.
    const around = eventToIcs(makeEvent({ startTime: '2027-10-30T23:59:00Z', endTime: '2027-10-31T02:00:00Z' }), { now: NOW });
    expect(line(around, 'DTSTART')).to.deep.equal(['DTSTART;TZID=Europe/Paris:20271031T015900']);
    expect(line(around, 'DTEND')).to.deep.equal(['DTEND;TZID=Europe/Paris:20271031T030000']);
    expect(iso(read(around).event.startDate)).to.equal('2027-10-30T23:59:00.000Z');
    expect(iso(read(around).event.endDate)).to.equal('2027-10-31T02:00:00.000Z');
  });

  it('writes UTC times and no VTIMEZONE when the event has no zone, an unknown one, or UTC', () => {
    for (const timezone of [null, 'Mars/Olympus_Mons', '+01:00', 'UTC', 'Etc/UTC', 'Europe/Paris\r\nATTENDEE:x']) {
      const ics = eventToIcs(makeEvent({ timezone }), { now: NOW });
      expect(line(ics, 'DTSTART'), String(timezone)).to.deep.equal(['DTSTART:20270328T080000Z']);
      expect(line(ics, 'DTEND')).to.deep.equal(['DTEND:20270328T100000Z']);
      expect(read(ics).calendar.getFirstSubcomponent('vtimezone')).to.equal(null);
      expect(ics).not.to.include('TZID');
    }
  });

  it('writes an all-day iCal event (UTC midnights, times hidden) as dates, the end exclusive', () => {
    const ics = eventToIcs(
      makeEvent({ timezone: 'UTC', startTime: '2027-05-01T00:00:00.000Z', endTime: '2027-05-03T00:00:00.000Z',
        display: { showStartTime: false, showEndTime: false, hideNumberOfParticipants: true } }),
      { now: NOW },
    );
    expect(line(ics, 'DTSTART')).to.deep.equal(['DTSTART;VALUE=DATE:20270501']);
    expect(line(ics, 'DTEND')).to.deep.equal(['DTEND;VALUE=DATE:20270503']);
    expect(ics).not.to.include('VTIMEZONE');
    const { event } = read(ics);
    expect(event.startDate.isDate).to.equal(true);
    expect(event.duration.toSeconds()).to.equal(2 * 86_400);
  });

  it('writes a Mobilizon event without start time on its day in its own zone', () => {
    // 23:30 UTC on 1 May is 01:30 on 2 May in Paris; it ends that evening.
    const ics = eventToIcs(
      makeEvent({ startTime: '2027-05-01T23:30:00Z', endTime: '2027-05-02T18:00:00Z',
        display: { showStartTime: false, showEndTime: true, hideNumberOfParticipants: false } }),
      { now: NOW },
    );
    expect(line(ics, 'DTSTART')).to.deep.equal(['DTSTART;VALUE=DATE:20270502']);
    expect(line(ics, 'DTEND')).to.deep.equal(['DTEND;VALUE=DATE:20270503']);
  });

  it('leaves DTEND (and DURATION) out when the event has no end', () => {
    const ics = eventToIcs(makeEvent({ endTime: null }), { now: NOW });
    expect(line(ics, 'DTEND')).to.deep.equal([]);
    expect(line(ics, 'DURATION')).to.deep.equal([]);
    expect(iso(read(ics).event.startDate)).to.equal('2027-03-28T08:00:00.000Z');
    const allDay = eventToIcs(makeEvent({ endTime: null, display: { showStartTime: false, showEndTime: false, hideNumberOfParticipants: false } }));
    expect(line(allDay, 'DTSTART')).to.deep.equal(['DTSTART;VALUE=DATE:20270328']);
    expect(line(allDay, 'DTEND')).to.deep.equal([]);
  });

  it('reads back through our own feed reader as the same event', () => {
    const original = makeEvent();
    const [back] = parseIcsEvents(eventToIcs(original, { now: NOW }), 'https://example.org/x.ics', {
      start: new Date('2027-01-01T00:00:00Z'),
      end: new Date('2028-01-01T00:00:00Z'),
    });
    expect(back.name).to.equal(original.name);
    expect(back.startTime).to.equal(original.startTime);
    expect(back.endTime).to.equal(original.endTime);
    expect(back.timezone).to.equal('Europe/Paris');
    expect(back.url).to.equal(original.url);
    expect(back.status).to.equal('CONFIRMED');
    expect(back.tag.map((t) => t.name)).to.deep.equal(['vélo', 'repair, reuse']);
    expect(back.organizers.map((o) => o.name)).to.deep.equal(['Vélo Lyon']);
  });
});

describe('Add to calendar: what the event says', () => {
  it('writes STATUS as Mobilizon does', () => {
    for (const status of ['TENTATIVE', 'CONFIRMED', 'CANCELLED'] as EventStatus[]) {
      expect(read(eventToIcs(makeEvent({ status }))).vevent.getFirstPropertyValue('status')).to.equal(status);
    }
  });

  it('turns an HTML description into text with its line breaks, and keeps plain text as it is', () => {
    const ics = eventToIcs(makeEvent(), { now: NOW });
    expect(read(ics).event.description).to.equal('Bring your bike.\nTools provided, see here.');
    expect(line(ics, 'DESCRIPTION')).to.deep.equal(['DESCRIPTION:Bring your bike.\\nTools provided\\, see here.']);
    const plain = makeEvent({ content: 'Line one\r\nLine <b>two</b>', mediaType: 'text/plain' });
    expect(read(eventToIcs(plain)).event.description).to.equal('Line one\nLine <b>two</b>');
    expect(line(eventToIcs(makeEvent({ content: null })), 'DESCRIPTION')).to.deep.equal([]);
  });

  it('writes the place on one line, its coordinates, the page and the tags', () => {
    const { vevent, event } = read(eventToIcs(makeEvent(), { now: NOW }));
    expect(event.location).to.equal('Salle des fêtes, 3 rue de la Paix, 69001 Lyon, Auvergne-Rhône-Alpes, France');
    expect(vevent.getFirstPropertyValue('geo')).to.deep.equal([45.767, 4.834]);
    expect(vevent.getFirstPropertyValue('url')).to.equal(`https://mobilizon.example/events/${UUID}`);
    expect(vevent.getFirstProperty('categories')!.getValues()).to.deep.equal(['vélo', 'repair, reuse']);
    expect(line(eventToIcs(makeEvent()), 'CATEGORIES')).to.deep.equal(['CATEGORIES:vélo,repair\\, reuse']);
  });

  it('leaves GEO, LOCATION and CATEGORIES out when unknown, and gives an online event its link as LOCATION', () => {
    const ics = eventToIcs(makeEvent({ location: [place({ latitude: null, longitude: null })], tag: [] }));
    expect(line(ics, 'GEO')).to.deep.equal([]);
    expect(line(ics, 'CATEGORIES')).to.deep.equal([]);
    const online = eventToIcs(makeEvent({ location: [{ type: 'VirtualLocation', url: 'https://meet.example/room' }], isOnline: true }));
    expect(line(online, 'LOCATION')).to.deep.equal(['LOCATION:https://meet.example/room']);
    expect(line(online, 'GEO')).to.deep.equal([]);
    expect(line(eventToIcs(makeEvent({ location: [] })), 'LOCATION')).to.deep.equal([]);
  });

  it("names the organiser with CN and its page as the URI, and leaves ORGANIZER out when it has no page", () => {
    const ics = eventToIcs(makeEvent(), { now: NOW });
    expect(line(ics, 'ORGANIZER')).to.deep.equal(['ORGANIZER;CN=Vélo Lyon:https://mobilizon.example/@velo_lyon']);
    const person = { type: 'Person' as const, handle: 'alice', name: 'Alice; "the" organiser', url: 'https://mobilizon.example/@alice', icon: null };
    const prop = read(eventToIcs(makeEvent({ attributedTo: null, organizers: [person] }))).vevent.getFirstProperty('organizer')!;
    expect(prop.getParameter('cn')).to.equal('Alice; "the" organiser');
    expect(prop.getFirstValue()).to.equal('https://mobilizon.example/@alice');
    const noPage = eventToIcs(makeEvent({ attributedTo: { ...person, url: null } }));
    expect(line(noPage, 'ORGANIZER')).to.deep.equal([]);
    const script = eventToIcs(makeEvent({ attributedTo: { ...person, url: 'javascript:alert(1)' } }));
    expect(line(script, 'ORGANIZER')).to.deep.equal([]);
  });

  it('keeps hostile text inside its own property', () => {
    const hostile = 'Fête\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT\nBEGIN:VEVENT\rX-INJECTED:1;a,b\\c\u0000\u0007';
    const long = Array.from('é🚲 Lorem ipsum, dolor; sit\\amet\n'.repeat(340)).slice(0, 10_000).join('');
    const event = makeEvent({
      name: hostile,
      content: long,
      mediaType: 'text/plain',
      url: 'javascript:alert(1)',
      location: [place({ name: hostile, address: { ...place().address, streetAddress: 'DTSTART:19700101T000000Z\r\n' } })],
      tag: [{ name: hostile, slug: 'x' }],
      attributedTo: { type: 'Group', handle: 'g', name: hostile, url: 'https://mobilizon.example/@g\r\nX-EVIL:1', icon: null },
    });
    const ics = eventToIcs(event, { now: NOW });
    const { calendar, vevent, event: parsed } = read(ics);
    expect(calendar.getAllSubcomponents().map((c) => c.name)).to.deep.equal(['vtimezone', 'vevent']);
    const props = names(vevent);
    expect(props.filter((n) => n === 'attendee' || n.startsWith('x-'))).to.deep.equal([]);
    for (const name of new Set(props)) expect(props.filter((n) => n === name), name).to.have.length(1);
    expect(props.sort()).to.deep.equal(
      ['categories', 'description', 'dtend', 'dtstamp', 'dtstart', 'geo', 'location', 'organizer', 'status', 'summary', 'uid'].sort(),
    );
    expect(parsed.summary).to.equal('Fête\nATTENDEE:mailto:evil@example.com\nEND:VEVENT\nBEGIN:VEVENT\nX-INJECTED:1;a,b\\c');
    expect(parsed.description).to.equal(long.trim());
    expect(parsed.location).to.equal(
      'Fête ATTENDEE:mailto:evil@example.com END:VEVENT BEGIN:VEVENT X-INJECTED:1;a,b\\c, DTSTART:19700101T000000Z, 69001 Lyon, Auvergne-Rhône-Alpes, France',
    );
    expect(iso(parsed.startDate)).to.equal('2027-03-28T08:00:00.000Z');
    // The URL parser drops the line break: the organiser keeps a clean URI.
    expect(vevent.getFirstProperty('organizer')!.getFirstValue()).to.equal('https://mobilizon.example/@gX-EVIL:1');
    for (const l of ics.split('\r\n')) expect(new TextEncoder().encode(l).length).to.be.at.most(75);
    // eslint-disable-next-line no-control-regex -- the control characters that must be gone
    expect(ics).not.to.match(/[\u0000\u0007]/);
  });
});

describe('Add to calendar: the download', () => {
  it('clicks an <a download> on a blob: URL holding the file, and revokes the URL afterwards', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const timers: Array<() => void> = [];
    const { click } = HTMLAnchorElement.prototype;
    const { createObjectURL, revokeObjectURL } = URL;
    const { setTimeout: realSetTimeout } = window;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(this.isConnected).to.equal(true);
    };
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return createObjectURL(blob);
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revokeObjectURL(url);
    };
    window.setTimeout = ((fn: () => void) => timers.push(fn)) as unknown as typeof window.setTimeout;
    try {
      downloadIcs(makeEvent({ name: 'Atelier réparation : vélo & co / 2027 !' }));
    } finally {
      HTMLAnchorElement.prototype.click = click;
      window.setTimeout = realSetTimeout;
    }
    try {
      expect(clicked).to.have.length(1);
      const [link] = clicked;
      expect(link.download).to.equal('atelier-reparation-velo-co-2027.ics');
      expect(link.href).to.match(/^blob:/);
      expect(link.isConnected).to.equal(false);
      expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
      expect(read(await blobs[0].text()).event.summary).to.equal('Atelier réparation : vélo & co / 2027 !');
      expect(revoked).to.deep.equal([]);
      timers.forEach((fn) => fn());
      expect(revoked).to.deep.equal([link.href]);
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });

  it('names the file after the event, or as asked, with letters, digits and dashes only', () => {
    const names: string[] = [];
    const { click } = HTMLAnchorElement.prototype;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      downloadIcs(makeEvent({ name: '../../etc/passwd\r\n' }));
      downloadIcs(makeEvent({ name: '🎉🎉' }));
      downloadIcs(makeEvent({ name: 'أمسية موسيقية' }));
      downloadIcs(makeEvent(), 'My Event.ics');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal(['etc-passwd.ics', 'event.ics', 'أمسية-موسيقية.ics', 'my-event.ics']);
  });
});
