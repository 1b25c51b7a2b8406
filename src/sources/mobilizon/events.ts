// Typed event-list reads over the client: which Mobilizon query answers which list. The common
// lists (upcoming or past events of the instance or of groups) take the short path here; lists with
// filters, global search or whole windows (month view) go through ./filtered.ts, loaded on demand.
import type { EventPage } from '../../model/event.js';
import type { EventType } from '../../model/filter.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { toPage } from './mapper.js';
import FetchEvents from './operations/FetchEvents.graphql';
import GroupEvents from './operations/GroupEvents.graphql';
import type { RawEvent, RawPage } from './types.js';

export type Period = 'upcoming' | 'past' | 'all';
export type SearchTarget = 'self' | 'internal' | 'global';

export interface EventListQuery {
  /** Group handles (`name` or `name@domain`); empty = the whole instance. */
  groups: string[];
  period: Period;
  /** 1-based. */
  page: number;
  /** 1..99 (Mobilizon refuses 100 and more on `events`). */
  limit: number;
  /** Mobilizon's searchTarget; absent = the instance's own lists. */
  search?: SearchTarget;
  term?: string;
  /** Tag titles: events with any of them. */
  tags?: string[];
  category?: string;
  type?: EventType;
  /** "latitude,longitude" or a geohash, with `radius` in km. */
  near?: string;
  radius?: number;
  hideCancelled?: boolean;
  /** Instants (UTC ISO): events overlapping [after, before). */
  after?: string;
  before?: string;
}

export const MAX_LIMIT = 99;

/** "Now" to the minute, so identical lists requested within a minute share a request and a cache entry. */
export const nowToTheMinute = (now = Date.now()): string =>
  new Date(Math.floor(now / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

export type ListOptions = Pick<QueryOptions<unknown>, 'signal'> & { onRevalidate?: () => void };

/** The date bounds a period and the site owner's from/to give, and the order they are listed in. */
export function periodBounds(query: Pick<EventListQuery, 'period' | 'after' | 'before'>): {
  after?: string;
  before?: string;
  descending: boolean;
} {
  const now = nowToTheMinute();
  const { period, after, before } = query;
  if (period === 'upcoming') return { after: after && after > now ? after : now, before, descending: false };
  if (period === 'past') return { after, before: before && before < now ? before : now, descending: true };
  return { after, before, descending: false };
}

/** True when a list needs more than Mobilizon's plain lists give (search, filters, client-side work). */
export const needsSearch = (q: EventListQuery): boolean =>
  Boolean(q.search || q.term?.trim() || q.tags?.length || q.category || q.type || q.near?.trim()) ||
  (q.groups.length > 0 && Boolean(q.hideCancelled)) ||
  (q.groups.length === 0 && (q.period !== 'upcoming' || Boolean(q.after || q.before)));

export async function listEvents(client: MobilizonClient, query: EventListQuery, options: ListOptions = {}): Promise<EventPage> {
  const q = { ...query, limit: Math.min(Math.max(1, Math.floor(query.limit)), MAX_LIMIT), page: Math.max(1, Math.floor(query.page)) };
  if (needsSearch(q)) return (await import('./filtered.js')).filteredEvents(client, q, options);
  if (q.groups.length === 0) {
    const data = await client.query<{ events: RawPage<RawEvent> | null }>(FetchEvents, { page: q.page, limit: q.limit }, options);
    return toPage(data.events, client.base);
  }
  const bounds = periodBounds(q);
  const fetchers = q.groups.map((group) => (page: number) => groupEvents(client, group, bounds, page, q.limit, options));
  if (fetchers.length === 1) return fetchers[0](q.page);
  return (await import('../merge.js')).mergeSources(fetchers, q.page, q.limit, bounds.descending);
}

/** One page of a group's events between bounds (Mobilizon 5.1 compares each event's end). */
export async function groupEvents(
  client: MobilizonClient,
  name: string,
  bounds: { after?: string; before?: string; descending: boolean },
  page: number,
  limit: number,
  options: ListOptions,
): Promise<EventPage> {
  try {
    const data = await client.query<{ group: { organizedEvents?: RawPage<RawEvent> | null } | null }>(
      GroupEvents,
      {
        name,
        afterDatetime: bounds.after,
        beforeDatetime: bounds.before,
        order: 'BEGINS_ON',
        orderDirection: bounds.descending ? 'DESC' : 'ASC',
        page,
        limit,
      },
      options,
    );
    if (!data.group) throw new MobilizonError('graphql', 'Group not found', { graphqlCode: 'group_not_found' });
    return toPage(data.group.organizedEvents, client.base);
  } catch (error) {
    if (error instanceof MobilizonError) throw new MobilizonError(error.code, error.message, { ...error.details, subject: name });
    throw error;
  }
}
