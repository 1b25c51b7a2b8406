// Turning a failure into a sentence in the visitor's language. Loaded only when something fails.
import { errorTranslator, type ErrorKey } from '../../format/i18n.js';
import { MobilizonError } from '../../sources/mobilizon/errors.js';
import { ConfigurationError } from './configuration-error.js';

export interface ErrorDescription {
  /** For `mobilizon-error` listeners: `configuration`, Mobilizon's own code, or the transport's. */
  code: string;
  /** For visitors, in their language. */
  message: string;
  retry: boolean;
}

export async function describeError(error: unknown, locale: string, instance: string): Promise<ErrorDescription> {
  const t = await errorTranslator(locale);
  if (error instanceof ConfigurationError) return { code: 'configuration', message: t.t(error.key, error.params), retry: false };
  if (!(error instanceof MobilizonError)) {
    console.error(error);
    return { code: 'invalid-response', message: t.t('errorInvalid', { instance }), retry: true };
  }
  const where = error.details.instance ?? instance;
  const code = error.graphqlCode ?? error.code;
  const say = (key: ErrorKey, params: Record<string, string> = {}) => ({
    code,
    message: t.t(key, { instance: where, ...params }),
    // Asking again cannot make a missing group or event appear.
    retry: !/_not_found$/.test(code),
  });
  switch (error.code) {
    case 'network':
      return say('errorNetwork');
    case 'timeout':
      return say('errorTimeout');
    case 'http':
      return say('errorHttp', { status: String(error.details.status ?? '?') });
    case 'graphql':
      if (code === 'group_not_found') return say('errorGroupNotFound', { group: error.details.subject ?? '' });
      if (code === 'events_max_limit_reached') return say('errorLimitReached');
      return say('errorGraphql', { message: error.message.split('\n')[0] });
    default:
      return say('errorInvalid');
  }
}
