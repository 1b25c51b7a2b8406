// Lists that need more than Mobilizon's plain lists: filters, dates, global search, and whole
// windows for the month view. Instance-wide lists use `searchEvents` (filtered and paginated by the
// server); group lists are fetched whole within their dates and filtered here, since Mobilizon's
// organizedEvents has no filters.
import type { EventModel, EventPage } from '../../model/event.js';
import { byStart, matchesFilters, type EventFilters } from '../../model/filter.js';
import type { MobilizonClient } from './client.js';
import { groupEvents, periodBounds, type EventListQuery, type ListOptions } from './events.js';
import { parseNear } from './geohash.js';
import { searchEvents, type SearchVariables } from './search.js';

/** At most this many events are read for one group list or one window (10 pages of 50: a
 * proxy such as the WordPress plugin's serves at most 50 a request). */
const MAX_PAGES = 10;
const PAGE = 50;
/** Mobilizon's search and group lists compare each event's END with `endsOn`/`beforeDatetime`:
 * ask for events ending up to this much later, then keep those that start before the bound. */
const LONG_EVENT_MARGIN = 62 * 86_400_000;

const EPOCH = '1970-01-01T00:00:00Z';
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString().replace('.000Z', 'Z');

function searchVariables(q: EventListQuery, bounds: { after?: string; before?: string; descending: boolean }): SearchVariables {
  const global = q.search === 'global';
  const near = parseNear(q.near, q.radius);
  return {
    term: q.term?.trim() || undefined,
    // Global search ignores tags and type: the element does not offer them there.
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

/** Every event of the query's groups (or instance) within its bounds, filtered: for client-side paging and windows. */
async function everything(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventModel[]> {
  const bounds = periodBounds(q);
  const read = async (fetchPage: (page: number) => Promise<EventPage>) => {
    const first = await fetchPage(1);
    const pages = Math.min(MAX_PAGES, Math.ceil(first.total / PAGE));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2)));
    return [first, ...rest].flatMap((p) => p.events);
  };
  const lists =
    q.groups.length === 0
      ? [await read((page) => searchEvents(client, { ...searchVariables(q, bounds), page, limit: PAGE }, options))]
      : await Promise.all(
          q.groups.map((group) =>
            read((page) =>
              groupEvents(client, group, { ...bounds, before: bounds.before && later(bounds.before, LONG_EVENT_MARGIN) }, page, PAGE, options),
            ),
          ),
        );
  const near = parseNear(q.near, q.radius);
  const filters: EventFilters = { ...q, near: near ?? undefined, after: bounds.after, before: bounds.before };
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((e) => !seen.has(e.uuid) && seen.add(e.uuid) && matchesFilters(e, filters))
    .sort(byStart(bounds.descending));
}

export async function filteredEvents(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventPage> {
  if (q.groups.length === 0) {
    const bounds = periodBounds(q);
    const page = await searchEvents(client, { ...searchVariables(q, bounds), page: q.page, limit: q.limit }, options);
    // Events ending after `before` were asked for (see LONG_EVENT_MARGIN); drop those starting after it.
    const events = page.events.filter((e) => !bounds.before || e.startTime < bounds.before);
    return { total: page.total - (page.events.length - events.length), events };
  }
  const events = await everything(client, q, options);
  return { total: events.length, events: events.slice((q.page - 1) * q.limit, q.page * q.limit) };
}

/** Every event overlapping [after, before) (the month view's weeks), filtered. */
export function windowEvents(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventModel[]> {
  return everything(client, { ...q, period: 'all' }, options);
}
