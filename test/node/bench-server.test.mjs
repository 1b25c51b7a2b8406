// The benchmark's synthetic instance (bench/server.mjs) answers what the element sends: a page of
// `searchEvents` over GET and POST, and CORS preflights as Mobilizon does. No timing is asserted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startInstance } from '../../bench/server.mjs';

const operations = new URL('../../src/sources/mobilizon/operations/', import.meta.url);
const query = ['SearchEvents.graphql', 'fragments/EventCard.graphql'].map((f) => readFileSync(new URL(f, operations), 'utf8')).join('\n');
const month = '2031-03';
let instance;

before(async () => {
  instance = await startInstance({ count: 120, month, delay: 1, now: () => Date.parse('2031-01-01T00:00:00Z') });
});
after(() => instance.close());

test('a searchEvents page over GET ?query=&variables=&operationName=, start order, honouring page and limit', async () => {
  const variables = { beginsOn: `${month}-01T00:00:00Z`, sortBy: 'START_TIME_ASC', searchTarget: 'INTERNAL', page: 2, limit: 50 };
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables), operationName: 'SearchEvents' });
  const res = await fetch(`${instance.url}/api?${params}`, { headers: { origin: 'http://127.0.0.1:1' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const { data, errors } = await res.json();
  assert.equal(errors, undefined);
  assert.equal(data.searchEvents.total, 120);
  const events = data.searchEvents.elements;
  assert.equal(events.length, 50);
  assert.deepEqual(events.map((e) => e.beginsOn), [...events.map((e) => e.beginsOn)].sort());
  for (const e of events) {
    assert.equal(e.__typename, 'Event');
    assert.match(e.beginsOn, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(e.endsOn >= e.beginsOn);
    assert.equal(typeof e.options.timezone, 'string');
  }
  const third = await fetch(`${instance.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName: 'SearchEvents', variables: { ...variables, page: 3 } }),
  });
  assert.equal((await third.json()).data.searchEvents.elements.length, 20);
  const tooMany = await fetch(`${instance.url}/api?${new URLSearchParams({ query, operationName: 'SearchEvents', variables: JSON.stringify({ limit: 100 }) })}`);
  assert.equal((await tooMany.json()).errors[0].code, 'events_max_limit_reached');
});

test('an OPTIONS preflight gets 204 and CORSPlug’s lists', async () => {
  const res = await fetch(`${instance.url}/api`, {
    method: 'OPTIONS',
    headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('access-control-allow-methods'), /\bPOST\b/);
  assert.match(res.headers.get('access-control-allow-headers'), /\bContent-Type\b/);
  assert.equal(res.headers.get('access-control-max-age'), '1728000');
  assert.equal(await res.text(), '');
});
