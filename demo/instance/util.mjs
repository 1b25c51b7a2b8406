// Small deterministic helpers shared by the seed and the server (no Math.random anywhere in the seed).
import { createHash } from 'node:crypto';

/** 32-bit FNV-1a hash of a string: turns a seed name into a PRNG seed. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for demo data; same seed → same sequence. */
export function prng(seedText) {
  let a = hash32(seedText);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

export function sha256hex(text) {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A UUID v4-shaped identifier derived from a stable key, so fixture uuids do not depend on `now`
 * or on the order in which the seed creates things (the README lists them).
 */
export function stableUuid(key) {
  const b = createHash('sha256').update(`mobilizon-demo:${key}`).digest();
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const BASE57 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** ShortUUID-style encoding (Mobilizon appends one to post slugs). */
export function shortUuid(uuid) {
  let n = BigInt(`0x${uuid.replace(/-/g, '')}`);
  let out = '';
  while (n > 0n) {
    out = BASE57[Number(n % 57n)] + out;
    n /= 57n;
  }
  return out.padStart(22, BASE57[0]);
}

/** Slug as Slugger does it: accents folded, anything else non-alphanumeric becomes "-". */
export function slugify(text, { lower = true } = {}) {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return lower ? slug.toLowerCase() : slug;
}

export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text of an HTML fragment (used for search and for stripping participation messages). */
export function stripTags(html) {
  return decodeEntities(String(html ?? '').replace(/<[^>]*>/g, ''));
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Lower-case, accent-free text for Mobilizon-like "unaccent ILIKE" matching. */
export function foldText(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
