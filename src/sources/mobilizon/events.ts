// Mobilizon's event lists, one operation each: the instance's upcoming events (`events`) and a
// group's events between two instants (`group.organizedEvents`). Which of them answers a list, and
// how pages of several are merged, is the planner's business (../events.ts).
import type { EventPage } from '../../model/event.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { toPage } from './mapper.js';
import FetchEvents from './operations/FetchEvents.graphql';
import GroupEvents from './operations/GroupEvents.graphql';
import type { RawEvent, RawPage } from './types.js';

export type ListOptions = Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'>;

/** One page of the instance's upcoming events (Mobilizon hides cancelled ones here). */
export async function instanceEvents(client: MobilizonClient, page: number, limit: number, options: ListOptions = {}): Promise<EventPage> {
  return client.query(FetchEvents, { page, limit }, { ...options, map: (data: { events: RawPage<RawEvent> | null }) => toPage(data.events, client.base) });
}

/** One page of a group's events between bounds (Mobilizon 5.1 compares each event's end). */
export async function groupEvents(
  client: MobilizonClient,
  name: string,
  bounds: { after?: string; before?: string; descending: boolean },
  page: number,
  limit: number,
  options: ListOptions = {},
): Promise<EventPage> {
  try {
    return await client.query(
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
      {
        ...options,
        map: (data: { group: { organizedEvents?: RawPage<RawEvent> | null } | null }) => {
          if (!data.group) throw new MobilizonError('graphql', 'Group not found', { graphqlCode: 'group_not_found' });
          return toPage(data.group.organizedEvents, client.base);
        },
      },
    );
  } catch (error) {
    if (error instanceof MobilizonError) throw new MobilizonError(error.code, error.message, { ...error.details, subject: name });
    throw error;
  }
}
