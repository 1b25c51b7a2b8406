// The month view's data, pure functions in the manner of Lion's calendar utilities: months, the
// same day in another month, and each day's lanes (an event keeps one lane across a week).
import { displayZone } from '../../../format/dates.js';
import { daysCovered, type DayKey } from '../../../format/zoned.js';
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

/** Each day's lanes: an event keeps one lane across a week, so a multi-day event reads as a bar. */
export function layout(events: EventModel[], days: DayKey[], zoneMode: string): Map<DayKey, Array<Span | undefined>> {
  const lanes = new Map<DayKey, Array<Span | undefined>>(days.map((d) => [d, []]));
  const spans = events
    .map((event): Span => {
      const zone = zoneOf(event, zoneMode);
      return { event, zone, days: daysCovered(event.startTime, event.endTime, zone) };
    })
    .filter((s) => s.days.some((d) => lanes.has(d)))
    .sort(
      (a, b) =>
        a.days[0].localeCompare(b.days[0]) ||
        b.days.length - a.days.length ||
        a.event.startTime.localeCompare(b.event.startTime) ||
        a.event.name.localeCompare(b.event.name),
    );
  for (const week of weeksOf(days)) {
    for (const span of spans) {
      const mine = week.filter((d) => span.days.includes(d));
      if (!mine.length) continue;
      let lane = 0;
      while (mine.some((d) => lanes.get(d)![lane])) lane++;
      for (const d of mine) lanes.get(d)![lane] = span;
    }
  }
  return lanes;
}

/** The events of a day, in start order. */
export const eventsOn = (lanes: Map<DayKey, Array<Span | undefined>>, day: DayKey): EventModel[] =>
  (lanes.get(day) ?? [])
    .filter((s): s is Span => !!s)
    .map((s) => s.event)
    .sort((a, b) => a.startTime.localeCompare(b.startTime));
