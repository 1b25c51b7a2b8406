// Lists beyond Mobilizon's plain pages, loaded on first need: filters and federated search, day
// bounds, the month view's whole windows and iCal feeds. Instance-wide lists use `searchEvents`
// (filtered and paginated by the server); group lists are read whole within their dates and
// filtered here, since Mobilizon's organizedEvents has no filters. A feed that fails is reported
// beside the events of the others, never instead of them.
import { addDays, monthGrid, startOfDay } from '../format/zoned.js';
import type { EventModel, EventPage } from '../model/event.js';
import { byStart, matchesFilters, type EventFilters } from '../model/filter.js';
import { parseNear } from '../model/geohash.js';
import { ConfigurationError } from '../model/configuration-error.js';
import { periodBounds, type EventListQuery } from '../model/query.js';
import { safeUrl } from '../model/url.js';
import { mergeSources, pagesOf, type PageFetcher } from './merge.js';
import type { MobilizonClient } from './mobilizon/client.js';
import { groupEvents } from './mobilizon/events.js';
import { later, LONG_EVENT_MARGIN, searchEvents, searchVariables } from './mobilizon/search.js';
import { needsSearch, plainPage, type EventListResult, type FeedFailure, type ListOptions } from './pages.js';

/** At most this many events are read for one group list or one window (10 pages of 50: a
 * proxy such as the WordPress plugin's serves at most 50 a request). */
const MAX_PAGES = 10;
const PAGE = 50;
/** Events of other zones can land on the month's first or last day: fetch this much around it. */
const ZONE_MARGIN = 14 * 3600_000;
/** Recurring feed events are expanded this far from now when a list has no end date. */
const YEAR = 366 * 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();
const latest = (a: string | undefined, b: number) => iso(a ? Math.max(Date.parse(a), b) : b);
const earliest = (a: string | undefined, b: number) => iso(a ? Math.min(Date.parse(a), b) : b);

const checkedDay = (value: string | undefined, name: string): string | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new ConfigurationError('errorBadDate', { name, value });
  return value;
};

/** The query's day bounds and month window as instants, its feeds as absolute URLs (or what is wrong with them). */
function resolved(q: EventListQuery): EventListQuery & { feeds: string[] } {
  const feeds = (q.feeds ?? []).map((url) => safeUrl(url, { base: q.base }) ?? fail(new ConfigurationError('errorBadFeed', { url })));
  const from = checkedDay(q.days?.from, 'from');
  const to = checkedDay(q.days?.to, 'to');
  if (from && to && from > to) throw new ConfigurationError('errorFromAfterTo', { from, to });
  let { after, before } = q;
  if (q.days?.from) after = latest(after, startOfDay(q.days.from, q.days.zone).getTime());
  // `to` is included, so the bound is the next day's start.
  if (q.days?.to) before = earliest(before, startOfDay(addDays(q.days.to, 1), q.days.zone).getTime());
  if (q.month) {
    const { month, locale, zone } = q.month;
    const grid = monthGrid(month, locale);
    after = latest(after, startOfDay(grid[0], zone).getTime() - ZONE_MARGIN);
    before = earliest(before, startOfDay(addDays(grid[grid.length - 1], 1), zone).getTime() + ZONE_MARGIN);
  }
  return { ...q, after, before, feeds };
}

const fail = (error: Error): never => {
  throw error;
};

export async function plannedEvents(client: MobilizonClient | null, query: EventListQuery, options: ListOptions): Promise<EventListResult> {
  const q = resolved(query);
  const { feeds } = q;
  if (q.month) {
    // The month view shows every event of its weeks, not a page.
    const all = { ...q, period: 'all' as const };
    const [instance, fromFeeds] = await Promise.all([client ? everything(client, all, options) : [], feedEvents(feeds, all, options.signal)]);
    const events = [...instance, ...fromFeeds.events].sort(byStart());
    return { total: events.length, events, feedErrors: fromFeeds.feedErrors };
  }
  if (feeds.length) {
    const { events, feedErrors } = await feedEvents(feeds, q, options.signal);
    const sources: PageFetcher[] = [pagesOf(events, q.limit)];
    if (client) sources.push((page) => instancePage(client, { ...q, page }, options));
    return { ...(await mergeSources(sources, q.page, q.limit, periodBounds(q).descending)), feedErrors };
  }
  if (!client) return { total: 0, events: [], feedErrors: [] };
  return { ...(await instancePage(client, q, options)), feedErrors: [] };
}

/** One page of the instance's part: plain when Mobilizon's lists answer it, else searched or filtered here. */
async function instancePage(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventPage> {
  if (!needsSearch(q)) return plainPage(client, q, options);
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

const filtersOf = (q: EventListQuery, bounds: { after?: string; before?: string }): EventFilters => ({
  ...q,
  near: parseNear(q.near, q.radius) ?? undefined,
  after: bounds.after,
  before: bounds.before,
});

/** Every event of the query's groups (or instance) within its bounds, filtered: for client-side paging and windows. */
async function everything(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventModel[]> {
  const bounds = periodBounds(q);
  const read = async (fetchPage: (page: number) => Promise<EventPage>) => {
    const first = await fetchPage(1);
    const pages = Math.min(MAX_PAGES, Math.ceil(first.total / PAGE));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2)));
    return [first, ...rest].flatMap((p) => p.events);
  };
  // Mobilizon's group lists compare each event's END with `beforeDatetime`, like its search.
  const groupBounds = { ...bounds, before: bounds.before && later(bounds.before, LONG_EVENT_MARGIN) };
  const lists =
    q.groups.length === 0
      ? [await read((page) => searchEvents(client, { ...searchVariables(q, bounds), page, limit: PAGE }, options))]
      : await Promise.all(q.groups.map((group) => read((page) => groupEvents(client, group, groupBounds, page, PAGE, options))));
  const filters = filtersOf(q, bounds);
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((e) => !seen.has(e.uuid) && seen.add(e.uuid) && matchesFilters(e, filters))
    .sort(byStart(bounds.descending));
}

/** Every feed's events within the query's dates, filtered like the instance's. */
async function feedEvents(feeds: string[], q: EventListQuery, signal?: AbortSignal): Promise<{ events: EventModel[]; feedErrors: FeedFailure[] }> {
  if (!feeds.length) return { events: [], feedErrors: [] };
  const { loadIcsEvents } = await import('./ics/feed.js');
  const bounds = periodBounds(q);
  const now = Date.now();
  const window = { start: new Date(bounds.after ?? now - YEAR), end: new Date(bounds.before ?? now + YEAR) };
  const results = await Promise.allSettled(feeds.map((url) => loadIcsEvents(url, window, { signal })));
  const filters = filtersOf(q, bounds);
  const events: EventModel[] = [];
  const feedErrors: FeedFailure[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') events.push(...result.value.filter((e) => matchesFilters(e, filters)));
    else feedErrors.push({ url: feeds[i], error: result.reason });
  });
  return { events: events.sort(byStart(bounds.descending)), feedErrors };
}
