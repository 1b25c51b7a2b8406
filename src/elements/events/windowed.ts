// Lists bounded by days (from / to, the month view's weeks) or merged with iCal feeds: the day
// arithmetic and the feeds load only for them.
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient } from '../../sources/mobilizon/client.js';
import type { EventListQuery, ListOptions } from '../../sources/mobilizon/events.js';
import { addDays, monthGrid, startOfDay } from '../../format/zoned.js';
import { listCombined, windowCombined, type FeedFailure } from '../../sources/combined.js';
import { ConfigurationError } from '../shared/configuration-error.js';
import { describeFeedError } from '../shared/errors.js';
import type { Inputs, Shown } from './mobilizon-events.js';

/** Events of other zones can land on the month's first or last day: fetch this much around it. */
const ZONE_MARGIN = 14 * 3600_000;

interface Context {
  /** The instance's client (throws when `instance` is missing or wrong). */
  client: () => MobilizonClient;
  locale: string;
  options: ListOptions;
  report: (code: string, message: string) => void;
}

const day = (value: string, name: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new ConfigurationError('errorBadDate', { name, value });
  return value;
};

export async function loadWindowed(query: EventListQuery, inputs: Inputs & { month: string; zone: string }, context: Context): Promise<Shown> {
  const feeds = (inputs.ics ?? '').split(/\s+/).filter(Boolean).map((url) => {
    const safe = safeUrl(url, { base: location.href });
    if (!safe) throw new ConfigurationError('errorBadFeed', { url });
    return safe;
  });
  const client = inputs.instance || !feeds.length ? context.client() : null;

  const from = inputs.from ? day(inputs.from, 'from') : null;
  const to = inputs.to ? day(inputs.to, 'to') : null;
  if (from && to && from > to) throw new ConfigurationError('errorFromAfterTo', { from, to });
  // Days are counted in the display zone; `to` is included, so the bound is the next day's start.
  if (from) query.after = startOfDay(from, inputs.zone).toISOString();
  if (to) query.before = startOfDay(addDays(to, 1), inputs.zone).toISOString();

  if (inputs.view === 'month') {
    const grid = monthGrid(inputs.month, context.locale);
    const start = startOfDay(grid[0], inputs.zone).getTime() - ZONE_MARGIN;
    const end = startOfDay(addDays(grid[grid.length - 1], 1), inputs.zone).getTime() + ZONE_MARGIN;
    query.after = new Date(Math.max(start, query.after ? Date.parse(query.after) : start)).toISOString();
    query.before = new Date(Math.min(end, query.before ? Date.parse(query.before) : end)).toISOString();
  }

  const result =
    inputs.view === 'month'
      ? await windowCombined(client, query, feeds, context.options)
      : await listCombined(client, query, feeds, context.options);
  return { total: result.total, events: result.events, feedNotices: await notices(result.feedErrors, context) };
}

async function notices(failures: FeedFailure[], context: Context): Promise<string[]> {
  return Promise.all(
    failures.map(async (failure) => {
      const { code, message } = await describeFeedError(failure, context.locale);
      context.report(code, message);
      return message;
    }),
  );
}
