// The dataset as the instance's database sees it: lookups plus Mobilizon's query semantics
// (lib/mobilizon/events/events.ex, posts.ex, graphql/api/search.ex @5.1.3). No GraphQL here.
import { decodeGeohash, haversineKm, inBbox, parseBbox, pointToLatLon } from './geo.mjs';
import { DURATION_OF_LONG_EVENT } from './seed.mjs';
import { foldText, stripTags } from './util.mjs';

const DAY = 86_400_000;

export class DataView {
  constructor(dataset) {
    this.ds = dataset;
    this.events = dataset.events;
    this.groups = dataset.groups;
    this.persons = dataset.persons;
    this.posts = dataset.posts;
    this.globalEvents = dataset.globalEvents;
    this.globalGroups = dataset.globalGroups;
    this.eventsById = new Map(this.events.map((e) => [e.id, e]));
    this.eventsByUuid = new Map(this.events.map((e) => [e.uuid, e]));
    this.actorsById = new Map([...this.persons, ...this.groups].map((a) => [a.id, a]));
    this.mediaById = new Map(dataset.media.map((m) => [m.id, m]));
    this.mediaBySha = new Map(dataset.media.map((m) => [m.sha, m]));
    this.postsBySlug = new Map(this.posts.map((p) => [p.slug, p]));
    this.searchText = new Map(
      this.events.map((e) => [e, foldText(`${e.title} ${stripTags(e.description)} ${e.tags.map((t) => t.title).join(' ')}`)]),
    );
  }

  person(key) {
    return this.persons.find((p) => p.preferredUsername === key && p.local) ?? null;
  }

  /** A group or person by "name" (local) or "name@domain" (known remote; our own host counts as local). */
  actorByHandle(handle, host) {
    const at = handle.indexOf('@', 1);
    const name = (at > 0 ? handle.slice(0, at) : handle).replace(/^@/, '');
    const domain = at > 0 ? handle.slice(at + 1) : null;
    const local = domain == null || domain === host || domain === host?.replace(/:\d+$/, '');
    return [...this.groups, ...this.persons].find((a) => a.preferredUsername === name && (local ? a.local : a.domain === domain)) ?? null;
  }

  // ------------------------------------------------------------------ single objects

  /** find_event for anonymous callers: public or unlisted, not draft, local or shared by a followed instance. */
  publicEvent(uuid) {
    const e = this.eventsByUuid.get(uuid);
    return e && isPublicOrUnlisted(e) && !e.draft && (e.local || e.followed) ? e : null;
  }

  /** get_public_event_by_uuid_with_preload (no "followed" check: used by the ICS export). */
  exportableEvent(uuid) {
    const e = this.eventsByUuid.get(uuid);
    return e && isPublicOrUnlisted(e) && !e.draft ? e : null;
  }

  publicPost(slug) {
    const p = this.postsBySlug.get(slug);
    return p && (p.visibility === 'PUBLIC' || p.visibility === 'UNLISTED') && !p.draft ? p : null;
  }

  // ------------------------------------------------------------------ lists

  /** Query.events → Events.list_events/8 */
  listEvents(args, { now }) {
    let list = this.events.filter(
      (e) => (e.endsOn ?? e.beginsOn) > now && e.visibility === 'PUBLIC' && !e.draft && e.status !== 'CANCELLED' && (e.local || e.followed),
    );
    list = filterLongEvents(list, longEventsArg(args));
    list = filterLocation(list, args.location, args.radius);
    const field = { BEGINS_ON: 'beginsOn', INSERTED_AT: 'insertedAt', UPDATED_AT: 'updatedAt' }[args.orderBy ?? 'BEGINS_ON'];
    list = sortBy(list, (e) => e[field], args.direction === 'DESC' ? -1 : 1);
    return paginate(list, args.page, args.limit);
  }

  /** Query.searchEvents without global search → Events.build_events_for_search/3 */
  searchEvents(args, { now, countParticipants, localOnly }) {
    const term = normalizeTerm(args.term ?? '');
    let list = this.events;
    let rank = null;
    if (term !== '') {
      rank = new Map();
      for (const e of list) {
        const r = matchRank(term, e.title, this.searchText.get(e));
        if (r > 0) rank.set(e, r);
      }
      list = list.filter((e) => rank.has(e));
    }
    // Map.get(args, :begins_on, DateTime.utc_now()): an explicit null disables the filter.
    const beginsOn = 'beginsOn' in args ? args.beginsOn : now;
    if (beginsOn != null) list = list.filter((e) => (e.endsOn != null ? e.endsOn > beginsOn : e.beginsOn >= beginsOn));
    if (args.endsOn != null) list = list.filter((e) => (e.endsOn == null ? e.beginsOn <= args.endsOn : e.endsOn <= args.endsOn));
    list = filterLongEvents(list, longEventsArg(args));
    if (validString(args.category)) list = list.filter((e) => e.category === args.category);
    if (args.categoryOneOf?.length) list = list.filter((e) => args.categoryOneOf.includes(e.category));
    if (args.languageOneOf?.length) list = list.filter((e) => args.languageOneOf.includes(e.language));
    if (args.statusOneOf?.length) list = list.filter((e) => args.statusOneOf.includes(e.status));
    if (validString(args.tags)) {
      // String.split(tags, ",", trim: true) drops empty parts but does not trim spaces
      const wanted = args.tags.split(',').filter((s) => s !== '');
      list = list.filter((e) => e.tags.some((t) => wanted.includes(t.title)));
    }
    list = filterLocation(list, args.location, args.radius);
    list = filterBbox(list, args.bbox);
    if (args.type === 'ONLINE') list = list.filter((e) => e.options.isOnline === true);
    if (args.type === 'IN_PERSON') list = list.filter((e) => e.options.isOnline === false);
    list = list.filter((e) => !e.draft && (!localOnly || e.local) && (e.local || e.followed) && e.visibility === 'PUBLIC');
    list = sortSearch(list, args.sortBy ?? 'MATCH_DESC', term, rank, countParticipants);
    return paginate(list, args.page, args.limit);
  }

  /** What the global search engine would return, before conversion to EventResult. */
  globalSearchEvents(args, { now }) {
    const indexed = [
      ...this.events.filter((e) => e.visibility === 'PUBLIC' && !e.draft).map((e) => ({ kind: 'event', e })),
      ...this.globalEvents.map((e) => ({ kind: 'global', e })),
    ];
    const term = normalizeTerm(args.term ?? '');
    let list = indexed;
    if (term) {
      list = list.filter(({ e }) => {
        const text = foldText(`${e.title} ${stripTags(e.description ?? '')} ${(e.tags ?? []).map((t) => t.title ?? t).join(' ')}`);
        return matchRank(term, e.title, text) > 0;
      });
    }
    // Only dates are forwarded (startDateMin/Max); without one the engine is assumed to list upcoming events.
    if (args.beginsOn != null) {
      const min = startOfUtcDay(args.beginsOn);
      list = list.filter(({ e }) => (e.endsOn ?? e.beginsOn) >= min);
    } else list = list.filter(({ e }) => (e.endsOn ?? e.beginsOn) > now);
    if (args.endsOn != null) {
      const max = startOfUtcDay(args.endsOn) + DAY;
      list = list.filter(({ e }) => e.beginsOn < max);
    }
    if (args.categoryOneOf?.length) list = list.filter(({ e }) => args.categoryOneOf.includes(e.category));
    if (args.languageOneOf?.length) list = list.filter(({ e }) => args.languageOneOf.includes(e.language));
    if (args.statusOneOf?.length) list = list.filter(({ e }) => args.statusOneOf.includes(e.status));
    const where = args.location ? decodeGeohash(args.location) : null;
    if (where && args.radius != null) list = list.filter(({ e }) => withinKm(e.physicalAddress, where, args.radius));
    const box = parseBbox(args.bbox);
    if (box) list = list.filter(({ e }) => e.physicalAddress && inBbox(box, pointToLatLon(e.physicalAddress.geom)));
    const sort = args.sortBy ?? 'MATCH_DESC';
    const key = {
      START_TIME_DESC: [(x) => x.e.beginsOn, -1],
      CREATED_AT_DESC: [(x) => x.e.publishAt, -1],
      CREATED_AT_ASC: [(x) => x.e.publishAt, 1],
      PARTICIPANT_COUNT_DESC: [(x) => x.e.participants, -1],
    }[sort] ?? [(x) => x.e.beginsOn, 1];
    list = sortBy(list, key[0], key[1]);
    return paginate(list, args.page, args.limit);
  }

  /** Query.searchGroups (local part) → Actors.search_actors */
  searchGroups(args, { localOnly }) {
    const term = normalizeTerm(args.term ?? '');
    let list = this.groups.filter((g) => g.visibility === 'PUBLIC' && !g.suspended && (!localOnly || g.local));
    if (term) list = list.filter((g) => matchRank(term, g.name, foldText(`${g.name} ${g.preferredUsername} ${stripTags(g.summary)}`)) > 0);
    list = filterLocation(list, args.location, args.radius);
    list = filterBbox(list, args.bbox);
    const sort = args.sortBy ?? 'MATCH_DESC';
    if (sort === 'MEMBER_COUNT_DESC') list = sortBy(list, (g) => g.membersCount, -1);
    else if (sort === 'MEMBER_COUNT_ASC') list = sortBy(list, (g) => g.membersCount, 1);
    else if (sort === 'CREATED_AT_DESC') list = sortBy(list, (g) => g.insertedAt, -1);
    else if (sort === 'CREATED_AT_ASC') list = sortBy(list, (g) => g.insertedAt, 1);
    else if (sort === 'LAST_EVENT_ACTIVITY') list = sortBy(list, (g) => -this.lastEventActivity(g), 1);
    else list = sortBy(list, (g) => g.name.toLowerCase(), 1);
    return paginate(list, args.page, args.limit);
  }

  globalSearchGroups(args) {
    const term = normalizeTerm(args.term ?? '');
    let list = [
      ...this.groups.filter((g) => g.visibility === 'PUBLIC' && !g.suspended).map((g) => ({ kind: 'group', g })),
      ...this.globalGroups.map((g) => ({ kind: 'global', g })),
    ];
    if (term) list = list.filter(({ g }) => matchRank(term, g.name, foldText(`${g.name} ${g.preferredUsername} ${stripTags(g.summary)}`)) > 0);
    const where = args.location ? decodeGeohash(args.location) : null;
    if (where && args.radius != null) list = list.filter(({ g }) => withinKm(g.physicalAddress, where, args.radius));
    if (args.sortBy === 'MEMBER_COUNT_DESC') list = sortBy(list, (x) => x.g.membersCount, -1);
    return paginate(list, args.page, args.limit);
  }

  lastEventActivity(group) {
    return Math.max(0, ...this.events.filter((e) => e.groupId === group.id).map((e) => e.updatedAt));
  }

  /**
   * Group.organizedEvents for non-members → list_organized_events_for_group(:public, …): public and
   * not draft, cancelled included. Date bounds compare ends_on (falling back to begins_on) since
   * 5.1.0, begins_on before.
   */
  organizedEvents(group, args, { version }) {
    let list = this.events.filter((e) => e.groupId === group.id && e.visibility === 'PUBLIC' && !e.draft);
    const after = args.afterDatetime;
    const before = args.beforeDatetime;
    if (versionAtLeast(version, '5.1.0')) {
      if (after != null) list = list.filter((e) => (e.endsOn == null ? e.beginsOn >= after : e.endsOn >= after));
      if (before != null) list = list.filter((e) => (e.endsOn == null ? e.beginsOn <= before : e.endsOn <= before));
    } else {
      if (after != null) list = list.filter((e) => e.beginsOn > after);
      if (before != null) list = list.filter((e) => e.beginsOn < before);
    }
    const field = { BEGINS_ON: 'beginsOn', INSERTED_AT: 'insertedAt', UPDATED_AT: 'updatedAt' }[args.order ?? 'BEGINS_ON'];
    list = sortBy(list, (e) => e[field], args.orderDirection === 'DESC' ? -1 : 1);
    return paginate(list, args.page, args.limit);
  }

  /** Group.posts for non-members → Posts.get_public_posts_for_group (inserted_at DESC). */
  groupPosts(group, args) {
    const list = sortBy(
      this.posts.filter((p) => p.groupId === group.id && p.visibility === 'PUBLIC' && !p.draft),
      (p) => p.insertedAt,
      -1,
    );
    return paginate(list, args.page, args.limit);
  }

  // ------------------------------------------------------------------ feeds (lib/service/export/common.ex)

  /** Common.fetch_actor_event_feed: a public actor's upcoming public events (and a group's posts). */
  actorFeed(actor, { now, version, limit = 500 }) {
    let events;
    if (actor.kind === 'GROUP') {
      events = this.organizedEvents(actor, { afterDatetime: now, page: 1, limit }, { version }).elements;
    } else {
      events = sortBy(
        this.events.filter((e) => e.organizerId === actor.id && e.visibility === 'PUBLIC' && !e.draft && e.beginsOn > now),
        (e) => e.beginsOn,
        1,
      ).slice(0, limit);
    }
    const posts = actor.kind === 'GROUP' ? this.groupPosts(actor, { page: 1, limit }).elements : [];
    return { events, posts };
  }

  /** Common.fetch_instance_public_content: local public events (begins_on DESC, past included) and posts. */
  instanceFeed({ limit = 500 } = {}) {
    const events = sortBy(this.events.filter((e) => e.local && e.visibility === 'PUBLIC' && !e.draft), (e) => e.beginsOn, -1).slice(0, limit);
    const posts = sortBy(this.posts.filter((p) => p.local && p.visibility === 'PUBLIC' && !p.draft), (p) => p.publishAt, -1).slice(0, limit);
    return { events, posts };
  }
}

// ------------------------------------------------------------------ helpers

export function isLongEvent(e, duration = DURATION_OF_LONG_EVENT) {
  return duration > 0 && e.endsOn != null && e.endsOn - e.beginsOn > duration * DAY;
}

function isPublicOrUnlisted(e) {
  return e.visibility === 'PUBLIC' || e.visibility === 'UNLISTED';
}

/** 5.1 spells the argument longEvents, 5.0 longevents. */
function longEventsArg(args) {
  return args.longEvents ?? args.longevents ?? null;
}

function filterLongEvents(list, longEvents) {
  if (longEvents == null || DURATION_OF_LONG_EVENT <= 0) return list;
  return list.filter((e) => isLongEvent(e) === longEvents);
}

function validString(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/** location (geohash) + radius (km): only applied when both are given; needs a physical address. */
function filterLocation(list, location, radius) {
  if (!validString(location) || radius == null) return list;
  const where = decodeGeohash(location);
  return list.filter((x) => x.physicalAddress && (!where || withinKm(x.physicalAddress, where, radius)));
}

function filterBbox(list, bbox) {
  if (!validString(bbox)) return list;
  const box = parseBbox(bbox);
  return list.filter((x) => x.physicalAddress && box && inBbox(box, pointToLatLon(x.physicalAddress.geom)));
}

function withinKm(address, where, radius) {
  const point = address && pointToLatLon(address.geom);
  return Boolean(point) && haversineKm(point, where) <= radius;
}

function normalizeTerm(term) {
  return term.toLowerCase().replace(/[\n\t]/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/**
 * Stand-in for Postgres full text search + "title ILIKE %term%": every word of the term must appear
 * (accents and case ignored); a title hit ranks higher.
 */
function matchRank(term, title, foldedText) {
  const folded = foldText(term);
  if (foldText(title).includes(folded)) return 2;
  const words = folded.split(' ').filter(Boolean);
  return words.length && words.every((w) => foldedText.includes(w)) ? 1 : 0;
}

function sortSearch(list, sort, term, rank, countParticipants) {
  switch (sort) {
    case 'MATCH_DESC':
      return term === '' ? sortBy(list, (e) => e.beginsOn, -1) : sortBy(sortBy(list, (e) => e.beginsOn, 1), (e) => rank.get(e), -1);
    case 'START_TIME_DESC':
      return sortBy(list, (e) => e.beginsOn, -1);
    case 'START_TIME_ASC':
      return sortBy(list, (e) => e.beginsOn, 1);
    case 'CREATED_AT_DESC':
      return sortBy(list, (e) => e.publishAt, -1);
    case 'CREATED_AT_ASC':
      return sortBy(list, (e) => e.publishAt, 1);
    case 'PARTICIPANT_COUNT_DESC':
      return sortBy(list, (e) => countParticipants(e), -1);
    default:
      return list;
  }
}

/** Stable sort on one key; ties keep the previous order (ids ascend in the seed). */
function sortBy(list, key, dir) {
  return list
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i))
    .map((x) => x.item);
}

/** Page.build_page: offset pagination with a total. */
export function paginate(list, page = 1, limit = 10) {
  const p = Math.max(1, page ?? 1);
  const l = Math.max(0, limit ?? 10);
  return { total: list.length, elements: list.slice((p - 1) * l, p * l) };
}

function startOfUtcDay(ms) {
  return Math.floor(ms / DAY) * DAY;
}

export function versionAtLeast(version, min) {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
