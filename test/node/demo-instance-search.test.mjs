// The demo instance over HTTP: searchEvents and searchGroups.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY, NOW, SEARCH, data, gql, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('searchEvents', () => {
  const search = (args, opts) => data(SEARCH, { limit: 100, ...args }, opts).then((d) => d.searchEvents);

  test('defaults to events not yet ended, sorted by begins_on DESC for an empty term, cancelled included', async () => {
    const r = await search({});
    const starts = r.elements.map((e) => Date.parse(e.beginsOn));
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
    assert.ok(r.elements.every((e) => Date.parse(e.endsOn ?? e.beginsOn) > NOW));
    assert.ok(r.elements.some((e) => e.status === 'CANCELLED'));
    assert.ok(r.elements.every((e) => e.__typename === 'Event'));
    const upcoming = await search({ sortByEvents: 'START_TIME_ASC', statusOneOf: ['CONFIRMED'] });
    assert.ok(upcoming.elements.every((e) => e.status === 'CONFIRMED'));
    const asc = upcoming.elements.map((e) => Date.parse(e.beginsOn));
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  });

  test('filters by term (case and accents ignored), tags, category, type, language and dates', async () => {
    assert.ok((await search({ term: 'NUIT DES ETOILES' })).elements.some((e) => e.title === 'Nuit des étoiles'));
    const tagged = await search({ tags: 'astronomie' });
    assert.deepEqual(tagged.elements.map((e) => e.title), ['Nuit des étoiles']);
    assert.equal((await search({ tags: 'vélo, astronomie' })).elements.some((e) => e.title === 'Nuit des étoiles'), false, 'tags are split on "," without trimming');
    const cat = (await data('{ searchEvents(category: "MUSIC", limit: 100) { elements { ... on Event { category } } } }')).searchEvents.elements;
    assert.ok(cat.length > 0 && cat.every((e) => e.category === 'MUSIC'));
    const online = await search({ type: 'ONLINE' });
    assert.ok(online.elements.every((e) => e.options.isOnline) && online.elements.some((e) => e.title === 'Webinaire Mobilizon'));
    const inPerson = await search({ type: 'IN_PERSON' });
    assert.ok(inPerson.elements.every((e) => !e.options.isOnline));
    const de = (await data('{ searchEvents(languageOneOf: ["de"], limit: 100) { elements { ... on Event { language } } } }')).searchEvents.elements;
    assert.ok(de.length > 0 && de.every((e) => e.language === 'de'));
    const window = await search({ beginsOn: new Date(NOW + 5 * DAY).toISOString(), endsOn: new Date(NOW + 6 * DAY).toISOString() });
    for (const e of window.elements) {
      assert.ok(Date.parse(e.endsOn ?? e.beginsOn) > NOW + 5 * DAY);
      assert.ok(Date.parse(e.endsOn ?? e.beginsOn) <= NOW + 6 * DAY);
    }
    const past = await search({ beginsOn: new Date(NOW - 400 * DAY).toISOString(), endsOn: new Date(NOW).toISOString() });
    assert.ok(past.elements.some((e) => e.title === "Pique-nique de l'été dernier"));
    const naive = await gql(SEARCH, { beginsOn: '2026-03-01T10:00:00' });
    assert.match(naive.body.errors[0].message, /^Argument "beginsOn" has invalid value \$beginsOn\.$/);
  });

  test('location (geohash) and radius (km) keep nearby events only', async () => {
    // xn76 = Tokyo
    const tokyo = await search({ location: 'xn76urx', radius: 100 });
    assert.ok(tokyo.total > 3);
    assert.ok(tokyo.elements.every((e) => ['Japan'].includes(e.physicalAddress.country)));
  });

  test('SELF is local only, INTERNAL adds followed remote events, GLOBAL returns EventResults from other instances', async () => {
    const self = await search({ searchTarget: 'SELF', term: 'fédér' });
    assert.ok(!self.elements.some((e) => e.title === 'Rencontre fédérée'));
    const internal = await search({ searchTarget: 'INTERNAL', term: 'fédér' });
    const remote = internal.elements.find((e) => e.title === 'Rencontre fédérée');
    assert.ok(remote);
    assert.match(remote.url, /^https:\/\/other\.example\/events\//);
    assert.ok(!internal.elements.some((e) => e.title === 'Événement distant non suivi'));

    const global = await search({ searchTarget: 'GLOBAL', term: 'vélo' });
    assert.ok(global.elements.every((e) => e.__typename === 'EventResult'));
    const lille = global.elements.find((e) => e.title === 'Fête du vélo à Lille');
    assert.ok(lille);
    assert.match(lille.url, /^https:\/\/events\.example\.org\/events\//);
    assert.equal(lille.status, null);
    assert.equal(lille.options, null);
    assert.equal(lille.attributedTo, null);
    assert.equal(typeof lille.participantStats.participant, 'number');
  });

  test('search=global-default makes even SELF go to the global search', async () => {
    const r = await search({ searchTarget: 'SELF', term: 'vélo' }, { prefix: '/_k/search=global-default' });
    assert.ok(r.elements.some((e) => e.title === 'Fête du vélo à Lille'));
  });

  test('searchGroups finds groups by term and by handle', async () => {
    const byTerm = (await data(SEARCH, { term: 'Makers' })).searchGroups;
    assert.ok(byTerm.elements.some((g) => g.preferredUsername === 'montreal_makers' && g.__typename === 'Group'));
    const byHandle = (await data(SEARCH, { term: 'remote_collective@other.example' })).searchGroups;
    assert.equal(byHandle.total, 1);
    assert.equal(byHandle.elements[0].domain, 'other.example');
    const all = (await data(SEARCH, { searchTarget: 'SELF', limit: 50 })).searchGroups.elements.map((g) => g.preferredUsername);
    assert.ok(all.includes('velo_lyon') && !all.includes('suspended_group') && !all.includes('remote_collective'));
  });
});
