// When an event happens, in words: localized text from Intl, which knows every zone's DST rules, in
// the zone ./dates.ts picks. Apart from it so that a list's entry holds only the zone choice (the
// words are drawn with the events, whose code arrives beside the first answer).
import type { EventModel } from '../model/event.js';
import { displayZone, viewerZone, type ZoneMode } from './dates.js';
import { dateTimeFormat } from './intl.js';

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
