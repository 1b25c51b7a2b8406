// The demo Mobilizon instance (demo/instance/) speaks Mobilizon 5.1.3's API: these tests check it over HTTP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, buildSchema, findBreakingChanges, parse, validate } from 'graphql';
import ICAL from 'ical.js';
import { FIXTURES, buildSeed, fixtureUuid } from '../../demo/instance/seed.mjs';
import { startDemoInstance } from '../../demo/instance/server.mjs';
import { sdlForVersion } from '../../demo/instance/versions.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REAL_SCHEMA = path.resolve(repoRoot, '../shared/mobilizon/schema.graphql');
const DEMO_SDL = path.resolve(repoRoot, 'demo/instance/schema.graphql');

// A fixed "now" (a winter Tuesday) so every run sees the same data.
const NOW = Date.UTC(2026, 1, 10, 10, 0, 0);
const DAY = 86_400_000;

let instance;
let base;

before(async () => {
  instance = await startDemoInstance({ now: NOW });
  base = instance.url;
});
after(() => instance?.close());

// ------------------------------------------------------------------ helpers

async function gql(query, variables = {}, { prefix = '', headers = {} } = {}) {
  const res = await fetch(`${base}${prefix}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function data(query, variables, options) {
  const { body } = await gql(query, variables, options);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const wall = (iso, timeZone) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

const JOIN = `mutation JoinEvent($eventId: ID!, $actorId: ID!, $email: String, $message: String, $locale: String, $timezone: Timezone) {
  joinEvent(eventId: $eventId, actorId: $actorId, email: $email, message: $message, locale: $locale, timezone: $timezone) {
    role id actor { id preferredUsername } event { id uuid } metadata { cancellationToken message locale } insertedAt } }`;
const CONFIRM = 'mutation ConfirmParticipation($token: String!) { confirmParticipation(confirmationToken: $token) { actor { id } event { id uuid joinOptions } role } }';
const LEAVE = 'mutation LeaveEvent($eventId: ID!, $actorId: ID!, $token: String) { leaveEvent(eventId: $eventId, actorId: $actorId, token: $token) { id actor { id } event { id uuid } } }';
const EVENT_BASIC = 'query FetchEventBasic($uuid: UUID!) { event(uuid: $uuid) { id uuid title joinOptions externalParticipationUrl participantStats { going notApproved notConfirmed participant } } }';

async function eventByKey(key, prefix = '') {
  return (await data(EVENT_BASIC, { uuid: fixtureUuid(key) }, { prefix })).event;
}

async function participants(uuid, prefix) {
  return (await fetch(`${base}${prefix}/_demo/participants/${uuid}`)).json();
}

// The front end's own operations (mobilizon-api.md §1a), used to check fidelity.
const FRAGMENTS = `
fragment ActorFragment on Actor { id avatar { id url } type preferredUsername name domain summary url }
fragment AdressFragment on Address { id description geom street locality postalCode region country type url originId timezone pictureInfo { url author { name url } source { name url } } }
fragment TagFragment on Tag { id slug title }
fragment EventOptions on EventOptions { maximumAttendeeCapacity remainingAttendeeCapacity showRemainingAttendeeCapacity anonymousParticipation hideNumberOfParticipants showStartTime showEndTime timezone offers { price priceCurrency url } participationConditions { title content url } attendees program commentModeration showParticipationPrice hideOrganizerWhenGroupEvent isOnline }`;
const FULL_EVENT = `query FetchEvent($uuid: UUID!) { event(uuid: $uuid) { ...FullEvent } }
fragment FullEvent on Event { id uuid url local slug title description beginsOn endsOn status visibility joinOptions externalParticipationUrl draft language category picture { id url name alt metadata { width height blurhash } } publishAt insertedAt updatedAt onlineAddress phoneAddress physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } contacts { ...ActorFragment } attributedTo { ...ActorFragment } participantStats { going notApproved participant } tags { ...TagFragment } options { ...EventOptions } metadata { key title value type } longEvent }
${FRAGMENTS}`;
const FETCH_EVENTS = `query FetchEvents($location: String, $radius: Float, $orderBy: EventOrderBy, $direction: SortDirection, $page: Int, $limit: Int, $longEvents: Boolean) {
  events(location: $location, radius: $radius, orderBy: $orderBy, direction: $direction, page: $page, limit: $limit, longEvents: $longEvents) {
    total elements { id uuid url local title description beginsOn endsOn status visibility insertedAt language picture { id url } publishAt physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } attributedTo { ...ActorFragment } category tags { ...TagFragment } options { ...EventOptions } } } }
${FRAGMENTS}`;
const SEARCH = `query SearchEventsAndGroups($location: String, $radius: Float, $tags: String, $term: String, $type: EventType, $categoryOneOf: [String], $statusOneOf: [EventStatus], $languageOneOf: [String], $searchTarget: SearchTarget, $beginsOn: DateTime, $endsOn: DateTime, $longEvents: Boolean, $bbox: String, $zoom: Int, $eventPage: Int, $groupPage: Int, $limit: Int, $sortByEvents: SearchEventSortOptions, $sortByGroups: SearchGroupSortOptions, $boostLanguages: [String]) {
  searchEvents(location: $location, radius: $radius, tags: $tags, term: $term, type: $type, categoryOneOf: $categoryOneOf, statusOneOf: $statusOneOf, languageOneOf: $languageOneOf, searchTarget: $searchTarget, beginsOn: $beginsOn, endsOn: $endsOn, longEvents: $longEvents, bbox: $bbox, zoom: $zoom, page: $eventPage, limit: $limit, sortBy: $sortByEvents, boostLanguages: $boostLanguages) {
    total elements { id title uuid beginsOn endsOn longEvent picture { id url } url status tags { ...TagFragment } physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } attributedTo { ...ActorFragment } participantStats { participant } options { isOnline } __typename } }
  searchGroups(term: $term, location: $location, radius: $radius, languageOneOf: $languageOneOf, searchTarget: $searchTarget, bbox: $bbox, zoom: $zoom, page: $groupPage, limit: $limit, sortBy: $sortByGroups, boostLanguages: $boostLanguages) {
    total elements { __typename id avatar { id url } type preferredUsername name domain summary url ...GroupResultFragment banner { id url } followersCount membersCount physicalAddress { ...AdressFragment } } } }
fragment GroupResultFragment on GroupSearchResult { id avatar { id url } type preferredUsername name domain summary url }
${FRAGMENTS.replace(/fragment EventOptions[^\n]*/, '')}`;
const GROUP = `query FetchGroupPublic($name: String!, $afterDateTime: DateTime, $beforeDateTime: DateTime, $organisedEventsPage: Int, $organisedEventsLimit: Int, $postsPage: Int, $postsLimit: Int) {
  group(preferredUsername: $name) { ...GroupBasicFields } }
fragment GroupBasicFields on Group { ...ActorFragment suspended visibility openness manuallyApprovesFollowers membersCount followersCount
  physicalAddress { description street locality postalCode region country geom type id originId url }
  avatar { id url name metadata { width height blurhash } } banner { id url name metadata { width height blurhash } }
  organizedEvents(afterDatetime: $afterDateTime, beforeDatetime: $beforeDateTime, page: $organisedEventsPage, limit: $organisedEventsLimit) {
    elements { id uuid title beginsOn endsOn status draft longEvent language options { maximumAttendeeCapacity } participantStats { participant notApproved }
      attributedTo { ...ActorFragment } organizerActor { ...ActorFragment } picture { id url } physicalAddress { ...AdressFragment } options { ...EventOptions } tags { ...TagFragment } }
    total }
  posts(page: $postsPage, limit: $postsLimit) { total elements { ...PostBasicFields } }
  members { total elements { id } } }
fragment PostBasicFields on Post { id title slug url author { ...ActorFragment } attributedTo { ...ActorFragment } insertedAt updatedAt publishAt draft visibility language picture { id url name } tags { ...TagFragment } }
${FRAGMENTS}`;
const POST = `query Post($slug: String!) { post(slug: $slug) { ...PostFragment } }
fragment PostFragment on Post { id title slug url body draft author { ...ActorFragment } attributedTo { ...ActorFragment } insertedAt updatedAt publishAt draft visibility language tags { ...TagFragment } picture { id url name metadata { height width blurhash } } }
${FRAGMENTS.replace(/fragment (AdressFragment|EventOptions)[^\n]*/g, '')}`;
const CONFIG = `query FullConfig { config { name description slogan version registrationsOpen registrationsAllowlist demoMode longEvents durationOfLongEvent countryCode languages primaryColor secondaryColor
  instanceLogo { url } defaultPicture { id url name metadata { width height blurhash } } eventCategories { id label }
  anonymous { participation { allowed validation { email { enabled confirmationRequired } captcha { enabled } } } eventCreation { allowed validation { email { enabled confirmationRequired } captcha { enabled } } } reports { allowed } actorId }
  location { latitude longitude } maps { tiles { endpoint attribution } routing { type } } geocoding { provider autocomplete } resourceProviders { type endpoint software }
  features { groups eventCreation eventExternal antispam } restrictions { onlyAdminCanCreateGroups onlyGroupsCanCreateEvents }
  auth { ldap databaseLogin oauthProviders { id label } } uploadLimits { default avatar banner } instanceFeeds { enabled } webPush { enabled publicKey }
  analytics { id enabled configuration { key value type } } search { global { isEnabled isDefault } } exportFormats { eventParticipants } timezones } }`;

// ------------------------------------------------------------------ schema fidelity

describe('schema', () => {
  test('schema.graphql is a strict subset of the real Mobilizon 5.1.3 schema', () => {
    const subset = buildSchema(readFileSync(DEMO_SDL, 'utf8'));
    const full = buildSchema(readFileSync(REAL_SCHEMA, 'utf8'));
    assert.deepEqual(findBreakingChanges(subset, full), []);
    assert.equal(subset.getType('Events').getFields().elements.type.toString(), '[EventSearchResult]!');
  });

  test("the front end's operations validate against both the demo SDL and the real schema", () => {
    const schemas = [buildSchema(readFileSync(DEMO_SDL, 'utf8')), buildSchema(readFileSync(REAL_SCHEMA, 'utf8'))];
    for (const op of [FULL_EVENT, FETCH_EVENTS, SEARCH, GROUP, POST, CONFIG, JOIN, CONFIRM, LEAVE, EVENT_BASIC]) {
      for (const schema of schemas) assert.deepEqual(validate(schema, parse(op)).map((e) => e.message), []);
    }
  });

  test('older versions are derived by removing what did not exist yet', () => {
    const fields = (v, type) => Object.keys(buildASTSchema(sdlForVersion(v)).getType(type).getFields());
    const args = (v, field) => buildASTSchema(sdlForVersion(v)).getQueryType().getFields()[field].args.map((a) => a.name);
    assert.ok(args('5.1.3', 'events').includes('longEvents'));
    assert.ok(args('5.0.1', 'events').includes('longevents') && !args('5.0.1', 'events').includes('longEvents'));
    assert.ok(!fields('5.0.1', 'Event').includes('longEvent') && !fields('5.0.1', 'Config').includes('durationOfLongEvent'));
    assert.ok(!args('4.0.2', 'events').includes('location') && !fields('4.0.2', 'EventOptions').includes('hideNumberOfParticipants'));
    assert.ok(!fields('4.0.2', 'Config').includes('defaultPicture'));
  });
});

// ------------------------------------------------------------------ API semantics

describe('config', () => {
  test('config describes the seeded instance with anonymous participation and feeds on', async () => {
    const { config } = await data(CONFIG);
    assert.equal(config.name, 'Mobilizon Démo');
    assert.equal(config.version, '5.1.3');
    assert.deepEqual(config.languages, ['fr', 'en', 'de', 'ar']);
    assert.equal(config.anonymous.actorId, '1');
    assert.deepEqual(config.anonymous.participation, { allowed: true, validation: { email: { enabled: true, confirmationRequired: true }, captcha: { enabled: false } } });
    assert.deepEqual(config.search, { global: { isEnabled: true, isDefault: false } });
    assert.equal(config.instanceFeeds.enabled, true);
    assert.equal(config.durationOfLongEvent, 30);
    assert.ok(config.eventCategories.some((c) => c.id === 'MEETING' && c.label === 'Meeting'));
    assert.ok(config.timezones.includes('Europe/Paris'));
    assert.match(config.defaultPicture.url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
  });

  test('Accept-Language translates category labels and error messages', async () => {
    const fr = await data('{ config { eventCategories { id label } } }', {}, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    assert.equal(fr.config.eventCategories.find((c) => c.id === 'MEETING').label, 'Rencontre');
    const de = await gql('{ event(uuid: "00000000-0000-4000-8000-000000000000") { id } }', {}, { headers: { 'accept-language': 'de' } });
    assert.equal(de.body.errors[0].message, 'Veranstaltung nicht gefunden');
  });

  test('knobs switch participation, confirmation and the global-search default', async () => {
    const q = '{ config { version anonymous { participation { allowed validation { email { confirmationRequired } } } } search { global { isDefault } } } }';
    const c = (await data(q, {}, { prefix: '/_k/participation=off,confirm=off,search=global-default,version=5.0.1' })).config;
    assert.equal(c.version, '5.0.1');
    assert.equal(c.anonymous.participation.allowed, false);
    assert.equal(c.anonymous.participation.validation.email.confirmationRequired, false);
    assert.equal(c.search.global.isDefault, true);
  });
});

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

describe('group and posts', () => {
  test('group resolves local and remote handles and refuses unknown and suspended groups', async () => {
    const { group } = await data(GROUP, { name: 'velo_lyon', organisedEventsLimit: 5, postsLimit: 10 });
    assert.equal(group.name, 'Vélo Lyon');
    assert.equal(group.openness, 'OPEN');
    assert.equal(group.members.total, group.membersCount);
    assert.deepEqual(group.members.elements, []);
    assert.ok(group.posts.total >= 2);
    assert.ok(group.posts.elements.every((p) => p.visibility === 'PUBLIC' && p.draft === false));
    assert.equal(group.banner.metadata.width, 1500);
    const remote = (await data(GROUP, { name: 'remote_collective@other.example' })).group;
    assert.equal(remote.domain, 'other.example');
    assert.equal(remote.url, 'https://other.example/@remote_collective');
    for (const name of ['suspended_group', 'nobody_here', 'camille', 'nobody@other.example']) {
      const { body } = await gql(GROUP, { name });
      assert.equal(body.errors[0].code, 'group_not_found', name);
      assert.equal(body.errors[0].message, 'Group not found');
    }
    const openness = new Set();
    for (const name of ['velo_lyon', 'montreal_makers', 'berliner_chor']) openness.add((await data(GROUP, { name })).group.openness);
    assert.deepEqual([...openness].sort(), ['INVITE_ONLY', 'MODERATED', 'OPEN']);
  });

  test('organizedEvents includes cancelled events and compares ends_on (5.1) or begins_on (before 5.1)', async () => {
    const q = 'query($after: DateTime) { group(preferredUsername: "velo_lyon") { organizedEvents(afterDatetime: $after, limit: 100) { total elements { title status } } } }';
    const after = new Date(NOW).toISOString();
    const v51 = (await data(q, { after })).group.organizedEvents.elements.map((e) => e.title);
    assert.ok(v51.includes('Soirée annulée'));
    assert.ok(v51.includes('Exposition « Lyon à vélo »'), 'ongoing event kept: its end is after afterDatetime');
    assert.ok(!v51.includes("Pique-nique de l'été dernier"));
    const v50 = (await data(q, { after }, { prefix: '/_k/version=5.0.1' })).group.organizedEvents.elements.map((e) => e.title);
    assert.ok(!v50.includes('Exposition « Lyon à vélo »'), 'before 5.1 only begins_on is compared');
    const all = (await data(q, {})).group.organizedEvents;
    assert.ok(all.elements.some((e) => e.title === "Pique-nique de l'été dernier"));
    assert.ok(!all.elements.some((e) => ['Brouillon : sortie secrète', 'Apéro privé du bureau', 'Sortie surprise (lien privé)'].includes(e.title)));
  });

  test('post(slug) returns public posts and refuses drafts and private posts with post_not_found', async () => {
    const { group } = await data(GROUP, { name: 'berliner_chor' });
    const slug = group.posts.elements[0].slug;
    const { post } = await data(POST, { slug });
    assert.equal(post.url, `${base}/p/${slug}`);
    assert.match(post.body, /<p>/);
    assert.equal(post.attributedTo.preferredUsername, 'berliner_chor');
    const seed = buildSeed({ now: NOW });
    for (const key of ['post:velo_lyon:draft', 'post:velo_lyon:private']) {
      const { body } = await gql(POST, { slug: seed.posts.find((p) => p.key === key).slug });
      assert.equal(body.errors[0].code, 'post_not_found');
      assert.equal(body.errors[0].message, 'Post not found');
    }
    const unlisted = seed.posts.find((p) => p.key === 'post:velo_lyon:unlisted').slug;
    assert.equal((await data(POST, { slug: unlisted })).post.visibility, 'UNLISTED');
  });
});

// ------------------------------------------------------------------ participation

describe('anonymous participation', () => {
  const prefix = '/_k/id=participation-tests';
  const join = (eventId, extra = {}) => gql(JOIN, { eventId, actorId: '1', email: 'ada@example.com', locale: 'fr', timezone: 'Europe/Paris', ...extra }, { prefix });
  const errorOf = (r) => r.body.errors?.[0];

  test('joinEvent checks, in Mobilizon order and words, the event, anonymous participation, the actor, the e-mail, duplicates and capacity', async () => {
    assert.equal(errorOf(await join('99999')).message, 'Event with this ID "99999" doesn\'t exist');
    const remote = await eventByKey('remote_collective/rencontre-federee');
    assert.equal(errorOf(await join(remote.id)).message, 'Anonymous participation is not enabled');
    const ag = await eventByKey('velo_lyon/assemblee-generale');
    assert.equal(errorOf(await join(ag.id)).message, 'Anonymous participation is not enabled');
    const open = await eventByKey('velo_lyon/atelier-ouvert');
    const wrongActor = await gql(JOIN, { eventId: open.id, actorId: '2', email: 'x@example.com' }, { prefix });
    assert.equal(errorOf(wrongActor).message, 'Profile ID provided is not the anonymous profile one');
    assert.equal(errorOf(wrongActor).code, 'unknown_error');
    assert.equal(errorOf(wrongActor).status_code, 500);
    assert.equal(errorOf(await join(open.id, { email: 'not an email' })).message, 'A valid email is required by your instance');
    assert.equal(errorOf(await join(open.id, { email: null })).message, 'A valid email is required by your instance');
    const full = await eventByKey('velo_lyon/atelier-complet');
    assert.equal(errorOf(await join(full.id)).message, 'The event has already reached its maximum capacity');

    const ok = await join(open.id, { message: '  <b>Bonjour</b> &amp; merci  ' });
    const p = ok.body.data.joinEvent;
    assert.equal(p.role, 'NOT_CONFIRMED');
    assert.deepEqual(p.actor, { id: '1', preferredUsername: 'anonymous' });
    assert.deepEqual(p.event, { id: open.id, uuid: open.uuid });
    assert.match(p.metadata.cancellationToken, /^[A-Za-z0-9_-]{40}$/);
    assert.equal(p.metadata.message, 'Bonjour & merci');
    assert.equal(p.metadata.locale, 'fr');
    assert.match(p.insertedAt, /Z$/);
    assert.equal(errorOf(await join(open.id)).message, 'You are already a participant of this event');

    const stored = await participants(open.uuid, prefix);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].email, 'ada@example.com');
    assert.equal(stored[0].timezone, 'Europe/Paris');
    assert.match(stored[0].confirmationToken, /^[A-Za-z0-9_-]{40}$/);
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert', prefix)).participantStats.participant, open.participantStats.participant, 'unconfirmed participants are not counted');
  });

  test('Mobilizon does not check join options, status or date: INVITE, EXTERNAL, cancelled and past events accept anonymous joins', async () => {
    for (const key of ['velo_lyon/reunion-bureau', 'velo_lyon/concert-transbordeur', 'velo_lyon/soiree-annulee']) {
      const e = await eventByKey(key);
      const r = await join(e.id, { email: `${key.split('/')[1]}@example.com` });
      assert.equal(r.body.data.joinEvent.role, 'NOT_CONFIRMED', key);
    }
  });

  test('confirmParticipation makes FREE participants PARTICIPANT, others NOT_APPROVED, and counts them against capacity', async () => {
    const almost = await eventByKey('velo_lyon/presque-complet');
    assert.equal(almost.participantStats.participant, 19);
    await join(almost.id, { email: 'first@example.com' });
    await join(almost.id, { email: 'second@example.com' }); // both allowed: unconfirmed ones do not count
    const [first, second] = await participants(almost.uuid, prefix);
    const confirmed = await gql(CONFIRM, { token: first.confirmationToken }, { prefix });
    assert.equal(confirmed.body.data.confirmParticipation.role, 'PARTICIPANT');
    assert.equal((await eventByKey('velo_lyon/presque-complet', prefix)).participantStats.participant, 20);
    assert.equal(errorOf(await join(almost.id, { email: 'third@example.com' })).message, 'The event has already reached its maximum capacity');
    assert.equal(errorOf(await gql(CONFIRM, { token: first.confirmationToken }, { prefix })).message, 'Participation is already confirmed');
    assert.equal(errorOf(await gql(CONFIRM, { token: 'nope' }, { prefix })).message, 'This token is invalid');
    // confirming the second one is not capacity-checked (as in Mobilizon)
    assert.equal((await gql(CONFIRM, { token: second.confirmationToken }, { prefix })).body.data.confirmParticipation.role, 'PARTICIPANT');

    const restricted = await eventByKey('velo_lyon/atelier-inscription');
    await join(restricted.id, { email: 'r@example.com', message: 'Je viens avec mon vélo' });
    const [r] = await participants(restricted.uuid, prefix);
    assert.equal((await gql(CONFIRM, { token: r.confirmationToken }, { prefix })).body.data.confirmParticipation.role, 'NOT_APPROVED');
    assert.equal(errorOf(await gql(CONFIRM, { token: r.confirmationToken }, { prefix })).message, 'Participation is confirmed but not approved yet by an organizer');
  });

  test('leaveEvent removes the participation that has the cancellation token', async () => {
    const e = await eventByKey('velo_lyon/nuit-des-etoiles');
    const { body } = await join(e.id, { email: 'leave@example.com' });
    const token = body.data.joinEvent.metadata.cancellationToken;
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '1' }, { prefix })).message, 'You need to be logged-in to leave an event');
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '7', token }, { prefix })).message, 'The anonymous actor ID is invalid');
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '1', token: 'wrong' }, { prefix })).message, 'Participant not found');
    const left = await gql(LEAVE, { eventId: e.id, actorId: '1', token }, { prefix });
    assert.equal(left.body.data.leaveEvent.event.uuid, e.uuid);
    assert.equal(left.body.data.leaveEvent.actor.id, '1');
    assert.deepEqual(await participants(e.uuid, prefix), []);
  });

  test('confirm=off makes participants PARTICIPANT at once; participation=off refuses joins', async () => {
    const e = await eventByKey('velo_lyon/atelier-ouvert');
    const r = await gql(JOIN, { eventId: e.id, actorId: '1', email: 'now@example.com' }, { prefix: '/_k/id=confirm-off,confirm=off' });
    assert.equal(r.body.data.joinEvent.role, 'PARTICIPANT');
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert', '/_k/id=confirm-off,confirm=off')).participantStats.participant, e.participantStats.participant + 1);
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert')).participantStats.participant, e.participantStats.participant, 'other scopes are not affected');
    const off = await gql(JOIN, { eventId: e.id, actorId: '1', email: 'no@example.com' }, { prefix: '/_k/participation=off' });
    assert.equal(off.body.errors[0].message, 'Anonymous participation is not enabled');
  });

  test('the e-mail links open instance pages that confirm and cancel', async () => {
    const p = '/_k/id=pages-tests';
    const e = await eventByKey('velo_lyon/atelier-ouvert');
    await gql(JOIN, { eventId: e.id, actorId: '1', email: 'page@example.com' }, { prefix: p });
    const [stored] = await participants(e.uuid, p);
    const page = await fetch(`${base}${p}/participation/email/confirm/${stored.confirmationToken}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Participation confirmée/);
    assert.equal((await participants(e.uuid, p))[0].role, 'PARTICIPANT');
    const cancel = await fetch(`${base}${p}/participation/email/cancel/${e.uuid}/${stored.cancellationToken}`, { method: 'POST' });
    assert.match(await cancel.text(), /Participation annulée/);
    assert.deepEqual(await participants(e.uuid, p), []);
  });
});

// ------------------------------------------------------------------ HTTP behaviour

describe('HTTP', () => {
  test('GET /api answers queries; a mutation over GET is refused with 405', async () => {
    const get = await fetch(`${base}/api?query=${encodeURIComponent('{ config { name } }')}`);
    assert.equal(get.status, 200);
    assert.equal((await get.json()).data.config.name, 'Mobilizon Démo');
    const withVars = await fetch(`${base}/api?query=${encodeURIComponent('query E($l: Int) { events(limit: $l) { elements { id } } }')}&variables=${encodeURIComponent('{"l":2}')}`);
    assert.equal((await withVars.json()).data.events.elements.length, 2);
    const mutation = await fetch(`${base}/api?query=${encodeURIComponent('mutation { confirmParticipation(confirmationToken: "x") { role } }')}`);
    assert.equal(mutation.status, 405);
    assert.deepEqual(await mutation.json(), { errors: [{ message: 'Can only perform a mutation from a POST request' }] });
  });

  test('a JSON body sent as text/plain (to dodge the preflight) is not read, as Plug.Parsers ignores it', async () => {
    const res = await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { errors: [{ message: 'No query document supplied' }] });
    const graphqlBody = await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ config { name } }' });
    assert.equal((await graphqlBody.json()).data.config.name, 'Mobilizon Démo');
  });

  test('validation errors come without data and without code, in Absinthe words', async () => {
    const unknownField = await gql('{ config { nope } }');
    assert.deepEqual(Object.keys(unknownField.body), ['errors']);
    assert.deepEqual(unknownField.body.errors[0].locations, [{ line: 1, column: 12 }]);
    assert.match(unknownField.body.errors[0].message, /^Cannot query field "nope" on type "Config"\./);
    assert.equal(unknownField.body.errors[0].code, undefined);
    const v501 = await gql('{ events(longEvents: false) { total } }', {}, { prefix: '/_k/version=5.0.1' });
    assert.equal(v501.body.errors[0].message, 'Unknown argument "longEvents" on field "events" of type "RootQueryType".');
    assert.equal(v501.body.data, undefined);
    assert.equal((await gql('{ events(longevents: false) { total } }', {}, { prefix: '/_k/version=5.0.1' })).body.errors, undefined);
    const noLongEvent = await gql(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') }, { prefix: '/_k/version=5.0.1' });
    assert.match(noLongEvent.body.errors[0].message, /^Cannot query field "longEvent" on type "Event"\./);
    const self402 = await gql('query S($t: SearchTarget) { searchEvents(searchTarget: $t) { total } }', { t: 'SELF' }, { prefix: '/_k/version=4.0.2' });
    assert.equal(self402.body.errors[0].message, 'Argument "searchTarget" has invalid value $t.');
    const literal402 = await gql('{ searchEvents(searchTarget: SELF) { total } }', {}, { prefix: '/_k/version=4.0.2' });
    assert.equal(literal402.body.errors[0].message, 'Argument "searchTarget" has invalid value SELF.');
    const hide402 = await gql('{ events { elements { options { hideNumberOfParticipants } } } }', {}, { prefix: '/_k/version=4.0.2' });
    assert.match(hide402.body.errors[0].message, /hideNumberOfParticipants/);
    const deleted320 = await gql('mutation { leaveEvent(eventId: "1", actorId: "1", token: "x") { event { uuid } } }', {}, { prefix: '/_k/version=3.2.0' });
    assert.match(deleted320.body.errors[0].message, /^Cannot query field "uuid" on type "DeletedObject"\./);
  });

  test('documents costing more than 300 fields are refused like Absinthe does', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: events { elements { id uuid title url beginsOn endsOn status } }`).join(' ');
    const { body } = await gql(`query Big { ${aliases} }`);
    assert.equal(body.data, undefined);
    assert.equal(body.errors[0].message, 'Operation Big is too complex: complexity is 360 and maximum is 300');
    const fine = Array.from({ length: 30 }, (_, i) => `a${i}: events { elements { id uuid title url beginsOn endsOn status } }`).join(' ');
    assert.equal((await gql(`{ ${fine} }`)).body.errors, undefined);
  });

  test('CORS: every routed response allows any origin, preflights answer fixed lists, /media has no CORS', async () => {
    const api = await gql('{ config { name } }', {}, { headers: { origin: 'https://site.example' } });
    assert.equal(api.headers.get('access-control-allow-origin'), '*');
    assert.equal(api.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(api.headers.get('access-control-expose-headers'), '');
    assert.equal(api.headers.get('x-frame-options'), 'DENY');
    assert.equal(api.headers.get('referrer-policy'), 'same-origin');
    const pre = await fetch(`${base}/api`, {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-custom' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-methods'), 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
    assert.equal(pre.headers.get('access-control-allow-headers'), 'Authorization,Content-Type,Accept,Origin,User-Agent,DNT,Cache-Control,X-Mx-ReqToken,Keep-Alive,X-Requested-With,If-Modified-Since,X-CSRF-Token');
    assert.equal(pre.headers.get('access-control-max-age'), '1728000');
    for (const p of ['/@velo_lyon/feed/ics', '/.well-known/nodeinfo', `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}`]) {
      assert.equal((await fetch(`${base}${p}`)).headers.get('access-control-allow-origin'), '*', p);
    }
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') });
    const img = await fetch(event.picture.url);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('access-control-allow-origin'), null);
  });

  test('HTML pages refuse to be framed (CSP frame-ancestors none) and escape what they show', async () => {
    const res = await fetch(`${base}/_k/hostile=1/events/${fixtureUuid('velo_lyon/atelier-ouvert')}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', "Phoenix's put_secure_browser_headers overwrites DENY on HTML routes");
    const html = await res.text();
    assert.ok(!/<script>alert/i.test(html) && !/<img src=x/i.test(html));
    for (const p of ['/@velo_lyon', '/@velo_lyon/events', `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}/participate`, `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}/participate/without-account`]) {
      assert.equal((await fetch(`${base}${p}`)).status, 200, p);
    }
    assert.equal((await fetch(`${base}/events/${fixtureUuid('velo_lyon/brouillon')}`)).status, 404);
  });

  test('absolute URLs carry the knob prefix', async () => {
    const prefix = '/_k/id=urls,latency=0';
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') }, { prefix });
    assert.ok(event.url.startsWith(`${base}${prefix}/events/`));
    assert.ok(event.picture.url.startsWith(`${base}${prefix}/media/`));
    assert.ok(event.attributedTo.url.startsWith(`${base}${prefix}/@velo_lyon`));
    assert.equal((await fetch(event.picture.url)).status, 200);
    const links = await (await fetch(`${base}${prefix}/.well-known/nodeinfo`)).json();
    assert.ok(links.links[0].href.startsWith(`${base}${prefix}/`));
  });
});

describe('knobs', () => {
  const stats = async (scope) => (await fetch(`${base}/_demo/stats?scope=${encodeURIComponent(scope)}`)).json();

  test('latency delays /api answers', async () => {
    const t = Date.now();
    await data('{ config { name } }', {}, { prefix: '/_k/id=slow,latency=250' });
    assert.ok(Date.now() - t >= 240);
  });

  test('fault=http500 with faults=1 fails the first /api request only, with CORS headers', async () => {
    const prefix = '/_k/id=f500,fault=http500,faults=1';
    const first = await fetch(`${base}${prefix}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(first.status, 500);
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.match(first.headers.get('content-type'), /text\/html/);
    assert.equal((await gql('{ config { name } }', {}, { prefix })).status, 200);
  });

  test('fault=graphql answers 200 with Mobilizon-shaped errors; fault=malformed truncates the JSON', async () => {
    const g = await gql('query Q { config { name } events { total } }', {}, { prefix: '/_k/id=fg,fault=graphql' });
    assert.equal(g.status, 200);
    assert.deepEqual(g.body.data, { config: null, events: null });
    assert.equal(g.body.errors[0].code, 'unknown');
    assert.equal(g.body.errors[0].status_code, 500);
    const m = await fetch(`${base}/_k/id=fm,fault=malformed/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(m.status, 200);
    await assert.rejects(m.json());
  });

  test('fault=refused drops the connection; fault=timeout never answers', async () => {
    await assert.rejects(fetch(`${base}/_k/id=fr,fault=refused/api?query=%7Bconfig%7Bname%7D%7D`));
    await assert.rejects(fetch(`${base}/_k/id=ft,fault=timeout/api?query=%7Bconfig%7Bname%7D%7D`, { signal: AbortSignal.timeout(300) }), { name: 'TimeoutError' });
    assert.equal((await gql('{ config { name } }')).status, 200, 'other requests are still served');
  });

  test('stats count /api requests and operations per scope; reset clears them', async () => {
    const scope = 'id=stats-test,latency=0';
    await gql('query FetchEvents { events(limit: 1) { total } }', {}, { prefix: `/_k/${scope}` });
    await gql('query FetchEvents { events(limit: 1) { total } }', {}, { prefix: `/_k/${scope}` });
    await gql('query Other { config { name } }', {}, { prefix: `/_k/${scope}` });
    await fetch(`${base}/_k/${scope}/feed/instance/ics`);
    const s = await stats(scope);
    assert.equal(s.api, 3);
    assert.deepEqual(s.operations, { FetchEvents: 2, Other: 1 });
    assert.ok(s.requests.some((r) => r.method === 'GET' && r.path === '/feed/instance/ics'));
    assert.deepEqual((await (await fetch(`${base}/_k/${scope}/_demo/stats`)).json()).operations, s.operations);
    await fetch(`${base}/_k/${scope}/_demo/reset`, { method: 'POST' });
    assert.equal((await stats(scope)).api, 0);
  });

  test('hostile=1 puts markup and javascript: URLs in every displayed string but keeps uuids and handles', async () => {
    const prefix = '/_k/hostile=1';
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/concert-transbordeur') }, { prefix });
    assert.equal(event.uuid, fixtureUuid('velo_lyon/concert-transbordeur'));
    assert.match(event.description, /<script>alert\(1\)<\/script>/);
    assert.match(event.description, /<iframe/);
    assert.match(event.description, /<style>/);
    assert.match(event.description, /href="javascript:alert\(1\)"/);
    assert.equal(event.externalParticipationUrl, 'javascript:alert(1)');
    assert.match(event.physicalAddress.street, /<script>/);
    assert.ok(event.tags.every((t) => /<tag>/.test(t.title) && /"/.test(t.title)));
    assert.match(event.attributedTo.name, /onerror/);
    const titles = (await data('{ events(limit: 50) { elements { title picture { url } } } }', {}, { prefix })).events.elements;
    assert.ok(titles.some((e) => e.title.length >= 2000));
    assert.ok(titles.some((e) => e.title.includes('\u202E')));
    assert.ok(titles.some((e) => e.picture?.url === 'javascript:alert(1)'));
    assert.equal((await data(GROUP, { name: 'velo_lyon' }, { prefix })).group.preferredUsername, 'velo_lyon');
  });

  test('empty=1 is an instance with nothing', async () => {
    const prefix = '/_k/empty=1';
    const d = await data('{ events { total elements { id } } searchEvents(searchTarget: GLOBAL) { total } searchGroups { total } }', {}, { prefix });
    assert.deepEqual(d, { events: { total: 0, elements: [] }, searchEvents: { total: 0 }, searchGroups: { total: 0 } });
    assert.equal((await gql(GROUP, { name: 'velo_lyon' }, { prefix })).body.errors[0].code, 'group_not_found');
  });
});

// ------------------------------------------------------------------ feeds, media, nodeinfo

describe('feeds', () => {
  const calendar = (text) => new ICAL.Component(ICAL.parse(text));

  test("a group's iCal feed lists its upcoming public events the way Mobilizon writes them", async () => {
    const res = await fetch(`${base}/@velo_lyon/feed/ics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="velo_lyon.ics"');
    const text = await res.text();
    assert.match(text, /^BEGIN:VCALENDAR\nCALSCALE:GREGORIAN\nVERSION:2\.0\nPRODID:-\/\/Elixir ICalendar\/\/Mobilizon 5\.1\.3\/\/EN\n/);
    assert.ok(!text.includes('VTIMEZONE'), 'Mobilizon sends TZID without VTIMEZONE');
    assert.match(text, /DTSTART;TZID=Europe\/Paris:\d{8}T100000\n/);
    const events = calendar(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.length > 20);
    const cancelled = events.find((e) => e.uid === fixtureUuid('velo_lyon/sortie-velo-du-dimanche/3'));
    assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancelled.summary, 'Sortie vélo du dimanche');
    assert.ok(cancelled.component.getFirstProperty('categories').getValues().includes('vélo'));
    assert.equal(cancelled.component.getFirstPropertyValue('organizer'), 'Vélo Lyon');
    assert.ok(!events.some((e) => e.summary === "Pique-nique de l'été dernier"));
    assert.equal((await fetch(`${base}/@nobody_here/feed/ics`)).status, 404);
    assert.equal((await fetch(`${base}/@suspended_group/feed/ics`)).status, 404);
  });

  test('one event exports as iCal; the instance feed has local events, past ones too, begins_on DESC', async () => {
    const one = await fetch(`${base}/events/${fixtureUuid('velo_lyon/nuit-des-etoiles')}/export/ics`);
    assert.equal(one.headers.get('content-disposition'), 'attachment; filename="event.ics"');
    const [ev] = calendar(await one.text()).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(ev.summary, 'Nuit des étoiles');
    assert.equal(ev.startDate.hour, 23);
    assert.equal(ev.component.getFirstPropertyValue('geo').length, 2);
    const inst = await (await fetch(`${base}/feed/instance/ics`)).text();
    assert.match(inst, /PRODID:-\/\/Elixir ICalendar\/\/Elixir ICalendar\/\/EN/);
    const list = calendar(inst).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(list.some((e) => e.summary === "Pique-nique de l'été dernier"));
    assert.ok(!list.some((e) => e.summary === 'Rencontre fédérée'), 'remote events are not in the instance feed');
  });

  test('ics=rfc gives strict RFC 5545: CRLF, folded lines, escaped text and VTIMEZONE', async () => {
    const text = await (await fetch(`${base}/_k/ics=rfc/@tunis_culture/feed/ics`)).text();
    assert.ok(text.split('\r\n').slice(0, -1).every((l) => Buffer.byteLength(l) <= 75 && !l.includes('\n')));
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Africa\/Tunis/);
    const comp = calendar(text);
    for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const ev = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary === 'أمسية شعرية');
    const utc = ev.startDate.toJSDate().toISOString();
    assert.equal(wall(utc, 'Africa/Tunis').slice(4), '18:00');
  });

  test('Atom feeds list events and posts', async () => {
    const res = await fetch(`${base}/@velo_lyon/feed/atom`);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.ok((xml.match(/<entry>/g) ?? []).length > 20);
    assert.match(xml, /Bienvenue au club/);
    assert.match(await (await fetch(`${base}/feed/instance/atom`)).text(), /<title>Public feed for Mobilizon Démo<\/title>/);
    assert.equal((await fetch(`${base}/_k/feeds=off/feed/instance/ics`)).status, 401);
  });
});

describe('media and nodeinfo', () => {
  test('media are deterministic PNGs of the advertised size', async () => {
    const { group } = await data(GROUP, { name: 'tokyo_hikers' });
    for (const [m, w, h] of [[group.banner, 1500, 500], [group.avatar, 256, 256]]) {
      const res = await fetch(m.url);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.match(res.headers.get('content-disposition'), /^filename="/);
      const png = Buffer.from(await res.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h]);
      const again = Buffer.from(await (await fetch(m.url)).arrayBuffer());
      assert.ok(png.equals(again));
    }
    assert.equal((await fetch(`${base}/media/${'0'.repeat(64)}.png`)).status, 404);
  });

  test('nodeinfo names the software and its version', async () => {
    const { links } = await (await fetch(`${base}/.well-known/nodeinfo`)).json();
    assert.deepEqual(links.slice(0, 2).map((l) => l.href), [`${base}/.well-known/nodeinfo/2.0`, `${base}/.well-known/nodeinfo/2.1`]);
    const info = await (await fetch(`${base}/_k/version=4.0.2/.well-known/nodeinfo/2.1`)).json();
    assert.deepEqual(info.software, { name: 'Mobilizon', version: '4.0.2', repository: 'https://framagit.org/framasoft/mobilizon' });
    assert.equal(info.metadata.nodeName, 'Mobilizon Démo');
    assert.equal(typeof info.openRegistrations, 'boolean');
    assert.ok(info.usage.localPosts > 50);
  });
});

describe('seed', () => {
  test('the seed is deterministic, and fixture uuids do not depend on now', () => {
    const a = buildSeed({ now: NOW });
    assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(buildSeed({ now: NOW }))));
    const later = buildSeed({ now: NOW + 100 * DAY });
    for (const [key, title] of FIXTURES) {
      assert.equal(a.events.find((e) => e.uuid === fixtureUuid(key))?.title, title, key);
      assert.equal(later.events.find((e) => e.uuid === fixtureUuid(key))?.title, title, key);
    }
    assert.ok(a.events.length >= 120);
    assert.ok(a.events.filter((e) => (e.endsOn ?? e.beginsOn) < NOW).length >= 20);
  });

  test('README.md lists every fixture uuid', () => {
    const readme = readFileSync(path.resolve(repoRoot, 'demo/instance/README.md'), 'utf8');
    for (const [key] of FIXTURES) assert.ok(readme.includes(fixtureUuid(key)), key);
  });

  test('the CLI prints its URL and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.resolve(repoRoot, 'demo/instance/server.mjs'), '--port', '0'], { env: { ...process.env, DEMO_LATENCY: '0' } });
    const line = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(String(d)));
      child.once('error', reject);
    });
    const m = /^Demo Mobilizon instance: (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    assert.ok(m, line);
    assert.equal((await fetch(`${m[1]}/api?query=%7Bconfig%7Bname%7D%7D`)).status, 200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
  });
});

