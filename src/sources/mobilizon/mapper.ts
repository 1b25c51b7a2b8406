// The one mapper from Mobilizon's GraphQL objects to the shared event vocabulary (src/model).
import type { Actor, EventModel, EventPage, EventStatus, Image, Place, Tag, VirtualLocation } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import { MobilizonError } from './errors.js';
import type { Group, Post, PostPage } from '../../model/group.js';
import type { RawActor, RawAddress, RawEvent, RawGroup, RawMedia, RawPage, RawPost } from './types.js';

const STATUSES: readonly EventStatus[] = ['TENTATIVE', 'CONFIRMED', 'CANCELLED'];
export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;

export function mapImage(media: RawMedia | null | undefined): Image | null {
  const url = safeUrl(media?.url);
  if (!url) return null;
  return {
    url,
    name: text(media?.alt) ?? text(media?.name),
    width: count(media?.metadata?.width),
    height: count(media?.metadata?.height),
  };
}

export function mapActor(actor: RawActor | null | undefined): Actor | null {
  const username = text(actor?.preferredUsername);
  if (!actor || !username) return null;
  const domain = text(actor.domain);
  const type = actor.type === 'GROUP' ? 'Group' : actor.type === 'PERSON' ? 'Person' : 'Application';
  return {
    type,
    handle: domain ? `${username}@${domain}` : username,
    name: text(actor.name) ?? username,
    url: safeUrl(actor.url),
    icon: safeUrl(actor.avatar?.url),
  };
}

/** Mobilizon's `geom` is "longitude;latitude". */
function coordinates(geom: string | null | undefined): [lat: number, lon: number] | null {
  const [lon, lat] = (geom ?? '').split(';').map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lat, lon];
}

export function mapPlace(address: RawAddress | null | undefined): Place | null {
  if (!address) return null;
  const place: Place = {
    type: 'Place',
    name: text(address.description),
    address: {
      streetAddress: text(address.street),
      postalCode: text(address.postalCode),
      addressLocality: text(address.locality),
      addressRegion: text(address.region),
      addressCountry: text(address.country),
    },
    latitude: null,
    longitude: null,
    timezone: text(address.timezone),
  };
  const coords = coordinates(address.geom);
  if (coords) [place.latitude, place.longitude] = coords;
  const hasText = place.name || Object.values(place.address).some(Boolean);
  return hasText || coords ? place : null;
}

export function mapEvent(raw: RawEvent, instance: string): EventModel | null {
  const uuid = text(raw.uuid);
  const start = text(raw.beginsOn);
  if (!uuid || !start || Number.isNaN(Date.parse(start))) return null;
  const end = text(raw.endsOn);
  const options = raw.options ?? {};
  const place = mapPlace(raw.physicalAddress);
  const online = safeUrl(raw.onlineAddress);
  const location: Array<Place | VirtualLocation> = [];
  if (place) location.push(place);
  if (online || options.isOnline) location.push({ type: 'VirtualLocation', url: online });
  const capacity = count(options.maximumAttendeeCapacity) || null;
  const participants = count(raw.participantStats?.participant);
  const attributedTo = mapActor(raw.attributedTo);
  const organizer = mapActor(raw.organizerActor);
  const status = STATUSES.find((s) => s === raw.status) ?? 'CONFIRMED';
  return {
    type: 'Event',
    uuid,
    url: safeUrl(raw.url) ?? `${instance}/events/${encodeURIComponent(uuid)}`,
    name: text(raw.title) ?? '',
    content: text(raw.description),
    mediaType: 'text/html',
    startTime: new Date(start).toISOString(),
    endTime: end && !Number.isNaN(Date.parse(end)) ? new Date(end).toISOString() : null,
    timezone: text(options.timezone) ?? place?.timezone ?? null,
    location,
    isOnline: Boolean(options.isOnline) || (Boolean(online) && !place),
    status,
    joinMode: text(raw.joinOptions)?.toLowerCase() ?? null,
    externalParticipationUrl: safeUrl(raw.externalParticipationUrl),
    category: text(raw.category),
    tag: (raw.tags ?? []).flatMap((t) => {
      const name = text(t?.title);
      return name ? [{ name, slug: text(t?.slug) ?? name }] : [];
    }),
    image: mapImage(raw.picture),
    inLanguage: text(raw.language),
    attributedTo: attributedTo ?? organizer,
    organizers: organizer ? [organizer] : [],
    maximumAttendeeCapacity: capacity,
    remainingAttendeeCapacity: capacity !== null && participants !== null ? Math.max(0, capacity - participants) : null,
    participantCount: participants,
    anonymousParticipationEnabled: Boolean(options.anonymousParticipation),
    display: {
      showStartTime: options.showStartTime !== false,
      showEndTime: options.showEndTime !== false,
      hideNumberOfParticipants: Boolean(options.hideNumberOfParticipants),
    },
    source: {
      kind: 'mobilizon',
      instance,
      id: text(raw.id) ?? '',
      local: raw.local !== false && raw.__typename !== 'EventResult',
      global: raw.__typename === 'EventResult',
    },
  };
}

/**
 * The models read from a cached answer's entries, kept with them: a second element showing the same
 * answer, or the same element drawing it again, reads them without mapping thousands of events anew.
 * Models are never changed once made (an event's page adds its details to a model of its own).
 */
const models = new WeakMap<RawEvent, { instance: string; event: EventModel | null }>();

function listed(raw: RawEvent, instance: string): EventModel | null {
  const hit = models.get(raw);
  if (hit?.instance === instance) return hit.event;
  const event = mapEvent(raw, instance);
  models.set(raw, { instance, event });
  return event;
}

/** A page of events; entries the mapper cannot use (no uuid, no start) are left out. */
export function toPage(raw: RawPage<RawEvent> | null | undefined, instance: string): EventPage {
  if (!raw || !Array.isArray(raw.elements)) {
    throw new MobilizonError('invalid-response', 'The list of events is missing from the answer.');
  }
  const events = raw.elements.flatMap((e) => (e && typeof e === 'object' ? (listed(e, instance) ?? []) : []));
  // One odd entry is left out; a page where no entry has what every event has is an answer that drifted.
  if (raw.elements.length && !events.length) throw new MobilizonError('invalid-response', 'No event of the list is readable.');
  return { total: typeof raw.total === 'number' ? raw.total : events.length, events };
}

const instant = (value: unknown): string | null => {
  const t = text(value);
  return t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : null;
};

/** A handle in a URL path: `/@name` or `/@name@domain`. */
export const pathOf = (handle: string): string => `/@${handle.split('@').map(encodeURIComponent).join('@')}`;

export function mapGroup(raw: RawGroup, client: { base: string; host: string }): Group | null {
  const username = text(raw.preferredUsername);
  if (!username) return null;
  const domain = text(raw.domain);
  const handle = domain ? `${username}@${domain}` : username;
  return {
    type: 'Group',
    preferredUsername: username,
    handle,
    domain: domain ?? client.host,
    local: !domain && raw.local !== false,
    name: text(raw.name) ?? username,
    summary: text(raw.summary),
    url: safeUrl(raw.url) ?? `${client.base}${pathOf(handle)}`,
    icon: mapImage(raw.avatar),
    image: mapImage(raw.banner),
    location: mapPlace(raw.physicalAddress),
    followersCount: count(raw.followersCount),
    membersCount: count(raw.membersCount),
    openness: text(raw.openness),
    manuallyApprovesFollowers: Boolean(raw.manuallyApprovesFollowers),
    source: { kind: 'mobilizon', instance: client.base, id: text(raw.id) ?? '' },
  };
}

export function mapPost(raw: RawPost, base: string): Post | null {
  const slug = text(raw.slug);
  if (!slug) return null;
  return {
    type: 'Article',
    id: text(raw.id) ?? slug,
    slug,
    url: safeUrl(raw.url) ?? `${base}/p/${encodeURIComponent(slug)}`,
    name: text(raw.title) ?? '',
    content: text(raw.body),
    mediaType: 'text/html',
    published: instant(raw.publishAt) ?? instant(raw.insertedAt),
    updated: instant(raw.updatedAt),
    attributedTo: mapActor(raw.attributedTo),
    author: mapActor(raw.author),
    image: mapImage(raw.picture),
    tag: (raw.tags ?? []).flatMap((t): Tag[] => {
      const name = text(t?.title);
      return name ? [{ name, slug: text(t?.slug) ?? name }] : [];
    }),
    inLanguage: text(raw.language),
  };
}


/** A page of a group's posts; entries without a slug are left out. */
export function toPostPage(raw: RawPage<RawPost> | null | undefined, base: string): PostPage {
  if (!raw || !Array.isArray(raw.elements)) throw new MobilizonError('invalid-response', 'The list of posts is missing from the answer.');
  const posts = raw.elements.flatMap((p) => (p ? (mapPost(p, base) ?? []) : []));
  return { total: count(raw.total) ?? posts.length, posts };
}
