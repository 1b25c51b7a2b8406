// The demo instance over HTTP: event lists and single events.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSeed, fixtureUuid } from '../../demo/instance/seed.mjs';
import { DAY, EVENT_BASIC, FULL_EVENT, NOW, base, data, eventByKey, gql, useDemoInstance, wall } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('events', () => {
  test('events hides cancelled, past, draft, private and unlisted events and rejects limit 100', async () => {
    const q = 'query($page: Int) { events(limit: 40, page: $page) { total elements { title status beginsOn endsOn visibility local } } }';
    const { events } = await data(q, { page: 1 });
    assert.ok(events.total > 80, `total ${events.total}`);
    for (let page = 2; events.elements.length < events.total; page++) events.elements.push(...(await data(q, { page })).events.elements);
    for (const e of events.elements) {
      assert.notEqual(e.status, 'CANCELLED');
      assert.equal(e.visibility, 'PUBLIC');
      assert.ok(Date.parse(e.endsOn ?? e.beginsOn) > NOW);
    }
    const titles = events.elements.map((e) => e.title);
    for (const hidden of ['Soirée annulée', 'Brouillon : sortie secrète', 'Apéro privé du bureau', 'Sortie surprise (lien privé)', "Pique-nique de l'été dernier", 'Événement distant non suivi']) {
      assert.ok(!titles.includes(hidden), hidden);
    }
    assert.ok(titles.includes('Rencontre fédérée'), 'remote events shared by a followed instance are listed');
    assert.ok(titles.includes('Exposition « Lyon à vélo »'), 'ongoing events count as upcoming');

    const tooMany = await gql('{ events(limit: 100) { total } }');
    assert.equal(tooMany.status, 200);
    assert.deepEqual(tooMany.body.data, { events: null });
    assert.equal(tooMany.body.errors[0].code, 'events_max_limit_reached');
    assert.equal(tooMany.body.errors[0].message, 'events_max_limit_reached');
    assert.equal(tooMany.body.errors[0].status_code, 422);
    assert.deepEqual(tooMany.body.errors[0].path, ['events']);
  });

  test('events defaults to 10 per page, begins_on ascending, and pages with page/limit', async () => {
    const { events } = await data('{ events { total elements { uuid beginsOn } } }');
    assert.equal(events.elements.length, 10);
    const starts = events.elements.map((e) => Date.parse(e.beginsOn));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const page2 = (await data('{ events(page: 2, limit: 10) { total elements { uuid } } }')).events;
    assert.equal(page2.total, events.total);
    assert.ok(page2.elements.every((e) => !events.elements.some((x) => x.uuid === e.uuid)));
    const desc = (await data('{ events(limit: 3, direction: DESC) { elements { beginsOn } } }')).events.elements.map((e) => Date.parse(e.beginsOn));
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  });

  test('events filters long events and location/radius', async () => {
    const all = (await data('{ events(limit: 1) { total } }')).events.total;
    const short = (await data('{ events(limit: 1, longEvents: false) { total } }')).events.total;
    const long = (await data('{ events(limit: 99, longEvents: true) { elements { title } } }')).events.elements.map((e) => e.title);
    assert.ok(long.includes('Exposition « Lyon à vélo »'));
    assert.equal(short + long.length, all);
    // u05k is Lyon; 30 km around it: only Lyon events with an address
    const near = (await data('{ events(limit: 99, location: "u05kq", radius: 30) { elements { physicalAddress { locality } } } }')).events.elements;
    assert.ok(near.length > 20);
    assert.ok(near.every((e) => ['Lyon', 'Villeurbanne', 'Saint-Genis-Laval'].includes(e.physicalAddress.locality)));
  });

  test('dates are UTC "Z" strings and wall-clock times are right in each event zone', async () => {
    const { group } = await data('{ group(preferredUsername: "velo_lyon") { organizedEvents(limit: 200) { elements { title beginsOn endsOn status } } } }');
    const rides = group.organizedEvents.elements.filter((e) => e.title === 'Sortie vélo du dimanche');
    assert.ok(rides.length >= 26);
    for (const r of rides) {
      assert.match(r.beginsOn, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(wall(r.beginsOn, 'Europe/Paris'), 'Sun 10:00');
      assert.equal(wall(r.endsOn, 'Europe/Paris'), 'Sun 12:00');
    }
    assert.deepEqual(rides.slice(0, 5).map((r) => r.status), ['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'TENTATIVE', 'CONFIRMED']);
    assert.ok(Date.parse(rides[0].beginsOn) > NOW && Date.parse(rides[0].beginsOn) - NOW <= 7 * DAY);
    const utcHours = new Set(rides.map((r) => new Date(r.beginsOn).getUTCHours()));
    assert.deepEqual([...utcHours].sort(), [8, 9], 'the series crosses a DST change');

    const nuit = group.organizedEvents.elements.find((e) => e.title === 'Nuit des étoiles');
    assert.equal(wall(nuit.beginsOn, 'Europe/Paris'), `${wall(nuit.beginsOn, 'Europe/Paris').slice(0, 3)} 23:30`);
    assert.equal(Date.parse(nuit.endsOn) - Date.parse(nuit.beginsOn), 2 * 3600_000);
    for (const title of ["Passage à l'heure d'été", "Passage à l'heure d'hiver"]) {
      const e = group.organizedEvents.elements.find((x) => x.title === title);
      assert.equal(wall(e.beginsOn, 'Europe/Paris'), 'Sun 10:00');
      const d = new Date(e.beginsOn);
      assert.ok(d.getUTCDate() > 24 && [2, 9].includes(d.getUTCMonth()), `${title} on a last Sunday of March/October`);
    }
    const repair = (await data('{ group(preferredUsername: "montreal_makers") { organizedEvents(limit: 100) { elements { title beginsOn } } } }')).group.organizedEvents.elements.filter(
      (e) => e.title === 'Repair Café',
    );
    assert.ok(repair.length >= 12);
    assert.ok(repair.every((e) => wall(e.beginsOn, 'America/Montreal') === 'Sat 13:00'));
    assert.equal(new Set(repair.map((e) => new Date(e.beginsOn).getUTCHours())).size, 2, 'Repair Café crosses the Montréal DST change');
  });

  test('the DST-crossing series cross a change whatever "now" is', () => {
    for (const month of [0, 3, 6, 9]) {
      const ds = buildSeed({ now: Date.UTC(2027, month, 15, 12) });
      for (const title of ['Sortie vélo du dimanche', 'Repair Café']) {
        const hours = new Set(ds.events.filter((e) => e.title === title).map((e) => new Date(e.beginsOn).getUTCHours()));
        assert.equal(hours.size, 2, `${title} in month ${month}`);
      }
    }
  });
});

describe('event', () => {
  test('event(uuid) returns public and unlisted events with every FullEvent field', async () => {
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/concert-transbordeur') });
    assert.equal(event.title, 'Concert au Transbordeur');
    assert.equal(event.joinOptions, 'EXTERNAL');
    assert.equal(event.externalParticipationUrl, 'https://tickets.example/transbordeur/concert-velo-lyon');
    assert.equal(event.url, `${base}/events/${event.uuid}`);
    assert.equal(event.local, true);
    assert.equal(event.physicalAddress.timezone, 'Europe/Paris');
    assert.equal(event.options.timezone, 'Europe/Paris');
    assert.match(event.picture.url, new RegExp(`^${base}/media/[0-9a-f]{64}\\.png\\?name=`));
    assert.equal(event.picture.metadata.width, 800);
    assert.equal(event.picture.metadata.blurhash.length, 28);
    assert.equal(event.metadata[0].key, 'mz:ticket:external_url');
    const unlisted = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/non-liste') });
    assert.equal(unlisted.event.visibility, 'UNLISTED');
  });

  test('event(uuid) refuses drafts, private events, unfollowed remote events and unknown uuids with event_not_found', async () => {
    for (const key of ['velo_lyon/brouillon', 'velo_lyon/prive', 'unfollowed/evenement-distant']) {
      const { body } = await gql(EVENT_BASIC, { uuid: fixtureUuid(key) });
      assert.deepEqual(body.data, { event: null });
      assert.equal(body.errors[0].code, 'event_not_found', key);
      assert.equal(body.errors[0].message, 'Event not found');
      assert.equal(body.errors[0].status_code, 404);
    }
    const invalid = await gql('{ event(uuid: "not-a-uuid") { id } }');
    assert.equal(invalid.body.data, undefined);
    assert.equal(invalid.body.errors[0].message, 'Argument "uuid" has invalid value "not-a-uuid".');
  });

  test('participantStats only exposes participant to anonymous callers', async () => {
    const e = await eventByKey('velo_lyon/atelier-complet');
    const { event } = await data('query($uuid: UUID!) { event(uuid: $uuid) { participantStats { going notApproved notConfirmed rejected participant moderator administrator creator } } }', { uuid: e.uuid });
    assert.deepEqual(event.participantStats, { going: null, notApproved: 0, notConfirmed: 0, rejected: 0, participant: 12, moderator: 0, administrator: 0, creator: 0 });
  });

  test('organizerActor is null for group events; person events have it and no attributedTo', async () => {
    const q = 'query($uuid: UUID!) { event(uuid: $uuid) { organizerActor { __typename preferredUsername } attributedTo { __typename preferredUsername } } }';
    const group = (await data(q, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') })).event;
    assert.deepEqual(group, { organizerActor: null, attributedTo: { __typename: 'Group', preferredUsername: 'velo_lyon' } });
    const person = (await data(q, { uuid: fixtureUuid('camille/webinaire-mobilizon') })).event;
    assert.deepEqual(person, { organizerActor: { __typename: 'Person', preferredUsername: 'camille' }, attributedTo: null });
  });

  test('timezones: options.timezone may be null (then the address has one), and both may be null', async () => {
    const q = 'query($uuid: UUID!) { event(uuid: $uuid) { options { timezone } physicalAddress { timezone } } }';
    assert.deepEqual((await data(q, { uuid: fixtureUuid('remote_collective/atelier-federe') })).event, { options: { timezone: null }, physicalAddress: { timezone: 'Europe/Paris' } });
    assert.deepEqual((await data(q, { uuid: fixtureUuid('remote_collective/sans-fuseau') })).event, { options: { timezone: null }, physicalAddress: { timezone: null } });
  });
});
