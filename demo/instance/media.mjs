// Deterministic pictures: a tiny PNG encoder (node:zlib) and a few generated patterns, each in a
// palette derived from the picture's key, plus a real BlurHash of the same pixels for metadata.
import { deflateSync } from 'node:zlib';
import { hash32 } from './util.mjs';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes 8-bit RGB pixels (row-major, 3 bytes per pixel) as a PNG. */
export function encodePng(width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hsl(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

/** A pixel function (x, y in 0..1) → [r, g, b] in 0..1, chosen and coloured from the media key. */
function painter(key) {
  const h = hash32(key);
  const hue = h % 360;
  const c1 = hsl(hue, 0.65, 0.55);
  const c2 = hsl((hue + 40 + (h >>> 9) % 80) % 360, 0.6, 0.35);
  const c3 = hsl((hue + 180) % 360, 0.7, 0.7);
  const pattern = (h >>> 3) % 4;
  const cx = 0.25 + ((h >>> 12) % 50) / 100;
  const cy = 0.3 + ((h >>> 18) % 40) / 100;
  const mix = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
  return (x, y, aspect) => {
    const base = mix(c1, c2, (x + y) / 2);
    const dx = (x - cx) * aspect;
    const dy = y - cy;
    const d = Math.sqrt(dx * dx + dy * dy);
    switch (pattern) {
      case 0: // sun
        return d < 0.18 ? c3 : base;
      case 1: // stripes
        return Math.floor((x * aspect + y) * 8) % 2 ? base : mix(base, c3, 0.35);
      case 2: // rings
        return Math.floor(d * 14) % 2 ? base : mix(base, c3, 0.5);
      default: // hills
        return y > 0.6 + 0.12 * Math.sin(x * 9 + cx * 6) ? mix(c2, [0, 0, 0], 0.2) : d < 0.12 ? c3 : base;
    }
  };
}

function renderRgb(media, width, height) {
  const paint = painter(media.sha);
  const aspect = width / height;
  const out = Buffer.alloc(width * height * 3);
  let i = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x / width, y / height, aspect);
      out[i++] = Math.round(r * 255);
      out[i++] = Math.round(g * 255);
      out[i++] = Math.round(b * 255);
    }
  }
  return out;
}

const pngCache = new Map();

/** The PNG bytes of a media record (generated once, then kept). */
export function mediaPng(media) {
  let png = pngCache.get(media.sha);
  if (!png) {
    png = encodePng(media.width, media.height, renderRgb(media, media.width, media.height));
    pngCache.set(media.sha, png);
  }
  return png;
}

// ------------------------------------------------------------------ BlurHash (woltapp/blurhash algorithm)

const B83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';
const b83 = (value, length) => {
  let out = '';
  for (let i = 1; i <= length; i++) out += B83[Math.floor(value / 83 ** (length - i)) % 83];
  return out;
};
const toLinear = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const toSrgb = (v) => {
  const c = Math.max(0, Math.min(1, v));
  return Math.round(c <= 0.0031308 ? c * 12.92 * 255 + 0.5 : (1.055 * c ** (1 / 2.4) - 0.055) * 255 + 0.5);
};
const signPow = (v, e) => Math.sign(v) * Math.abs(v) ** e;

const blurCache = new Map();

/** BlurHash (4×3 components) of a media record, computed on a small sample of the same picture. */
export function mediaBlurhash(media) {
  if (blurCache.has(media.sha)) return blurCache.get(media.sha);
  const w = 32;
  const h = Math.max(8, Math.round((32 * media.height) / media.width));
  const rgb = renderRgb(media, w, h);
  const cx = 4;
  const cy = 3;
  const factors = [];
  for (let j = 0; j < cy; j++) {
    for (let i = 0; i < cx; i++) {
      const norm = i === 0 && j === 0 ? 1 : 2;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const basis = norm * Math.cos((Math.PI * i * x) / w) * Math.cos((Math.PI * j * y) / h);
          const p = (y * w + x) * 3;
          r += basis * toLinear(rgb[p] / 255);
          g += basis * toLinear(rgb[p + 1] / 255);
          b += basis * toLinear(rgb[p + 2] / 255);
        }
      }
      const scale = 1 / (w * h);
      factors.push([r * scale, g * scale, b * scale]);
    }
  }
  const [dc, ...ac] = factors;
  let hash = b83(cx - 1 + (cy - 1) * 9, 1);
  const maxAc = Math.max(...ac.flat().map(Math.abs));
  const quantMax = Math.max(0, Math.min(82, Math.floor(maxAc * 166 - 0.5)));
  const acMax = (quantMax + 1) / 166;
  hash += b83(quantMax, 1);
  hash += b83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
  for (const [r, g, b] of ac) {
    const q = (v) => Math.max(0, Math.min(18, Math.floor(signPow(v / acMax, 0.5) * 9 + 9.5)));
    hash += b83(q(r) * 19 * 19 + q(g) * 19 + q(b), 2);
  }
  blurCache.set(media.sha, hash);
  return hash;
}
