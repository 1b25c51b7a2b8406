// "Add to calendar": one event as an RFC 5545 file, built in the browser. Loaded with import() when
// the button is pressed, so ical.js weighs on that click only. ical.js writes every line (escaping,
// folding, CRLF); untrusted text only ever reaches it as a property's value, never as iCalendar syntax.
import ICAL from 'ical.js';
import type { Actor, EventModel, Place } from '../model/event.js';
import { placeOf } from '../model/event.js';
import { dateTimeFormat } from './intl.js';
import { offsetAt } from './zoned.js';
import { htmlToText } from './html-text.js';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

const PRODID = '-//mobilizon-embed//EN';
const MIME = 'text/calendar;charset=utf-8';
const STATUSES = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
const SECOND = 1000;
const DAY = 86_400_000;
/** A VTIMEZONE covers the event's years and one either side; an end further away is written in UTC. */
const MAX_SPAN_YEARS = 2;
/** The download's Blob URL lives this long: some browsers read it after click() has returned (FileSaver.js waits 40 s). */
const REVOKE_AFTER_MS = 40_000;

// ------------------------------------------------------------------ text

/** A TEXT value: one kind of line break and no control characters (RFC 5545 forbids them; ical.js escapes the rest). */
const text = (value: string | null | undefined): string =>
  (value ?? '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();

/** A one-line value (LOCATION, a parameter such as CN): line breaks and tabs become spaces. */
const oneLine = (value: string | null | undefined): string => text(value).replace(/\s+/g, ' ');

/** An absolute http(s) URL, normalised (no spaces or line breaks survive URL parsing), or null. */
function httpUrl(value: string | null | undefined, { mailto = false } = {}): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:' || (mailto && url.protocol === 'mailto:')) return url.href;
  } catch {
    // not an absolute URL
  }
  return null;
}

function description(event: EventModel): string {
  if (!event.content) return '';
  return text(event.mediaType === 'text/html' ? htmlToText(event.content) : event.content);
}

/** Venue and address on one line, as Mobilizon's own export writes LOCATION. */
function placeLine(place: Place): string {
  const { streetAddress, postalCode, addressLocality, addressRegion, addressCountry } = place.address;
  const town = [postalCode, addressLocality].map(oneLine).filter(Boolean).join(' ');
  const parts = [place.name, streetAddress, town, addressRegion, addressCountry].map(oneLine).filter(Boolean);
  return [...new Set(parts)].join(', ');
}

function location(event: EventModel): string {
  const place = placeOf(event);
  if (place) return placeLine(place);
  // Online only: the link, which calendar apps make clickable in LOCATION.
  const online = event.location.find((l) => l.type === 'VirtualLocation');
  return (online && httpUrl(online.url)) ?? '';
}

/** Degrees as plain decimals (String(1e-7) would be "1e-7", which is no iCalendar FLOAT). */
const degrees = (value: number): number => Number(value.toFixed(6));

// ------------------------------------------------------------------ time zones

/**
 * The name to write as TZID for an IANA zone this browser knows, or null: unknown, not an IANA-shaped
 * name (offsets such as "+01:00" are valid for Intl but no TZID), or UTC itself (written with `Z`).
 */
function ianaZone(name: string | null): string | null {
  if (!name || !/^[A-Za-z][\w+-]*(\/[A-Za-z0-9][\w+-]*)*$/.test(name)) return null;
  let resolved: string;
  try {
    resolved = dateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null; // RangeError: a zone this browser does not know
  }
  if (/^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/i.test(resolved)) return null;
  // Intl accepts any case; keep the event's own spelling otherwise (America/Montreal, not its alias target).
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

interface Transition {
  /** First instant (ms) of the new offset. */
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's offset in [from, to): a day-by-day scan, then a binary search to the second. */
function transitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let offset = offsetAt(zone, from);
  for (let day = from; day < to; day += DAY) {
    const next = offsetAt(zone, day + DAY);
    if (next === offset) continue;
    let lo = day; // still `offset`
    let hi = day + DAY; // already `next`
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: offset, to: offsetAt(zone, hi) });
    offset = next;
  }
  return found;
}

/** TZNAME: an abbreviation from Intl in some English ("CEST", "EDT", "AEDT", "IST"), else its own label ("GMT+9"). */
function shortName(zone: string, instant: number): string {
  const names = ['en-US', 'en-GB', 'en-AU', 'en-IN'].map(
    (locale) => dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((n) => /^[A-Z]{2,6}$/.test(n)) ?? names[0];
}

/** A floating ICAL.Time for a wall-clock time written as if it were UTC (ms). */
function wallTime(wall: number, isDate = false): Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

/** An event's zone over the years its VTIMEZONE describes. */
class ZoneWindow {
  readonly changes: Transition[];
  constructor(
    readonly tzid: string,
    readonly from: number,
    readonly to: number,
  ) {
    this.changes = transitions(tzid, from, to);
  }

  offset(instant: number): number {
    let offset = offsetAt(this.tzid, this.from);
    for (const change of this.changes) if (change.at <= instant) offset = change.to;
    return offset;
  }

  /**
   * The wall-clock time (as if UTC) to write for an instant, or null when a TZID time cannot say it
   * for sure: outside the VTIMEZONE's years, or in the hour that happens twice when the clocks go
   * back. RFC 5545 §3.3.5 reads such a time as its first occurrence, ical.js as its second: both
   * occurrences are written in UTC instead.
   */
  wall(instant: number): number | null {
    if (instant < this.from || instant >= this.to) return null;
    const wall = instant + this.offset(instant);
    for (const change of this.changes) {
      for (const other of [change.from, change.to]) {
        const twin = wall - other;
        if (twin !== instant && twin >= this.from && this.offset(twin) === other) return null;
      }
    }
    return wall;
  }

  /** STANDARD / DAYLIGHT components for the offset in force when the window opens and each change in it. */
  component(): Component {
    const vtimezone = new ICAL.Component('vtimezone');
    vtimezone.addPropertyWithValue('tzid', this.tzid);
    const observance = (kind: 'standard' | 'daylight', at: number, from: number, to: number) => {
      const sub = new ICAL.Component(kind);
      // DTSTART is the local time of the change, read with the offset in force before it.
      sub.addPropertyWithValue('dtstart', wallTime(at + from));
      sub.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from / SECOND));
      sub.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to / SECOND));
      const name = shortName(this.tzid, at);
      if (name) sub.addPropertyWithValue('tzname', name);
      vtimezone.addSubcomponent(sub);
    };
    const initial = offsetAt(this.tzid, this.from);
    const first = this.changes[0];
    // No change at all (Asia/Tokyo): one STANDARD. Otherwise the opening offset is daylight time when
    // the first change lowers it (southern hemisphere in January).
    observance(first && first.to < initial ? 'daylight' : 'standard', this.from, initial, initial);
    for (const change of this.changes) {
      observance(change.to > change.from ? 'daylight' : 'standard', change.at, change.from, change.to);
    }
    return vtimezone;
  }
}

// ------------------------------------------------------------------ the calendar

function dateProperty(name: string, time: Time, tzid?: string): Property {
  const property = new ICAL.Property(name);
  property.setValue(time);
  if (tzid) property.setParameter('tzid', tzid);
  return property;
}

/** ORGANIZER: RFC 5545 wants a URI (CAL-ADDRESS); see the note in eventToIcs. */
function organizer(event: EventModel): Property | null {
  const actor: Actor | null = event.attributedTo ?? event.organizers[0] ?? null;
  const uri = actor && httpUrl(actor.url, { mailto: true });
  if (!actor || !uri) return null;
  const property = new ICAL.Property('organizer');
  property.setValue(uri);
  const name = oneLine(actor.name) || oneLine(actor.handle);
  if (name) property.setParameter('cn', name);
  return property;
}

/** The start, end and zone to write, as the event's display options and zone allow. */
function times(event: EventModel): { start: Property; end: Property | null; zone: ZoneWindow | null } {
  const start = Date.parse(event.startTime);
  if (!Number.isFinite(start)) throw new RangeError(`Invalid start time: ${event.startTime}`);
  const parsedEnd = event.endTime ? Date.parse(event.endTime) : NaN;
  // RFC 5545 wants DTEND after DTSTART; an end before its start is left out like a missing one.
  const end = Number.isFinite(parsedEnd) && parsedEnd > start ? parsedEnd : null;
  const tzid = ianaZone(event.timezone);

  if (!event.display.showStartTime) {
    // All day: the calendar days in the event's zone (iCal all-day events come as UTC midnights in
    // zone UTC); DTEND is the day after the last one (exclusive, §3.6.1).
    const day = (instant: number) => wallTime(instant + (tzid ? offsetAt(tzid, instant) : 0), true);
    const first = day(start);
    let endProperty: Property | null = null;
    if (end !== null) {
      const after = day(end - 1);
      after.adjust(1, 0, 0, 0);
      if (after.compare(first) > 0) endProperty = dateProperty('dtend', after);
    }
    return { start: dateProperty('dtstart', first), end: endProperty, zone: null };
  }

  let zone: ZoneWindow | null = null;
  if (tzid) {
    const year = new Date(start + offsetAt(tzid, start)).getUTCFullYear();
    const endYear = end === null ? year : new Date(end + offsetAt(tzid, end)).getUTCFullYear();
    zone = new ZoneWindow(tzid, Date.UTC(year - 1, 0, 1), Date.UTC(Math.min(endYear, year + MAX_SPAN_YEARS) + 2, 0, 1));
  }
  const write = (name: string, instant: number): { property: Property; zoned: boolean } => {
    const wall = zone?.wall(instant) ?? null;
    if (zone && wall !== null) return { property: dateProperty(name, wallTime(wall), zone.tzid), zoned: true };
    return { property: dateProperty(name, ICAL.Time.fromJSDate(new Date(Math.floor(instant / SECOND) * SECOND), true)), zoned: false };
  };
  const startProperty = write('dtstart', start);
  const endProperty = end === null ? null : write('dtend', end);
  const zoned = startProperty.zoned || Boolean(endProperty?.zoned);
  return { start: startProperty.property, end: endProperty?.property ?? null, zone: zoned ? zone : null };
}

/** An RFC 5545 VCALENDAR with one VEVENT (and the VTIMEZONE it needs). */
export function eventToIcs(event: EventModel, options: { now?: Date } = {}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');

  const vevent = new ICAL.Component('vevent');
  // The bare uuid, as Mobilizon's own export (lib/service/export/icalendar.ex: `uid: event.uuid`), so
  // a file from here and one from the instance update the same calendar entry. No `@host` suffix.
  vevent.addPropertyWithValue('uid', text(event.uuid));
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(options.now ?? new Date(), true));

  const { start, end, zone } = times(event);
  vevent.addProperty(start);
  // No end: no DTEND and no invented DURATION. RFC 5545 §3.6.1 then reads a timed event as ending when
  // it starts and an all-day one as lasting its day; Mobilizon's export also leaves DTEND out.
  if (end) vevent.addProperty(end);

  vevent.addPropertyWithValue('summary', text(event.name));
  const body = description(event);
  if (body) vevent.addPropertyWithValue('description', body);
  const where = location(event);
  if (where) vevent.addPropertyWithValue('location', where);
  const place = placeOf(event);
  const { latitude: lat, longitude: lon } = place ?? {};
  if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    const geo = new ICAL.Property('geo');
    geo.setValue([degrees(lat), degrees(lon)]);
    vevent.addProperty(geo);
  }
  const url = httpUrl(event.url);
  if (url) vevent.addPropertyWithValue('url', url);
  if (STATUSES.has(event.status)) vevent.addPropertyWithValue('status', event.status);
  const tags = [...new Set(event.tag.map((t) => oneLine(t.name)).filter(Boolean))];
  if (tags.length) {
    const categories = new ICAL.Property('categories');
    categories.setValues(tags);
    vevent.addProperty(categories);
  }
  // ORGANIZER;CN=<name>:<the group's or person's page>. Mobilizon writes `ORGANIZER:<display name>`,
  // which is no URI, as RFC 5545's CAL-ADDRESS must be; an https URI is one (mailto is required only
  // for e-mail addresses, which Mobilizon never exposes). Without a URL there is no ORGANIZER at all.
  const owner = organizer(event);
  if (owner) vevent.addProperty(owner);

  if (zone) calendar.addSubcomponent(zone.component());
  calendar.addSubcomponent(vevent);
  // ical.js folds after 75 octets and then adds the leading space: 76-octet continuation lines, where
  // RFC 5545 §3.1 says 75 including that space. Folding one octet earlier keeps every line within 75.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = foldLength - 1;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}

/** A file name from the event's name: letters, digits and dashes, then `.ics`. */
function fileNameFor(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\.ics$/, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${Array.from(base).slice(0, 60).join('').replace(/-+$/, '') || 'event'}.ics`;
}

/** Starts a download of it in the browser: a Blob URL, an <a download> click, the URL revoked after. */
export function downloadIcs(event: EventModel, fileName?: string): void {
  const blob = new Blob([eventToIcs(event)], { type: MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFor(fileName ?? event.name);
  link.hidden = true;
  // Firefox used to ignore clicks on links outside the document.
  (document.body ?? document.documentElement).append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
