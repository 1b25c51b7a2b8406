// The short path of every list: a page that Mobilizon's plain lists answer as it is (the instance's
// upcoming events, or one or more groups' events between two instants), with no filter to apply.
import type { EventPage } from '../model/event.js';
import { periodBounds, type EventListQuery } from '../model/query.js';
import type { MobilizonClient } from './mobilizon/client.js';
import { groupEvents, instanceEvents, type ListOptions } from './mobilizon/events.js';

export type { ListOptions } from './mobilizon/events.js';

export interface FeedFailure {
  url: string;
  error: unknown;
}

/** A page of a list, with the feeds that failed beside it (shown above the events of the others). */
export interface EventListResult extends EventPage {
  feedErrors: FeedFailure[];
  /** Feeds still loading: the list is shown without them, and settles when they have answered (or failed). */
  pending?: Promise<void>;
  /** A window with more events than this shows only this many (the first in start order); `total` is the true count. */
  ceiling?: number;
}

/** True when the instance's part of a list needs more than Mobilizon's plain lists give. */
export const needsSearch = (q: EventListQuery): boolean =>
  Boolean(q.search || q.term?.trim() || q.tags?.length || q.category || q.type || q.near?.trim()) ||
  (q.groups.length > 0 && Boolean(q.hideCancelled)) ||
  (q.groups.length === 0 && (q.period !== 'upcoming' || Boolean(q.after || q.before)));

/** True when the whole list is one plain page: no feeds, no day bounds, no month window, no filter. */
export const isPlain = (q: EventListQuery): boolean => !q.feeds?.length && !q.days && !q.month && !needsSearch(q);

/** One page from Mobilizon's plain lists; several groups are merged in start order. */
export async function plainPage(client: MobilizonClient, q: EventListQuery, options: ListOptions): Promise<EventPage> {
  if (!q.groups.length) return instanceEvents(client, q.page, q.limit, options);
  const bounds = periodBounds(q);
  const fetchers = q.groups.map((group) => (page: number) => groupEvents(client, group, bounds, page, q.limit, options));
  if (fetchers.length === 1) return fetchers[0](q.page);
  return (await import('./merge.js')).mergeSources(fetchers, q.page, q.limit, bounds.descending);
}
