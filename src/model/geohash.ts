// `near` as site owners write it, and geohashes: Mobilizon's search takes a place as a geohash
// (`location`) and a radius in km. Loaded only by lists filtered by place.
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

export function encodeGeohash(lat: number, lon: number, precision = 9): string {
  let [latMin, latMax, lonMin, lonMax] = [-90, 90, -180, 180];
  let hash = '';
  let bits = 0;
  let value = 0;
  let even = true;
  while (hash.length < precision) {
    if (even) {
      const mid = (lonMin + lonMax) / 2;
      value = value * 2 + (lon >= mid ? 1 : 0);
      if (lon >= mid) lonMin = mid;
      else lonMax = mid;
    } else {
      const mid = (latMin + latMax) / 2;
      value = value * 2 + (lat >= mid ? 1 : 0);
      if (lat >= mid) latMin = mid;
      else latMax = mid;
    }
    even = !even;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}

/** The centre of a geohash cell. */
export function decodeGeohash(hash: string): { lat: number; lon: number } | null {
  let [latMin, latMax, lonMin, lonMax] = [-90, 90, -180, 180];
  let even = true;
  for (const char of hash.toLowerCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) return null;
    for (let bit = 4; bit >= 0; bit--) {
      const on = (value >> bit) & 1;
      if (even) {
        const mid = (lonMin + lonMax) / 2;
        if (on) lonMin = mid;
        else lonMax = mid;
      } else {
        const mid = (latMin + latMax) / 2;
        if (on) latMin = mid;
        else latMax = mid;
      }
      even = !even;
    }
  }
  return hash ? { lat: (latMin + latMax) / 2, lon: (lonMin + lonMax) / 2 } : null;
}

/** `near` as site owners write it: "45.76,4.84" (latitude, longitude) or a geohash; radius in km (Mobilizon's default 50). */
export function parseNear(near: string | undefined, radius = 50): { lat: number; lon: number; radius: number; geohash: string } | null {
  const text = near?.trim();
  if (!text) return null;
  const pair = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  const point = pair ? { lat: Number(pair[1]), lon: Number(pair[2]) } : decodeGeohash(text);
  if (!point || Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) return null;
  const km = Number.isFinite(radius) && radius > 0 ? radius : 50;
  return { ...point, radius: km, geohash: encodeGeohash(point.lat, point.lon) };
}
