// From a parsed VCALENDAR to model events: every occurrence overlapping a window, recurrences
// expanded by ical.js, times turned into instants (see instantOf), properties mapped to the shared
// vocabulary. Remote text stays text: nothing here produces HTML, URLs only go through safeUrl.
import ICAL from 'ical.js';
import type { Actor, EventModel, EventStatus, Place, Tag, VirtualLocation } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import { utc, zonedToInstant } from '../../format/zoned.js';
import { ianaZone } from './zones.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type Recur = InstanceType<typeof ICAL.Recur>;

/** At most this many occurrences per feed (the earliest ones), whatever the feed says. */
export const MAX_OCCURRENCES = 2000;
/** Occurrences one recurring event may step through, in or before the window. */
const MAX_STEPS = 10_000;
/**
 * Turns of ical.js's inner search loop per recurring event: an impossible rule such as
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31` never ends otherwise. A turn costs 1–5 µs.
 */
const MAX_WORK = 20_000;
/** Wall time one feed may spend in recurrence expansion, the last guard against a hostile feed. */
export const EXPANSION_BUDGET_MS = 1000;

const DAY = 86_400_000;
const STATUSES: readonly EventStatus[] = ['TENTATIVE', 'CONFIRMED', 'CANCELLED'];
// Mobilizon's built-in category ids: a CATEGORIES value spelled exactly so becomes `category`.
const CATEGORY_IDS = new Set(
  ('ARTS BOOK_CLUBS BUSINESS CAUSES COMEDY CRAFTS FOOD_DRINK HEALTH MUSIC AUTO_BOAT_AIR COMMUNITY FAMILY_EDUCATION ' +
    'FASHION_BEAUTY FILM_MEDIA GAMES LANGUAGE_CULTURE LEARNING LGBTQ MOVEMENTS_POLITICS NETWORKING PARTY ' +
    'PERFORMING_VISUAL_ARTS PETS PHOTOGRAPHY OUTDOORS_ADVENTURE SPIRITUALITY_RELIGION_BELIEFS SCIENCE_TECH SPORTS ' +
    'THEATRE MEETING').split(' '),
);

export interface Range {
  start: number;
  end: number;
}

/** What holds for a whole VCALENDAR. */
interface Calendar {
  feed: string;
  /**
   * Floating times (no TZID, no Z) mean "the same wall clock everywhere", which a list of instants cannot
   * express. We read them in the feed's X-WR-TIMEZONE (Google and Apple write it) and, without
   * one, in UTC, and give the event that zone so the wall clock shown is the one the feed wrote.
   */
  floating: string;
  /** X-WR-TIMEZONE: also the zone shown for events the feed writes in UTC (`…Z`), as Google does. */
  zone: string | null;
}

/** Occurrences found so far; once there are too many, the latest ones are dropped as they come. */
export class Collector {
  private found: Array<{ start: number; event: EventModel }> = [];
  /** No occurrence starting after this instant can make it into the result any more. */
  horizon = Infinity;
  constructor(readonly deadline: number) {}

  get late(): boolean {
    return performance.now() > this.deadline;
  }

  add(start: number, event: EventModel): void {
    if (start > this.horizon) return;
    this.found.push({ start, event });
    if (this.found.length >= 2 * MAX_OCCURRENCES) this.trim();
  }

  private trim(): void {
    this.found.sort((a, b) => a.start - b.start || order(a.event, b.event));
    this.found.length = Math.min(this.found.length, MAX_OCCURRENCES);
    if (this.found.length === MAX_OCCURRENCES) this.horizon = this.found[MAX_OCCURRENCES - 1].start;
  }

  result(): EventModel[] {
    this.trim();
    const seen = new Set<string>();
    return this.found.flatMap(({ event }) => (seen.has(event.uuid) ? [] : (seen.add(event.uuid), [event])));
  }
}

const order = (a: EventModel, b: EventModel): number =>
  a.name.localeCompare(b.name) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

// ------------------------------------------------------------------ time

function tzidOf(component: Component, property: string): string | null {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

/**
 * The instant an iCal time denotes.
 * - `…Z`: UTC.
 * - TZID with a VTIMEZONE in the feed: ical.js applies that VTIMEZONE (RFC 5545 says it rules).
 * - TZID without a VTIMEZONE — Mobilizon's own feeds write `DTSTART;TZID=Europe/Paris:…` and no
 *   VTIMEZONE, so ical.js reads the time as floating: we convert the wall clock in that zone with Intl
 *   (IANA names, also behind a vendor prefix, and common Windows names). An unknown name is read like
 *   a floating time, never an error.
 * - Floating: see `Calendar.floating`.
 * - All-day dates (VALUE=DATE) are calendar days, not instants: the day a visitor sees must not depend
 *   on the visitor's zone, so a date becomes the UTC midnight that starts it (and the event's zone is
 *   UTC, with start and end times hidden): every view then places it on that very calendar day.
 */
function instantOf(time: Time, tzid: string | null, calendar: Calendar): number {
  const wall = utc(time.year, time.month, time.day, time.hour, time.minute, time.second);
  if (time.isDate || time.zone === ICAL.Timezone.utcTimezone) return wall;
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) {
    try {
      const ms = time.toUnixTime() * 1000;
      if (Number.isFinite(ms)) return ms;
    } catch {
      // a broken VTIMEZONE: fall back to the zone's name
    }
  }
  return zonedToInstant(wall, ianaZone(tzid) ?? calendar.floating);
}

/** The zone an event is shown in (EventModel.timezone). */
function zoneOf(time: Time, tzid: string | null, calendar: Calendar): string | null {
  if (time.isDate) return 'UTC';
  const named = ianaZone(tzid);
  if (named) return named;
  if (time.zone === ICAL.Timezone.utcTimezone) return calendar.zone;
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return null; // a VTIMEZONE we cannot name
  return calendar.floating;
}

/** Length of an event in ms (exact, as RFC 5545 §3.8.5.3 wants for recurrences), or null without an end. */
function lengthOf(event: IcalEvent, start: number, calendar: Calendar): number | null {
  const component = event.component;
  let length = 0;
  if (component.hasProperty('dtend')) {
    length = instantOf(component.getFirstPropertyValue('dtend') as Time, tzidOf(component, 'dtend'), calendar) - start;
  } else if (component.hasProperty('duration')) {
    length = event.duration.toSeconds() * 1000;
  }
  if (length > 0) return length;
  return event.startDate.isDate ? DAY : null; // an all-day event without an end lasts its day
}

const overlaps = (start: number, end: number | null, range: Range): boolean =>
  start < range.end && (end !== null && end > start ? end > range.start : start >= range.start);

// ------------------------------------------------------------------ text

/** Text as written, minus control characters; Mobilizon's `\n\r` line ends become one line break. */
function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/\n\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  return text || null;
}

const textOf = (component: Component, property: string): string | null => clean(component.getFirstPropertyValue(property));

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || name;

function organizer(component: Component): Actor | null {
  const property = component.getFirstProperty('organizer');
  if (!property) return null;
  const value = String(property.getFirstValue() ?? '').trim();
  const cn = property.getParameter('cn');
  const mail = /^mailto:/i.test(value) ? value.slice(7).trim() || null : null;
  // Mobilizon writes the display name as the value (`ORGANIZER:Vélo Lyon`), not a URI.
  const name = clean(typeof cn === 'string' ? cn : null) ?? (/^[a-z][a-z\d+.-]*:/i.test(value) ? null : clean(value));
  if (!name) return null;
  return { type: 'Person', handle: mail ?? name, name, url: safeUrl(value), icon: null };
}

// ------------------------------------------------------------------ one occurrence

interface Occurrence {
  /** The VEVENT whose properties describe it (the series, or its RECURRENCE-ID override). */
  item: IcalEvent;
  uid: string;
  start: number;
  end: number | null;
  /** The instant of the occurrence in the series (RECURRENCE-ID): its identity. */
  id: number;
  allDay: boolean;
  timezone: string | null;
}

function toModel(o: Occurrence, calendar: Calendar): EventModel {
  const component = o.item.component;
  const status = textOf(component, 'status')?.toUpperCase();

  const location: Array<Place | VirtualLocation> = [];
  const where = textOf(component, 'location');
  // A LOCATION that is only a link is where an online event happens (Jitsi, BigBlueButton, Zoom…).
  const link = where && /^https?:\/\/\S+$/i.test(where) ? safeUrl(where) : null;
  const geo = component.getFirstPropertyValue('geo');
  const [lat, lon] = Array.isArray(geo) ? geo.map(Number) : [NaN, NaN];
  const hasGeo = Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if ((where && !link) || hasGeo) {
    location.push({
      type: 'Place',
      name: link ? null : where,
      address: { streetAddress: null, postalCode: null, addressLocality: null, addressRegion: null, addressCountry: null },
      latitude: hasGeo ? lat : null,
      longitude: hasGeo ? lon : null,
      timezone: null,
    });
  }
  // RFC 7986 CONFERENCE and Google's X-GOOGLE-CONFERENCE name the call of an online event.
  const online =
    link ??
    ['conference', 'x-google-conference']
      .flatMap((name) => component.getAllProperties(name).map((p) => safeUrl(p.getFirstValue())))
      .find(Boolean) ??
    null;
  if (online) location.push({ type: 'VirtualLocation', url: online });

  const categories = [
    ...new Set(
      component
        .getAllProperties('categories')
        .flatMap((p) => p.getValues())
        .map(clean)
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  const category = categories.find((c) => CATEGORY_IDS.has(c)) ?? null;
  const tag: Tag[] = categories.filter((c) => c !== category).map((name) => ({ name, slug: slug(name) }));
  const language = component.getFirstProperty('summary')?.getParameter('language');
  const actor = organizer(component);

  return {
    type: 'Event',
    uuid: `${o.uid}@${new Date(o.id).toISOString()}`,
    url: safeUrl(component.getFirstPropertyValue('url')),
    name: textOf(component, 'summary')?.replace(/\s*\n\s*/g, ' ') ?? '',
    // DESCRIPTION is plain text in iCal: `content` holds it as text, never as HTML.
    content: textOf(component, 'description'),
    mediaType: 'text/plain',
    startTime: new Date(o.start).toISOString(),
    endTime: o.end === null ? null : new Date(o.end).toISOString(),
    timezone: o.timezone,
    location,
    isOnline: Boolean(online) && !location.some((l) => l.type === 'Place'),
    status: STATUSES.find((s) => s === status) ?? 'CONFIRMED',
    joinMode: null,
    externalParticipationUrl: null,
    category,
    tag,
    // IMAGE/ATTACH are left out on purpose: they would load pictures from hosts the site owner never named.
    image: null,
    inLanguage: typeof language === 'string' && /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(language) ? language : null,
    attributedTo: actor,
    organizers: actor ? [actor] : [],
    maximumAttendeeCapacity: null,
    remainingAttendeeCapacity: null,
    participantCount: null,
    anonymousParticipationEnabled: false,
    display: { showStartTime: !o.allDay, showEndTime: !o.allDay, hideNumberOfParticipants: true },
    source: { kind: 'ics', feed: calendar.feed, uid: o.uid },
  };
}

// ------------------------------------------------------------------ expansion

/**
 * A VTIMEZONE whose observances recur other than yearly makes ical.js iterate them second by second
 * up to the year asked for (a hang); such zones, and zones beyond the 50th, are dropped, and yearly
 * rules run from 1972 to 2200 at most. Events then fall back to the TZID's name.
 */
function sanitizeZones(calendar: Component): void {
  const until = new ICAL.Time({ year: 2200, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false }, ICAL.Timezone.localTimezone);
  calendar.getAllSubcomponents('vtimezone').forEach((zone, index) => {
    let keep = index < 50;
    try {
      for (const observance of zone.getAllSubcomponents()) {
        for (const property of observance.getAllProperties('rrule')) {
          const rule = property.getFirstValue() as Recur;
          if (rule.freq !== 'YEARLY') keep = false;
          else if (!rule.until || rule.until.year > 2200) rule.until = until.clone();
          // Outlook starts its yearly rules in 1601: ical.js would walk four centuries of changes.
          const start = observance.getFirstPropertyValue('dtstart') as Time | null;
          if (start && start.year < 1972 && !rule.count && (rule.interval ?? 1) <= 1) start.year = 1972;
        }
      }
    } catch {
      keep = false;
    }
    if (!keep) calendar.removeSubcomponent(zone);
  });
}

/** Makes ical.js's recurrence search give up (throw) once the event or the feed has used its share. */
function guard(expansion: unknown, collector: Collector): void {
  let work = MAX_WORK;
  const iterators = ((expansion as { ruleIterators?: unknown[] }).ruleIterators ?? []) as Array<{ check_contracting_rules?: () => boolean }>;
  for (const iterator of iterators) {
    const check = iterator.check_contracting_rules;
    if (typeof check !== 'function') continue;
    iterator.check_contracting_rules = function (this: unknown) {
      if (--work < 0 || ((work & 1023) === 0 && collector.late)) throw new RangeError('recurrence rule too expensive');
      return check.call(this);
    };
  }
}

/** Every occurrence of a series (its overrides excluded: they come through `overrides`). */
function expandSeries(
  event: IcalEvent,
  uid: string,
  overridden: Set<number>,
  calendar: Calendar,
  range: Range,
  collector: Collector,
): void {
  const component = event.component;
  const first = event.startDate;
  const tzid = tzidOf(component, 'dtstart');
  const firstStart = instantOf(first, tzid, calendar);
  const length = lengthOf(event, firstStart, calendar);
  const timezone = zoneOf(first, tzid, calendar);
  const emit = (item: IcalEvent, start: number, id: number, end: number | null, allDay: boolean, zone: string | null) => {
    if (overlaps(start, end, range)) collector.add(start, toModel({ item, uid, start, end, id, allDay, timezone: zone }, calendar));
  };

  if (!event.isRecurring()) {
    if (!overridden.has(firstStart)) emit(event, firstStart, firstStart, length === null ? null : firstStart + length, first.isDate, timezone);
    return;
  }
  // Single events are always read; series only while the feed's time budget lasts.
  if (collector.late) return;

  // EXDATEs by instant too: ical.js compares them as it reads them, and misses a UTC EXDATE on a
  // series whose DTSTART has a TZID without VTIMEZONE (ical.js then takes the DTSTART for floating).
  const excluded = exdatesOf(component, calendar);

  // Two ical.js gaps: RDATE;VALUE=PERIOD values cannot be compared (the whole series would be lost),
  // so they count by their start; and without an RRULE, the DTSTART is not part of the set.
  for (const property of component.getAllProperties('rdate')) {
    if (property.type !== 'period') continue;
    const starts = property.getValues().map((period: { start: Time }) => period.start);
    property.resetType('date-time');
    property.setValues(starts);
  }
  if (!component.hasProperty('rrule')) component.addPropertyWithValue('rdate', first.clone());

  // Nothing after the window is needed: every rule ends there (this also bounds ical.js's search for
  // rules that can never match). A daily or weekly rule without COUNT starts at its last period before
  // the window rather than at DTSTART, years ago maybe; the skipped start, if it is one, ends before the window.
  const stop = ICAL.Time.fromJSDate(new Date(range.end + 2 * DAY), true);
  const rules = component.getAllProperties('rrule').map((p) => p.getFirstValue() as Recur);
  for (const rule of rules) if (!rule.until || rule.until.compare(stop) > 0) rule.until = stop;
  let from = first;
  const period = rules.length === 1 && !rules[0].count ? { DAILY: 1, WEEKLY: 7 }[rules[0].freq as string] : undefined;
  if (period) {
    const step = period * Math.max(1, Math.floor(rules[0].interval || 1));
    const periods = Math.floor((range.start - (length ?? 0) - 2 * DAY - firstStart) / (step * DAY));
    if (periods > 0) {
      from = first.clone();
      from.adjust(periods * step, 0, 0, 0);
    }
  }

  const expansion = event.iterator(from);
  guard(expansion, collector);
  const ranged = event.rangeExceptions.length > 0;
  try {
    for (let steps = 0; steps < MAX_STEPS && !collector.late; steps++) {
      const next = expansion.next();
      if (!next) break;
      const start = instantOf(next, tzid, calendar);
      if (start >= range.end || start > collector.horizon) break;
      if (excluded.has(start) || overridden.has(start)) continue;
      if (ranged) {
        // RANGE=THISANDFUTURE overrides shift every later occurrence: ical.js knows how.
        const details = event.getOccurrenceDetails(next);
        if (details.item !== event) {
          const item = details.item;
          const itemTzid = tzidOf(item.component, 'dtstart');
          const shifted = instantOf(details.startDate, itemTzid, calendar);
          const itemLength = lengthOf(item, instantOf(item.startDate, itemTzid, calendar), calendar) ?? length;
          emit(item, shifted, start, itemLength === null ? null : shifted + itemLength, details.startDate.isDate, zoneOf(details.startDate, itemTzid, calendar));
          continue;
        }
      }
      emit(event, start, start, length === null ? null : start + length, next.isDate, timezone);
    }
  } catch {
    // the rule gave up (too expensive, or ical.js found it impossible): keep what came before
  }
}

/** A RECURRENCE-ID override, or a lone instance whose series the feed does not contain. */
function emitOverride(exception: IcalEvent, id: number, seriesLength: number | null, uid: string, calendar: Calendar, range: Range, collector: Collector): void {
  const start = exception.startDate;
  const tzid = tzidOf(exception.component, 'dtstart');
  const startMs = instantOf(start, tzid, calendar);
  const own = exception.component.hasProperty('dtend') || exception.component.hasProperty('duration');
  const length = own || seriesLength === null ? lengthOf(exception, startMs, calendar) : seriesLength;
  const end = length === null ? null : startMs + length;
  if (!overlaps(startMs, end, range)) return;
  const model = toModel({ item: exception, uid, start: startMs, end, id, allDay: start.isDate, timezone: zoneOf(start, tzid, calendar) }, calendar);
  collector.add(startMs, model);
}

/** A stable stand-in for a missing UID. */
function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/** Adds every occurrence of the calendar's VEVENTs that overlaps `range` to `collector`. */
export function expandCalendar(root: Component, feed: string, range: Range, collector: Collector): void {
  sanitizeZones(root);
  const zone = ianaZone(root.getFirstPropertyValue('x-wr-timezone'));
  const calendar: Calendar = { feed, floating: zone ?? 'UTC', zone };

  // Series and their overrides, by UID. ical.js would relate every RECURRENCE-ID of the file to any
  // series (whatever its UID) unless given the exceptions itself.
  const groups = new Map<string, { series: Component[]; overrides: Component[] }>();
  for (const component of root.getAllSubcomponents('vevent')) {
    const uid = clean(component.getFirstPropertyValue('uid')) ?? `ics-${hash(textOf(component, 'summary') ?? '')}`;
    let group = groups.get(uid);
    if (!group) groups.set(uid, (group = { series: [], overrides: [] }));
    (component.hasProperty('recurrence-id') ? group.overrides : group.series).push(component);
  }

  for (const [uid, group] of groups) {
    // Overrides by the instant they replace; the highest SEQUENCE wins.
    const overrides = new Map<number, IcalEvent>();
    for (const component of group.overrides) {
      try {
        const exception = new ICAL.Event(component, { exceptions: [] });
        if (!exception.startDate) continue;
        const id = instantOf(exception.recurrenceId, tzidOf(component, 'recurrence-id'), calendar);
        const other = overrides.get(id);
        if (!other || exception.sequence >= other.sequence) overrides.set(id, exception);
      } catch {
        // a malformed override is skipped
      }
    }
    const overridden = new Set(overrides.keys());
    let seriesLength: number | null = null;
    let excluded = new Set<number>();
    for (const [index, component] of group.series.entries()) {
      try {
        const event = new ICAL.Event(component, { exceptions: index === 0 ? [...overrides.values()] : [] });
        if (!event.startDate) continue; // no DTSTART: not an event we can place
        if (index === 0) {
          const start = instantOf(event.startDate, tzidOf(component, 'dtstart'), calendar);
          seriesLength = lengthOf(event, start, calendar);
          excluded = exdatesOf(component, calendar);
        }
        expandSeries(event, uid, overridden, calendar, range, collector);
      } catch {
        // a malformed VEVENT (bad DTSTART, broken rule…) is skipped, not fatal
      }
    }
    for (const [id, exception] of overrides) {
      // An override of an occurrence the series excludes (EXDATE) stays excluded.
      if (excluded.has(id)) continue;
      try {
        emitOverride(exception, id, seriesLength, uid, calendar, range, collector);
      } catch {
        // skipped
      }
    }
  }
}

function exdatesOf(component: Component, calendar: Calendar): Set<number> {
  const excluded = new Set<number>();
  for (const property of component.getAllProperties('exdate')) {
    const tzid = property.getParameter('tzid');
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Time) excluded.add(instantOf(value, typeof tzid === 'string' ? tzid : null, calendar));
    }
  }
  return excluded;
}
