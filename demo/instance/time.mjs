// Wall-clock arithmetic in IANA zones (date-fns-tz) and Mobilizon's date formats.
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/** A calendar date {y, m, d} (m is 1-12) with no zone attached. */
export function localDate(ms, timeZone) {
  const [y, m, d] = formatInTimeZone(ms, timeZone, 'yyyy-MM-dd').split('-').map(Number);
  return { y, m, d };
}

export function addDays({ y, m, d }, days) {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday({ y, m, d }) {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isoDate({ y, m, d }) {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function compareDates(a, b) {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The instant at which the wall clock in `timeZone` shows `hhmm` on `date`. */
export function zonedInstant(date, hhmm, timeZone) {
  return fromZonedTime(`${isoDate(date)}T${hhmm}:00`, timeZone).getTime();
}

/** Last given weekday of a month (e.g. last Sunday of March = the European DST switch day). */
export function lastWeekdayOfMonth(y, m, dow) {
  const last = { y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() };
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

const offsetFormats = new Map();

/**
 * UTC offset (ms) of `timeZone` at the instant `ms`. (date-fns-tz's getTimezoneOffset reads a Date's
 * fields as a wall-clock time, which is off by an hour around transitions; this one is exact.)
 */
export function zoneOffset(timeZone, ms) {
  let fmt = offsetFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormats.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Instants where the UTC offset of `timeZone` changes, between `fromMs` and `toMs`. */
export function offsetChanges(timeZone, fromMs, toMs) {
  const hour = 3600_000;
  const changes = [];
  let prev = zoneOffset(timeZone, fromMs);
  for (let t = fromMs + hour; t <= toMs; t += hour) {
    const off = zoneOffset(timeZone, t);
    if (off === prev) continue;
    let lo = t - hour;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (zoneOffset(timeZone, mid) === prev) lo = mid;
      else hi = mid;
    }
    hi = Math.floor(hi / 1000) * 1000; // transitions fall on whole seconds
    changes.push({ at: hi, from: prev, to: off });
    prev = off;
  }
  return changes;
}

/** First instant after `fromMs` where the UTC offset of `timeZone` changes, or null within the horizon. */
export function nextOffsetChange(timeZone, fromMs, horizonDays = 400) {
  return offsetChanges(timeZone, fromMs, fromMs + horizonDays * 86_400_000)[0]?.at ?? null;
}

/** Mobilizon's GraphQL DateTime: UTC, seconds precision, "Z" (DateTime.to_iso8601 of a utc_datetime). */
export function toMobilizonDateTime(ms) {
  if (ms == null) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Absinthe's :datetime input: ISO-8601 with an offset or Z; naive strings are refused. */
export function parseMobilizonDateTime(text) {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : undefined;
}

export function isValidTimeZone(name) {
  if (typeof name !== 'string' || name === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

let zoneList;
/** Stand-in for Tzdata.zone_list(): every IANA zone this runtime knows. */
export function timeZoneList() {
  zoneList ??= Intl.supportedValuesOf('timeZone');
  return zoneList;
}

export { formatInTimeZone };
