// `structured-data`: schema.org `Event` JSON-LD for what an element shows, written into the host page's
// light DOM so search engines that run scripts find the events on any site. The same shape as the
// WordPress plugin's server-side JSON-LD (wordpress-plugin/includes/class-json-ld.php): dates with the
// offset of the event's own zone, Place or VirtualLocation, status, attendance mode, organiser, offers.
// Loaded only by elements that have the attribute.
import type { EventModel, Place } from '../model/event.js';
import { htmlToText } from './html-text.js';
import { trustedJson } from './trusted-html.js';
import { dayKey, offsetAt, zoneFormatter } from './zoned.js';

type Json = Record<string, unknown>;

const SCHEMA = 'https://schema.org/';

/** Only web addresses (a `javascript:` or `data:` URL from an instance never reaches the page). */
const web = (url: string | null | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** Keys with a value (as PHP's array_filter: no null, undefined or empty string). */
const defined = (object: Json): Json => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== ''));

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** An instant as the event's wall clock with its offset (`2026-12-11T14:00:00+01:00`), or its day alone. */
export function zonedDate(instant: string, zone: string | null, withTime: boolean): string {
  const tz = zone && zoneFormatter(zone) ? zone : 'UTC';
  const at = Date.parse(instant);
  if (!withTime) return dayKey(at, tz);
  const offset = offsetAt(tz, at);
  const wall = new Date(at + offset).toISOString().slice(0, 19);
  const minutes = Math.round(offset / 60_000);
  return `${wall}${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

function place(location: Place): Json {
  const address = defined(location.address);
  const out: Json = { '@type': 'Place' };
  if (location.name) out.name = location.name;
  if (Object.keys(address).length) out.address = { '@type': 'PostalAddress', ...address };
  if (location.latitude !== null && location.longitude !== null) out.geo = { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude };
  // Google wants a name; the locality (or the street) is what people call the place.
  out.name ??= address.addressLocality ?? address.streetAddress ?? '';
  return out;
}

/** One event as a schema.org `Event`. */
export function eventJsonLd(event: EventModel): Json {
  const data: Json = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.name,
    startDate: zonedDate(event.startTime, event.timezone, event.display.showStartTime),
  };
  if (event.endTime) data.endDate = zonedDate(event.endTime, event.timezone, event.display.showEndTime);
  data.eventStatus = SCHEMA + (event.status === 'CANCELLED' ? 'EventCancelled' : 'EventScheduled');
  const url = web(event.url);
  if (url) data.url = url;

  const places = event.location.map((l) => (l.type === 'Place' ? place(l) : defined({ '@type': 'VirtualLocation', url: web(l.url) ?? url })));
  const virtual = event.location.some((l) => l.type === 'VirtualLocation');
  const physical = places.length > (virtual ? 1 : 0);
  data.eventAttendanceMode = SCHEMA + (virtual ? (physical ? 'MixedEventAttendanceMode' : 'OnlineEventAttendanceMode') : 'OfflineEventAttendanceMode');
  if (places.length) data.location = places.length === 1 ? places[0] : places;

  if (event.content) {
    const text = event.mediaType === 'text/html' ? htmlToText(event.content).replace(/\s+/g, ' ') : event.content.replace(/\s+/g, ' ').trim();
    if (text) data.description = [...text].length > 500 ? `${[...text].slice(0, 499).join('').trimEnd()}…` : text;
  }
  const image = web(event.image?.url);
  if (image) data.image = image;
  const organizer = event.attributedTo;
  if (organizer) data.organizer = defined({ '@type': organizer.type === 'Person' ? 'Person' : 'Organization', name: organizer.name, url: web(organizer.url) });
  const details = event.source.kind === 'mobilizon' ? event.source.details : undefined;
  if (details?.showPrice && details.offers.length) {
    data.offers = details.offers.map((offer) =>
      defined({ '@type': 'Offer', price: offer.price ?? 0, priceCurrency: offer.currency ?? (offer.price ? 'EUR' : undefined), url: web(offer.url) ?? url }),
    );
  }
  if (event.remainingAttendeeCapacity !== null && !event.display.hideNumberOfParticipants) data.remainingAttendeeCapacity = event.remainingAttendeeCapacity;
  if (event.inLanguage) data.inLanguage = event.inLanguage;
  return data;
}

/**
 * The script's text: one object, or an array for several. `<`, `>` and `&` as \u escapes (as PHP's
 * JSON_HEX_*), so a title holding `</script>` or `<!--` cannot end or change the element in any
 * serialization of the page.
 */
export function jsonLdText(events: EventModel[]): string {
  const items = events.map(eventJsonLd);
  return JSON.stringify(items.length === 1 ? items[0] : items).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const scripts = new WeakMap<Element, HTMLScriptElement>();

/**
 * Writes one `<script type="application/ld+json">` per element into the page's light DOM: inside the
 * element, or inside the outermost element when it sits in another's shadow root (a group's lists).
 * It replaces the element's previous one; no events (or the attribute removed): none.
 */
export function writeJsonLd(element: Element, events: EventModel[]): void {
  const old = scripts.get(element);
  scripts.delete(element);
  if (!events.length) return old?.remove();
  let host = element;
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = host.getRootNode()) host = root.host;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  // A named slot no element has: never shown, and not taken for fallback content.
  script.slot = 'structured-data';
  // Pages enforcing Trusted Types check a script's text even when it is data: JSON through the library's policy.
  script.text = trustedJson(jsonLdText(events));
  if (old?.parentNode === host) old.replaceWith(script);
  else {
    old?.remove();
    host.append(script);
  }
  scripts.set(element, script);
}
