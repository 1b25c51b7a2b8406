// Calendar arithmetic in a given IANA zone: which local day an instant falls on, when a local day
// starts and ends (23 or 25 hours long on DST days), month grids. Loaded only by the day-based
// views (agenda, month), day-bounded lists and the filters, never by the plain list. Leaf arithmetic:
// the event planner (sources/) turns day bounds into instants with it.
// The subpath: the package's main entry pulls in all of date-fns for dev servers that load files one by one.
import { fromZonedTime } from 'date-fns-tz/fromZonedTime';
import { dateTimeFormat } from './intl.js';

/** A local calendar day, "YYYY-MM-DD". */
export type DayKey = string;

/** The local day (in `zone`) an instant falls on. */
export function dayKey(instant: Date | string | number, zone: string): DayKey {
  // en-CA formats dates as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The instant a local day starts in `zone` (midnight, or the first valid time on a DST day). */
export function startOfDay(day: DayKey, zone: string): Date {
  return fromZonedTime(`${day}T00:00:00`, zone);
}

/** The day after (calendar arithmetic, no zone involved). */
export function addDays(day: DayKey, days: number): DayKey {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every local day an event covers, from its start to its end (exclusive when it ends at midnight). */
export function daysCovered(start: Date | string, end: Date | string | null, zone: string): DayKey[] {
  const first = dayKey(start, zone);
  if (!end || new Date(end) <= new Date(start)) return [first];
  // An end exactly at local midnight belongs to the previous day.
  const last = dayKey(new Date(new Date(end).getTime() - 1), zone);
  const days: DayKey[] = [];
  for (let day = first; day <= last && days.length < 366; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Day of the week, 0 = Sunday, for a day key (calendar arithmetic). */
export const weekday = (day: DayKey): number => new Date(`${day}T12:00:00Z`).getUTCDay();

/** The first day of the week for a locale (Monday unless the locale says otherwise): 0 = Sunday. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = (new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } });
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    if (firstDay) return firstDay % 7;
  } catch {
    // older engines
  }
  return 1;
}

/** The days shown for a month ("YYYY-MM"): whole weeks from the week of the 1st to the week of the last day. */
export function monthGrid(month: string, locale: string): DayKey[] {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const start = firstDayOfWeek(locale);
  const from = addDays(first, -((weekday(first) - start + 7) % 7));
  const to = addDays(last, (start + 6 - weekday(last) + 7) % 7);
  const days: DayKey[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
