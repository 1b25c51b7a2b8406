// The month view's data, pure functions in the manner of Lion's calendar utilities: months, the
// same day in another month, and each day's lanes (an event keeps one lane across a week).
import { displayZone } from '../../../format/dates.js';
import { daysOf, type DayKey } from '../../../format/zoned.js';
import type { EventModel } from '../../../model/event.js';

/** One event's days, in the zone it is shown in. */
export interface Span {
  event: EventModel;
  zone: string;
  days: DayKey[];
}

export const isMonth = (month: string): boolean => /^\d{4}-\d{2}$/.test(month);

export const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/** The same day number in another month, clamped to its length (31 → 30 or 28). */
export const sameDay = (month: string, day: DayKey | null): DayKey => {
  const [y, m] = month.split('-').map(Number);
  const n = Math.min(Number(day?.slice(8)) || 1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${month}-${String(n).padStart(2, '0')}`;
};

/** The grid's days in weeks of seven. */
export const weeksOf = (days: DayKey[]): DayKey[][] =>
  Array.from({ length: Math.ceil(days.length / 7) }, (_, w) => days.slice(w * 7, w * 7 + 7));

/** All-day iCal events come as UTC midnights without a time: they belong to their calendar dates. */
const zoneOf = (event: EventModel, zoneMode: string): string =>
  event.timezone === 'UTC' && !event.display.showStartTime ? 'UTC' : displayZone(event, zoneMode);

/** Day keys and ISO instants order as plain strings (localeCompare, a collation, costs far more on thousands). */
const ascii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Each day's lanes: an event keeps one lane across a week, so a multi-day event reads as a bar. */
export function layout(events: EventModel[], days: DayKey[], zoneMode: string): Map<DayKey, Array<Span | undefined>> {
  const index = new Map(days.map((d, i) => [d, i]));
  const spans = events
    .map((event) => {
      const zone = zoneOf(event, zoneMode);
      const span: Span = { event, zone, days: daysOf(event, zone) };
      // The grid's columns it covers, by index (ascending).
      return { span, cols: span.days.map((d) => index.get(d)!).filter((i) => i !== undefined) };
    })
    .filter((s) => s.cols.length)
    .sort(
      ({ span: a }, { span: b }) =>
        ascii(a.days[0], b.days[0]) || b.days.length - a.days.length || ascii(a.event.startTime, b.event.startTime) || a.event.name.localeCompare(b.event.name),
    );
  // Week by week, each span (in that order) takes the first lane free on all its days of the week.
  const lanes = days.map((): Array<Span | undefined> => []);
  for (let week = 0; week < days.length; week += 7) {
    for (const { span, cols } of spans) {
      const mine = cols.filter((i) => i >= week && i < week + 7);
      let lane = 0;
      while (mine.some((i) => lanes[i][lane])) lane++;
      for (const i of mine) lanes[i][lane] = span;
    }
  }
  return new Map(days.map((d, i) => [d, lanes[i]]));
}

/** Lanes a week row shows; the last one gives way to "+N more" on a day that has more. */
export const MAX_LANES = 3;

/** One event's piece in a week row: from column `col`, `n` days, in lane `lane`. */
export interface Bar {
  span: Span;
  col: number;
  n: number;
  lane: number;
  /** It began before this row / goes on after it. */
  from: boolean;
  to: boolean;
}

/**
 * A week row's bars (one per event, drawn from its first day in the row) and each day's count of
 * events not drawn. Lanes below the last are always drawn; a bar in the last lane only where none
 * of its days needs that lane for "+N more" (as FullCalendar's dayMaxEventRows).
 */
export function weekRow(lanes: Map<DayKey, Array<Span | undefined>>, week: DayKey[], max = MAX_LANES): { bars: Bar[]; more: number[] } {
  const bars: Bar[] = [];
  const more = week.map(() => 0);
  const at = (col: number, lane: number) => lanes.get(week[col])?.[lane];
  week.forEach((day, col) => {
    lanes.get(day)!.forEach((span, lane) => {
      if (!span || (col > 0 && at(col - 1, lane) === span)) return; // drawn from an earlier day
      let n = 1;
      while (col + n < week.length && at(col + n, lane) === span) n++;
      const days = week.slice(col, col + n);
      if (lane < max - 1 || (lane === max - 1 && days.every((d) => lanes.get(d)!.length <= max))) {
        bars.push({ span, col, n, lane, from: span.days[0] !== day, to: span.days[span.days.length - 1] !== days[n - 1] });
      } else for (let i = col; i < col + n; i++) more[i]++;
    });
  });
  return { bars, more };
}

/** The events of a day, in start order. */
export const eventsOn = (lanes: Map<DayKey, Array<Span | undefined>>, day: DayKey): EventModel[] =>
  (lanes.get(day) ?? [])
    .filter((s): s is Span => !!s)
    .map((s) => s.event)
    .sort((a, b) => ascii(a.startTime, b.startTime));
