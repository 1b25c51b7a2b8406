// iCalendar export. Default: byte-for-byte the shape Mobilizon 5.1.3 emits (lib/service/export/icalendar.ex
// through the tcitworld/icalendar library): LF line ends, no folding, properties sorted, DTSTART with a
// TZID but no VTIMEZONE, only "," and ";" escaped in DESCRIPTION/LOCATION, and html_to_text's "\n\r"
// leaving a raw CR in descriptions. Knob `ics=rfc`: a strict RFC 5545 rendering of the same data
// (CRLF, 75-octet folding, full TEXT escaping, VTIMEZONE, ORGANIZER as a URI).
import { formatInTimeZone, isValidTimeZone, offsetChanges, zoneOffset } from './time.mjs';
import { decodeEntities } from './util.mjs';

/** Mobilizon.Service.Formatter.HTML.html_to_text/1 */
export function htmlToText(html) {
  if (html == null) return null;
  const spaced = html
    .replace(/<li>/g, '- ')
    .replace(/<\/?\s?br>|<\/\s?p>|<\/\s?li>|<\/\s?div>|<\/\s?h.>/g, '\n\r');
  return decodeEntities(spaced.replace(/<[^>]*>/g, ''));
}

/** Address.representation/1 */
export function addressRepresentation(a) {
  if (!a) return null;
  return `${a.description ?? ''} ${a.street ?? ''} ${a.postalCode ?? ''} ${a.locality ?? ''} ${a.region ?? ''} ${a.country ?? ''}`.trim();
}

/** Elixir's Float.to_string: always a decimal point. */
const elixirFloat = (n) => (Number.isInteger(n) ? `${n}.0` : String(n));

const utcStamp = (ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
const localStamp = (ms, tz) => formatInTimeZone(ms, tz, "yyyyMMdd'T'HHmmss");

/**
 * The data of one VEVENT, independent of the rendering.
 * `e` has: uuid, title, description, beginsOn, endsOn, status, publishAt, url, timezone, address, tags, organizerName, organizerUrl.
 */
function eventFields(e, now) {
  const tz = e.timezone && isValidTimeZone(e.timezone) ? e.timezone : null;
  const coords = e.address?.geom ? e.address.geom.split(';').map(Number) : null;
  return {
    tz,
    summary: e.title,
    description: htmlToText(e.description),
    dtstart: e.beginsOn,
    dtend: e.endsOn,
    dtstamp: e.publishAt ?? now,
    uid: e.uuid,
    url: e.url,
    status: e.status,
    organizer: e.organizerName,
    organizerUrl: e.organizerUrl,
    geo: coords ? { lat: coords[1], lon: coords[0] } : null,
    location: e.address ? addressRepresentation(e.address) : null,
    categories: e.tags?.length ? e.tags : null,
  };
}

// ------------------------------------------------------------------ Mobilizon's own output

const mzText = (s) => s.replaceAll('\\n', '\\\\n').replaceAll('\n', '\\n');
const mzSanitized = (s) => mzText(s).replace(/([,;])/g, '\\$1');

function mobilizonEvent(f) {
  const date = (key, ms) => {
    if (ms == null) return null;
    return f.tz ? `${key};TZID=${f.tz}:${localStamp(ms, f.tz)}\n` : `${key}:${utcStamp(ms)}Z\n`;
  };
  const lines = [
    f.categories ? `CATEGORIES:${f.categories.join(',')}\n` : null,
    f.description != null ? `DESCRIPTION:${mzSanitized(f.description)}\n` : null,
    date('DTEND', f.dtend),
    `DTSTAMP:${utcStamp(f.dtstamp)}Z\n`,
    date('DTSTART', f.dtstart),
    f.geo ? `GEO:${elixirFloat(f.geo.lat)};${elixirFloat(f.geo.lon)}\n` : null,
    f.location != null ? `LOCATION:${mzSanitized(f.location)}\n` : null,
    f.organizer != null ? `ORGANIZER:${mzText(f.organizer)}\n` : null,
    f.status ? `STATUS:${mzSanitized(f.status.toUpperCase())}\n` : null,
    f.summary != null ? `SUMMARY:${mzText(f.summary)}\n` : null,
    `UID:${f.uid}\n`,
    f.url ? `URL:${mzText(f.url)}\n` : null,
  ].filter(Boolean);
  lines.sort();
  return `BEGIN:VEVENT\n${lines.join('')}END:VEVENT\n`;
}

// ------------------------------------------------------------------ strict RFC 5545

const rfcText = (s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
export function foldLine(line) {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // do not cut inside a character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join('\r\n ');
}

function rfcEvent(f) {
  const date = (key, ms) => (ms == null ? null : f.tz ? `${key};TZID=${f.tz}:${localStamp(ms, f.tz)}` : `${key}:${utcStamp(ms)}Z`);
  const quoted = (s) => `"${s.replace(/"/g, "'")}"`;
  return [
    'BEGIN:VEVENT',
    `UID:${f.uid}`,
    `DTSTAMP:${utcStamp(f.dtstamp)}Z`,
    date('DTSTART', f.dtstart),
    date('DTEND', f.dtend),
    f.summary != null ? `SUMMARY:${rfcText(f.summary)}` : null,
    f.description != null ? `DESCRIPTION:${rfcText(f.description.replace(/\n\r/g, '\n'))}` : null,
    f.location != null ? `LOCATION:${rfcText(f.location)}` : null,
    f.geo ? `GEO:${f.geo.lat};${f.geo.lon}` : null,
    f.status ? `STATUS:${f.status.toUpperCase()}` : null,
    f.categories ? `CATEGORIES:${f.categories.map(rfcText).join(',')}` : null,
    f.url ? `URL:${f.url}` : null,
    f.organizer != null && f.organizerUrl ? `ORGANIZER;CN=${quoted(f.organizer)}:${f.organizerUrl}` : null,
    'END:VEVENT',
  ].filter(Boolean);
}

const offsetText = (ms) => {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}`;
};

/** A VTIMEZONE with one observance per UTC-offset change around the events (explicit DTSTARTs, no RRULEs). */
export function vtimezone(tz, from, to) {
  const start = Date.UTC(new Date(from).getUTCFullYear() - 1, 0, 1);
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 11, 31);
  const first = zoneOffset(tz, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  // DTSTART of an observance is the local time just before it starts, i.e. read with TZOFFSETFROM.
  const observance = (kind, at, fromOff, toOff) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${utcStamp(at + fromOff)}`, `TZOFFSETFROM:${offsetText(fromOff)}`, `TZOFFSETTO:${offsetText(toOff)}`, `END:${kind}`);
  observance('STANDARD', start, first, first);
  for (const c of offsetChanges(tz, start, end)) observance(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at, c.from, c.to);
  lines.push('END:VTIMEZONE');
  return lines;
}

/**
 * A calendar. `vendor` null reproduces the instance feed's PRODID (it calls to_ics/1 without a vendor).
 */
export function renderCalendar(events, { mode = 'mobilizon', vendor = null, now = Date.now() } = {}) {
  const fields = events.map((e) => eventFields(e, now));
  if (mode !== 'rfc') {
    return `BEGIN:VCALENDAR\nCALSCALE:GREGORIAN\nVERSION:2.0\nPRODID:-//Elixir ICalendar//${vendor ?? 'Elixir ICalendar'}//EN\n${fields.map(mobilizonEvent).join('')}END:VCALENDAR\n`;
  }
  const zones = new Map();
  for (const f of fields) {
    if (!f.tz) continue;
    const range = zones.get(f.tz) ?? { from: f.dtstart, to: f.dtstart };
    range.from = Math.min(range.from, f.dtstart);
    range.to = Math.max(range.to, f.dtend ?? f.dtstart);
    zones.set(f.tz, range);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Mobilizon demo instance//${vendor ?? 'Mobilizon'}//EN`,
    'CALSCALE:GREGORIAN',
    ...[...zones].flatMap(([tz, r]) => vtimezone(tz, r.from, r.to)),
    ...fields.flatMap(rfcEvent),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
