// Dates as Mobilizon means them: instants in UTC, shown in the event's own zone (or the viewer's,
// or one the site owner names). Localized text comes from Intl, which knows every zone's DST rules.
import type { EventModel } from '../model/event.js';
import { dateTimeFormat } from './intl.js';

export type ZoneMode = 'event' | 'local' | (string & {});

let visitorZone: string | undefined;
/** The visitor's zone (asked once: resolvedOptions() is slow enough to show on a month of 3 000 events). */
export const viewerZone = (): string => (visitorZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

const validZones = new Map<string, boolean>();
/** True when Intl knows this IANA zone name. */
export function isValidZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      dateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    validZones.set(zone, valid);
  }
  return valid;
}

/** The zone an event is displayed in: `event` = its own (Mobilizon's default), `local` = the viewer's. */
export function displayZone(event: Pick<EventModel, 'timezone'>, mode: ZoneMode): string {
  if (mode === 'local') return viewerZone();
  if (mode !== 'event' && isValidZone(mode)) return mode;
  return event.timezone && isValidZone(event.timezone) ? event.timezone : viewerZone();
}

/** Two zones show the same wall clock at this instant. */
function sameOffset(a: string, b: string, at: Date): boolean {
  if (a === b) return true;
  const wall = (timeZone: string) =>
    dateTimeFormat('en-US', { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(at);
  return wall(a) === wall(b);
}

/** A time shown in `zone` names its zone: the visitor's clock reads otherwise at that instant. */
export const zoneDiffers = (zone: string, at: Date): boolean => !sameOffset(zone, viewerZone(), at);

/** The zone's name ("GMT+9", or "Japan Standard Time" with `long`) when its clock differs from the visitor's then, else ''. */
export function zoneNameIfOther(zone: string, locale: string, at: Date, long = false): string {
  if (!zoneDiffers(zone, at)) return '';
  const parts = dateTimeFormat(locale, { timeZone: zone, timeZoneName: long ? 'long' : 'short' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

export interface FormattedWhen {
  /** The visible text, e.g. "Sun, Mar 28, 2027, 10:00 – 11:00 AM GMT+2". */
  text: string;
  /** The zone it is shown in (IANA). */
  zone: string;
  /** Whether the text names the zone (it differs from the viewer's). */
  zoneNamed: boolean;
}

/** When an event happens, in words, honouring Mobilizon's showStartTime / showEndTime. */
export function formatWhen(event: EventModel, locale: string, mode: ZoneMode): FormattedWhen {
  const zone = displayZone(event, mode);
  const start = new Date(event.startTime);
  const end = event.endTime && event.display.showEndTime ? new Date(event.endTime) : null;
  const withTime = event.display.showStartTime;
  const zoneNamed = withTime && zoneDiffers(zone, start);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: zone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
    ...(zoneNamed ? { timeZoneName: 'short' } : {}),
  };
  const f = dateTimeFormat(locale, options);
  const text = end && end > start ? f.formatRange(start, end) : f.format(start);
  return { text, zone, zoneNamed };
}

/** Parts for a calendar-style date tile: "MAR" / "28", in the display zone. */
export function dateTile(event: EventModel, locale: string, mode: ZoneMode): { month: string; day: string } {
  const zone = displayZone(event, mode);
  const start = new Date(event.startTime);
  return {
    month: dateTimeFormat(locale, { timeZone: zone, month: 'short' }).format(start),
    day: dateTimeFormat(locale, { timeZone: zone, day: 'numeric' }).format(start),
  };
}
