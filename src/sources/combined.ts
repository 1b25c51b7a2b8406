// A list from a Mobilizon instance and/or iCal feeds, merged in start order. Loaded only for lists
// with `ics` feeds; a feed that fails is reported beside the events of the others, never instead.
import type { EventModel, EventPage } from '../model/event.js';
import { byStart, matchesFilters } from '../model/filter.js';
import { mergeSources, pagesOf, type PageFetcher } from './merge.js';
import type { MobilizonClient } from './mobilizon/client.js';
import { listEvents, periodBounds, type EventListQuery, type ListOptions } from './mobilizon/events.js';
import { parseNear } from './mobilizon/geohash.js';

export interface FeedFailure {
  url: string;
  error: unknown;
}

export interface CombinedPage extends EventPage {
  feedErrors: FeedFailure[];
}

/** Recurring feed events are expanded this far from now when a list has no end date. */
const YEAR = 366 * 86_400_000;

/** Every feed's events within the query's dates, filtered like the instance's. */
export async function feedEvents(
  feeds: string[],
  query: EventListQuery,
  signal?: AbortSignal,
): Promise<{ events: EventModel[]; feedErrors: FeedFailure[] }> {
  const { loadIcsEvents } = await import('./ics/feed.js');
  const bounds = periodBounds(query);
  const now = Date.now();
  const start = new Date(bounds.after ?? now - YEAR);
  const end = new Date(bounds.before ?? now + YEAR);
  const results = await Promise.allSettled(feeds.map((url) => loadIcsEvents(url, { start, end }, { signal })));
  const near = parseNear(query.near, query.radius);
  const filters = { ...query, near: near ?? undefined, after: bounds.after, before: bounds.before };
  const events: EventModel[] = [];
  const feedErrors: FeedFailure[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') events.push(...result.value.filter((e) => matchesFilters(e, filters)));
    else feedErrors.push({ url: feeds[i], error: result.reason });
  });
  return { events: events.sort(byStart(bounds.descending)), feedErrors };
}

export async function listCombined(
  client: MobilizonClient | null,
  query: EventListQuery,
  feeds: string[],
  options: ListOptions = {},
): Promise<CombinedPage> {
  const { events, feedErrors } = await feedEvents(feeds, query, options.signal);
  const sources: PageFetcher[] = [pagesOf(events, query.limit)];
  if (client) sources.push((page) => listEvents(client, { ...query, page }, options));
  const page = await mergeSources(sources, query.page, query.limit, periodBounds(query).descending);
  return { ...page, feedErrors };
}

/** Every event overlapping the query's [after, before) from the instance and the feeds (the month view's weeks). */
export async function windowCombined(
  client: MobilizonClient | null,
  query: EventListQuery,
  feeds: string[],
  options: ListOptions = {},
): Promise<CombinedPage> {
  const q = { ...query, period: 'all' as const };
  const [instance, fromFeeds] = await Promise.all([
    client ? import('./mobilizon/filtered.js').then((m) => m.windowEvents(client, q, options)) : [],
    feeds.length ? feedEvents(feeds, q, options.signal) : { events: [], feedErrors: [] },
  ]);
  const events = [...instance, ...fromFeeds.events].sort(byStart());
  return { total: events.length, events, feedErrors: fromFeeds.feedErrors };
}
