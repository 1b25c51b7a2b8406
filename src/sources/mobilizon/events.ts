// Mobilizon's event lists, one operation each: the instance's upcoming events (`events`) and a
// group's events between two instants (`group.organizedEvents`). Which of them answers a list, and
// how pages of several are merged, is the planner's business (../events.ts).
import type { EventPage } from '../../model/event.js';
import type { toPage } from './mapper.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import FetchEvents from './operations/FetchEvents.graphql';
import GroupEvents from './operations/GroupEvents.graphql';
import type { RawEvent, RawPage } from './types.js';

export type ListOptions = Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'>;

/**
 * The mapper, which is not in the entry: asked for as a request goes out, it arrives while the
 * answer is on its way. (A load that fails surfaces where the answer is mapped, if one comes.)
 */
export function loadMapper(): Promise<typeof toPage> {
  const loading = import('./mapper.js').then(({ toPage }) => toPage);
  loading.catch(() => undefined);
  return loading;
}

/** One page of the instance's upcoming events (Mobilizon hides cancelled ones here). */
export async function instanceEvents(client: MobilizonClient, page: number, limit: number, options: ListOptions = {}): Promise<EventPage> {
  const mapper = loadMapper();
  return client.query(FetchEvents, { page, limit }, {
    ...options,
    map: async (data: { events: RawPage<RawEvent> | null }) => (await mapper)(data.events, client.base),
  });
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
  const mapper = loadMapper();
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
        map: async (data: { group: { organizedEvents?: RawPage<RawEvent> | null } | null }) => {
          if (!data.group) throw new MobilizonError('graphql', 'Group not found', { graphqlCode: 'group_not_found' });
          return (await mapper)(data.group.organizedEvents, client.base);
        },
      },
    );
  } catch (error) {
    if (error instanceof MobilizonError) throw new MobilizonError(error.code, error.message, { ...error.details, subject: name });
    throw error;
  }
}
