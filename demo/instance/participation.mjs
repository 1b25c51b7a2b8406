// Anonymous participation as lib/graphql/resolvers/participant.ex @5.1.3 does it: same checks, same
// order, same messages. Participations live in the request's scope (see knobs.mjs).
import { randomBytes, randomUUID } from 'node:crypto';
import { textError } from './errors.mjs';
import { decodeEntities } from './util.mjs';

/** Web.Email.Checker's "not so bad" regex. */
const EMAIL = /^[\w.!#$%&’*+\-/=?^`{|}~]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/i;

/** Crypto.random_string(30): 30 random bytes, url-safe Base64 → 40 characters. */
const randomToken = () => randomBytes(30).toString('base64url');

function anonymousActorId(ctx) {
  return ctx.view.person('anonymous')?.id ?? '1';
}

/** count_participant_participants: rows with role :participant (the seed's count stands for existing rows). */
export function participantCount(ctx, event) {
  return event.participants + ctx.scope.participations.filter((p) => p.eventId === event.id && p.role === 'PARTICIPANT').length;
}

/** HTML.strip_tags then String.trim, as Types.Events.join/4 does to the message. */
function cleanMessage(message) {
  if (message == null) return null;
  return decodeEntities(String(message).replace(/<[^>]*>/g, '')).trim();
}

/**
 * actor_join_event/3 without a logged-in user. Mobilizon checks nothing else: not the join options
 * (INVITE and EXTERNAL events accept anonymous joins), not the status (cancelled events do) and not
 * the date (past events do). A RESTRICTED or INVITE event's participant only waits for approval
 * after confirming the e-mail.
 */
export function joinEvent(ctx, { eventId, actorId, email, message, locale, timezone }) {
  const L = ctx.locale;
  const event = ctx.view.eventsById.get(String(eventId));
  if (!event) throw textError(L, "Event with this ID %{id} doesn't exist", { id: JSON.stringify(String(eventId)) });
  if (!(event.local === true && ctx.knobs.participation && event.options.anonymousParticipation === true)) {
    throw textError(L, 'Anonymous participation is not enabled');
  }
  const anonymous = anonymousActorId(ctx);
  if (anonymous !== String(actorId)) throw textError(L, 'Profile ID provided is not the anonymous profile one');
  if (typeof email !== 'string' || !EMAIL.test(email.trim())) throw textError(L, 'A valid email is required by your instance');

  const confirmationRequired = ctx.knobs.confirm;
  const participations = ctx.scope.participations;
  // Participations.join: same actor + same metadata email → already a participant; then the capacity check.
  if (participations.some((p) => p.eventId === event.id && p.actorId === anonymous && p.email === email)) {
    throw textError(L, 'You are already a participant of this event');
  }
  const capacity = event.options.maximumAttendeeCapacity || 0;
  if (capacity > 0 && participantCount(ctx, event) >= capacity) throw textError(L, 'The event has already reached its maximum capacity');

  const participant = {
    id: randomUUID(),
    eventId: event.id,
    actorId: anonymous,
    // With confirmation off, the explicit :participant role also skips a RESTRICTED event's approval.
    role: confirmationRequired ? 'NOT_CONFIRMED' : 'PARTICIPANT',
    email,
    message: cleanMessage(message),
    locale: locale ?? null,
    timezone: timezone ?? null,
    confirmationToken: confirmationRequired ? randomToken() : null,
    cancellationToken: randomToken(),
    insertedAt: ctx.now,
  };
  participations.push(participant);
  return participant;
}

/** confirm_participation_from_token/3: the role becomes the event's default (FREE → PARTICIPANT, else NOT_APPROVED). */
export function confirmParticipation(ctx, token) {
  const L = ctx.locale;
  const participant = ctx.scope.participations.find((p) => p.confirmationToken != null && p.confirmationToken === token);
  if (!participant) throw textError(L, 'This token is invalid');
  if (participant.role === 'NOT_APPROVED') throw textError(L, 'Participation is confirmed but not approved yet by an organizer');
  if (participant.role === 'PARTICIPANT') throw textError(L, 'Participation is already confirmed');
  const event = ctx.view.eventsById.get(participant.eventId);
  // No capacity check here in Mobilizon either: confirming can push an event past its capacity.
  participant.role = event.joinOptions === 'FREE' ? 'PARTICIPANT' : 'NOT_APPROVED';
  return participant;
}

/** actor_leave_event/3 with a token (no login): check_anonymous_participation, then the cancellation token. */
export function leaveEvent(ctx, { eventId, actorId, token }) {
  const L = ctx.locale;
  if (token == null) throw textError(L, 'You need to be logged-in to leave an event');
  if (!ctx.knobs.participation) throw textError(L, 'Anonymous participation is not enabled');
  const anonymous = anonymousActorId(ctx);
  if (anonymous !== String(actorId)) throw textError(L, 'The anonymous actor ID is invalid');
  const event = ctx.view.eventsById.get(String(eventId));
  if (!event) throw textError(L, "Event with this ID %{id} doesn't exist", { id: JSON.stringify(String(eventId)) });
  const list = ctx.scope.participations;
  const index = list.findIndex((p) => p.eventId === event.id && p.actorId === anonymous && p.cancellationToken === token);
  if (index < 0) throw textError(L, 'Participant not found');
  const [removed] = list.splice(index, 1);
  return { id: removed.id, eventId: event.id, actorId: anonymous };
}

/** For GET /_demo/participants/:uuid (test inspection, not Mobilizon). */
export function describeParticipations(ctx, event) {
  return ctx.scope.participations
    .filter((p) => p.eventId === event.id)
    .map(({ id, email, role, locale, timezone, message, confirmationToken, cancellationToken, insertedAt }) => ({
      id,
      email,
      role,
      locale,
      timezone,
      message,
      confirmationToken,
      cancellationToken,
      insertedAt: new Date(insertedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }));
}
