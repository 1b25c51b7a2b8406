// `crowd=<N>`: the same dataset plus N public events in the current month (UTC), spread over its
// days and hours, so a month view can be tried with as many events as a large instance lists.
import { stableUuid } from './util.mjs';

const HOUR = 3600_000;
export const MAX_CROWD = 5000;

export function makeCrowd(dataset, count, now) {
  const template = dataset.events.find((e) => e.local && e.visibility === 'PUBLIC' && e.status === 'CONFIRMED' && !e.draft && e.groupId);
  const first = new Date(now);
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth();
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  let id = Math.max(...dataset.events.map((e) => e.id)) + 1;
  const crowd = Array.from({ length: Math.min(count, MAX_CROWD) }, (_, i) => {
    const beginsOn = Date.UTC(year, month, 1 + (i % days), 7 + (Math.floor(i / days) % 12));
    const key = `crowd-${i + 1}`;
    return {
      ...template,
      key,
      id: id++,
      uuid: stableUuid(`event:${key}`),
      slug: key,
      title: `Rencontre n° ${i + 1}`,
      beginsOn,
      endsOn: beginsOn + HOUR,
      publishAt: now - 10 * 24 * HOUR,
      tags: [],
      participants: 0,
    };
  });
  return { ...dataset, events: [...dataset.events, ...crowd] };
}
