// Several groups' lists as one, in start order. Page p of the merged list lies within the first p
// pages of each group, and the earlier pages are already cached: each step fetches one page a group.
import type { EventModel, EventPage } from '../../model/event.js';
import type { Period } from './events.js';

const compareStart = (a: EventModel, b: EventModel) => a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name);

export async function mergeGroups(
  groups: string[],
  period: Period,
  page: number,
  limit: number,
  fetchPage: (group: string, page: number) => Promise<EventPage>,
): Promise<EventPage> {
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      const pages = await Promise.all(Array.from({ length: page }, (_, i) => fetchPage(group, i + 1)));
      return { total: pages[0].total, events: pages.flatMap((p) => p.events) };
    }),
  );
  const seen = new Set<string>();
  const merged = perGroup
    .flatMap((g) => g.events)
    .filter((e) => !seen.has(e.uuid) && seen.add(e.uuid))
    .sort(period === 'past' ? (a, b) => compareStart(b, a) : compareStart);
  return {
    total: perGroup.reduce((sum, g) => sum + g.total, 0),
    events: merged.slice((page - 1) * limit, page * limit),
  };
}
