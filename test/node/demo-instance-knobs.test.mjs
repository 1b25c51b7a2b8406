// The demo instance's knobs (/_k/…): latency, faults, stats, hostile and empty instances.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixtureUuid } from '../../demo/instance/seed.mjs';
import { FULL_EVENT, GROUP, base, data, gql, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('knobs', () => {
  const stats = async (scope) => (await fetch(`${base}/_demo/stats?scope=${encodeURIComponent(scope)}`)).json();

  test('latency delays /api answers', async () => {
    const t = Date.now();
    await data('{ config { name } }', {}, { prefix: '/_k/id=slow,latency=250' });
    assert.ok(Date.now() - t >= 240);
  });

  test('fault=http500 with faults=1 fails the first /api request only, with CORS headers', async () => {
    const prefix = '/_k/id=f500,fault=http500,faults=1';
    const first = await fetch(`${base}${prefix}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(first.status, 500);
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.match(first.headers.get('content-type'), /text\/html/);
    assert.equal((await gql('{ config { name } }', {}, { prefix })).status, 200);
  });

  test('fault=graphql answers 200 with Mobilizon-shaped errors; fault=malformed truncates the JSON', async () => {
    const g = await gql('query Q { config { name } events { total } }', {}, { prefix: '/_k/id=fg,fault=graphql' });
    assert.equal(g.status, 200);
    assert.deepEqual(g.body.data, { config: null, events: null });
    assert.equal(g.body.errors[0].code, 'unknown');
    assert.equal(g.body.errors[0].status_code, 500);
    const m = await fetch(`${base}/_k/id=fm,fault=malformed/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ config { name } }' }) });
    assert.equal(m.status, 200);
    await assert.rejects(m.json());
  });

  test('fault=refused drops the connection; fault=timeout never answers', async () => {
    await assert.rejects(fetch(`${base}/_k/id=fr,fault=refused/api?query=%7Bconfig%7Bname%7D%7D`));
    await assert.rejects(fetch(`${base}/_k/id=ft,fault=timeout/api?query=%7Bconfig%7Bname%7D%7D`, { signal: AbortSignal.timeout(300) }), { name: 'TimeoutError' });
    assert.equal((await gql('{ config { name } }')).status, 200, 'other requests are still served');
  });

  test('stats count /api requests and operations per scope; reset clears them', async () => {
    const scope = 'id=stats-test,latency=0';
    await gql('query FetchEvents { events(limit: 1) { total } }', {}, { prefix: `/_k/${scope}` });
    await gql('query FetchEvents { events(limit: 1) { total } }', {}, { prefix: `/_k/${scope}` });
    await gql('query Other { config { name } }', {}, { prefix: `/_k/${scope}` });
    await fetch(`${base}/_k/${scope}/feed/instance/ics`);
    const s = await stats(scope);
    assert.equal(s.api, 3);
    assert.deepEqual(s.operations, { FetchEvents: 2, Other: 1 });
    assert.ok(s.requests.some((r) => r.method === 'GET' && r.path === '/feed/instance/ics'));
    assert.deepEqual((await (await fetch(`${base}/_k/${scope}/_demo/stats`)).json()).operations, s.operations);
    await fetch(`${base}/_k/${scope}/_demo/reset`, { method: 'POST' });
    assert.equal((await stats(scope)).api, 0);
  });

  test('hostile=1 puts markup and javascript: URLs in every displayed string but keeps uuids and handles', async () => {
    const prefix = '/_k/hostile=1';
    const { event } = await data(FULL_EVENT, { uuid: fixtureUuid('velo_lyon/concert-transbordeur') }, { prefix });
    assert.equal(event.uuid, fixtureUuid('velo_lyon/concert-transbordeur'));
    assert.match(event.description, /<script>alert\(1\)<\/script>/);
    assert.match(event.description, /<iframe/);
    assert.match(event.description, /<style>/);
    assert.match(event.description, /href="javascript:alert\(1\)"/);
    assert.equal(event.externalParticipationUrl, 'javascript:alert(1)');
    assert.match(event.physicalAddress.street, /<script>/);
    assert.ok(event.tags.every((t) => /<tag>/.test(t.title) && /"/.test(t.title)));
    assert.match(event.attributedTo.name, /onerror/);
    const titles = (await data('{ events(limit: 50) { elements { title picture { url } } } }', {}, { prefix })).events.elements;
    assert.ok(titles.some((e) => e.title.length >= 2000));
    assert.ok(titles.some((e) => e.title.includes('\u202E')));
    assert.ok(titles.some((e) => e.picture?.url === 'javascript:alert(1)'));
    assert.equal((await data(GROUP, { name: 'velo_lyon' }, { prefix })).group.preferredUsername, 'velo_lyon');
  });

  test('empty=1 is an instance with nothing', async () => {
    const prefix = '/_k/empty=1';
    const d = await data('{ events { total elements { id } } searchEvents(searchTarget: GLOBAL) { total } searchGroups { total } }', {}, { prefix });
    assert.deepEqual(d, { events: { total: 0, elements: [] }, searchEvents: { total: 0 }, searchGroups: { total: 0 } });
    assert.equal((await gql(GROUP, { name: 'velo_lyon' }, { prefix })).body.errors[0].code, 'group_not_found');
  });
});
