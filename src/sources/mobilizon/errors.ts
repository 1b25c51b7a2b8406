/** Why a request to a Mobilizon instance failed. Elements turn the code into words. */
export type MobilizonErrorCode =
  | 'network'          // no answer at all (offline, refused, DNS, CORS refused)
  | 'timeout'          // no answer in time
  | 'http'             // an HTTP status other than 200
  | 'graphql'          // the instance answered with errors[] (Mobilizon's own `code` in graphqlCode)
  | 'invalid-response' // an answer that is not Mobilizon's JSON
  | 'aborted';         // the caller went away

export class MobilizonError extends Error {
  override name = 'MobilizonError';
  constructor(
    readonly code: MobilizonErrorCode,
    message: string,
    /** `drift`: JSON of another shape than Mobilizon's (a newer or changed server), not a broken answer. */
    readonly details: { status?: number; graphqlCode?: string; instance?: string; subject?: string; drift?: boolean } = {},
  ) {
    super(message);
  }

  /** Mobilizon's machine-readable error code, e.g. `group_not_found`. */
  get graphqlCode(): string | undefined {
    return this.details.graphqlCode;
  }
}

export const isAbort = (error: unknown): boolean =>
  (error instanceof MobilizonError && error.code === 'aborted') ||
  (error instanceof DOMException && error.name === 'AbortError');
