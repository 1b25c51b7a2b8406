// iCal feeds as an event source (src/sources/ics), in Chromium: hand-written feeds shaped like
// Nextcloud, Google Calendar and Outlook exports (test/fixtures/ics/), and the demo instance's own
// Mobilizon feeds over HTTP.
import { expect } from '@open-wc/testing';
import type { EventModel, Place } from '../../src/model/event.js';
import { IcsError, MAX_OCCURRENCES, loadIcsEvents, parseIcsEvents } from '../../src/sources/ics/feed.js';

const DEMO = (window as unknown as { DEMO_INSTANCE: string }).DEMO_INSTANCE;
const FIXTURES = '/test/fixtures/ics/';
const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const load = (file: string, start: string, end: string) => loadIcsEvents(`${FIXTURES}${file}`, range(start, end));
const byName = (events: EventModel[], name: string) => events.filter((e) => e.name === name);
const place = (e: EventModel) => e.location.find((l): l is Place => l.type === 'Place');
/** Wall clock of an instant in a zone, "YYYY-MM-DD HH:mm". */
const wall = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<IcsError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).to.be.instanceOf(IcsError);
    return error as IcsError;
  }
  throw new Error('expected an IcsError');
}

describe('iCal feeds: recurrences', () => {
  const uid = '6f0c2a8e-3b1d-4f8e-9a52-0c7e5d1f4b21';

  it('expands a weekly series, leaves out its EXDATE and shows moved occurrences at their new time (Nextcloud)', async () => {
    const events = await load('nextcloud-weekly.ics', '2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z');
    expect(events.map((e) => [e.startTime, e.name])).to.deep.equal([
      ['2027-01-05T17:30:00.000Z', 'Atelier réparation vélo'],
      ['2027-01-12T17:30:00.000Z', 'Atelier réparation vélo'],
      // 19 January: EXDATE. 26 January: moved to Thursday 28th, 19:00, with its own title.
      ['2027-01-28T18:00:00.000Z', 'Atelier réparation vélo (exceptionnellement jeudi)'],
      ['2027-02-02T17:30:00.000Z', 'Atelier réparation vélo'],
      ['2027-02-09T17:30:00.000Z', 'Atelier réparation vélo'],
      // 16 February: moved out of the window (to 4 March).
      ['2027-02-23T17:30:00.000Z', 'Atelier réparation vélo'],
      // 23 March: moved into the window, to Saturday 27 February.
      ['2027-02-27T09:00:00.000Z', 'Atelier spécial printemps'],
    ]);
    const moved = events[2];
    expect(moved.uuid).to.equal(`${uid}@2027-01-26T17:30:00.000Z`);
    expect(moved.endTime).to.equal('2027-01-28T20:00:00.000Z');
    expect(moved.source).to.deep.equal({ kind: 'ics', feed: `${FIXTURES}nextcloud-weekly.ics`, uid });
    expect(new Set(events.map((e) => e.uuid)).size).to.equal(events.length);

    const first = events[0];
    expect(first).to.deep.include({
      type: 'Event',
      uuid: `${uid}@2027-01-05T17:30:00.000Z`,
      url: 'https://velo-lyon.example/ateliers',
      content: 'Apportez votre vélo, on répare ensemble.\nOutils fournis; café offert.',
      endTime: '2027-01-05T19:30:00.000Z',
      timezone: 'Europe/Paris',
      status: 'CONFIRMED',
      isOnline: false,
      joinMode: null,
      category: 'COMMUNITY',
      image: null,
    });
    expect(first.tag).to.deep.equal([
      { name: 'atelier', slug: 'atelier' },
      { name: 'Réparation', slug: 'reparation' },
    ]);
    expect(place(first)).to.deep.include({ name: 'Maison du Vélo, 12 rue Paul Bert, 69003 Lyon', latitude: 45.7589, longitude: 4.844 });
    expect(first.attributedTo).to.deep.equal({
      type: 'Person',
      handle: 'contact@velo-lyon.example',
      name: 'Vélo Lyon',
      url: null,
      icon: null,
    });
    expect(first.display).to.deep.equal({ showStartTime: true, showEndTime: true, hideNumberOfParticipants: true });
  });

  it('keeps 18:30 Paris time across the March change, ends at UNTIL and shows cancelled occurrences as such', async () => {
    const events = await load('nextcloud-weekly.ics', '2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z');
    expect(events.map((e) => [e.startTime, e.status])).to.deep.equal([
      ['2027-03-02T17:30:00.000Z', 'CONFIRMED'],
      ['2027-03-04T17:30:00.000Z', 'CONFIRMED'],
      ['2027-03-09T17:30:00.000Z', 'CANCELLED'],
      ['2027-03-16T17:30:00.000Z', 'CONFIRMED'],
      ['2027-03-30T16:30:00.000Z', 'CONFIRMED'],
    ]);
    expect(events[1].name).to.equal('Atelier réparation vélo (reporté au 4 mars)');
    expect(events.every((e) => wall(e.startTime, 'Europe/Paris').endsWith('18:30'))).to.equal(true);
  });

  it('adds RDATEs (with or without RRULE), honours a UTC EXDATE on a TZID without VTIMEZONE, shows a lone override and an event without end', async () => {
    const events = await load('recurrences.ics', '2027-02-01T00:00:00Z', '2027-02-15T00:00:00Z');
    expect(events.map((e) => [e.startTime, e.name])).to.deep.equal([
      ['2027-02-02T07:00:00.000Z', 'Vélotaf groupé'],
      ['2027-02-03T08:00:00.000Z', 'Permanence sans heure de fin'],
      ['2027-02-04T07:00:00.000Z', 'Vélotaf groupé'],
      // DTSTART and two RDATEs, no RRULE
      ['2027-02-06T00:00:00.000Z', 'Journées vélo et patrimoine'],
      ['2027-02-07T00:00:00.000Z', 'Journées vélo et patrimoine'],
      ['2027-02-09T07:00:00.000Z', 'Vélotaf groupé'],
      ['2027-02-11T07:00:00.000Z', 'Vélotaf groupé'],
      ['2027-02-11T17:00:00.000Z', 'Invitation à une seule séance'],
      // the first Saturday (6 Feb, 10:00 Paris = 09:00Z) is excluded; the RDATE adds 13 Feb 14:00
      ['2027-02-13T00:00:00.000Z', 'Journées vélo et patrimoine'],
      ['2027-02-13T13:00:00.000Z', 'Bourse aux vélos'],
    ]);
    expect(byName(events, 'Permanence sans heure de fin')[0].endTime).to.equal(null);
    expect(byName(events, 'Invitation à une seule séance')[0].uuid).to.equal('seule-occurrence@example.org@2027-02-10T17:00:00.000Z');
    // COUNT=4 counts from 2 January: the fourth is 3 April
    const later = await load('recurrences.ics', '2027-03-01T00:00:00Z', '2027-06-01T00:00:00Z');
    expect(byName(later, 'Bourse aux vélos').map((e) => e.startTime)).to.deep.equal(['2027-03-06T09:00:00.000Z', '2027-04-03T08:00:00.000Z']);
  });
});

describe('iCal feeds: dates and time zones', () => {
  it('places all-day events on their calendar day, whatever the zone (Google)', async () => {
    const events = await load('google-allday.ics', '2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z');
    const allDay = events.filter((e) => !e.display.showStartTime);
    expect(allDay.map((e) => [e.name, e.startTime, e.endTime, e.timezone])).to.deep.equal([
      ['Journée portes ouvertes', '2027-01-15T00:00:00.000Z', '2027-01-16T00:00:00.000Z', 'UTC'],
      ['Festival du vélo', '2027-02-12T00:00:00.000Z', '2027-02-15T00:00:00.000Z', 'UTC'],
      ['Collecte de vélos', '2027-02-20T00:00:00.000Z', '2027-02-21T00:00:00.000Z', 'UTC'],
      ["Anniversaire de l'association", '2027-03-21T00:00:00.000Z', '2027-03-22T00:00:00.000Z', 'UTC'],
    ]);
    for (const e of allDay) {
      expect(e.display).to.deep.equal({ showStartTime: false, showEndTime: false, hideNumberOfParticipants: true });
      // in its own zone, the event starts on the day the feed names
      expect(wall(e.startTime, e.timezone!).slice(0, 10)).to.equal(e.startTime.slice(0, 10));
    }
    const open = allDay[0];
    expect(open.content).to.equal(null); // DESCRIPTION: (empty)
    expect(open.location).to.deep.equal([]); // LOCATION: (empty)
    expect(open.uuid).to.equal('3k9d8f7a6s5d4f3g2h1j0k9l8m@google.com@2027-01-15T00:00:00.000Z');
  });

  it('reads UTC times as such and floating times in X-WR-TIMEZONE (Google)', async () => {
    const events = await load('google-allday.ics', '2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z');
    const [meeting] = byName(events, 'Réunion mensuelle');
    expect([meeting.startTime, meeting.endTime, meeting.timezone]).to.deep.equal(['2027-01-20T18:00:00.000Z', '2027-01-20T20:00:00.000Z', 'Europe/Paris']);
    const [floating] = byName(events, 'Soirée flottante');
    expect([floating.startTime, floating.timezone]).to.deep.equal(['2027-01-25T18:00:00.000Z', 'Europe/Paris']);
    const [visio] = byName(events, 'Visio du bureau');
    expect(visio.status).to.equal('TENTATIVE');
    expect(visio.url).to.equal(null); // URL:javascript:alert(1)
    expect(visio.location).to.deep.equal([{ type: 'VirtualLocation', url: 'https://meet.google.com/abc-defg-hij' }]);
    expect(visio.isOnline).to.equal(true);
  });

  it('honours a VTIMEZONE: 19:00 in Montréal is 00:00Z before the March change and 23:00Z after', async () => {
    const events = await load('montreal-dst.ics', '2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z');
    expect(events.map((e) => e.startTime)).to.deep.equal([
      '2027-03-12T00:00:00.000Z', // Thu 11 March 19:00 EST
      '2027-03-13T00:00:00.000Z',
      '2027-03-14T00:00:00.000Z', // Sat 13 March 19:00 EST
      '2027-03-14T23:00:00.000Z', // Sun 14 March 19:00 EDT
      '2027-03-15T23:00:00.000Z',
    ]);
    for (const e of events) {
      expect(e.timezone).to.equal('America/Montreal');
      expect(wall(e.startTime, 'America/Montreal').slice(11)).to.equal('19:00');
      expect(Date.parse(e.endTime!) - Date.parse(e.startTime)).to.equal(2 * 3_600_000);
    }
    expect(place(events[0])).to.deep.include({ latitude: 45.5264, longitude: -73.5975 });
  });

  it('understands Outlook: Windows zone names, custom VTIMEZONEs, unknown names, the hour that does not exist or happens twice', async () => {
    const events = await load('outlook.ics', '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z');
    const at = (name: string) => {
      const [e] = byName(events, name);
      return [e.startTime, e.endTime, e.timezone];
    };
    // VTIMEZONE "Romance Standard Time" (Paris, summer time)
    expect(at("Conseil d'administration")).to.deep.equal(['2027-06-15T16:00:00.000Z', '2027-06-15T18:00:00.000Z', 'Europe/Paris']);
    // "W. Europe Standard Time" without VTIMEZONE, TZID in quotes
    expect(at('Permanence')).to.deep.equal(['2027-06-16T08:00:00.000Z', '2027-06-16T10:00:00.000Z', 'Europe/Berlin']);
    // a VTIMEZONE with a name no browser knows: its rules still apply, the zone stays unnamed
    expect(at("Réunion à l'heure de Lyon")).to.deep.equal(['2027-01-05T17:00:00.000Z', '2027-01-05T18:00:00.000Z', null]);
    // an unknown name and no VTIMEZONE: read as UTC, never an error
    expect(at('Réunion martienne')).to.deep.equal(['2027-06-17T10:00:00.000Z', '2027-06-17T11:00:00.000Z', 'UTC']);
    // 02:30 on 28 March 2027 does not exist in Berlin: RFC 5545 reads it with the offset before the gap
    expect(at("Nuit du changement d'heure")[0]).to.equal('2027-03-28T01:30:00.000Z');
    // 02:30 on 31 October 2027 happens twice: the first one
    expect(at("Nuit du retour à l'heure d'hiver")[0]).to.equal('2027-10-31T00:30:00.000Z');

    const [board] = byName(events, "Conseil d'administration");
    expect(board.location).to.deep.equal([{ type: 'VirtualLocation', url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc' }]);
    expect(board.isOnline).to.equal(true);
    expect(board.inLanguage).to.equal('fr-FR');
    expect(board.content).to.equal(null);
  });
});

describe("iCal feeds: Mobilizon's own feeds (demo instance)", () => {
  const now = Date.now();
  const year = range(new Date(now).toISOString(), new Date(now + 400 * 86_400_000).toISOString());
  const sorties = (events: EventModel[]) => byName(events, 'Sortie vélo du dimanche');

  it('reads DTSTART;TZID=Europe/Paris without VTIMEZONE as Paris time: 10:00 is 09:00Z in winter, 08:00Z in summer', async () => {
    const feed = `${DEMO}/@velo_lyon/feed/ics`;
    const events = await loadIcsEvents(feed, year);
    const rides = sorties(events);
    expect(rides.length).to.be.at.least(26);
    for (const e of rides) {
      expect(e.timezone).to.equal('Europe/Paris');
      expect(wall(e.startTime, 'Europe/Paris').slice(11)).to.equal('10:00');
      expect(wall(e.endTime!, 'Europe/Paris').slice(11)).to.equal('12:00');
    }
    // the series runs across the next DST change, so both offsets show up
    expect([...new Set(rides.map((e) => new Date(e.startTime).getUTCHours()))].sort()).to.deep.equal([8, 9]);

    const status = (uid: string) => events.find((e) => e.source.kind === 'ics' && e.source.uid === uid)?.status;
    expect(status('146c81bf-acef-4ba6-955f-f96c1be7f4f2')).to.equal('CONFIRMED');
    expect(status('600ebd0e-1a90-4589-b2dc-b46550dfd9be')).to.equal('CANCELLED');
    expect(status('92aad330-eb40-40d0-86d6-d6350758bc45')).to.equal('TENTATIVE');

    const first = rides[0];
    expect(first.url).to.equal(`${DEMO}/events/${(first.source as { uid: string }).uid}`);
    expect(first.attributedTo?.name).to.equal('Vélo Lyon');
    expect(first.tag.map((t) => t.slug)).to.deep.equal(['velo', 'balade']);
    expect(place(first)?.latitude).to.equal(45.7578);
    // html_to_text's "\n\r" line ends come out as plain line breaks
    expect(first.content).to.include('Au programme\n- accueil et café\n');
    expect(events.some((e) => e.content?.includes('\r'))).to.equal(false);

    // an exhibition that opened ten days ago overlaps the window and comes first
    const [exhibition] = byName(events, 'Exposition « Lyon à vélo »');
    expect(Date.parse(exhibition.startTime)).to.be.below(now);
    expect(events[0]).to.equal(exhibition);
    const starts = events.map((e) => e.startTime);
    expect(starts).to.deep.equal([...starts].sort());
  });

  it('gives the same events from the strict RFC 5545 variant (VTIMEZONE, folding, escaping)', async () => {
    const summary = (events: EventModel[]) =>
      events.map((e) => [e.startTime, e.endTime, e.timezone, e.name, e.status, e.content, e.tag.map((t) => t.name).join()]);
    const [own, rfc] = await Promise.all([
      loadIcsEvents(`${DEMO}/@velo_lyon/feed/ics`, year),
      loadIcsEvents(`${DEMO}/_k/ics=rfc/@velo_lyon/feed/ics`, year),
    ]);
    expect(rfc.length).to.be.above(30);
    expect(summary(rfc)).to.deep.equal(summary(own));
    expect(sorties(rfc)[0].attributedTo).to.deep.include({ name: 'Vélo Lyon', url: `${DEMO}/_k/ics=rfc/@velo_lyon` });
  });

  it("reads another zone's feed (America/Montreal)", async () => {
    const events = await loadIcsEvents(`${DEMO}/@montreal_makers/feed/ics`, year);
    const repair = byName(events, 'Repair Café');
    expect(repair.length).to.be.at.least(12);
    for (const e of repair) expect(wall(e.startTime, 'America/Montreal').slice(11)).to.equal('13:00');
  });
});

describe('iCal feeds: hostile feeds', () => {
  it('keeps remote text as text and lets only http(s) URLs through', async () => {
    const events = await load('hostile.ics', '2027-02-01T00:00:00Z', '2027-04-01T00:00:00Z');
    const markup = '<img src=x onerror=alert(1)><script>alert("x")</script><b>gras</b> ';
    const [long] = events.filter((e) => e.name.startsWith('<img'));
    expect(long.name).to.equal(markup.repeat(75).slice(0, 5000));
    expect(long.content).to.equal('<p onclick="alert(1)">Texte</p><script>alert(2)</script>');
    expect(long.url).to.equal(null);
    expect(long.location).to.deep.equal([
      {
        type: 'Place',
        name: '<b>Salle</b> "des fêtes" <img src=x onerror=alert(3)>',
        address: { streetAddress: null, postalCode: null, addressLocality: null, addressRegion: null, addressCountry: null },
        latitude: null, // GEO:999;999
        longitude: null,
        timezone: null,
      },
    ]);
    expect(long.isOnline).to.equal(false); // CONFERENCE:javascript:… is no online address
    expect(long.attributedTo).to.deep.include({ name: '<img src=x onerror=alert(4)>', url: null });
    expect(long.tag).to.deep.equal([{ name: '<script>alert(6)</script>', slug: 'script-alert-6-script' }]);
  });

  it('skips broken events, ignores a VTIMEZONE that recurs every second and gives up on impossible rules, quickly', async () => {
    const started = performance.now();
    const events = await load('hostile.ics', '2027-02-01T00:00:00Z', '2027-04-01T00:00:00Z');
    expect(performance.now() - started).to.be.below(2000);
    // no DTSTART, an unreadable DTSTART, "every 31 February", "every hour of 30 February", every second since 2000
    expect(events.map((e) => e.name.slice(0, 12))).to.deep.equal(['Fuseau piégé', '<img src=x o']);
    // the hostile VTIMEZONE is dropped: Europe/Paris is read by its name
    expect(events[0].startTime).to.equal('2027-03-01T09:00:00.000Z');
  });

  it('stops an unbounded FREQ=SECONDLY at the cap', async () => {
    const started = performance.now();
    const events = await load('secondly.ics', '2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z');
    expect(performance.now() - started).to.be.below(2000);
    expect(MAX_OCCURRENCES).to.equal(2000);
    expect(events.length).to.equal(MAX_OCCURRENCES);
    expect(events[0].startTime).to.equal('2027-03-01T00:00:00.000Z');
    expect(events.at(-1)!.startTime).to.equal('2027-03-01T00:33:19.000Z'); // the earliest 2000 seconds
  });

  it('leaves out one broken VEVENT (unfolded line, invalid rule) and keeps the others', async () => {
    const events = await load('one-bad-event.ics', '2027-04-01T00:00:00Z', '2027-05-01T00:00:00Z');
    expect(events.map((e) => e.name)).to.deep.equal(['Atelier de printemps', 'Vide-grenier']);
  });
});

describe('iCal feeds: the window', () => {
  it('returns only occurrences overlapping [start, end), sorted by start', async () => {
    const events = await load('window.ics', '2027-05-01T10:00:00Z', '2027-05-08T10:00:00Z');
    expect(events.map((e) => e.name)).to.deep.equal([
      'Exposition longue',
      'À cheval sur le début',
      'Sans fin au début pile',
      'Dedans',
      'À cheval sur la fin',
    ]);
    // left out: ends at the start, starts at the end, after
  });

  it('parses text fetched elsewhere (a server proxy)', async () => {
    const text = await (await fetch(`${FIXTURES}window.ics`)).text();
    const events = parseIcsEvents(text, 'https://example.org/agenda.ics', range('2027-05-03T00:00:00Z', '2027-05-04T00:00:00Z'));
    expect(events.map((e) => [e.name, e.source])).to.deep.equal([
      ['Exposition longue', { kind: 'ics', feed: 'https://example.org/agenda.ics', uid: 'covers@window.example' }],
      ['Dedans', { kind: 'ics', feed: 'https://example.org/agenda.ics', uid: 'inside@window.example' }],
    ]);
  });
});

describe('iCal feeds: fetching and errors', () => {
  const year = range('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z');

  it('sends no cookies and no custom header', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init);
      return fetch(input, init);
    };
    await loadIcsEvents(`${FIXTURES}window.ics`, year, { fetch: spy });
    expect(seen.length).to.equal(1);
    expect(seen[0]?.credentials).to.equal('omit');
    expect(seen[0]?.headers).to.equal(undefined);
  });

  it("names an HTTP error and its status ('http')", async () => {
    const feed = `${DEMO}/@nobody_here/feed/ics`;
    const error = await failure(loadIcsEvents(feed, year));
    expect([error.code, error.details]).to.deep.equal(['http', { url: feed, status: 404 }]);
  });

  it("tells an HTML page from a calendar ('not-ics')", async () => {
    const error = await failure(loadIcsEvents(`${FIXTURES}not-a-calendar.html`, year));
    expect(error.code).to.equal('not-ics');
    expect(error.details.url).to.equal(`${FIXTURES}not-a-calendar.html`);
    expect((await failure(() => parseIcsEvents('', 'x', year))).code).to.equal('not-ics');
  });

  it("refuses truncated or garbled calendars ('malformed')", async () => {
    expect((await failure(loadIcsEvents(`${FIXTURES}truncated.ics`, year))).code).to.equal('malformed');
    expect((await failure(loadIcsEvents(`${FIXTURES}garbage.ics`, year))).code).to.equal('malformed');
    expect((await failure(() => parseIcsEvents('BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n', 'x', year))).code).to.equal('malformed');
  });

  it("reports an unreachable server ('network')", async () => {
    const error = await failure(loadIcsEvents('http://127.0.0.1:9/feed.ics', year));
    expect([error.code, error.details]).to.deep.equal(['network', { url: 'http://127.0.0.1:9/feed.ics' }]);
  });

  it("stops when the caller aborts ('aborted')", async () => {
    const before = new AbortController();
    before.abort();
    expect((await failure(loadIcsEvents(`${FIXTURES}window.ics`, year, { signal: before.signal }))).code).to.equal('aborted');

    const during = new AbortController();
    const pending = loadIcsEvents(`${DEMO}/@velo_lyon/feed/ics`, year, { signal: during.signal });
    during.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });
});
