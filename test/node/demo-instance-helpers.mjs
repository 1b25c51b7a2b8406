// Shared by the demo-instance-*.test.mjs files: the demo Mobilizon instance (demo/instance/) at a fixed
// "now", GraphQL over HTTP, and the front end's own operations used to check fidelity.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixtureUuid } from '../../demo/instance/seed.mjs';
import { startDemoInstance } from '../../demo/instance/server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REAL_SCHEMA = path.resolve(repoRoot, '../shared/mobilizon/schema.graphql');
export const DEMO_SDL = path.resolve(repoRoot, 'demo/instance/schema.graphql');

// A fixed "now" (a winter Tuesday) so every run sees the same data.
export const NOW = Date.UTC(2026, 1, 10, 10, 0, 0);
export const DAY = 86_400_000;

/** The running instance's URL, once useDemoInstance's `before` hook has run (importers see it live). */
export let base;

/** Starts a demo instance at NOW before the calling file's tests and stops it after them. */
export function useDemoInstance() {
  let instance;
  before(async () => {
    instance = await startDemoInstance({ now: NOW });
    base = instance.url;
  });
  after(() => instance?.close());
}

export async function gql(query, variables = {}, { prefix = '', headers = {} } = {}) {
  const res = await fetch(`${base}${prefix}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function data(query, variables, options) {
  const { body } = await gql(query, variables, options);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

export const wall = (iso, timeZone) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

export const JOIN = `mutation JoinEvent($eventId: ID!, $actorId: ID!, $email: String, $message: String, $locale: String, $timezone: Timezone) {
  joinEvent(eventId: $eventId, actorId: $actorId, email: $email, message: $message, locale: $locale, timezone: $timezone) {
    role id actor { id preferredUsername } event { id uuid } metadata { cancellationToken message locale } insertedAt } }`;
export const CONFIRM = 'mutation ConfirmParticipation($token: String!) { confirmParticipation(confirmationToken: $token) { actor { id } event { id uuid joinOptions } role } }';
export const LEAVE = 'mutation LeaveEvent($eventId: ID!, $actorId: ID!, $token: String) { leaveEvent(eventId: $eventId, actorId: $actorId, token: $token) { id actor { id } event { id uuid } } }';
export const EVENT_BASIC = 'query FetchEventBasic($uuid: UUID!) { event(uuid: $uuid) { id uuid title joinOptions externalParticipationUrl participantStats { going notApproved notConfirmed participant } } }';

export async function eventByKey(key, prefix = '') {
  return (await data(EVENT_BASIC, { uuid: fixtureUuid(key) }, { prefix })).event;
}

export async function participants(uuid, prefix) {
  return (await fetch(`${base}${prefix}/_demo/participants/${uuid}`)).json();
}

// The front end's own operations (mobilizon-api.md §1a), used to check fidelity.
export const FRAGMENTS = `
fragment ActorFragment on Actor { id avatar { id url } type preferredUsername name domain summary url }
fragment AdressFragment on Address { id description geom street locality postalCode region country type url originId timezone pictureInfo { url author { name url } source { name url } } }
fragment TagFragment on Tag { id slug title }
fragment EventOptions on EventOptions { maximumAttendeeCapacity remainingAttendeeCapacity showRemainingAttendeeCapacity anonymousParticipation hideNumberOfParticipants showStartTime showEndTime timezone offers { price priceCurrency url } participationConditions { title content url } attendees program commentModeration showParticipationPrice hideOrganizerWhenGroupEvent isOnline }`;
export const FULL_EVENT = `query FetchEvent($uuid: UUID!) { event(uuid: $uuid) { ...FullEvent } }
fragment FullEvent on Event { id uuid url local slug title description beginsOn endsOn status visibility joinOptions externalParticipationUrl draft language category picture { id url name alt metadata { width height blurhash } } publishAt insertedAt updatedAt onlineAddress phoneAddress physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } contacts { ...ActorFragment } attributedTo { ...ActorFragment } participantStats { going notApproved participant } tags { ...TagFragment } options { ...EventOptions } metadata { key title value type } longEvent }
${FRAGMENTS}`;
export const FETCH_EVENTS = `query FetchEvents($location: String, $radius: Float, $orderBy: EventOrderBy, $direction: SortDirection, $page: Int, $limit: Int, $longEvents: Boolean) {
  events(location: $location, radius: $radius, orderBy: $orderBy, direction: $direction, page: $page, limit: $limit, longEvents: $longEvents) {
    total elements { id uuid url local title description beginsOn endsOn status visibility insertedAt language picture { id url } publishAt physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } attributedTo { ...ActorFragment } category tags { ...TagFragment } options { ...EventOptions } } } }
${FRAGMENTS}`;
export const SEARCH = `query SearchEventsAndGroups($location: String, $radius: Float, $tags: String, $term: String, $type: EventType, $categoryOneOf: [String], $statusOneOf: [EventStatus], $languageOneOf: [String], $searchTarget: SearchTarget, $beginsOn: DateTime, $endsOn: DateTime, $longEvents: Boolean, $bbox: String, $zoom: Int, $eventPage: Int, $groupPage: Int, $limit: Int, $sortByEvents: SearchEventSortOptions, $sortByGroups: SearchGroupSortOptions, $boostLanguages: [String]) {
  searchEvents(location: $location, radius: $radius, tags: $tags, term: $term, type: $type, categoryOneOf: $categoryOneOf, statusOneOf: $statusOneOf, languageOneOf: $languageOneOf, searchTarget: $searchTarget, beginsOn: $beginsOn, endsOn: $endsOn, longEvents: $longEvents, bbox: $bbox, zoom: $zoom, page: $eventPage, limit: $limit, sortBy: $sortByEvents, boostLanguages: $boostLanguages) {
    total elements { id title uuid beginsOn endsOn longEvent picture { id url } url status tags { ...TagFragment } physicalAddress { ...AdressFragment } organizerActor { ...ActorFragment } attributedTo { ...ActorFragment } participantStats { participant } options { isOnline } __typename } }
  searchGroups(term: $term, location: $location, radius: $radius, languageOneOf: $languageOneOf, searchTarget: $searchTarget, bbox: $bbox, zoom: $zoom, page: $groupPage, limit: $limit, sortBy: $sortByGroups, boostLanguages: $boostLanguages) {
    total elements { __typename id avatar { id url } type preferredUsername name domain summary url ...GroupResultFragment banner { id url } followersCount membersCount physicalAddress { ...AdressFragment } } } }
fragment GroupResultFragment on GroupSearchResult { id avatar { id url } type preferredUsername name domain summary url }
${FRAGMENTS.replace(/fragment EventOptions[^\n]*/, '')}`;
export const GROUP = `query FetchGroupPublic($name: String!, $afterDateTime: DateTime, $beforeDateTime: DateTime, $organisedEventsPage: Int, $organisedEventsLimit: Int, $postsPage: Int, $postsLimit: Int) {
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
export const POST = `query Post($slug: String!) { post(slug: $slug) { ...PostFragment } }
fragment PostFragment on Post { id title slug url body draft author { ...ActorFragment } attributedTo { ...ActorFragment } insertedAt updatedAt publishAt draft visibility language tags { ...TagFragment } picture { id url name metadata { height width blurhash } } }
${FRAGMENTS.replace(/fragment (AdressFragment|EventOptions)[^\n]*/g, '')}`;
export const CONFIG = `query FullConfig { config { name description slogan version registrationsOpen registrationsAllowlist demoMode longEvents durationOfLongEvent countryCode languages primaryColor secondaryColor
  instanceLogo { url } defaultPicture { id url name metadata { width height blurhash } } eventCategories { id label }
  anonymous { participation { allowed validation { email { enabled confirmationRequired } captcha { enabled } } } eventCreation { allowed validation { email { enabled confirmationRequired } captcha { enabled } } } reports { allowed } actorId }
  location { latitude longitude } maps { tiles { endpoint attribution } routing { type } } geocoding { provider autocomplete } resourceProviders { type endpoint software }
  features { groups eventCreation eventExternal antispam } restrictions { onlyAdminCanCreateGroups onlyGroupsCanCreateEvents }
  auth { ldap databaseLogin oauthProviders { id label } } uploadLimits { default avatar banner } instanceFeeds { enabled } webPush { enabled publicKey }
  analytics { id enabled configuration { key value type } } search { global { isEnabled isDefault } } exportFormats { eventParticipants } timezones } }`;
