// Errors shaped like Mobilizon's (lib/graphql/error.ex + Middleware.ErrorHandler + Absinthe's result phase).
import { t } from './i18n.mjs';

/**
 * A resolver error. Mobilizon normalises `{:error, atom}` through Error.metadata/1 (known atoms get
 * a status and a translated message; unknown atoms become {422, "atom_name"}), and `{:error, "text"}`
 * into code "unknown_error" with status 500.
 */
export class MobilizonError extends Error {
  constructor(code, message, statusCode) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
  }
}

const KNOWN_CODES = {
  unauthenticated: [401, 'You need to be logged in'],
  unauthorized: [403, "You don't have permission to do this"],
  not_found: [404, 'Resource not found'],
  post_not_found: [404, 'Post not found'],
  event_not_found: [404, 'Event not found'],
  group_not_found: [404, 'Group not found'],
  unknown: [500, 'Something went wrong'],
};

/** `{:error, :some_atom}` */
export function codeError(code, locale = 'en') {
  const known = KNOWN_CODES[code];
  if (known) return new MobilizonError(code, t(locale, known[1]), known[0]);
  return new MobilizonError(code, code, 422);
}

/** `{:error, dgettext("errors", msgid, bindings)}` */
export function textError(locale, msgid, bindings) {
  return new MobilizonError('unknown_error', t(locale, msgid, bindings), 500);
}

/**
 * One GraphQL error as Absinthe serialises it: the middleware's extra keys (code, field, status_code)
 * sit beside message/locations/path, not under "extensions". Key order follows Jason's (sorted).
 */
export function formatGraphQLError(error) {
  const original = error.originalError;
  const out = {};
  if (original instanceof MobilizonError) {
    out.code = original.code;
    out.field = null;
  }
  if (error.locations?.length) out.locations = error.locations.map(({ line, column }) => ({ line, column }));
  out.message = error.message;
  if (error.path?.length) out.path = error.path;
  if (original instanceof MobilizonError) out.status_code = original.statusCode;
  return out;
}
