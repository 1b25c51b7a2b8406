// Several paginated lists (groups, an instance and iCal feeds) as one, in start order. Page p of the
// merged list lies within the first p pages of each source, and earlier pages are cached: each step
// fetches one more page a source.
import type { EventPage } from '../model/event.js';
import { byStart } from '../model/filter.js';

export type PageFetcher = (page: number) => Promise<EventPage>;

export async function mergeSources(sources: PageFetcher[], page: number, limit: number, descending: boolean): Promise<EventPage> {
  const perSource = await Promise.all(
    sources.map(async (fetchPage) => {
      const pages = await Promise.all(Array.from({ length: page }, (_, i) => fetchPage(i + 1)));
      return { total: pages[0].total, events: pages.flatMap((p) => p.events) };
    }),
  );
  const seen = new Set<string>();
  const merged = perSource
    .flatMap((s) => s.events)
    .filter((e) => !seen.has(`${e.source.kind}:${e.uuid}`) && seen.add(`${e.source.kind}:${e.uuid}`))
    .sort(byStart(descending));
  return {
    total: perSource.reduce((sum, s) => sum + s.total, 0),
    events: merged.slice((page - 1) * limit, page * limit),
  };
}

/** A list already in memory (an iCal feed, a filtered group) as a page fetcher. */
export const pagesOf = (events: EventPage['events'], limit: number): PageFetcher => async (page) => ({
  total: events.length,
  events: events.slice((page - 1) * limit, page * limit),
});
