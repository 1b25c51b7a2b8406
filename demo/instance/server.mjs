#!/usr/bin/env node
// The demo Mobilizon instance: node:http, one router, Mobilizon's API and routes for real.
// Everything is also served under /_k/<knobs>/… (see knobs.mjs and README.md).
import { createServer } from 'node:http';
import { markSocket } from './api.mjs';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { handleApi, operationNames, readApiParams } from './api.mjs';
import { feedResponse } from './feeds.mjs';
import { makeCrowd } from './crowd.mjs';
import { makeEmpty, makeHostile } from './hostile.mjs';
import { browserPipelineHeaders, corsHeaders, headerValue, preflightHeaders, readBody, securityHeaders } from './http.mjs';
import { requestLocale } from './i18n.mjs';
import { BASE_KNOBS, ScopeRegistry, envDefaults, parseKnobs } from './knobs.mjs';
import { mediaPng } from './media.mjs';
import { PAGE_CSS, pageResponse } from './pages.mjs';
import { describeParticipations } from './participation.mjs';
import { attachResolvers } from './resolvers.mjs';
import { buildSeed } from './seed.mjs';
import { DataView } from './store.mjs';
import { buildVersionSchema } from './versions.mjs';

const DEFAULT_INSTANCE = {
  name: 'Mobilizon Démo',
  description: 'Une instance Mobilizon de démonstration, pour essayer les widgets.',
  slogan: 'Rassembler, organiser, se mobiliser',
  longDescription: '<p>Instance de démonstration : les données sont fictives et recréées à chaque démarrage.</p>',
};

const DEFAULT_PICTURE = { sha: 'default-picture', name: 'default-picture.png', width: 800, height: 450 };

/**
 * Starts the demo instance.
 * @param {object} [options]
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.host='127.0.0.1']
 * @param {number} [options.now=Date.now()] the instant the seed is built around; the server clock starts there and runs
 * @param {number} [options.latency=0] default /api latency (ms) for unscoped requests
 * @param {string} [options.defaults] default knobs for unscoped requests, same syntax as /_k/<knobs>
 * @param {string} [options.publicUrl] base of absolute URLs instead of http://<Host header>
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startDemoInstance({ port = 0, host = '127.0.0.1', now, latency = 0, defaults = '', publicUrl } = {}) {
  const startedAt = Date.now();
  const seedNow = now ?? startedAt;
  const clock = () => seedNow + (Date.now() - startedAt);
  const seed = buildSeed({ now: seedNow });
  const views = new Map();
  const viewFor = ({ hostile, empty, crowd = 0 }) => {
    const key = `${hostile}|${empty}|${crowd}`;
    if (!views.has(key)) {
      let ds = seed;
      if (empty) ds = makeEmpty(ds);
      if (crowd) ds = makeCrowd(ds, crowd, seedNow);
      if (hostile) ds = makeHostile(ds);
      views.set(key, new DataView(ds));
    }
    return views.get(key);
  };
  const baseView = viewFor({ hostile: false, empty: false });
  const schemas = new Map();
  const schemaFor = (version) => {
    if (!schemas.has(version)) schemas.set(version, buildVersionSchema(version, attachResolvers));
    return schemas.get(version);
  };
  schemaFor('5.1.3');
  const scopes = new ScopeRegistry();
  const unscopedDefaults = parseKnobs([latency ? `latency=${latency}` : '', defaults].filter(Boolean).join(','), BASE_KNOBS);

  const server = createServer((req, res) => {
    markSocket(req);
    handle(req, res).catch((error) => {
      console.error('[demo-instance]', error);
      if (!res.headersSent) {
        res.writeHead(error.status ?? 500, { 'content-type': 'text/plain; charset=utf-8', ...corsHeaders() });
        res.end(error.status ? error.message : 'Internal Server Error');
      } else res.destroy();
    });
  });

  async function handle(req, res) {
    const hostHeader = req.headers.host ?? `${host}:${server.address().port}`;
    const url = new URL(req.url, `http://${hostHeader}`);
    const m = /^\/_k\/([^/]*)(\/.*)?$/.exec(url.pathname);
    const prefix = m ? `/_k/${m[1]}` : '';
    const scopeName = m ? safeDecode(m[1]) : '';
    const path = m ? m[2] ?? '/' : url.pathname;
    const knobs = m ? parseKnobs(scopeName, BASE_KNOBS) : unscopedDefaults;
    const origin = publicUrl ? publicUrl.replace(/\/+$/, '') : `http://${hostHeader}`;
    const base = `${origin}${prefix}`;
    const method = req.method;

    const send = (status, headers, body) => {
      res.writeHead(status, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, headerValue(v)])));
      res.end(method === 'HEAD' ? undefined : body);
    };
    const routed = (extra = {}) => ({ ...securityHeaders(origin), ...extra, ...corsHeaders(), 'x-request-id': randomBytes(10).toString('base64url') });

    // ---- uploads are served before CORSPlug and HTTPSecurityPlug: no such headers
    if (path.startsWith('/media/')) {
      scopes.get(scopeName).record(method, path, null);
      return serveMedia(method, path, url, send);
    }

    // ---- CORSPlug answers preflights for every routed path
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return send(204, { ...securityHeaders(origin), ...preflightHeaders() }, '');
    }

    // ---- test inspection routes (not Mobilizon)
    if (path.startsWith('/_demo/')) return demoRoute(req, url, path, m ? scopeName : null, send, routed, knobs, base);

    const scope = scopes.get(scopeName);
    const ctx = {
      view: viewFor(knobs),
      base,
      host: hostHeader,
      knobs,
      version: knobs.version,
      locale: requestLocale(req.headers['accept-language']),
      now: clock(),
      scope,
      instance: null,
    };
    ctx.instance = ctx.view.ds.instance ?? DEFAULT_INSTANCE;

    if (path === '/api' || path.startsWith('/api/')) {
      const body = method === 'POST' ? await readBody(req) : '';
      const parsed = readApiParams(method === 'HEAD' ? 'GET' : method, url, req.headers['content-type'], body);
      for (const name of parsed.items ? operationNames(parsed.items) : [null]) scope.record(method, path, name);
      return handleApi({
        req,
        url,
        body,
        scope,
        knobs,
        schemaFor,
        contextFor: () => ({ ...ctx, now: clock() }),
        respond: (status, headers, text) => send(status, routed(headers), text),
        // The head and the first bytes of an answer, then the connection drops (fault=lost).
        cut: (status, headers, text) => {
          res.writeHead(status, Object.fromEntries(Object.entries(routed(headers)).map(([k, v]) => [k, headerValue(v)])));
          res.write(text);
          setTimeout(() => req.socket.destroy(), 20);
        },
      });
    }
    scope.record(method, path, null);

    if (path === '/.well-known/nodeinfo' || path.startsWith('/.well-known/nodeinfo/')) {
      const r = nodeinfo(ctx, path);
      return send(r.status, routed(r.headers), r.body);
    }
    if (method === 'GET' || method === 'HEAD') {
      const feed = feedResponse(ctx, path);
      if (feed && knobs.feedHang) {
        // feed=hang: the scope's feeds never answer (the socket is let go when the client leaves).
        const timer = setTimeout(() => req.socket.destroy(), 120_000);
        timer.unref?.();
        req.socket.on('close', () => clearTimeout(timer));
        return;
      }
      if (feed) return send(feed.status, routed({ 'cache-control': 'max-age=0, private, must-revalidate', ...browserPipelineHeaders(), ...feed.headers }), feed.body);
    }
    if (method === 'GET' || method === 'HEAD' || method === 'POST') {
      const form = method === 'POST' ? new URLSearchParams(await readBody(req)) : null;
      const page = pageResponse(ctx, method, path, form);
      if (page) return send(page.status, routed({ 'cache-control': 'max-age=0, private, must-revalidate', ...browserPipelineHeaders(), ...page.headers }), page.body);
    }
    return send(404, routed({ 'content-type': 'text/html; charset=utf-8' }), '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>');
  }

  function serveMedia(method, path, url, send) {
    const mm = (method === 'GET' || method === 'HEAD') && /^\/media\/([0-9a-f]{64}|default-picture)\.png$/.exec(path);
    const media = mm ? (mm[1] === 'default-picture' ? DEFAULT_PICTURE : baseView.mediaBySha.get(mm[1])) : null;
    if (!media) return send(404, { 'content-type': 'text/html; charset=utf-8' }, '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>');
    const headers = { 'content-type': 'image/png', 'cache-control': 'public', etag: `"${media.sha}"`, 'accept-ranges': 'bytes' };
    const name = url.searchParams.get('name');
    if (name != null) headers['content-disposition'] = `filename="${name.replace(/"/g, '\\"')}"`;
    return send(200, headers, mediaPng(media));
  }

  async function demoRoute(req, url, path, prefixedScope, send, routed, knobs, base) {
    const json = (status, value) => send(status, routed({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }), JSON.stringify(value));
    const scopeName = prefixedScope ?? url.searchParams.get('scope') ?? '';
    if (path === '/_demo/page.css') return send(200, { 'content-type': 'text/css; charset=utf-8', ...corsHeaders() }, PAGE_CSS);
    if (path === '/_demo/stats' && (req.method === 'GET' || req.method === 'HEAD')) return json(200, scopes.get(scopeName).stats());
    if (path === '/_demo/reset' && req.method === 'POST') {
      const explicit = prefixedScope ?? url.searchParams.get('scope');
      scopes.reset(explicit ?? undefined);
      return json(200, { reset: explicit ?? 'all' });
    }
    const pm = /^\/_demo\/participants\/([^/]+)$/.exec(path);
    if (pm && (req.method === 'GET' || req.method === 'HEAD')) {
      const view = viewFor(knobs);
      const event = view.eventsByUuid.get(safeDecode(pm[1]).toLowerCase());
      if (!event) return json(404, { error: 'event not found' });
      return json(200, describeParticipations({ view, scope: scopes.get(scopeName) }, event));
    }
    return json(404, { error: 'not found', base });
  }

  function nodeinfo(ctx, path) {
    const jsonType = { 'content-type': 'application/json; charset=utf-8' };
    if (path === '/.well-known/nodeinfo') {
      const links = ['2.0', '2.1'].map((v) => ({ rel: `http://nodeinfo.diaspora.software/ns/schema/${v}`, href: `${ctx.base}/.well-known/nodeinfo/${v}` }));
      links.push({ rel: 'https://www.w3.org/ns/activitystreams#Application', href: `${ctx.base}/relay` });
      return { status: 200, headers: jsonType, body: JSON.stringify({ links }) };
    }
    const version = path.slice('/.well-known/nodeinfo/'.length);
    if (version !== '2.0' && version !== '2.1') return { status: 404, headers: jsonType, body: JSON.stringify({ error: 'Nodeinfo schema version not handled' }) };
    const body = {
      version,
      software: { name: 'Mobilizon', version: ctx.version, ...(version === '2.1' ? { repository: 'https://framagit.org/framasoft/mobilizon' } : {}) },
      protocols: ['activitypub'],
      services: { inbound: [], outbound: ['atom1.0'] },
      openRegistrations: false,
      usage: { users: { total: ctx.view.persons.filter((p) => p.local && p.preferredUsername !== 'anonymous').length }, localPosts: ctx.view.events.filter((e) => e.local).length, localComments: 0 },
      metadata: { nodeName: ctx.instance.name, nodeDescription: ctx.instance.description },
    };
    return { status: 200, headers: { 'content-type': 'application/json; profile=http://nodeinfo.diaspora.software/ns/schema/2.1#; charset=utf-8' }, body: JSON.stringify(body) };
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    url: publicUrl ?? `http://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // also drops sockets held open by fault=timeout
      }),
  };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ------------------------------------------------------------------ CLI: node demo/instance/server.mjs [--port 4000]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(flag('--port') ?? process.env.PORT ?? 4000);
  const host = flag('--host') ?? process.env.HOST ?? '127.0.0.1';
  const instance = await startDemoInstance({ port, host, defaults: envDefaults() });
  console.log(`Demo Mobilizon instance: ${instance.url}`);
  const stop = async () => {
    await instance.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
