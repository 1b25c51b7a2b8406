// The planner: given a query and the sources configured (a Mobilizon instance, its groups, its
// search, iCal feeds), it decides the requests, pages and windows, merges and orders. Elements call
// it; it never renders. Plain pages take the short path here; everything else loads ./windows.ts.
import type { EventPage } from '../model/event.js';
import { MAX_LIMIT, type EventListQuery } from '../model/query.js';
import type { MobilizonClient } from './mobilizon/client.js';
import { isPlain, plainPage, type EventListResult, type ListOptions } from './pages.js';

export type { EventListResult, FeedFailure, ListOptions } from './pages.js';

/** The events a query asks for, from the instance (`client`, null for feeds alone) and the query's feeds. */
export async function loadEvents(client: MobilizonClient | null, query: EventListQuery, options: ListOptions = {}): Promise<EventListResult> {
  const q = { ...query, limit: Math.min(Math.max(1, Math.floor(query.limit)), MAX_LIMIT), page: Math.max(1, Math.floor(query.page)) };
  if (client && isPlain(q)) return { ...(await plainPage(client, q, options)), feedErrors: [] };
  // windows.js and what it imports are fetched side by side: one round trip, not three.
  const [windows] = await Promise.all([import('./windows.js'), import('../format/zoned.js'), import('./merge.js')]);
  return windows.plannedEvents(client, q, options);
}

/** One page of a Mobilizon instance's (or its groups') events, for integrators. */
export async function listEvents(client: MobilizonClient, query: EventListQuery, options: ListOptions = {}): Promise<EventPage> {
  const { total, events } = await loadEvents(client, query, options);
  return { total, events };
}
