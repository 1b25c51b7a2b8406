// Feed routes (FeedController): /@:name/feed/:format, /events/:uuid/export/:format, /feed/instance/:format.
import { renderAtom } from './atom.mjs';
import { renderCalendar } from './ics.mjs';
import { actorUrl, eventUrl, mediaUrl, postUrl, withBase } from './resolvers.mjs';

/** Actor.display_name: the name, else the handle (with @domain for remote actors). */
export function displayName(actor) {
  if (actor.name) return actor.name;
  return actor.domain ? `${actor.preferredUsername}@${actor.domain}` : actor.preferredUsername;
}

function calendarEvent(ctx, e) {
  const owner = ctx.view.actorsById.get(e.groupId ?? e.organizerId);
  return {
    uuid: e.uuid,
    title: e.title,
    description: withBase(ctx, e.description),
    beginsOn: e.beginsOn,
    endsOn: e.endsOn,
    status: e.status,
    publishAt: e.publishAt,
    url: eventUrl(ctx, e),
    timezone: e.options.timezone,
    address: e.physicalAddress,
    tags: e.tags.map((t) => t.title),
    organizerName: owner ? displayName(owner) : null,
    organizerUrl: owner ? actorUrl(ctx, owner) : null,
  };
}

function eventEntry(ctx, e) {
  return {
    id: eventUrl(ctx, e),
    title: e.title,
    updated: e.publishAt ?? e.insertedAt,
    url: eventUrl(ctx, e),
    html: withBase(ctx, e.description ?? ''),
    published: e.publishAt ?? e.insertedAt,
    categories: [...new Map(e.tags.map((t) => [t.id, t])).values()].map((t) => ({ term: t.slug, label: t.title })),
  };
}

function postEntry(ctx, p) {
  const author = ctx.view.actorsById.get(p.authorId);
  return {
    id: postUrl(ctx, p),
    title: p.title,
    updated: p.publishAt ?? p.insertedAt,
    url: postUrl(ctx, p),
    html: withBase(ctx, p.body ?? ''),
    published: p.publishAt ?? p.insertedAt,
    categories: p.tags.map((t) => ({ term: t.slug, label: t.title })),
    author: author?.name || author?.preferredUsername,
  };
}

function ok(body, type, filename) {
  return {
    status: 200,
    headers: { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="${filename}"` },
    body,
  };
}

const NOT_FOUND = { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>' };

/** Returns {status, headers, body} for a feed path, or null when the path is not a feed route. */
export function feedResponse(ctx, path) {
  let m = /^\/@([^/]+)\/feed\/([^/]+)$/.exec(path);
  if (m) return actorFeed(ctx, decodeURIComponent(m[1]), m[2]);
  m = /^\/events\/([^/]+)\/export\/([^/]+)$/.exec(path);
  if (m) {
    const e = m[2] === 'ics' ? ctx.view.exportableEvent(decodeURIComponent(m[1]).toLowerCase()) : null;
    if (!e) return NOT_FOUND;
    return ok(renderCalendar([calendarEvent(ctx, e)], { mode: ctx.knobs.ics, vendor: `Mobilizon ${ctx.version}`, now: ctx.now }), 'text/calendar', 'event.ics');
  }
  m = /^\/feed\/instance\/([^/]+)$/.exec(path);
  if (m) {
    if (!ctx.knobs.feeds) return { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Instance feeds are not enabled.' };
    return instanceFeed(ctx, m[1]);
  }
  return null;
}

function actorFeed(ctx, name, format) {
  const actor = ctx.view.actorByHandle(name, ctx.host);
  // Actor.public_visibility?: public or unlisted; suspended actors are gone.
  if (!actor || actor.suspended || actor.preferredUsername === 'anonymous' || !['ics', 'atom'].includes(format)) return NOT_FOUND;
  if (actor.kind === 'GROUP' && !['PUBLIC', 'UNLISTED'].includes(actor.visibility)) return NOT_FOUND;
  const { events, posts } = ctx.view.actorFeed(actor, ctx);
  if (format === 'ics') {
    return ok(renderCalendar(events.map((e) => calendarEvent(ctx, e)), { mode: ctx.knobs.ics, vendor: `Mobilizon ${ctx.version}`, now: ctx.now }), 'text/calendar', `${name}.ics`);
  }
  const selfUrl = `${ctx.base}/@${actor.preferredUsername}/feed/atom`;
  const avatar = actor.avatarId ? ctx.view.mediaById.get(actor.avatarId) : null;
  const banner = actor.bannerId ? ctx.view.mediaById.get(actor.bannerId) : null;
  const body = renderAtom({
    id: selfUrl,
    title: `${displayName(actor)}'s public events feed on ${ctx.instance.name}`,
    updated: ctx.now,
    author: { name: displayName(actor), uri: actorUrl(ctx, actor) },
    selfUrl,
    alternateUrl: actorUrl(ctx, actor),
    generator: { name: ctx.instance.name, uri: ctx.base, version: ctx.version },
    icon: avatar ? mediaUrl(ctx, avatar) : null,
    logo: banner ? mediaUrl(ctx, banner) : null,
    entries: [...events.map((e) => eventEntry(ctx, e)), ...posts.map((p) => postEntry(ctx, p))],
  });
  return ok(body, 'application/atom+xml', `${name}.atom`);
}

function instanceFeed(ctx, format) {
  if (format === 'ics') {
    const { events } = ctx.view.instanceFeed({ limit: 500 });
    // fetch_instance_feed calls ICalendar.to_ics/1 without a vendor
    return ok(renderCalendar(events.map((e) => calendarEvent(ctx, e)), { mode: ctx.knobs.ics, vendor: null, now: ctx.now }), 'text/calendar', `${ctx.instance.name}.ics`);
  }
  if (format === 'atom') {
    const { events, posts } = ctx.view.instanceFeed({ limit: 5000 });
    const body = renderAtom({
      id: ctx.base,
      title: `Public feed for ${ctx.instance.name}`,
      updated: ctx.now,
      selfUrl: ctx.base,
      alternateUrl: ctx.base,
      generator: { name: ctx.instance.name, uri: ctx.base, version: ctx.version },
      entries: [...events.map((e) => eventEntry(ctx, e)), ...posts.map((p) => postEntry(ctx, p))],
    });
    return ok(body, 'application/atom+xml', `${ctx.instance.name}.atom`);
  }
  return NOT_FOUND;
}
