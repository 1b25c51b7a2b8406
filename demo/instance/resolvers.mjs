// GraphQL resolvers: what an anonymous caller gets from Mobilizon 5.1.3 (lib/graphql/resolvers/*.ex).
// `ctx` is built per request by server.mjs: { view, base, host, knobs, version, locale, now, scope, instance }.
import { GraphQLError, Kind } from 'graphql';
import { codeError } from './errors.mjs';
import { eventCategories } from './i18n.mjs';
import { mediaBlurhash, mediaPng } from './media.mjs';
import { confirmParticipation, joinEvent, leaveEvent, participantCount } from './participation.mjs';
import { DURATION_OF_LONG_EVENT } from './seed.mjs';
import { isLongEvent } from './store.mjs';
import { isValidTimeZone, parseMobilizonDateTime, timeZoneList, toMobilizonDateTime } from './time.mjs';

const EVENT_MAX_LIMIT = 100;

// ------------------------------------------------------------------ URLs and shared shapes

export const eventUrl = (ctx, e) => e.url ?? `${ctx.base}/events/${e.uuid}`;
export const actorUrl = (ctx, a) => a.url ?? `${ctx.base}/@${a.preferredUsername}`;
export const postUrl = (ctx, p) => `${ctx.base}/p/${p.slug}`;
export const withBase = (ctx, html) => (html == null ? html : html.replaceAll('{{base}}', ctx.base));

/** Absolute media URL as Mobilizon serves uploads: /media/<sha>.<ext>?name=<original name>. */
export function mediaUrl(ctx, m) {
  if (m.urlOverride) return m.urlOverride;
  return `${ctx.base}/media/${m.sha}.png?name=${encodeURIComponent(m.name)}`;
}

function media(ctx, id) {
  return id == null ? null : ctx.view.mediaById.get(id) ?? null;
}

/** What anonymous callers get from stats_participants/3: only `participant` is real. */
function anonymousStats(count) {
  return { participant: count, going: null, notApproved: 0, notConfirmed: 0, rejected: 0, moderator: 0, administrator: 0, creator: 0 };
}

/**
 * Global search results (Mobilizon.Service.GlobalSearch.EventResult): built from the search engine's
 * JSON, so options/status/attributedTo are null and participantStats only has `participant`.
 */
function toEventResult(ctx, { kind, e }) {
  const picture = e.pictureId ? media(ctx, e.pictureId) : null;
  const pictureUrl = picture ? mediaUrl(ctx, picture) : null;
  const organizer = kind === 'global' ? e.organizer : ctx.view.actorsById.get(e.groupId ?? e.organizerId);
  return {
    __typename: 'EventResult',
    id: e.id,
    uuid: e.uuid,
    title: e.title,
    beginsOn: e.beginsOn,
    endsOn: e.endsOn,
    url: kind === 'global' ? e.url : eventUrl(ctx, e),
    picture: pictureUrl ? { id: pictureUrl, url: pictureUrl } : null,
    category: e.category,
    // a bare %Actor{} (type defaults to Person), even when the organiser is a group
    organizerActor: organizer
      ? { kind: 'RESULT', id: organizer.id, name: organizer.name, preferredUsername: organizer.preferredUsername, avatar: null }
      : null,
    // the engine's location has no timezone/type/originId
    physicalAddress: e.physicalAddress ? { ...e.physicalAddress, timezone: null, type: null, originId: null } : null,
    participantStats: { participant: kind === 'global' ? e.participants : participantCount(ctx, e) },
    tags: (e.tags ?? []).map((t) => {
      const title = typeof t === 'string' ? t : t.title;
      return { id: title, slug: title, title };
    }),
    status: null,
    options: null,
    attributedTo: null,
    longEvent: null,
  };
}

/** The global search engine answers GroupResult objects for every group, this instance's included. */
function globalGroupResult(ctx, { kind, g }) {
  const avatar = g.avatarId ? media(ctx, g.avatarId) : null;
  const avatarUrl = avatar ? mediaUrl(ctx, avatar) : null;
  return {
    __typename: 'GroupResult',
    id: g.id,
    name: g.name,
    preferredUsername: g.preferredUsername,
    domain: kind === 'global' ? g.domain : g.domain ?? ctx.host,
    avatar: avatarUrl ? { id: avatarUrl, url: avatarUrl } : null,
    banner: null,
    summary: g.summary,
    url: kind === 'global' ? g.url : actorUrl(ctx, g),
    membersCount: g.membersCount,
    followersCount: null,
    type: 'GROUP',
    physicalAddress: g.physicalAddress ?? null,
  };
}

/**
 * global_search?/1: GLOBAL when enabled (always, here), or any target at all when the admin made
 * global search the default — so even SELF goes global then.
 */
function useGlobalSearch(ctx, args) {
  return args.searchTarget === 'GLOBAL' || ctx.knobs.globalDefault;
}

// ------------------------------------------------------------------ config

function buildConfig(ctx) {
  const { knobs, instance } = ctx;
  const base = ctx.base;
  const defaultPicture = { kind: 'RESULT_MEDIA', id: 'default-picture', url: `${base}/media/default-picture.png?name=default-picture.png`, name: 'default-picture.png', width: 800, height: 450 };
  const validation = (confirm) => ({ email: { enabled: true, confirmationRequired: confirm }, captcha: { enabled: false } });
  return {
    name: instance.name,
    description: instance.description,
    longDescription: instance.longDescription,
    slogan: instance.slogan,
    contact: 'contact@mobilizon-demo.example',
    rules: '<p>Soyez bienveillant·es.</p>',
    version: ctx.version,
    registrationsOpen: false,
    registrationsAllowlist: false,
    demoMode: true,
    longEvents: true,
    durationOfLongEvent: DURATION_OF_LONG_EVENT,
    countryCode: 'FR',
    languages: ['fr', 'en', 'de', 'ar'],
    primaryColor: '#1e7d97',
    secondaryColor: '#ffd599',
    instanceLogo: null,
    defaultPicture,
    eventCategories: eventCategories(ctx.locale),
    anonymous: {
      participation: { allowed: knobs.participation, validation: validation(knobs.confirm) },
      eventCreation: { allowed: false, validation: validation(true) },
      reports: { allowed: false },
      actorId: ctx.view.person('anonymous')?.id ?? '1',
    },
    location: { latitude: 45.7578, longitude: 4.832 },
    maps: { tiles: { endpoint: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' }, routing: { type: 'OPENSTREETMAP' } },
    geocoding: { provider: 'Elixir.Mobilizon.Service.Geospatial.Nominatim', autocomplete: true },
    resourceProviders: [],
    timezones: timeZoneList(),
    features: { groups: true, eventCreation: true, eventExternal: true, antispam: false },
    restrictions: { onlyAdminCanCreateGroups: false, onlyGroupsCanCreateEvents: false },
    federating: true,
    auth: { ldap: false, databaseLogin: true, oauthProviders: [] },
    uploadLimits: { default: 10_485_760, avatar: 2_097_152, banner: 4_194_304 },
    instanceFeeds: { enabled: knobs.feeds },
    webPush: { enabled: false, publicKey: null },
    exportFormats: { eventParticipants: ['csv'] },
    analytics: [],
    search: { global: { isEnabled: true, isDefault: knobs.globalDefault } },
    privacy: () => ({ type: 'DEFAULT', url: null, bodyHtml: '<h2>Politique de confidentialité</h2><p>Instance de démonstration.</p>' }),
    terms: () => ({ type: 'DEFAULT', url: null, bodyHtml: '<h2>Conditions d’utilisation</h2><p>Instance de démonstration.</p>' }),
  };
}

// ------------------------------------------------------------------ resolver map

export const resolvers = {
  RootQueryType: {
    config: (_, __, ctx) => buildConfig(ctx),

    event(_, { uuid }, ctx) {
      const event = ctx.view.publicEvent(uuid);
      if (!event) throw codeError('event_not_found', ctx.locale);
      return event;
    },

    events(_, args, ctx) {
      // `when limit < @event_max_limit`; an explicit null limit fails that guard too (nil > any number in Erlang).
      if (args.limit == null || args.limit >= EVENT_MAX_LIMIT) throw codeError('events_max_limit_reached', ctx.locale);
      return ctx.view.listEvents(args, ctx);
    },

    searchEvents(_, args, ctx) {
      const term = (args.term ?? '').trim();
      if (/^https?:\/\//.test(term)) {
        const e = ctx.view.events.find((x) => eventUrl(ctx, x) === term);
        return e && ctx.view.publicEvent(e.uuid) ? { total: 1, elements: [e] } : { total: 0, elements: [] };
      }
      if (useGlobalSearch(ctx, args)) {
        const page = ctx.view.globalSearchEvents(args, ctx);
        return { total: page.total, elements: page.elements.map((x) => toEventResult(ctx, x)) };
      }
      return ctx.view.searchEvents({ ...args, term }, { ...ctx, localOnly: args.searchTarget === 'SELF', countParticipants: (e) => participantCount(ctx, e) });
    },

    searchGroups(_, args, ctx) {
      const term = (args.term ?? '').trim();
      if (/^https?:\/\//.test(term)) {
        const g = ctx.view.groups.find((x) => actorUrl(ctx, x) === term && !x.suspended);
        return g ? { total: 1, elements: [g] } : { total: 0, elements: [] };
      }
      if (term.includes('@')) {
        const g = ctx.view.actorByHandle(term.replace(/^@/, ''), ctx.host);
        return g && g.kind === 'GROUP' && !g.suspended ? { total: 1, elements: [g] } : { total: 0, elements: [] };
      }
      if (useGlobalSearch(ctx, args)) {
        const page = ctx.view.globalSearchGroups(args);
        return { total: page.total, elements: page.elements.map((x) => globalGroupResult(ctx, x)) };
      }
      return ctx.view.searchGroups(args, { localOnly: args.searchTarget === 'SELF' });
    },

    group(_, { preferredUsername }, ctx) {
      const g = ctx.view.actorByHandle(preferredUsername, ctx.host);
      if (!g || g.kind !== 'GROUP' || g.suspended) throw codeError('group_not_found', ctx.locale);
      return g;
    },

    post(_, { slug }, ctx) {
      const post = ctx.view.publicPost(slug);
      if (!post) throw codeError('post_not_found', ctx.locale);
      return post;
    },
  },

  RootMutationType: {
    joinEvent: (_, args, ctx) => joinEvent(ctx, args),
    confirmParticipation: (_, args, ctx) => confirmParticipation(ctx, args.confirmationToken),
    leaveEvent: (_, args, ctx) => leaveEvent(ctx, args),
  },

  Config: {
    privacy: (c) => c.privacy(),
    terms: (c) => c.terms(),
  },

  Event: {
    url: (e, _, ctx) => eventUrl(ctx, e),
    description: (e, _, ctx) => withBase(ctx, e.description),
    picture: (e, _, ctx) => media(ctx, e.pictureId),
    // organizer_for_event/3: null for group events unless the caller is a member
    organizerActor: (e, _, ctx) => (e.groupId ? null : ctx.view.actorsById.get(e.organizerId) ?? null),
    attributedTo: (e, _, ctx) => (e.groupId ? ctx.view.actorsById.get(e.groupId) : null),
    contacts: (e, _, ctx) => e.contactIds.map((id) => ctx.view.actorsById.get(id)),
    participantStats: (e, _, ctx) => anonymousStats(participantCount(ctx, e)),
    longEvent: (e) => isLongEvent(e),
    media: () => [],
    participants: () => ({ total: 0, elements: [] }),
    relatedEvents(e, _, ctx) {
      const tags = new Set(e.tags.map((t) => t.id));
      const upcoming = ctx.view.listEvents({ page: 1, limit: 20 }, ctx).elements.filter((x) => x.uuid !== e.uuid);
      const related = upcoming.filter((x) => x.tags.some((t) => tags.has(t.id)));
      return [...new Set([...related, ...upcoming])].slice(0, 4);
    },
  },

  Group: {
    url: (g, _, ctx) => actorUrl(ctx, g),
    type: () => 'GROUP',
    avatar: (g, _, ctx) => media(ctx, g.avatarId),
    banner: (g, _, ctx) => media(ctx, g.bannerId),
    summary: (g, _, ctx) => withBase(ctx, g.summary),
    mediaSize: () => null,
    members: (g) => ({ total: g.membersCount, elements: [] }),
    organizedEvents: (g, args, ctx) => ctx.view.organizedEvents(g, args, ctx),
    posts: (g, args, ctx) => ctx.view.groupPosts(g, args),
  },

  Person: {
    url: (p, _, ctx) => (p.kind === 'RESULT' ? null : actorUrl(ctx, p)),
    type: () => 'PERSON',
    avatar: (p, _, ctx) => (p.kind === 'RESULT' ? p.avatar : media(ctx, p.avatarId)),
    banner: (p, _, ctx) => (p.kind === 'RESULT' ? null : media(ctx, p.bannerId)),
    mediaSize: () => null,
  },

  Post: {
    url: (p, _, ctx) => postUrl(ctx, p),
    body: (p, _, ctx) => withBase(ctx, p.body),
    author: (p, _, ctx) => ctx.view.actorsById.get(p.authorId),
    attributedTo: (p, _, ctx) => ctx.view.actorsById.get(p.groupId),
    picture: (p, _, ctx) => media(ctx, p.pictureId),
  },

  // Media is either an upload (has a sha) or a bare {id, url} from the global search engine.
  Media: {
    id: (m) => m.id,
    url: (m, _, ctx) => (m.sha ? mediaUrl(ctx, m) : m.url),
    name: (m) => m.name ?? null,
    alt: (m) => m.alt ?? null,
    contentType: (m) => (m.sha || m.kind === 'RESULT_MEDIA' ? 'image/png' : null),
    size: (m) => (m.sha ? mediaPng(m).length : null),
    metadata: (m) => (m.sha ? { width: m.width, height: m.height, blurhash: mediaBlurhash(m) } : m.width ? { width: m.width, height: m.height, blurhash: null } : null),
  },

  Participant: {
    actor: (p, _, ctx) => ctx.view.actorsById.get(p.actorId),
    event: (p, _, ctx) => ctx.view.eventsById.get(p.eventId),
    metadata: (p) => ({ cancellationToken: p.cancellationToken, locale: p.locale ?? null, message: p.message ?? null }),
  },

  DeletedParticipant: {
    actor: (d, _, ctx) => ctx.view.actorsById.get(d.actorId),
    event: (d, _, ctx) => ctx.view.eventsById.get(d.eventId),
  },
};

const interfaces = {
  Actor: (a) => (a.kind === 'GROUP' ? 'Group' : 'Person'),
  EventSearchResult: (e) => e.__typename ?? 'Event',
  GroupSearchResult: (g) => g.__typename ?? 'Group',
};

// ------------------------------------------------------------------ scalars (lib/graphql/schema/custom/*.ex, Absinthe :datetime)

const literalString = (ast) => (ast.kind === Kind.STRING ? ast.value : undefined);

const scalars = {
  DateTime: {
    serialize: (v) => (typeof v === 'number' ? toMobilizonDateTime(v) : v),
    parseValue(v) {
      const ms = parseMobilizonDateTime(v);
      if (ms === undefined) throw new GraphQLError('Invalid DateTime');
      return ms;
    },
    parseLiteral(ast) {
      const ms = parseMobilizonDateTime(literalString(ast));
      if (ms === undefined) throw new GraphQLError('Invalid DateTime');
      return ms;
    },
  },
  NaiveDateTime: { serialize: (v) => (typeof v === 'number' ? toMobilizonDateTime(v).replace('Z', '') : v) },
  UUID: {
    serialize: (v) => v,
    parseValue: (v) => parseUuid(v),
    parseLiteral: (ast) => parseUuid(literalString(ast)),
  },
  Timezone: {
    serialize: (v) => v,
    parseValue: (v) => parseTimezone(v),
    parseLiteral: (ast) => parseTimezone(literalString(ast)),
  },
  Point: {
    serialize: (v) => v,
    parseValue: (v) => parsePoint(v),
    parseLiteral: (ast) => parsePoint(literalString(ast)),
  },
};

/** Ecto.UUID.cast: hyphenated hex, any case, normalised to lower case. */
function parseUuid(v) {
  if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return v.toLowerCase();
  throw new GraphQLError('Invalid UUID');
}

function parseTimezone(v) {
  if (v === '') return null;
  if (isValidTimeZone(v)) return v;
  throw new GraphQLError(`Timezone ID ${v} is invalid`);
}

function parsePoint(v) {
  if (typeof v === 'string' && /^-?\d+(\.\d+)?;-?\d+(\.\d+)?$/.test(v)) return v;
  throw new GraphQLError('Invalid Point');
}

/** Wires the resolvers, interface type resolution and scalar codecs into a schema built from SDL. */
export function attachResolvers(schema) {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) continue;
    const defs = type.getFields();
    for (const [field, resolve] of Object.entries(fields)) if (defs[field]) defs[field].resolve = resolve;
  }
  for (const [name, resolveType] of Object.entries(interfaces)) {
    const type = schema.getType(name);
    if (type) type.resolveType = resolveType;
  }
  for (const [name, codec] of Object.entries(scalars)) {
    const type = schema.getType(name);
    if (type) Object.assign(type, codec);
  }
}

