// What a visitor or site owner can narrow a list by, checked on events of any source. Mobilizon's
// search does most of it server-side; this covers group lists, iCal feeds and what global search ignores.
import type { EventModel } from './event.js';

export type EventType = 'ONLINE' | 'IN_PERSON';

export interface EventFilters {
  term?: string;
  /** Tag titles; an event matches when it has any of them. */
  tags?: string[];
  category?: string;
  type?: EventType;
  near?: { lat: number; lon: number; radius: number };
  hideCancelled?: boolean;
  /** Instants (UTC ISO): only events overlapping [after, before). */
  after?: string;
  before?: string;
}

/** Lower case without accents, for "velo" to find "Vélo". */
export const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
};

export function matchesFilters(event: EventModel, f: EventFilters): boolean {
  if (f.hideCancelled && event.status === 'CANCELLED') return false;
  if (f.type && (f.type === 'ONLINE') !== event.isOnline) return false;
  if (f.category && event.category !== f.category) return false;
  if (f.tags?.length) {
    const wanted = new Set(f.tags.map(fold));
    if (!event.tag.some((t) => wanted.has(fold(t.name)) || wanted.has(fold(t.slug)))) return false;
  }
  if (f.term?.trim()) {
    const place = event.location.map((l) => (l.type === 'Place' ? [l.name, ...Object.values(l.address)].join(' ') : '')).join(' ');
    const haystack = fold([event.name, event.content ?? '', place, ...event.tag.map((t) => t.name)].join(' '));
    if (!fold(f.term).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))) return false;
  }
  if (f.near) {
    const place = event.location.find((l) => l.type === 'Place' && l.latitude !== null);
    if (!place || place.type !== 'Place' || distanceKm(f.near, { lat: place.latitude!, lon: place.longitude! }) > f.near.radius) {
      return false;
    }
  }
  const start = event.startTime;
  const end = event.endTime ?? start;
  if (f.after && end <= f.after && start < f.after) return false;
  if (f.before && start >= f.before) return false;
  return true;
}

/** Start order (then name), or the reverse for past lists. */
export const byStart = (descending = false) => (a: EventModel, b: EventModel): number =>
  (descending ? -1 : 1) * (a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name));
