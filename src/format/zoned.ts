// Calendar arithmetic in a given IANA zone with the browser's own zone data (Intl): which local day
// an instant falls on, the instant a wall-clock time denotes (exact across DST, with RFC 5545's rules
// for the hour that does not exist or happens twice), when a local day starts (23 or 25 hours long on
// DST days), month grids. Loaded only by the day-based views (agenda, month), day-bounded lists and
// iCal feeds, never by the plain list. Leaf arithmetic: the event planner (sources/) and the iCal
// source use it too.
import { dateTimeFormat } from './intl.js';

/** Instants and wall-clock times in milliseconds; a wall-clock time is written as if it were UTC. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A local calendar day, "YYYY-MM-DD". */
export type DayKey = string;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local day (in `zone`) an instant falls on. */
export function dayKey(instant: Date | string | number, zone: string): DayKey {
  // A map of its own: this runs twice per event of a month, the shared cache's key costs more than the lookup.
  let format = dayFormats.get(zone);
  // en-CA formats dates as YYYY-MM-DD.
  if (!format) dayFormats.set(zone, (format = dateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}

/** The instant a local day starts in `zone` (midnight, or the first valid time on a DST day). */
export function startOfDay(day: DayKey, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(zonedToInstant(utc(y, m, d), zone));
}

/** Null for a zone this browser does not know (remembered: asking Intl again would throw again). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

export function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = dateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // RangeError: not a zone this browser knows
    }
    formatters.set(zone, f);
  }
  return f;
}

/** A UTC timestamp from calendar fields; unlike Date.UTC, years 0–99 stay themselves. */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant (wall clock minus UTC), in ms. */
export function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone)!.formatToParts(instant)) parts[p.type] = Number(p.value);
  const wall = utc(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in an IANA zone denotes. RFC 5545 §3.3.5: a time that happens twice
 * (autumn) is the first one; a time that does not exist (spring gap) is read with the offset in force
 * before the gap, so 02:30 on the spring-forward night in Paris is 03:30 summer time.
 */
export function zonedToInstant(wall: number, zone: string): number {
  if (zone === 'UTC' || !zoneFormatter(zone)) return wall;
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early; // valid, or in the gap: the offset before it
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
  // Stepped in UTC days, numbers (the month views run this for every event they lay out).
  for (let t = Date.parse(first), day = first; day <= last && days.length < 366; day = new Date((t += DAY)).toISOString().slice(0, 10)) days.push(day);
  return days;
}

const spans = new WeakMap<object, { zone: string; days: DayKey[] }>();

/**
 * daysCovered for something with a start and an end (an event), remembered with it: the planner
 * keeps a window's events by their days and the month view lays them out by the same days.
 */
export function daysOf(span: { startTime: string; endTime?: string | null }, zone: string): DayKey[] {
  const hit = spans.get(span);
  if (hit?.zone === zone) return hit.days;
  const days = daysCovered(span.startTime, span.endTime ?? null, zone);
  spans.set(span, { zone, days });
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
