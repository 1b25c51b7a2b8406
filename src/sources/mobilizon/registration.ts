// Anonymous participation as Mobilizon decides it (mobilizon-api.md §1a, §3.4): whether an event
// takes a registration form, why not, and the joinEvent / leaveEvent calls with their errors.
import type { EventModel } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient } from './client.js';
import { MobilizonError } from './errors.js';
import JoinEvent from './operations/JoinEvent.graphql';
import LeaveEvent from './operations/LeaveEvent.graphql';
import type { RawConfig } from './types.js';

/** Why an event offers no form here. */
export type ClosedReason =
  | 'cancelled' // status CANCELLED
  | 'over' // its end (or its start, without an end) is past
  | 'external' // joinOptions EXTERNAL: registration on another site (`href` when the URL is http(s))
  | 'invite' // joinOptions INVITE
  | 'full' // a capacity, and no seat left
  | 'remote' // published on another instance: its own "participate without account" page
  | 'event-account' // the organiser turned anonymous participation off: an account is needed
  | 'instance-account' // the instance does not take anonymous participation (or not with e-mail)
  | 'unsupported'; // not a Mobilizon event, or a join mode this library does not know

export type RegistrationRule =
  | { open: true; restricted: boolean }
  | { open: false; reason: ClosedReason; href: string | null; host: string | null };

/** The instance facts the rule needs (a subset of `client.config()`). */
export type ParticipationConfig = Pick<RawConfig, 'anonymous'>;

const hostOf = (url: string | null): string | null => {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

/** `<event page>/<path>` on the event's own instance, http(s) only. */
const pageOf = (event: EventModel, path = ''): string | null => {
  const base = safeUrl(event.url);
  if (!base) return null;
  const url = new URL(base);
  url.pathname = url.pathname.replace(/\/+$/, '') + path;
  url.search = '';
  url.hash = '';
  return url.href;
};

/**
 * Mobilizon's own rule for the anonymous form (`UnloggedParticipation.vue` and
 * `actor_join_event/3`), plus what the server leaves to its front end: join options, status, dates
 * and capacity. `now` in ms, for tests.
 */
export function registrationRule(event: EventModel, config: ParticipationConfig | null | undefined, now = Date.now()): RegistrationRule {
  const closed = (reason: ClosedReason, href: string | null = null, host = hostOf(href) ?? hostOf(event.url)): RegistrationRule => ({
    open: false,
    reason,
    href,
    host,
  });
  if (event.source.kind !== 'mobilizon') return closed('unsupported', pageOf(event));
  if (event.status === 'CANCELLED') return closed('cancelled');
  const end = Date.parse(event.endTime ?? event.startTime);
  if (Number.isFinite(end) && end <= now) return closed('over');
  const remote = !event.source.local || event.source.global;
  const mode = event.joinMode;
  // A global search result carries no options: its origin decides.
  if (remote && (event.source.global || mode == null)) return closed('remote', pageOf(event, '/participate/without-account'));
  if (mode === 'external') {
    const href = safeUrl(event.externalParticipationUrl);
    return closed('external', href, hostOf(href));
  }
  if (mode === 'invite') return closed('invite');
  if (mode !== 'free' && mode !== 'restricted') return closed('unsupported', pageOf(event));
  if (event.maximumAttendeeCapacity && event.remainingAttendeeCapacity === 0) return closed('full');
  if (!event.anonymousParticipationEnabled) return closed('event-account', pageOf(event, '/participate'));
  if (remote) return closed('remote', pageOf(event, '/participate/without-account'));
  const anonymous = config?.anonymous;
  if (!anonymous?.participation?.allowed || !anonymous.participation.validation?.email?.enabled || !anonymous.actorId) {
    return closed('instance-account', pageOf(event, '/participate'));
  }
  return { open: true, restricted: mode === 'restricted' };
}

/** Mobilizon's `ParticipantRoleEnum`; an anonymous join gives one of the first three. */
export type ParticipantRole =
  | 'NOT_CONFIRMED'
  | 'PARTICIPANT'
  | 'NOT_APPROVED'
  | 'MODERATOR'
  | 'ADMINISTRATOR'
  | 'CREATOR'
  | 'REJECTED'
  | (string & {});

export interface Participation {
  id: string;
  role: ParticipantRole;
  /** For `leaveEvent` later (Mobilizon's `metadata.cancellationToken`). */
  cancellationToken: string | null;
}

export interface JoinRequest {
  email: string;
  message?: string | null;
  /** The language Mobilizon writes its e-mails in. */
  locale: string;
  /** The visitor's IANA zone, for the times in those e-mails. */
  timezone: string;
}

interface RawParticipant {
  id?: string | null;
  role?: string | null;
  metadata?: { cancellationToken?: string | null } | null;
}

/** `joinEvent` with the instance's anonymous actor, for a local event. */
export async function joinEvent(
  client: MobilizonClient,
  event: EventModel,
  config: ParticipationConfig,
  request: JoinRequest,
  signal?: AbortSignal,
): Promise<Participation> {
  const data = await client.mutate<{ joinEvent: RawParticipant | null }>(
    JoinEvent,
    {
      eventId: event.source.kind === 'mobilizon' ? event.source.id : '',
      actorId: config.anonymous?.actorId ?? '',
      email: request.email,
      message: request.message || null,
      locale: request.locale,
      timezone: request.timezone,
    },
    signal,
  );
  const raw = data.joinEvent;
  if (!raw || typeof raw.role !== 'string') {
    throw new MobilizonError('invalid-response', 'No participation in the answer.', { instance: client.host });
  }
  const token = raw.metadata?.cancellationToken;
  return { id: String(raw.id ?? ''), role: raw.role, cancellationToken: typeof token === 'string' && token ? token : null };
}

/** `leaveEvent` with a cancellation token (no login needed). */
export async function leaveEvent(
  client: MobilizonClient,
  eventId: string,
  config: ParticipationConfig,
  token: string,
  signal?: AbortSignal,
): Promise<void> {
  await client.mutate(LeaveEvent, { eventId, actorId: config.anonymous?.actorId ?? '', token }, signal);
}

/** What went wrong with a join or a leave, for the visitor. */
export type ParticipationFailure =
  | 'already' // "You are already a participant of this event"
  | 'full' // "The event has already reached its maximum capacity"
  | 'anonymous-off' // "Anonymous participation is not enabled"
  | 'email' // "A valid email is required by your instance"
  | 'not-found' // "Participant not found" (leave: already cancelled)
  | 'network'
  | 'timeout'
  | 'other';

// Participation errors come back as text with code `unknown_error`, translated by the request's
// Accept-Language (errors.po): the English message and the translations the demo instance knows.
const FAILURES: Array<[ParticipationFailure, RegExp]> = [
  ['already', /already a participant|déjà un·e participant|bereits ein Teilnehmer/i],
  ['full', /maximum capacity|capacité maximale|maximale Kapazität/i],
  ['anonymous-off', /anonymous participation is not enabled|participation anonyme n'est pas activée|anonyme Teilnahme ist nicht möglich/i],
  ['email', /valid email is required|adresse e-mail valide est requise|gültige E-Mail wird/i],
  ['not-found', /^participant not found|participant·e non trouvé|Teilnehmer nicht gefunden/i],
];

export function participationFailure(error: unknown): ParticipationFailure {
  if (!(error instanceof MobilizonError)) return 'other';
  if (error.code === 'network' || error.code === 'timeout') return error.code;
  if (error.code !== 'graphql') return 'other';
  return FAILURES.find(([, pattern]) => pattern.test(error.message))?.[0] ?? 'other';
}

/** "j…@example.org": enough for visitors to recognise their address, not enough to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
