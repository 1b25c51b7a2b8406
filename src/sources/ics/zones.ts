// Time zones as iCal feeds name them: IANA names (Mobilizon, Google, Nextcloud), IANA names behind a
// vendor prefix (`/mozilla.org/20050126_1/Europe/Paris`), Windows names (Outlook, Exchange), or
// nothing at all. Wall-clock times are turned into instants with the browser's own zone data (Intl),
// exact across DST, with RFC 5545's rules for the hour that does not exist or happens twice.
import { dateTimeFormat } from '../../format/intl.js';

/** Instants and wall-clock times in milliseconds; a wall-clock time is written as if it were UTC. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Windows zone names seen in Outlook/Exchange feeds → IANA (CLDR's windowsZones, "001" territory).
// Only the common ones: a feed that uses another one usually carries its VTIMEZONE, which wins anyway.
const WINDOWS: Record<string, string> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Egypt Standard Time': 'Africa/Cairo',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Pacific Standard Time': 'America/Bogota',
  'E. South America Standard Time': 'America/Sao_Paulo',
  UTC: 'UTC',
};

/** Null for a zone this browser does not know (remembered: asking Intl again would throw again). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
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
function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone)!.formatToParts(instant)) parts[p.type] = Number(p.value);
  const wall = utc(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in an IANA zone denotes. RFC 5545 §3.3.5: a time that happens twice
 * (autumn) is the first one; a time that does not exist (spring gap) is read with the offset in force
 * before the gap, so 02:30 on the spring-forward night in Paris is 03:30 summer time.
 */
export function zonedToInstant(wall: number, zone: string): number {
  if (zone === 'UTC' || !formatter(zone)) return wall;
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

const names = new Map<string, string | null>();

/**
 * The IANA zone a TZID (or X-WR-TIMEZONE) names, or null. Accepts IANA names, the same behind a
 * vendor prefix (`/freeassociation.sourceforge.net/Tzfile/Europe/Paris`), and common Windows names.
 */
export function ianaZone(tzid: unknown): string | null {
  if (typeof tzid !== 'string') return null;
  const name = tzid.trim().replace(/^"(.*)"$/, '$1');
  let found = names.get(name);
  if (found === undefined) {
    found = WINDOWS[name] ?? null;
    const parts = name.split('/');
    for (let i = 0; !found && i < parts.length; i++) {
      const candidate = parts.slice(i).join('/');
      if (/^[A-Za-z][\w+-]*(\/[A-Za-z0-9][\w+-]*)*$/.test(candidate) && formatter(candidate)) found = candidate;
    }
    names.set(name, found);
  }
  return found;
}
