// The demo Mobilizon instance (demo/instance/) speaks Mobilizon 5.1.3's API: its schema against the real
// one, and its config over HTTP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildASTSchema, buildSchema, findBreakingChanges, parse, validate } from 'graphql';
import { sdlForVersion } from '../../demo/instance/versions.mjs';
import { CONFIG, CONFIRM, DEMO_SDL, EVENT_BASIC, FETCH_EVENTS, FULL_EVENT, GROUP, JOIN, LEAVE, POST, REAL_SCHEMA, SEARCH, data, gql, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('schema', () => {
  test('schema.graphql is a strict subset of the real Mobilizon 5.1.3 schema', () => {
    const subset = buildSchema(readFileSync(DEMO_SDL, 'utf8'));
    const full = buildSchema(readFileSync(REAL_SCHEMA, 'utf8'));
    assert.deepEqual(findBreakingChanges(subset, full), []);
    assert.equal(subset.getType('Events').getFields().elements.type.toString(), '[EventSearchResult]!');
  });

  test("the front end's operations validate against both the demo SDL and the real schema", () => {
    const schemas = [buildSchema(readFileSync(DEMO_SDL, 'utf8')), buildSchema(readFileSync(REAL_SCHEMA, 'utf8'))];
    for (const op of [FULL_EVENT, FETCH_EVENTS, SEARCH, GROUP, POST, CONFIG, JOIN, CONFIRM, LEAVE, EVENT_BASIC]) {
      for (const schema of schemas) assert.deepEqual(validate(schema, parse(op)).map((e) => e.message), []);
    }
  });

  test('the default-picture question is valid for 5.x and refused by 4.0.2 (the lists then draw no picture)', () => {
    const op = parse(readFileSync(new URL('../../src/sources/mobilizon/operations/DefaultPicture.graphql', import.meta.url), 'utf8'));
    for (const schema of [buildSchema(readFileSync(DEMO_SDL, 'utf8')), buildSchema(readFileSync(REAL_SCHEMA, 'utf8')), buildASTSchema(sdlForVersion('5.0.1'))]) {
      assert.deepEqual(validate(schema, op).map((e) => e.message), []);
    }
    assert.notDeepEqual(validate(buildASTSchema(sdlForVersion('4.0.2')), op), []);
  });

  test('older versions are derived by removing what did not exist yet', () => {
    const fields = (v, type) => Object.keys(buildASTSchema(sdlForVersion(v)).getType(type).getFields());
    const args = (v, field) => buildASTSchema(sdlForVersion(v)).getQueryType().getFields()[field].args.map((a) => a.name);
    assert.ok(args('5.1.3', 'events').includes('longEvents'));
    assert.ok(args('5.0.1', 'events').includes('longevents') && !args('5.0.1', 'events').includes('longEvents'));
    assert.ok(!fields('5.0.1', 'Event').includes('longEvent') && !fields('5.0.1', 'Config').includes('durationOfLongEvent'));
    assert.ok(!args('4.0.2', 'events').includes('location') && !fields('4.0.2', 'EventOptions').includes('hideNumberOfParticipants'));
    assert.ok(!fields('4.0.2', 'Config').includes('defaultPicture'));
  });
});

describe('config', () => {
  test('config describes the seeded instance with anonymous participation and feeds on', async () => {
    const { config } = await data(CONFIG);
    assert.equal(config.name, 'Mobilizon Démo');
    assert.equal(config.version, '5.1.3');
    assert.deepEqual(config.languages, ['fr', 'en', 'de', 'ar']);
    assert.equal(config.anonymous.actorId, '1');
    assert.deepEqual(config.anonymous.participation, { allowed: true, validation: { email: { enabled: true, confirmationRequired: true }, captcha: { enabled: false } } });
    assert.deepEqual(config.search, { global: { isEnabled: true, isDefault: false } });
    assert.equal(config.instanceFeeds.enabled, true);
    assert.equal(config.durationOfLongEvent, 30);
    assert.ok(config.eventCategories.some((c) => c.id === 'MEETING' && c.label === 'Meeting'));
    assert.ok(config.timezones.includes('Europe/Paris'));
    assert.match(config.defaultPicture.url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
  });

  test('Accept-Language translates category labels and error messages', async () => {
    const fr = await data('{ config { eventCategories { id label } } }', {}, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    assert.equal(fr.config.eventCategories.find((c) => c.id === 'MEETING').label, 'Rencontre');
    const de = await gql('{ event(uuid: "00000000-0000-4000-8000-000000000000") { id } }', {}, { headers: { 'accept-language': 'de' } });
    assert.equal(de.body.errors[0].message, 'Veranstaltung nicht gefunden');
  });

  test('knobs switch participation, confirmation and the global-search default', async () => {
    const q = '{ config { version anonymous { participation { allowed validation { email { confirmationRequired } } } } search { global { isDefault } } } }';
    const c = (await data(q, {}, { prefix: '/_k/participation=off,confirm=off,search=global-default,version=5.0.1' })).config;
    assert.equal(c.version, '5.0.1');
    assert.equal(c.anonymous.participation.allowed, false);
    assert.equal(c.anonymous.participation.validation.email.confirmationRequired, false);
    assert.equal(c.search.global.isDefault, true);
  });
});
