import type { ErrorKey } from '../format/locales/errors/en.js';

/** A problem with the element's own attributes: shown in place, never retried. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(
    readonly key: ErrorKey,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}
