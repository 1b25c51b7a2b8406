// iCal feeds as an event source. Loaded lazily (`await import('…/sources/ics/feed.js')`) so that ical.js
// only weighs on pages that show a feed; it imports nothing from Lit or the elements.
import ICAL from 'ical.js';
import type { EventModel } from '../../model/event.js';
import { Collector, EXPANSION_BUDGET_MS, expandCalendar } from './events.js';

export { MAX_OCCURRENCES } from './events.js';

/** Why a feed could not be shown. Elements turn the code into words. */
export type IcsErrorCode =
  | 'network'   // no answer: offline, refused, DNS — or a feed on another site without CORS headers
  | 'timeout'   // no answer in time (feedDefaults.timeout)
  | 'http'      // an HTTP status other than 2xx (details.status)
  | 'not-ics'   // an answer that is not iCalendar (a login page, an HTML error page…)
  | 'malformed' // iCalendar that cannot be read
  | 'aborted';  // the caller went away

export class IcsError extends Error {
  override name = 'IcsError';
  constructor(
    readonly code: IcsErrorCode,
    message: string,
    readonly details: { url: string; status?: number },
  ) {
    super(message);
  }
}

export const feedDefaults = {
  /** A feed that has not answered by then is given up (its list shows without it, with a notice). */
  timeout: 20_000,
};

export interface IcsWindow {
  start: Date;
  end: Date;
}

/** An iCalendar stream starts with BEGIN:VCALENDAR, after an optional byte-order mark and blank space. */
const looksLikeIcs = (text: string): boolean => /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000));

/** The VCALENDARs of a file, as jCal (ICAL.parse gives one, or an array of several). */
function calendarsOf(text: string): unknown[][] {
  const data: unknown = ICAL.parse(text);
  return (Array.isArray(data) && typeof data[0] === 'string' ? [data] : Array.isArray(data) ? data : []).filter(
    (c): c is unknown[] => Array.isArray(c) && c[0] === 'vcalendar' && Array.isArray(c[1]) && Array.isArray(c[2]),
  );
}

const VEVENT = /^BEGIN:VEVENT\r?\n[\s\S]*?^END:VEVENT\r?$/gim;

/**
 * ical.js refuses a whole file for one bad line or value (a description line a careless generator did
 * not fold, `BYHOUR=25`…). Then each VEVENT is read on its own and the bad ones are left out; the rest
 * of the file (VCALENDAR, VTIMEZONEs) must still read, so a truncated download stays an error.
 */
function parseLeniently(text: string): unknown[][] {
  try {
    return calendarsOf(text);
  } catch (error) {
    const roots = calendarsOf(text.replace(VEVENT, ''));
    if (roots.length !== 1) throw error;
    for (const block of text.match(VEVENT) ?? []) {
      try {
        const vevent: unknown = ICAL.parse(block);
        if (Array.isArray(vevent) && vevent[0] === 'vevent') (roots[0][2] as unknown[]).push(vevent);
      } catch {
        // this VEVENT is left out
      }
    }
    return roots;
  }
}

/**
 * Every occurrence overlapping [window.start, window.end), as model events, sorted by start (then name).
 * Recurrences are expanded within the window only, at most MAX_OCCURRENCES per feed.
 */
export function parseIcsEvents(text: string, feedUrl: string, window: IcsWindow): EventModel[] {
  const details = { url: feedUrl };
  if (!looksLikeIcs(text)) throw new IcsError('not-ics', 'The feed is not an iCalendar file.', details);
  let roots: unknown[][];
  try {
    roots = parseLeniently(text.replace(/^\uFEFF?\s*/, ''));
  } catch (error) {
    throw new IcsError('malformed', `The iCalendar file cannot be read (${(error as Error).message}).`, details);
  }
  if (!roots.length) throw new IcsError('malformed', 'The iCalendar file holds no calendar.', details);

  const range = { start: window.start.getTime(), end: window.end.getTime() };
  if (!(range.start < range.end)) return [];
  const collector = new Collector(performance.now() + EXPANSION_BUDGET_MS);
  for (const root of roots) {
    let calendar;
    try {
      calendar = new ICAL.Component(root);
    } catch (error) {
      throw new IcsError('malformed', `The iCalendar file cannot be read (${(error as Error).message}).`, details);
    }
    expandCalendar(calendar, feedUrl, range, collector);
  }
  return collector.result();
}

/** The body as text, in the charset the server names (old Outlook feeds are not all UTF-8). */
async function bodyText(response: Response): Promise<string> {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  const bytes = await response.arrayBuffer();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder();
  }
  return decoder.decode(bytes);
}

/**
 * Fetches a feed and returns its occurrences in the window (see parseIcsEvents). `webcal://` links
 * (what calendar apps hand out) are fetched over https. No cookies and no custom header are sent.
 */
export async function loadIcsEvents(
  url: string,
  window: IcsWindow,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<EventModel[]> {
  const { signal } = options;
  const details = { url };
  const aborted = () => new IcsError('aborted', 'The feed request was cancelled.', details);
  if (signal?.aborted) throw aborted();
  const request = options.fetch ?? fetch;
  const timer = AbortSignal.timeout(feedDefaults.timeout);
  let text: string;
  try {
    const response = await request(url.trim().replace(/^webcals?:\/\//i, 'https://'), {
      credentials: 'omit',
      signal: signal ? AbortSignal.any([signal, timer]) : timer,
    });
    if (!response.ok) {
      throw new IcsError('http', `The feed answered with HTTP status ${response.status}.`, { url, status: response.status });
    }
    text = await bodyText(response);
  } catch (error) {
    if (error instanceof IcsError) throw error;
    if (signal?.aborted) throw aborted();
    if (timer.aborted) throw new IcsError('timeout', 'The feed did not answer in time.', details);
    // fetch rejects with a TypeError and nothing more for an unreachable server, and just the same
    // for a feed on another site that sends no Access-Control-Allow-Origin: the browser does not say which.
    throw new IcsError('network', 'The feed could not be reached.', details);
  }
  if (signal?.aborted) throw aborted();
  return parseIcsEvents(text, url, window);
}
