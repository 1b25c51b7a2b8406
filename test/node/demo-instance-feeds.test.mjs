// The demo instance's iCal and Atom feeds, read back with ical.js.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { fixtureUuid } from '../../demo/instance/seed.mjs';
import { base, useDemoInstance, wall } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('feeds', () => {
  const calendar = (text) => new ICAL.Component(ICAL.parse(text));

  test("a group's iCal feed lists its upcoming public events the way Mobilizon writes them", async () => {
    const res = await fetch(`${base}/@velo_lyon/feed/ics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="velo_lyon.ics"');
    const text = await res.text();
    assert.match(text, /^BEGIN:VCALENDAR\nCALSCALE:GREGORIAN\nVERSION:2\.0\nPRODID:-\/\/Elixir ICalendar\/\/Mobilizon 5\.1\.3\/\/EN\n/);
    assert.ok(!text.includes('VTIMEZONE'), 'Mobilizon sends TZID without VTIMEZONE');
    assert.match(text, /DTSTART;TZID=Europe\/Paris:\d{8}T100000\n/);
    const events = calendar(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.length > 20);
    const cancelled = events.find((e) => e.uid === fixtureUuid('velo_lyon/sortie-velo-du-dimanche/3'));
    assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancelled.summary, 'Sortie vélo du dimanche');
    assert.ok(cancelled.component.getFirstProperty('categories').getValues().includes('vélo'));
    assert.equal(cancelled.component.getFirstPropertyValue('organizer'), 'Vélo Lyon');
    assert.ok(!events.some((e) => e.summary === "Pique-nique de l'été dernier"));
    assert.equal((await fetch(`${base}/@nobody_here/feed/ics`)).status, 404);
    assert.equal((await fetch(`${base}/@suspended_group/feed/ics`)).status, 404);
  });

  test('one event exports as iCal; the instance feed has local events, past ones too, begins_on DESC', async () => {
    const one = await fetch(`${base}/events/${fixtureUuid('velo_lyon/nuit-des-etoiles')}/export/ics`);
    assert.equal(one.headers.get('content-disposition'), 'attachment; filename="event.ics"');
    const [ev] = calendar(await one.text()).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(ev.summary, 'Nuit des étoiles');
    assert.equal(ev.startDate.hour, 23);
    assert.equal(ev.component.getFirstPropertyValue('geo').length, 2);
    const inst = await (await fetch(`${base}/feed/instance/ics`)).text();
    assert.match(inst, /PRODID:-\/\/Elixir ICalendar\/\/Elixir ICalendar\/\/EN/);
    const list = calendar(inst).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(list.some((e) => e.summary === "Pique-nique de l'été dernier"));
    assert.ok(!list.some((e) => e.summary === 'Rencontre fédérée'), 'remote events are not in the instance feed');
  });

  test('ics=rfc gives strict RFC 5545: CRLF, folded lines, escaped text and VTIMEZONE', async () => {
    const text = await (await fetch(`${base}/_k/ics=rfc/@tunis_culture/feed/ics`)).text();
    assert.ok(text.split('\r\n').slice(0, -1).every((l) => Buffer.byteLength(l) <= 75 && !l.includes('\n')));
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Africa\/Tunis/);
    const comp = calendar(text);
    for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const ev = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary === 'أمسية شعرية');
    const utc = ev.startDate.toJSDate().toISOString();
    assert.equal(wall(utc, 'Africa/Tunis').slice(4), '18:00');
  });

  test('Atom feeds list events and posts', async () => {
    const res = await fetch(`${base}/@velo_lyon/feed/atom`);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.ok((xml.match(/<entry>/g) ?? []).length > 20);
    assert.match(xml, /Bienvenue au club/);
    assert.match(await (await fetch(`${base}/feed/instance/atom`)).text(), /<title>Public feed for Mobilizon Démo<\/title>/);
    assert.equal((await fetch(`${base}/_k/feeds=off/feed/instance/ics`)).status, 401);
  });
});
