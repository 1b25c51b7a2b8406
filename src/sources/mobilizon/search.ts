// Event search: dated, filtered and federated lists, through Mobilizon's `searchEvents`.
import type { EventPage } from '../../model/event.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { toPage } from './mapper.js';
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

export async function searchEvents(
  client: MobilizonClient,
  variables: SearchVariables,
  options: Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'> = {},
): Promise<EventPage> {
  const data = await client.query<{ searchEvents: RawPage<RawEvent> | null }>(
    SearchEvents,
    variables as Record<string, unknown>,
    options,
  );
  return toPage(data.searchEvents, client.base);
}
