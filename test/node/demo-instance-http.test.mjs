// The demo instance's HTTP behaviour: GET and POST, errors, CORS, framing, URLs; media and nodeinfo.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixtureUuid } from '../../demo/instance/seed.mjs';
import { FULL_EVENT, GROUP, base, data, gql, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('HTTP', () => {
  test('GET /api answers queries; a mutation over GET is refused with 405', async () => {
    const get = await fetch(`${base}/api?query=${encodeURIComponent('{ config { name } }')}`);
    assert.equal(get.status, 200);
    assert.equal((await get.json()).data.config.name, 'Mobilizon Démo');
    const withVars = await fetch(`${base}/api?query=${encodeURIComponent('query E($l: Int) { events(limit: $l) { elements { id } } }')}&variables=${encodeURIComponent('{"l":2}')}`);
    assert.equal((await withVars.json()).data.events.elements.length, 2);
    const mutation = await fetch(`${base}/api?query=${encodeURIComponent('mutation { confirmParticipation(confirmationToken: "x") { role } }')}`);
    assert.equal(mutation.status, 405);
    assert.deepEqual(await mutation.json(), { errors: [{ message: 'Can only perform a mutation from a POST request' }] });
  });

  test('a JSON body sent as text/plain (to dodge the preflight) is not read, as Plug.Parsers ignores it', async () => {
    const res = await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { errors: [{ message: 'No query document supplied' }] });
    const graphqlBody = await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ config { name } }' });
    assert.equal((await graphqlBody.json()).data.config.name, 'Mobilizon Démo');
  });

  test('validation errors come without data and without code, in Absinthe words', async () => {
    const unknownField = await gql('{ config { nope } }');
    assert.deepEqual(Object.keys(unknownField.body), ['errors']);
    assert.deepEqual(unknownField.body.errors[0].locations, [{ line: 1, column: 12 }]);
    assert.match(unknownField.body.errors[0].message, /^Cannot query field "nope" on type "Config"\./);
    assert.equal(unknownField.body.errors[0].code, undefined);
    const v501 = await gql('{ events(longEvents: false) { total } }', {}, { prefix: '/_k/version=5.0.1' });
    assert.equal(v501.body.errors[0].message, 'Unknown argument "longEvents" on field "events" of type "RootQueryType".');
    assert.equal(v501.body.data, undefined);
    assert.equal((await gql('{ events(longevents: false) { total } }', {}, { prefix: '/_k/version=5.0.1' })).body.errors, undefined);
    const noLongEvent = await gql(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') }, { prefix: '/_k/version=5.0.1' });
    assert.match(noLongEvent.body.errors[0].message, /^Cannot query field "longEvent" on type "Event"\./);
    const self402 = await gql('query S($t: SearchTarget) { searchEvents(searchTarget: $t) { total } }', { t: 'SELF' }, { prefix: '/_k/version=4.0.2' });
    assert.equal(self402.body.errors[0].message, 'Argument "searchTarget" has invalid value $t.');
    const literal402 = await gql('{ searchEvents(searchTarget: SELF) { total } }', {}, { prefix: '/_k/version=4.0.2' });
    assert.equal(literal402.body.errors[0].message, 'Argument "searchTarget" has invalid value SELF.');
    const hide402 = await gql('{ events { elements { options { hideNumberOfParticipants } } } }', {}, { prefix: '/_k/version=4.0.2' });
    assert.match(hide402.body.errors[0].message, /hideNumberOfParticipants/);
    const deleted320 = await gql('mutation { leaveEvent(eventId: "1", actorId: "1", token: "x") { event { uuid } } }', {}, { prefix: '/_k/version=3.2.0' });
    assert.match(deleted320.body.errors[0].message, /^Cannot query field "uuid" on type "DeletedObject"\./);
  });

  test('documents costing more than 300 fields are refused like Absinthe does', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: events { elements { id uuid title url beginsOn endsOn status } }`).join(' ');
    const { body } = await gql(`query Big { ${aliases} }`);
    assert.equal(body.data, undefined);
    assert.equal(body.errors[0].message, 'Operation Big is too complex: complexity is 360 and maximum is 300');
    const fine = Array.from({ length: 30 }, (_, i) => `a${i}: events { elements { id uuid title url beginsOn endsOn status } }`).join(' ');
    assert.equal((await gql(`{ ${fine} }`)).body.errors, undefined);
  });

  test('CORS: every routed response allows any origin, preflights answer fixed lists, /media has no CORS', async () => {
    const api = await gql('{ config { name } }', {}, { headers: { origin: 'https://site.example' } });
    assert.equal(api.headers.get('access-control-allow-origin'), '*');
    assert.equal(api.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(api.headers.get('access-control-expose-headers'), '');
    assert.equal(api.headers.get('x-frame-options'), 'DENY');
    assert.equal(api.headers.get('referrer-policy'), 'same-origin');
    const pre = await fetch(`${base}/api`, {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-custom' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-methods'), 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
    assert.equal(pre.headers.get('access-control-allow-headers'), 'Authorization,Content-Type,Accept,Origin,User-Agent,DNT,Cache-Control,X-Mx-ReqToken,Keep-Alive,X-Requested-With,If-Modified-Since,X-CSRF-Token');
    assert.equal(pre.headers.get('access-control-max-age'), '1728000');
    for (const p of ['/@velo_lyon/feed/ics', '/.well-known/nodeinfo', `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}`]) {
      assert.equal((await fetch(`${base}${p}`)).headers.get('access-control-allow-origin'), '*', p);
    }
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') });
    const img = await fetch(event.picture.url);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('access-control-allow-origin'), null);
  });

  test('HTML pages refuse to be framed (CSP frame-ancestors none) and escape what they show', async () => {
    const res = await fetch(`${base}/_k/hostile=1/events/${fixtureUuid('velo_lyon/atelier-ouvert')}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', "Phoenix's put_secure_browser_headers overwrites DENY on HTML routes");
    const html = await res.text();
    assert.ok(!/<script>alert/i.test(html) && !/<img src=x/i.test(html));
    for (const p of ['/@velo_lyon', '/@velo_lyon/events', `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}/participate`, `/events/${fixtureUuid('velo_lyon/atelier-ouvert')}/participate/without-account`]) {
      assert.equal((await fetch(`${base}${p}`)).status, 200, p);
    }
    assert.equal((await fetch(`${base}/events/${fixtureUuid('velo_lyon/brouillon')}`)).status, 404);
  });

  test('absolute URLs carry the knob prefix', async () => {
    const prefix = '/_k/id=urls,latency=0';
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/atelier-ouvert') }, { prefix });
    assert.ok(event.url.startsWith(`${base}${prefix}/events/`));
    assert.ok(event.picture.url.startsWith(`${base}${prefix}/media/`));
    assert.ok(event.attributedTo.url.startsWith(`${base}${prefix}/@velo_lyon`));
    assert.equal((await fetch(event.picture.url)).status, 200);
    const links = await (await fetch(`${base}${prefix}/.well-known/nodeinfo`)).json();
    assert.ok(links.links[0].href.startsWith(`${base}${prefix}/`));
  });
});

describe('media and nodeinfo', () => {
  test('media are deterministic PNGs of the advertised size', async () => {
    const { group } = await data(GROUP, { name: 'tokyo_hikers' });
    for (const [m, w, h] of [[group.banner, 1500, 500], [group.avatar, 256, 256]]) {
      const res = await fetch(m.url);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.match(res.headers.get('content-disposition'), /^filename="/);
      const png = Buffer.from(await res.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h]);
      const again = Buffer.from(await (await fetch(m.url)).arrayBuffer());
      assert.ok(png.equals(again));
    }
    assert.equal((await fetch(`${base}/media/${'0'.repeat(64)}.png`)).status, 404);
  });

  test('nodeinfo names the software and its version', async () => {
    const { links } = await (await fetch(`${base}/.well-known/nodeinfo`)).json();
    assert.deepEqual(links.slice(0, 2).map((l) => l.href), [`${base}/.well-known/nodeinfo/2.0`, `${base}/.well-known/nodeinfo/2.1`]);
    const info = await (await fetch(`${base}/_k/version=4.0.2/.well-known/nodeinfo/2.1`)).json();
    assert.deepEqual(info.software, { name: 'Mobilizon', version: '4.0.2', repository: 'https://framagit.org/framasoft/mobilizon' });
    assert.equal(info.metadata.nodeName, 'Mobilizon Démo');
    assert.equal(typeof info.openRegistrations, 'boolean');
    assert.ok(info.usage.localPosts > 50);
  });
});
