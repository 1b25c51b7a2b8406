// Geohash decoding and distances, for `location` (a geohash) + `radius` (km) filters.

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Centre of a geohash cell as {lat, lon}, or null when the string is not a geohash (Geohax.decode). */
export function decodeGeohash(hash) {
  if (typeof hash !== 'string' || hash.length === 0) return null;
  let evenBit = true;
  const lat = [-90, 90];
  const lon = [-180, 180];
  for (const ch of hash.toLowerCase()) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) return null;
    for (let bit = 4; bit >= 0; bit--) {
      const range = evenBit ? lon : lat;
      const mid = (range[0] + range[1]) / 2;
      if ((idx >> bit) & 1) range[0] = mid;
      else range[1] = mid;
      evenBit = !evenBit;
    }
  }
  return { lat: (lat[0] + lat[1]) / 2, lon: (lon[0] + lon[1]) / 2 };
}

export function encodeGeohash(lat, lon, precision = 9) {
  let evenBit = true;
  const latR = [-90, 90];
  const lonR = [-180, 180];
  let out = '';
  let bits = 0;
  let idx = 0;
  while (out.length < precision) {
    const range = evenBit ? lonR : latR;
    const value = evenBit ? lon : lat;
    const mid = (range[0] + range[1]) / 2;
    idx <<= 1;
    if (value >= mid) {
      idx |= 1;
      range[0] = mid;
    } else range[1] = mid;
    evenBit = !evenBit;
    if (++bits === 5) {
      out += BASE32[idx];
      bits = 0;
      idx = 0;
    }
  }
  return out;
}

/** Great-circle distance in km (PostGIS ST_DWithin on geography is close enough to this). */
export function haversineKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Mobilizon's Point scalar is "lon;lat". */
export function pointToLatLon(point) {
  if (typeof point !== 'string') return null;
  const [lon, lat] = point.split(';').map(Number);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/** bbox "ymax,xmin:ymin,xmax" (top-left:bottom-right, as Mobilizon's events_for_bounding_box reads it). */
export function parseBbox(bbox) {
  if (typeof bbox !== 'string' || !bbox.includes(':')) return null;
  const [topLeft, bottomRight] = bbox.split(':');
  const [ymax, xmin] = topLeft.split(',').map((s) => Number(s.trim()));
  const [ymin, xmax] = (bottomRight ?? '').split(',').map((s) => Number(s.trim()));
  if (![ymax, xmin, ymin, xmax].every(Number.isFinite)) return null;
  return { xmin, ymin, xmax, ymax };
}

export function inBbox(box, { lat, lon }) {
  return lon >= box.xmin && lon <= box.xmax && lat >= box.ymin && lat <= box.ymax;
}
