import type { Place } from '../model/event.js';

/** A short one-line place: venue and town ("Salle Molière, Lyon"), or whatever parts exist. */
export function placeLine(place: Place): string {
  const { streetAddress, addressLocality, addressRegion, addressCountry } = place.address;
  const town = addressLocality ?? addressRegion ?? addressCountry;
  const parts = [place.name, place.name ? town : (streetAddress ?? null), place.name ? null : town];
  return [...new Set(parts.filter((p): p is string => Boolean(p)).map((p) => p.trim()))].join(', ');
}
