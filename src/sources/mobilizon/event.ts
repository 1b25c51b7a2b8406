// One event, whole: for <mobilizon-event> and <mobilizon-registration>.
import type { EventDetails, EventModel } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { normalizeInstance } from './instance.js';
import { mapEvent, text } from './mapper.js';
import FetchEvent from './operations/FetchEvent.graphql';
import type { RawEvent } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string | null | undefined): boolean => UUID.test((value ?? '').trim());

/** The instance and uuid of an event URL on any instance (`https://mobilizon.fr/events/<uuid>`). */
export function parseEventUrl(url: string | null | undefined): { instance: string; uuid: string } | null {
  const match = /^(.*)\/events\/([0-9a-f-]{36})(?:[/?#]|$)/i.exec((url ?? '').trim());
  const instance = match ? normalizeInstance(match[1]) : null;
  return instance && isUuid(match![2]) ? { instance, uuid: match![2].toLowerCase() } : null;
}

/** The event with its page details; `event_not_found` when the instance does not show it to anyone. */
export async function getEvent(
  client: MobilizonClient,
  uuid: string,
  options: Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'> = {},
): Promise<EventModel> {
  return client.query(FetchEvent, { uuid }, {
    ...options,
    map: (data: { event: RawEvent | null }) => {
      if (!data.event) throw new MobilizonError('graphql', 'Event not found', { graphqlCode: 'event_not_found', instance: client.host, subject: uuid });
      // An event the instance sends but without what every event has: the answer drifted, the event exists.
      const event = mapEvent(data.event, client.base);
      if (!event || event.source.kind !== 'mobilizon') throw new MobilizonError('invalid-response', 'The event is not readable.', { instance: client.host });
      event.source.details = mapDetails(data.event);
      return event;
    },
  });
}

/** The extra an event's page shows (from FetchEvent). Here, not in the mapper every list loads: only an event's page needs it. */
function mapDetails(raw: RawEvent): EventDetails {
  const options = raw.options ?? {};
  return {
    phone: text(raw.phoneAddress),
    offers: (options.offers ?? []).flatMap((o) =>
      o ? [{ price: typeof o.price === 'number' && Number.isFinite(o.price) ? o.price : null, currency: text(o.priceCurrency), url: safeUrl(o.url) }] : [],
    ),
    showPrice: Boolean(options.showParticipationPrice),
    conditions: (options.participationConditions ?? []).flatMap((c) =>
      c && (text(c.title) || text(c.content) || safeUrl(c.url)) ? [{ title: text(c.title), content: text(c.content), url: safeUrl(c.url) }] : [],
    ),
    links: (raw.metadata ?? []).flatMap((m) => {
      const url = safeUrl(m?.value);
      return m && url && /^https:/.test(url) && m.key ? [{ key: m.key, title: text(m.title), url }] : [];
    }),
    hideOrganizerWhenGroupEvent: Boolean(options.hideOrganizerWhenGroupEvent),
  };
}
