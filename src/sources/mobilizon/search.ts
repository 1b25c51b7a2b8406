// Event search: dated, filtered and federated lists, through Mobilizon's `searchEvents`, and how a
// query's words become its variables.
import type { EventPage } from '../../model/event.js';
import { parseNear } from '../../model/geohash.js';
import type { EventListQuery } from '../../model/query.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { loadMapper } from './events.js';
import SearchEvents from './operations/SearchEvents.graphql';
import type { RawEvent, RawPage } from './types.js';

export interface SearchVariables {
  term?: string;
  tags?: string;
  category?: string;
  type?: 'ONLINE' | 'IN_PERSON';
  location?: string;
  radius?: number;
  beginsOn?: string;
  endsOn?: string;
  statusOneOf?: Array<'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'>;
  searchTarget?: 'SELF' | 'INTERNAL' | 'GLOBAL';
  sortBy?: string;
  page?: number;
  limit?: number;
}

/** Mobilizon's search compares each event's END with `endsOn`: lists in start order ask for events
 * ending up to this much later, then keep those that start before the bound. */
export const LONG_EVENT_MARGIN = 62 * 86_400_000;

const EPOCH = '1970-01-01T00:00:00Z';
export const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString().replace('.000Z', 'Z');

/** The search variables for a query within bounds (global search ignores tags and type: not sent). */
export function searchVariables(q: EventListQuery, bounds: { after?: string; before?: string; descending: boolean }): SearchVariables {
  const global = q.search === 'global';
  const near = parseNear(q.near, q.radius);
  return {
    term: q.term?.trim() || undefined,
    tags: !global && q.tags?.length ? q.tags.join(',') : undefined,
    category: q.category || undefined,
    type: global ? undefined : q.type,
    location: near?.geohash,
    radius: near?.radius,
    beginsOn: bounds.after ?? EPOCH,
    // Past lists come newest first: events ending after `before` would fill the first pages, so
    // only lists in start order ask for the margin (and drop what starts too late).
    endsOn: bounds.before ? (bounds.descending ? bounds.before : later(bounds.before, LONG_EVENT_MARGIN)) : undefined,
    statusOneOf: q.hideCancelled ? ['CONFIRMED', 'TENTATIVE'] : undefined,
    searchTarget: q.search === 'global' ? 'GLOBAL' : q.search === 'self' ? 'SELF' : 'INTERNAL',
    sortBy: bounds.descending ? 'START_TIME_DESC' : 'START_TIME_ASC',
  };
}

export async function searchEvents(
  client: MobilizonClient,
  variables: SearchVariables,
  options: Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'> = {},
): Promise<EventPage> {
  const mapper = loadMapper();
  return client.query(SearchEvents, variables as Record<string, unknown>, {
    ...options,
    map: async (data: { searchEvents: RawPage<RawEvent> | null }) => (await mapper)(data.searchEvents, client.base),
  });
}
