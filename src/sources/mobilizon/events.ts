// Typed event-list reads over the client: which Mobilizon query answers which list, and merging
// several groups' lists into one, in start order, page by page.
import type { EventPage } from '../../model/event.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { toPage } from './mapper.js';
import FetchEvents from './operations/FetchEvents.graphql';
import GroupEvents from './operations/GroupEvents.graphql';
import type { RawEvent, RawPage } from './types.js';

export type Period = 'upcoming' | 'past' | 'all';

export interface EventListQuery {
  /** Group handles (`name` or `name@domain`); empty = the whole instance. */
  groups: string[];
  period: Period;
  /** 1-based. */
  page: number;
  /** 1..99 (Mobilizon refuses 100 and more on `events`). */
  limit: number;
}

export const MAX_LIMIT = 99;
const EPOCH = '1970-01-01T00:00:00Z';

/** "Now" to the minute, so identical lists requested within a minute share a request and a cache entry. */
export const nowToTheMinute = (now = Date.now()): string =>
  new Date(Math.floor(now / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

type ListOptions = Pick<QueryOptions<unknown>, 'signal'> & { onRevalidate?: () => void };

export async function listEvents(client: MobilizonClient, query: EventListQuery, options: ListOptions = {}): Promise<EventPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit)), MAX_LIMIT);
  const page = Math.max(1, Math.floor(query.page));
  if (query.groups.length === 0) return instanceEvents(client, query.period, page, limit, options);
  if (query.groups.length === 1) return groupEvents(client, query.groups[0], query.period, page, limit, options);

  const { mergeGroups } = await import('./merge-groups.js');
  return mergeGroups(query.groups, query.period, page, limit, (group, p) => groupEvents(client, group, query.period, p, limit, options));
}

async function instanceEvents(client: MobilizonClient, period: Period, page: number, limit: number, options: ListOptions) {
  if (period === 'upcoming') {
    const data = await client.query<{ events: RawPage<RawEvent> | null }>(FetchEvents, { page, limit }, options);
    return toPage(data.events, client.base);
  }
  // `events` only knows upcoming events; search knows every date (loaded only for such lists).
  const { searchEvents } = await import('./search.js');
  const dates =
    period === 'past'
      ? { beginsOn: EPOCH, endsOn: nowToTheMinute(), sortBy: 'START_TIME_DESC' }
      : { beginsOn: EPOCH, sortBy: 'START_TIME_ASC' };
  return searchEvents(client, { ...dates, searchTarget: 'INTERNAL', page, limit }, options);
}

export async function groupEvents(client: MobilizonClient, name: string, period: Period, page: number, limit: number, options: ListOptions) {
  const now = nowToTheMinute();
  const bounds =
    period === 'upcoming'
      ? { afterDatetime: now, orderDirection: 'ASC' }
      : period === 'past'
        ? { beforeDatetime: now, orderDirection: 'DESC' }
        : { orderDirection: 'ASC' };
  try {
    const data = await client.query<{ group: { organizedEvents?: RawPage<RawEvent> | null } | null }>(
      GroupEvents,
      { name, ...bounds, order: 'BEGINS_ON', page, limit },
      options,
    );
    if (!data.group) throw new MobilizonError('graphql', 'Group not found', { graphqlCode: 'group_not_found' });
    return toPage(data.group.organizedEvents, client.base);
  } catch (error) {
    if (error instanceof MobilizonError) {
      throw new MobilizonError(error.code, error.message, { ...error.details, subject: name });
    }
    throw error;
  }
}
