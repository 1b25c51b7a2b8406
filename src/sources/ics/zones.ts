// Time zones as iCal feeds name them: IANA names (Mobilizon, Google, Nextcloud), IANA names behind a
// vendor prefix (`/mozilla.org/20050126_1/Europe/Paris`), Windows names (Outlook, Exchange), or
// nothing at all. Wall-clock times become instants in format/zoned.ts (zonedToInstant).
import { zoneFormatter } from '../../format/zoned.js';

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
      if (/^[A-Za-z][\w+-]*(\/[A-Za-z0-9][\w+-]*)*$/.test(candidate) && zoneFormatter(candidate)) found = candidate;
    }
    names.set(name, found);
  }
  return found;
}
