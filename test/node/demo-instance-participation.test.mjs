// The demo instance over HTTP: anonymous participation (join, confirm, leave, the e-mail links).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONFIRM, JOIN, LEAVE, base, eventByKey, gql, participants, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('anonymous participation', () => {
  const prefix = '/_k/id=participation-tests';
  const join = (eventId, extra = {}) => gql(JOIN, { eventId, actorId: '1', email: 'ada@example.com', locale: 'fr', timezone: 'Europe/Paris', ...extra }, { prefix });
  const errorOf = (r) => r.body.errors?.[0];

  test('joinEvent checks, in Mobilizon order and words, the event, anonymous participation, the actor, the e-mail, duplicates and capacity', async () => {
    assert.equal(errorOf(await join('99999')).message, 'Event with this ID "99999" doesn\'t exist');
    const remote = await eventByKey('remote_collective/rencontre-federee');
    assert.equal(errorOf(await join(remote.id)).message, 'Anonymous participation is not enabled');
    const ag = await eventByKey('velo_lyon/assemblee-generale');
    assert.equal(errorOf(await join(ag.id)).message, 'Anonymous participation is not enabled');
    const open = await eventByKey('velo_lyon/atelier-ouvert');
    const wrongActor = await gql(JOIN, { eventId: open.id, actorId: '2', email: 'x@example.com' }, { prefix });
    assert.equal(errorOf(wrongActor).message, 'Profile ID provided is not the anonymous profile one');
    assert.equal(errorOf(wrongActor).code, 'unknown_error');
    assert.equal(errorOf(wrongActor).status_code, 500);
    assert.equal(errorOf(await join(open.id, { email: 'not an email' })).message, 'A valid email is required by your instance');
    assert.equal(errorOf(await join(open.id, { email: null })).message, 'A valid email is required by your instance');
    const full = await eventByKey('velo_lyon/atelier-complet');
    assert.equal(errorOf(await join(full.id)).message, 'The event has already reached its maximum capacity');

    const ok = await join(open.id, { message: '  <b>Bonjour</b> &amp; merci  ' });
    const p = ok.body.data.joinEvent;
    assert.equal(p.role, 'NOT_CONFIRMED');
    assert.deepEqual(p.actor, { id: '1', preferredUsername: 'anonymous' });
    assert.deepEqual(p.event, { id: open.id, uuid: open.uuid });
    assert.match(p.metadata.cancellationToken, /^[A-Za-z0-9_-]{40}$/);
    assert.equal(p.metadata.message, 'Bonjour & merci');
    assert.equal(p.metadata.locale, 'fr');
    assert.match(p.insertedAt, /Z$/);
    assert.equal(errorOf(await join(open.id)).message, 'You are already a participant of this event');

    const stored = await participants(open.uuid, prefix);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].email, 'ada@example.com');
    assert.equal(stored[0].timezone, 'Europe/Paris');
    assert.match(stored[0].confirmationToken, /^[A-Za-z0-9_-]{40}$/);
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert', prefix)).participantStats.participant, open.participantStats.participant, 'unconfirmed participants are not counted');
  });

  test('Mobilizon does not check join options, status or date: INVITE, EXTERNAL, cancelled and past events accept anonymous joins', async () => {
    for (const key of ['velo_lyon/reunion-bureau', 'velo_lyon/concert-transbordeur', 'velo_lyon/soiree-annulee']) {
      const e = await eventByKey(key);
      const r = await join(e.id, { email: `${key.split('/')[1]}@example.com` });
      assert.equal(r.body.data.joinEvent.role, 'NOT_CONFIRMED', key);
    }
  });

  test('confirmParticipation makes FREE participants PARTICIPANT, others NOT_APPROVED, and counts them against capacity', async () => {
    const almost = await eventByKey('velo_lyon/presque-complet');
    assert.equal(almost.participantStats.participant, 19);
    await join(almost.id, { email: 'first@example.com' });
    await join(almost.id, { email: 'second@example.com' }); // both allowed: unconfirmed ones do not count
    const [first, second] = await participants(almost.uuid, prefix);
    const confirmed = await gql(CONFIRM, { token: first.confirmationToken }, { prefix });
    assert.equal(confirmed.body.data.confirmParticipation.role, 'PARTICIPANT');
    assert.equal((await eventByKey('velo_lyon/presque-complet', prefix)).participantStats.participant, 20);
    assert.equal(errorOf(await join(almost.id, { email: 'third@example.com' })).message, 'The event has already reached its maximum capacity');
    assert.equal(errorOf(await gql(CONFIRM, { token: first.confirmationToken }, { prefix })).message, 'Participation is already confirmed');
    assert.equal(errorOf(await gql(CONFIRM, { token: 'nope' }, { prefix })).message, 'This token is invalid');
    // confirming the second one is not capacity-checked (as in Mobilizon)
    assert.equal((await gql(CONFIRM, { token: second.confirmationToken }, { prefix })).body.data.confirmParticipation.role, 'PARTICIPANT');

    const restricted = await eventByKey('velo_lyon/atelier-inscription');
    await join(restricted.id, { email: 'r@example.com', message: 'Je viens avec mon vélo' });
    const [r] = await participants(restricted.uuid, prefix);
    assert.equal((await gql(CONFIRM, { token: r.confirmationToken }, { prefix })).body.data.confirmParticipation.role, 'NOT_APPROVED');
    assert.equal(errorOf(await gql(CONFIRM, { token: r.confirmationToken }, { prefix })).message, 'Participation is confirmed but not approved yet by an organizer');
  });

  test('leaveEvent removes the participation that has the cancellation token', async () => {
    const e = await eventByKey('velo_lyon/nuit-des-etoiles');
    const { body } = await join(e.id, { email: 'leave@example.com' });
    const token = body.data.joinEvent.metadata.cancellationToken;
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '1' }, { prefix })).message, 'You need to be logged-in to leave an event');
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '7', token }, { prefix })).message, 'The anonymous actor ID is invalid');
    assert.equal(errorOf(await gql(LEAVE, { eventId: e.id, actorId: '1', token: 'wrong' }, { prefix })).message, 'Participant not found');
    const left = await gql(LEAVE, { eventId: e.id, actorId: '1', token }, { prefix });
    assert.equal(left.body.data.leaveEvent.event.uuid, e.uuid);
    assert.equal(left.body.data.leaveEvent.actor.id, '1');
    assert.deepEqual(await participants(e.uuid, prefix), []);
  });

  test('confirm=off makes participants PARTICIPANT at once; participation=off refuses joins', async () => {
    const e = await eventByKey('velo_lyon/atelier-ouvert');
    const r = await gql(JOIN, { eventId: e.id, actorId: '1', email: 'now@example.com' }, { prefix: '/_k/id=confirm-off,confirm=off' });
    assert.equal(r.body.data.joinEvent.role, 'PARTICIPANT');
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert', '/_k/id=confirm-off,confirm=off')).participantStats.participant, e.participantStats.participant + 1);
    assert.equal((await eventByKey('velo_lyon/atelier-ouvert')).participantStats.participant, e.participantStats.participant, 'other scopes are not affected');
    const off = await gql(JOIN, { eventId: e.id, actorId: '1', email: 'no@example.com' }, { prefix: '/_k/participation=off' });
    assert.equal(off.body.errors[0].message, 'Anonymous participation is not enabled');
  });

  test('the e-mail links open instance pages that confirm and cancel', async () => {
    const p = '/_k/id=pages-tests';
    const e = await eventByKey('velo_lyon/atelier-ouvert');
    await gql(JOIN, { eventId: e.id, actorId: '1', email: 'page@example.com' }, { prefix: p });
    const [stored] = await participants(e.uuid, p);
    const page = await fetch(`${base}${p}/participation/email/confirm/${stored.confirmationToken}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Participation confirmée/);
    assert.equal((await participants(e.uuid, p))[0].role, 'PARTICIPANT');
    const cancel = await fetch(`${base}${p}/participation/email/cancel/${e.uuid}/${stored.cancellationToken}`, { method: 'POST' });
    assert.match(await cancel.text(), /Participation annulée/);
    assert.deepEqual(await participants(e.uuid, p), []);
  });
});
