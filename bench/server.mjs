// The benchmark's servers, both on 127.0.0.1 (port 0), every response held back by `delay` ms:
// - an instance: a synthetic Mobilizon-shaped `/api` (Config, FetchEvents, SearchEvents, GroupEvents)
//   over N generated events of one month, with Mobilizon's CORS (`*`, preflights answered), plus a
//   FullCalendar JSON feed of the same events (not Mobilizon: what FullCalendar is fed with);
// - a site on another port (so the widget's requests are cross-origin, as on a real site): the
//   scenario pages, the built `dist/` files and FullCalendar bundled once with esbuild.
// Each server logs what it answered, so the runner counts requests and bytes per scenario.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fromZonedTime } from 'date-fns-tz';
import { readApiParams } from '../demo/instance/api.mjs';
import { corsHeaders, preflightHeaders, readBody } from '../demo/instance/http.mjs';
import { pageHtml } from './pages/pages.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const JSON_TYPE = 'application/json; charset=utf-8';
/** Mobilizon refuses `limit >= 100` on its event lists. */
const EVENT_MAX_LIMIT = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The month after the current one (UTC), "YYYY-MM": every generated event is upcoming. */
export function nextMonth(now = Date.now()) {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
}

// ------------------------------------------------------------------ data

const ZONES = [
  { zone: 'Europe/Paris', locality: 'Lyon', country: 'France', postalCode: '69001', geom: '4.8357;45.764' },
  { zone: 'America/Montreal', locality: 'Montréal', country: 'Canada', postalCode: 'H2X 1Y4', geom: '-73.5673;45.5017' },
  { zone: 'Asia/Tokyo', locality: 'Tokyo', country: 'Japan', postalCode: '100-0001', geom: '139.6917;35.6895' },
  { zone: 'Europe/Berlin', locality: 'Berlin', country: 'Germany', postalCode: '10115', geom: '13.405;52.52' },
  { zone: 'America/Sao_Paulo', locality: 'São Paulo', country: 'Brazil', postalCode: '01000-000', geom: '-46.6333;-23.5505' },
  { zone: 'Pacific/Auckland', locality: 'Auckland', country: 'New Zealand', postalCode: '1010', geom: '174.7633;-36.8485' },
];
const WORDS = ['Atelier', 'Sortie vélo', 'Repair Café', 'Concert', 'Assemblée', 'Meetup', 'Chorale', 'Randonnée', 'Conférence', 'Pique-nique', 'Projection', 'Permanence'];
const TAGS = ['velo', 'musique', 'nature', 'numerique', 'culture', 'solidarite'];

/** A small seeded PRNG (mulberry32): the same count gives the same events. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const utc = (date) => date.toISOString().replace('.000Z', 'Z');

/**
 * `count` events of `month` ("YYYY-MM"): 70 % timed (1–3 h), 20 % multi-day (2–4 days), 10 % all-day
 * (local midnight to 23:59 without shown times, as Mobilizon has no all-day flag), over six zones;
 * a few tentative and cancelled. Returned as internal records, sorted by start.
 */
export function buildEvents(count, month) {
  const random = prng(count * 7919 + 17);
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const events = [];
  for (let i = 0; i < count; i++) {
    const place = ZONES[Math.floor(random() * ZONES.length)];
    const day = 1 + Math.floor(random() * days);
    const r = random();
    const kind = r < 0.7 ? 'timed' : r < 0.9 ? 'multi-day' : 'all-day';
    const date = `${month}-${pad(day)}`;
    let begins;
    let ends;
    if (kind === 'timed') {
      const hour = 8 + Math.floor(random() * 13);
      const minutes = random() < 0.5 ? 0 : 30;
      begins = fromZonedTime(`${date}T${pad(hour)}:${pad(minutes)}:00`, place.zone);
      ends = new Date(begins.getTime() + (1 + Math.floor(random() * 3)) * 3600_000);
    } else if (kind === 'multi-day') {
      begins = fromZonedTime(`${date}T10:00:00`, place.zone);
      const last = new Date(Date.UTC(y, m - 1, day + 1 + Math.floor(random() * 3))).toISOString().slice(0, 10);
      ends = fromZonedTime(`${last}T18:00:00`, place.zone);
    } else {
      begins = fromZonedTime(`${date}T00:00:00`, place.zone);
      ends = fromZonedTime(`${date}T23:59:00`, place.zone);
    }
    const s = random();
    events.push({
      index: i,
      kind,
      place,
      day: date,
      title: `${WORDS[i % WORDS.length]} n° ${i + 1}`,
      beginsOn: utc(begins),
      endsOn: utc(ends),
      status: s < 0.03 ? 'CANCELLED' : s < 0.08 ? 'TENTATIVE' : 'CONFIRMED',
      tags: [TAGS[i % TAGS.length], ...(i % 3 === 0 ? [TAGS[(i + 2) % TAGS.length]] : [])],
      participants: Math.floor(random() * 40),
    });
  }
  return events.sort((a, b) => a.beginsOn.localeCompare(b.beginsOn) || a.index - b.index);
}

const uuidOf = (i) => `b0000000-0000-4000-8000-${pad(i + 1, 12)}`;

/** What EventCard selects, as Mobilizon returns it. */
function eventCard(e, base) {
  const allDay = e.kind === 'all-day';
  return {
    __typename: 'Event',
    id: String(1000 + e.index),
    uuid: uuidOf(e.index),
    url: `${base}/events/${uuidOf(e.index)}`,
    title: e.title,
    beginsOn: e.beginsOn,
    endsOn: e.endsOn,
    status: e.status,
    category: 'MEETING',
    picture: null,
    physicalAddress: {
      description: `Salle ${e.index % 20 + 1}`,
      street: `${e.index % 90 + 1} rue de la Bourse`,
      locality: e.place.locality,
      postalCode: e.place.postalCode,
      region: null,
      country: e.place.country,
      geom: e.place.geom,
      timezone: e.place.zone,
    },
    attributedTo: { type: 'GROUP', preferredUsername: 'bench', name: 'Bench Group', domain: null, url: `${base}/@bench` },
    organizerActor: null,
    tags: e.tags.map((t) => ({ slug: t, title: t })),
    participantStats: { participant: e.participants },
    options: {
      maximumAttendeeCapacity: 0,
      anonymousParticipation: false,
      hideNumberOfParticipants: false,
      showStartTime: !allDay,
      showEndTime: !allDay,
      timezone: e.place.zone,
      isOnline: false,
    },
    local: true,
    joinOptions: 'FREE',
    language: 'fr',
    onlineAddress: null,
  };
}

/** The same event as a FullCalendar event object (all-day ones on their local date). */
function feedEvent(e, base) {
  if (e.kind === 'all-day') {
    const next = new Date(Date.parse(`${e.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return { id: uuidOf(e.index), title: e.title, start: e.day, end: next, allDay: true, url: `${base}/events/${uuidOf(e.index)}` };
  }
  return { id: uuidOf(e.index), title: e.title, start: e.beginsOn, end: e.endsOn, url: `${base}/events/${uuidOf(e.index)}` };
}

const CONFIG = {
  name: 'Bench instance',
  description: 'A synthetic instance for the benchmark.',
  version: '5.1.3',
  languages: ['fr', 'en'],
  anonymous: {
    participation: { allowed: true, validation: { email: { enabled: true, confirmationRequired: true }, captcha: { enabled: false } } },
    actorId: '1',
  },
  instanceFeeds: { enabled: true },
  search: { global: { isEnabled: true, isDefault: false } },
};

function paginate(list, page, limit) {
  const p = Math.max(1, page ?? 1);
  const l = Math.max(0, limit ?? 10);
  return { total: list.length, elements: list.slice((p - 1) * l, p * l) };
}

const end = (e) => e.endsOn ?? e.beginsOn;
const limitError = () => ({ message: 'The number of events requested is too high', code: 'events_max_limit_reached', status_code: 400 });

/** One operation's answer ({data} or {errors}); the query text itself is not executed. */
function answer(events, item, base, now) {
  let variables = item.variables ?? {};
  if (typeof variables === 'string') {
    try {
      variables = variables.trim() ? JSON.parse(variables) : {};
    } catch {
      return { status: 400, body: { errors: [{ message: 'The variable values could not be decoded' }] } };
    }
  }
  if (typeof item.query !== 'string' || !item.query.trim()) return { status: 400, body: { errors: [{ message: 'No query document supplied' }] } };
  const name = item.operationName || /\b(?:query|mutation)\s+(\w+)/.exec(item.query)?.[1];
  const v = variables ?? {};
  const page = (list) => {
    const p = paginate(list, v.page, v.limit);
    return { total: p.total, elements: p.elements.map((e) => eventCard(e, base)) };
  };
  const ok = (data) => ({ status: 200, body: { data }, items: Object.values(data)[0]?.elements?.length ?? Object.values(data)[0]?.organizedEvents?.elements?.length ?? 0 });
  switch (name) {
    case 'Config':
      return ok({ config: CONFIG });
    case 'FetchEvents': {
      if (v.limit != null && v.limit >= EVENT_MAX_LIMIT) return { status: 200, body: { data: { events: null }, errors: [limitError()] } };
      const list = events.filter((e) => end(e) > now && e.status !== 'CANCELLED');
      return ok({ events: page(v.direction === 'DESC' ? [...list].reverse() : list) });
    }
    case 'SearchEvents': {
      if (v.limit != null && v.limit >= EVENT_MAX_LIMIT) return { status: 200, body: { data: { searchEvents: null }, errors: [limitError()] } };
      // Mobilizon 5.1 compares each event's end with both bounds.
      let list = events.filter((e) => (!v.beginsOn || end(e) >= v.beginsOn) && (!v.endsOn || end(e) <= v.endsOn));
      if (v.statusOneOf?.length) list = list.filter((e) => v.statusOneOf.includes(e.status));
      if (v.sortBy === 'START_TIME_DESC') list = [...list].reverse();
      return ok({ searchEvents: page(list) });
    }
    case 'GroupEvents': {
      if (v.name !== 'bench') return { status: 200, body: { data: { group: null }, errors: [{ message: 'Group not found', code: 'group_not_found', status_code: 404, field: null, path: ['group'] }] } };
      let list = events.filter((e) => (!v.afterDatetime || end(e) >= v.afterDatetime) && (!v.beforeDatetime || end(e) <= v.beforeDatetime));
      if (v.orderDirection === 'DESC') list = [...list].reverse();
      return ok({ group: { id: '2', preferredUsername: 'bench', name: 'Bench Group', domain: null, url: `${base}/@bench`, organizedEvents: page(list) } });
    }
    default:
      return { status: 200, body: { errors: [{ message: `The synthetic instance does not answer "${name ?? 'anonymous'}".` }] } };
  }
}

// ------------------------------------------------------------------ http plumbing

/** Sends `body`, gzipped when the client accepts it (as nginx in front of Mobilizon or a CDN does). */
function send(req, res, status, headers, body, entry) {
  const raw = typeof body === 'string' ? Buffer.from(body) : body ?? Buffer.alloc(0);
  const zip = raw.length > 256 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /json|javascript|html/.test(headers['content-type'] ?? '');
  const out = zip ? entry?.gzipped ?? gzipSync(raw) : raw;
  res.writeHead(status, { ...headers, ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), 'content-length': out.length });
  res.end(req.method === 'HEAD' ? undefined : out);
  return { bytes: raw.length, sent: out.length };
}

/** A node:http server on 127.0.0.1 that holds every response back by `delay` ms and logs it. */
async function listen(name, delay, log, handler) {
  const server = createServer(async (req, res) => {
    const started = Date.now();
    const record = { server: name, method: req.method, path: req.url, status: 0, bytes: 0, sent: 0, items: 0, started };
    log.inflight++;
    try {
      const body = req.method === 'POST' ? await readBody(req) : '';
      await sleep(delay);
      Object.assign(record, await handler(req, res, body));
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain', ...corsHeaders() });
        res.end(String(error?.message ?? error));
      }
      record.status = 500;
    } finally {
      log.inflight--;
      record.ended = Date.now();
      log.requests.push(record);
      log.last = record.ended;
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

/** A shared request log: `requests` (method, path, status, bytes, sent, items), `inflight`, `last`. */
export function createLog() {
  return { requests: [], inflight: 0, last: 0 };
}

/**
 * The synthetic instance with `count` events of `month`. Answers `/api` (GET `?query=&variables=&operationName=`
 * and POST JSON), OPTIONS preflights, and `/bench/feed.json?start=&end=` (FullCalendar's JSON feed).
 */
export async function startInstance({ count = 100, month = nextMonth(), delay = 100, log = createLog(), now = () => Date.now() } = {}) {
  const events = buildEvents(count, month);
  let base = '';
  const srv = await listen(`instance-${count}`, delay, log, async (req, res, body) => {
    const url = new URL(req.url, base);
    if (req.method === 'OPTIONS') {
      if (req.headers['access-control-request-method']) {
        res.writeHead(204, preflightHeaders());
        res.end();
        return { status: 204 };
      }
      return { status: 404, ...send(req, res, 404, { 'content-type': 'text/plain', ...corsHeaders() }, 'Not Found') };
    }
    if (url.pathname === '/api' && (req.method === 'GET' || req.method === 'POST')) {
      const parsed = readApiParams(req.method, url, req.headers['content-type'], body);
      if (parsed.error) return { status: 400, ...send(req, res, 400, { 'content-type': JSON_TYPE, ...corsHeaders() }, JSON.stringify({ errors: [{ message: parsed.error }] })) };
      const results = parsed.items.map((item) => answer(events, item, base, new Date(now()).toISOString()));
      const status = parsed.batch ? 200 : results[0].status;
      const json = JSON.stringify(parsed.batch ? results.map((r) => r.body) : results[0].body);
      const items = results.reduce((n, r) => n + (r.items ?? 0), 0);
      return { status, items, operation: parsed.items.map((i) => i.operationName).join(','), ...send(req, res, status, { 'content-type': JSON_TYPE, 'cache-control': 'max-age=0, private, must-revalidate', ...corsHeaders() }, json) };
    }
    if (url.pathname === '/bench/feed.json' && req.method === 'GET') {
      const start = Date.parse(url.searchParams.get('start') ?? '') || -Infinity;
      const stop = Date.parse(url.searchParams.get('end') ?? '') || Infinity;
      const list = events.filter((e) => Date.parse(e.endsOn) > start && Date.parse(e.beginsOn) < stop).map((e) => feedEvent(e, base));
      return { status: 200, items: list.length, ...send(req, res, 200, { 'content-type': JSON_TYPE, 'cache-control': 'max-age=0, private, must-revalidate', ...corsHeaders() }, JSON.stringify(list)) };
    }
    return { status: 404, ...send(req, res, 404, { 'content-type': 'text/plain', ...corsHeaders() }, 'Not Found') };
  });
  base = srv.url;
  return { ...srv, count, month, events, log };
}

/** FullCalendar (core + daygrid + list) bundled by esbuild into one minified ES module. */
export async function bundleFullCalendar() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: "export { Calendar } from '@fullcalendar/core'; export { default as dayGridPlugin } from '@fullcalendar/daygrid'; export { default as listPlugin } from '@fullcalendar/list';",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2020',
    legalComments: 'none',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.json': JSON_TYPE };

/**
 * The site: `/page/<lib>-<view>?n=<count>` scenario pages, `/blank`, `/dist/…` (the build) and
 * `/fc/fullcalendar.js`. Scripts are cacheable (max-age 1 h, like a CDN); pages are not.
 */
export async function startSite({ delay = 100, log = createLog(), instances, month }) {
  const fullcalendar = await bundleFullCalendar();
  const files = new Map();
  const file = (path) => {
    if (!files.has(path)) {
      const raw = readFileSync(path);
      files.set(path, { raw, gzipped: gzipSync(raw) });
    }
    return files.get(path);
  };
  const fc = { raw: fullcalendar, gzipped: gzipSync(fullcalendar) };
  const srv = await listen('site', delay, log, async (req, res) => {
    const url = new URL(req.url, 'http://site');
    const path = url.pathname;
    const js = { 'content-type': TYPES['.js'], 'cache-control': 'public, max-age=3600' };
    if (path === '/fc/fullcalendar.js') return { status: 200, ...send(req, res, 200, js, fc.raw, fc) };
    if (path.startsWith('/dist/')) {
      const target = normalize(join(DIST, decodeURIComponent(path.slice('/dist/'.length))));
      const inside = !relative(DIST, target).startsWith('..') && !target.includes(`${sep}..${sep}`);
      if (inside && existsSync(target) && TYPES[target.slice(target.lastIndexOf('.'))]) {
        const entry = file(target);
        return { status: 200, ...send(req, res, 200, { ...js, 'content-type': TYPES[target.slice(target.lastIndexOf('.'))] }, entry.raw, entry) };
      }
    }
    const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
    if (path === '/blank') return { status: 200, ...send(req, res, 200, html, '<!doctype html><title>blank</title><link rel="icon" href="data:,">') };
    const m = /^\/page\/(widget|fullcalendar)-(month|list|upcoming)$/.exec(path);
    const instance = instances.get(Number(url.searchParams.get('n') ?? 100));
    if (m && instance) return { status: 200, ...send(req, res, 200, html, pageHtml({ lib: m[1], view: m[2], instance: instance.url, month })) };
    return { status: 404, ...send(req, res, 404, { 'content-type': 'text/plain' }, 'Not Found') };
  });
  return { ...srv, fullcalendarBytes: fullcalendar.length };
}
