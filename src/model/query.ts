// The vocabulary every event source answers: which events a list shows, whatever the source
// (a Mobilizon instance, its groups, its search, iCal feeds). One builder turns the attributes of
// <mobilizon-events> (and the filter bar's choices) into it; the planner in sources/events.ts answers it.
import { ConfigurationError } from './configuration-error.js';
import type { EventType } from './filter.js';

export type Period = 'upcoming' | 'past' | 'all';
export type SearchTarget = 'self' | 'internal' | 'global';
export type ViewName = 'list' | 'grid' | 'agenda' | 'month';

export const VIEWS: readonly ViewName[] = ['list', 'grid', 'agenda', 'month'];
export const PERIODS: readonly Period[] = ['upcoming', 'past', 'all'];
export const SEARCHES: readonly SearchTarget[] = ['self', 'internal', 'global'];
/** The `type` attribute's words and what they mean. */
export const EVENT_TYPES: Record<string, EventType> = { online: 'ONLINE', 'in-person': 'IN_PERSON' };

/** Mobilizon refuses 100 events a request and more. */
export const MAX_LIMIT = 99;
/** A proxy (the WordPress plugin's) serves at most this many a request. */
export const PROXY_LIMIT = 50;
export const DEFAULT_LIMIT = 10;

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
  /**
   * Bounds in calendar days ("YYYY-MM-DD"), both included, counted in `zone` (or, `eachEvent`, in each
   * event's own zone: the day the list shows it on): the planner checks them and turns them into instants.
   */
  days?: { from?: string; to?: string; zone: string; eachEvent?: boolean };
  /** Every event of a month's grid (the month view) rather than a page: "YYYY-MM", its weeks starting as `locale` starts them. */
  month?: { month: string; locale: string; zone: string };
  /** iCal feed URLs (relative to `base`), merged with the instance's events; the planner checks them. */
  feeds?: string[];
  /** The page's address, for relative feed URLs. */
  base?: string;
}

/** What a site owner writes on <mobilizon-events> (and the filter bar may override). */
export interface ListAttributes {
  group?: string | null;
  view?: string | null;
  period?: string | null;
  limit?: number | string | null;
  from?: string | null;
  to?: string | null;
  tags?: string | string[] | null;
  category?: string | null;
  type?: string | null;
  term?: string | null;
  near?: string | null;
  radius?: number | null;
  search?: string | null;
  hideCancelled?: boolean;
  ics?: string | null;
}

export interface QueryContext {
  page: number;
  /** Lists go through a proxy (smaller pages). */
  proxy: boolean;
  /** The zone day bounds are counted in. */
  dayZone: string;
  /** Each event is shown in its own zone (`timezone="event"`): its days, and day bounds, are counted there. */
  eventZones?: boolean;
  /** The month the month view shows ("YYYY-MM"). */
  month: string;
  locale: string;
  /** Resolves relative feed URLs (the page's address). */
  base?: string;
}

/** Throws the "unknown value" configuration error unless `value` is one of `allowed`. */
export function check<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ConfigurationError('errorBadValue', { name, value, values: allowed.join(', ') });
  return value as T;
}

/** A comma-separated attribute as a list, without repeats; group handles may start with "@". */
export const splitList = (value: string | null | undefined, handles = true): string[] =>
  [...new Set((value ?? '').split(',').map((h) => (handles ? h.trim().replace(/^@/, '') : h.trim())).filter(Boolean))];

/** `limit` bounded to what the source accepts; `clamped` when the site owner asked for more. */
export function pageSize(limit: unknown, proxy: boolean): { limit: number; max: number; clamped: boolean } {
  const wanted = Number(limit ?? DEFAULT_LIMIT);
  const max = proxy ? PROXY_LIMIT : MAX_LIMIT;
  if (!(wanted >= 1)) return { limit: DEFAULT_LIMIT, max, clamped: false };
  return { limit: Math.min(max, Math.floor(wanted)), max, clamped: wanted > max };
}

/** The one builder: attributes (with the filter bar's choices over them) to the query every source answers. */
export function buildQuery(a: ListAttributes, context: QueryContext): EventListQuery {
  const view = check('view', a.view || 'list', VIEWS);
  const period = check('period', a.period || 'upcoming', PERIODS);
  const search = a.search ? check('search', a.search, SEARCHES) : undefined;
  const type = a.type ? (Object.values(EVENT_TYPES).includes(a.type as EventType) ? (a.type as EventType) : EVENT_TYPES[check('type', a.type, Object.keys(EVENT_TYPES))]) : undefined;
  const from = a.from?.trim() || undefined;
  const to = a.to?.trim() || undefined;
  const feeds = (a.ics ?? '').split(/\s+/).filter(Boolean);
  const tags = Array.isArray(a.tags) ? a.tags : splitList(a.tags, false);
  return {
    groups: splitList(a.group),
    period,
    page: Math.max(1, Math.floor(context.page)),
    limit: pageSize(a.limit, context.proxy).limit,
    search,
    term: a.term?.trim() || undefined,
    tags: tags.length ? tags : undefined,
    category: a.category || undefined,
    type,
    near: a.near?.trim() || undefined,
    radius: a.radius ?? undefined,
    hideCancelled: a.hideCancelled || undefined,
    days: from || to ? { from, to, zone: context.dayZone, eachEvent: context.eventZones || undefined } : undefined,
    month: view === 'month' ? { month: context.month, locale: context.locale, zone: context.dayZone } : undefined,
    feeds: feeds.length ? feeds : undefined,
    base: context.base,
  };
}

/** "Now" to the minute, so identical lists requested within a minute share a request and a cache entry. */
export const nowToTheMinute = (now = Date.now()): string =>
  new Date(Math.floor(now / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

/** The date bounds a period and the query's instants give, and the order they are listed in. */
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
