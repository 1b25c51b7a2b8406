// Lists beyond Mobilizon's plain pages, loaded on first need: filters and federated search, day
// bounds, the month view's whole windows and iCal feeds. Instance-wide lists use `searchEvents`
// (filtered and paginated by the server); group lists are read whole within their dates and
// filtered here, since Mobilizon's organizedEvents has no filters. A feed that fails is reported
// beside the events of the others, never instead of them.
import { displayZone } from '../format/dates.js';
import { addDays, daysOf, monthGrid, startOfDay } from '../format/zoned.js';
import type { EventModel, EventPage } from '../model/event.js';
import { byStart, matchesFilters, type EventFilters } from '../model/filter.js';
import { parseNear } from '../model/geohash.js';
import { ConfigurationError } from '../model/configuration-error.js';
import { MAX_LIMIT, PROXY_LIMIT, periodBounds, type EventListQuery } from '../model/query.js';
import { safeUrl } from '../model/url.js';
import { mergeSources, pagesOf, type PageFetcher } from './merge.js';
import type { MobilizonClient } from './mobilizon/client.js';
import { groupEvents } from './mobilizon/events.js';
import { later, LONG_EVENT_MARGIN, searchEvents, searchVariables } from './mobilizon/search.js';
import { needsSearch, plainPage, type EventListResult, type FeedFailure, type ListOptions } from './pages.js';

/** At most this many events are read for one group list or one window (the month view says so
 * when there are more). */
export const WINDOW_CEILING = 2000;
/** Mobilizon's largest page (it refuses 100); a proxy such as the WordPress plugin's serves 50. */
const PAGE = MAX_LIMIT;
/** Events of other zones can land on the month's first or last day: fetch this much around it. */
const ZONE_MARGIN = 14 * 3600_000;
/** How long the instance's events wait for feeds still loading, so fast feeds land in the first paint
 * (no reshuffle) while a slow one never holds the list back. */
const FEED_GRACE = 150;
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
  if (q.days) {
    // Days counted in each event's own zone: asked for with a margin (from UTC+14 to UTC-12), then
    // each event is kept by its own days (onOwnDays).
    const zone = q.days.eachEvent ? 'UTC' : q.days.zone;
    const margin = q.days.eachEvent ? ZONE_MARGIN : 0;
    if (from) after = latest(after, startOfDay(from, zone).getTime() - margin);
    // `to` is included, so the bound is the next day's start.
    if (to) before = earliest(before, startOfDay(addDays(to, 1), zone).getTime() + margin);
  }
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
  const window = q.month ? { ...q, period: 'all' as const } : q;
  // Feeds and the instance are asked at once; a slow feed never holds the instance's events back.
  const fromFeeds = feedEvents(feeds, window, options.signal);
  if (q.month) {
    // The month view shows every event of its weeks, not a page.
    const instance = client ? await everything(client, window, options) : { events: [], total: 0 };
    const feedPart = await settledFeeds(fromFeeds, !client);
    const events = [...instance.events, ...feedPart.events].sort(byStart());
    const capped = instance.events.length < instance.total;
    return {
      total: capped ? instance.total + feedPart.events.length : events.length,
      events,
      feedErrors: feedPart.feedErrors,
      pending: feedPart.pending,
      ceiling: capped ? WINDOW_CEILING : undefined,
    };
  }
  if (feeds.length) {
    const instance = client ? instancePage(client, q, options) : null;
    if (instance) await instance;
    const feedPart = await settledFeeds(fromFeeds, !client);
    const sources: PageFetcher[] = [pagesOf(feedPart.events.sort(byStart(periodBounds(q).descending)), q.limit)];
    if (client) sources.push((page) => (page === q.page && instance ? instance : instancePage(client, { ...q, page }, options)));
    return { ...(await mergeSources(sources, q.page, q.limit, periodBounds(q).descending)), feedErrors: feedPart.feedErrors, pending: feedPart.pending };
  }
  fromFeeds.catch(() => {});
  if (!client) return { total: 0, events: [], feedErrors: [] };
  return { ...(await instancePage(client, q, options)), feedErrors: [] };
}

/**
 * The feeds that have answered by now (all of them when `wait`, for a list of feeds alone); those
 * still loading are left for later (`pending`), the list shows without them meanwhile.
 */
async function settledFeeds(
  all: Promise<FeedResults>,
  wait: boolean,
): Promise<{ events: EventModel[]; feedErrors: FeedFailure[]; pending?: Promise<void> }> {
  const results = wait ? await all : await Promise.race([all, new Promise<null>((resolve) => setTimeout(() => resolve(null), FEED_GRACE))]);
  if (results) return { events: results.flatMap((r) => r.events), feedErrors: results.flatMap((r) => r.error) };
  return { events: [], feedErrors: [], pending: all.then(() => undefined, () => undefined) };
}

/** One page of the instance's part: plain when Mobilizon's lists answer it, else searched or filtered here. */
async function instancePage(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventPage> {
  // Days counted in each event's zone need each event looked at: a group's list is then read whole
  // within its dates (exact pages) rather than paged by the instance.
  if (!needsSearch(q) && !q.days?.eachEvent) return plainPage(client, q, options);
  if (q.groups.length === 0) {
    const bounds = periodBounds(q);
    const page = await searchEvents(client, { ...searchVariables(q, bounds), page: q.page, limit: q.limit }, options);
    // Events ending after `before` were asked for (see LONG_EVENT_MARGIN); drop those starting after
    // it, and those outside the days in their own zone (a page may then be a few events short).
    const inDays = onOwnDays(q);
    const events = page.events.filter((e) => (!bounds.before || e.startTime < bounds.before) && inDays(e));
    return { total: page.total - (page.events.length - events.length), events };
  }
  const { events, total } = await everything(client, q, options);
  return { total, events: events.slice((q.page - 1) * q.limit, q.page * q.limit) };
}

/**
 * When days are counted in each event's own zone: whether an event is on one of them there, as the
 * list shows it (an evening in Tokyo is on its Tokyo date, whatever the visitor's zone).
 */
function onOwnDays(q: EventListQuery): (event: EventModel) => boolean {
  const { from, to, eachEvent } = q.days ?? {};
  if (!eachEvent) return () => true;
  return (event) => {
    const days = daysOf(event, displayZone(event, 'event'));
    return (!from || days[days.length - 1] >= from) && (!to || days[0] <= to);
  };
}

/** Whether an event belongs to the list: the filters, within the bounds, on the list's days. */
function keeper(q: EventListQuery, bounds: { after?: string; before?: string }): (event: EventModel) => boolean {
  const filters: EventFilters = { ...q, near: parseNear(q.near, q.radius) ?? undefined, after: bounds.after, before: bounds.before };
  const inDays = onOwnDays(q);
  return (event) => matchesFilters(event, filters) && inDays(event);
}

/**
 * Every event of the query's groups (or instance) within its bounds, filtered, up to WINDOW_CEILING:
 * for client-side paging and windows. Two waves: the first page, then all the others at once.
 * `total` is how many the instance counts (more than `events` when the ceiling cut).
 */
async function everything(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<{ events: EventModel[]; total: number }> {
  const bounds = periodBounds(q);
  const size = client.endpoint ? PROXY_LIMIT : PAGE;
  let counted = 0;
  // A month of the whole instance often holds more than a page: its second page is asked with the
  // first (a round trip saved; an empty page when the month is small).
  const eager = q.month && !q.groups.length ? 2 : 1;
  const read = async (fetchPage: (page: number) => Promise<EventPage>) => {
    const early = Array.from({ length: eager }, (_, i) => fetchPage(i + 1));
    // Not needed after all (a small month), it may fail unheard.
    for (const extra of early.slice(1)) extra.catch(() => {});
    const first = await early[0];
    counted += first.total;
    const pages = Math.min(Math.ceil(WINDOW_CEILING / size), Math.ceil(first.total / size));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => early[i + 1] ?? fetchPage(i + 2)));
    return [first, ...rest].flatMap((p) => p.events);
  };
  // Mobilizon's group lists compare each event's END with `beforeDatetime`, like its search.
  const groupBounds = { ...bounds, before: bounds.before && later(bounds.before, LONG_EVENT_MARGIN) };
  const lists =
    q.groups.length === 0
      ? [await read((page) => searchEvents(client, { ...searchVariables(q, bounds), page, limit: size }, options))]
      : await Promise.all(q.groups.map((group) => read((page) => groupEvents(client, group, groupBounds, page, size, options))));
  const keep = keeper(q, bounds);
  const seen = new Set<string>();
  const fetched = lists.flat();
  const events = fetched.filter((e) => !seen.has(e.uuid) && seen.add(e.uuid) && keep(e)).sort(byStart(bounds.descending));
  // Cut by the ceiling: the instance counts more than was read (the rest of the count is unfiltered).
  const total = counted > fetched.length ? events.length + (counted - fetched.length) : events.length;
  return { events: events.slice(0, WINDOW_CEILING), total };
}

type FeedResults = Array<{ events: EventModel[]; error: FeedFailure[] }>;

/** Feeds read lately, by URL and window: the list that showed without a slow feed reloads from here. */
const feedMemo = new Map<string, { time: number; events: Promise<EventModel[]> }>();
const FEED_FRESH = 60_000;

function readFeed(url: string, window: { start: Date; end: Date }): Promise<EventModel[]> {
  const key = `${url} ${window.start.toISOString()} ${window.end.toISOString()}`;
  const hit = feedMemo.get(key);
  if (hit && Date.now() - hit.time < FEED_FRESH) return hit.events;
  for (const [old, entry] of feedMemo) if (Date.now() - entry.time >= FEED_FRESH) feedMemo.delete(old);
  // Not tied to one list's signal: another list (or the same one, reloading) may wait for it too.
  const events = import('./ics/feed.js').then(({ loadIcsEvents }) => loadIcsEvents(url, window));
  // Kept a minute, failures too: the list that showed without this feed reloads once it settles,
  // and must then find its answer (or its notice), not start it again.
  feedMemo.set(key, { time: Date.now(), events });
  events.catch(() => {});
  return events;
}

/** Every feed's events within the query's dates, filtered like the instance's, each feed apart. */
async function feedEvents(feeds: string[], q: EventListQuery, signal?: AbortSignal): Promise<FeedResults> {
  if (!feeds.length) return [];
  const bounds = periodBounds(q);
  const now = nowToTheMinuteMs();
  const window = { start: new Date(bounds.after ?? now - YEAR), end: new Date(bounds.before ?? now + YEAR) };
  const keep = keeper(q, bounds);
  const results = await Promise.allSettled(feeds.map((url) => readFeed(url, window)));
  if (signal?.aborted) return [];
  return results.map((result, i) =>
    result.status === 'fulfilled'
      ? { events: result.value.filter(keep).sort(byStart(bounds.descending)), error: [] }
      : { events: [], error: [{ url: feeds[i], error: result.reason }] },
  );
}

/** Now to the minute, so a list reloading within the minute reads the same window of a feed. */
const nowToTheMinuteMs = () => Math.floor(Date.now() / 60_000) * 60_000;
