// Dates as Mobilizon means them: instants in UTC, shown in the event's own zone (or the viewer's,
// or one the site owner names). This picks the zone; ./when.ts says the dates in words.
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
