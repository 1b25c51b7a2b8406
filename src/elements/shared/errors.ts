// Turning a failure into a sentence in the visitor's language, and the error state that shows it.
// Loaded only when something fails.
import { css, html, nothing, type TemplateResult } from 'lit';
import { errorTranslator, type ErrorKey, type Translator } from '../../format/i18n.js';
import { MobilizonError } from '../../sources/mobilizon/errors.js';
import { ConfigurationError } from '../../model/configuration-error.js';

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
      if (code === 'event_not_found') return say('errorEventNotFound');
      if (code === 'events_max_limit_reached') return say('errorLimitReached');
      return say('errorGraphql', { message: error.message.split('\n')[0] });
    default:
      return say(error.details.drift ? 'errorUnexpected' : 'errorInvalid');
  }
}

/** A feed that failed beside others: `{url, error}` where error is an IcsError (duck-typed, so
 * this module never pulls in the iCal parser). */
export async function describeFeedError(failure: { url: string; error: unknown }, locale: string): Promise<ErrorDescription> {
  const t = await errorTranslator(locale);
  const error = failure.error as { code?: string; details?: { status?: number } };
  let feed = failure.url;
  try {
    const url = new URL(failure.url);
    feed = url.host + (url.pathname.length > 1 ? url.pathname : '');
  } catch {
    // keep the text as given
  }
  const key: ErrorKey =
    error?.code === 'http'
      ? 'errorFeedHttp'
      : error?.code === 'not-ics'
        ? 'errorFeedNotIcs'
        : error?.code === 'malformed'
          ? 'errorFeedMalformed'
          : error?.code === 'timeout'
            ? 'errorFeedTimeout'
            : 'errorFeedNetwork';
  return {
    code: `feed-${error?.code ?? 'network'}`,
    message: t.t(key, { feed, status: String(error?.details?.status ?? '?') }),
    retry: true,
  };
}

/** The error state: the sentence (or the host page's `error` slot) and, when it can help, a retry button. */
export function renderError(message: string, t: Translator, retry?: () => void): TemplateResult {
  return html`<div class="error" part="error" role="alert">
    <slot name="error"><p>${message}</p></slot>
    ${retry ? html`<button part="button retry" class="secondary" @click=${retry}>${t.t('retry')}</button>` : nothing}
  </div>`;
}


export const styles = css`
  .error {
    padding: var(--_spacing);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error p {
    margin: 0 0 0.5em;
  }
`;
