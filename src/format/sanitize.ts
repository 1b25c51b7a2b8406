// The one HTML sanitizer: Mobilizon's descriptions, group summaries and post bodies are untrusted.
// DOMPurify loads with the first description shown; plain lists never pay for it.
import type { Config } from 'dompurify';
import { htmlPolicy } from './trusted-html.js';

const CONFIG: Config = {
  // Formatting only: no scripts, styles, frames, forms or media that load on their own.
  ALLOWED_TAGS: ['a', 'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'pre',
    'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'figure', 'figcaption', 'table', 'thead',
    'tbody', 'tr', 'th', 'td', 'span', 'div'],
  ALLOWED_ATTR: ['href', 'title', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'lang', 'dir'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM_FRAGMENT: true,
};

/** Pictures in remote HTML load from the web only: absolute http(s) addresses, no `data:` or `blob:`. */
const WEB_IMAGE = /^https?:\/\//i;

let purifier: Promise<typeof import('dompurify').default> | undefined;

async function load() {
  const DOMPurify = (await import('dompurify')).default;
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    if (node instanceof HTMLImageElement && data.attrName === 'src' && !WEB_IMAGE.test(data.attrValue.trim())) data.keepAttr = false;
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement) {
      // Links leave the widget for another site: new tab, no opener, no referrer.
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    if (node instanceof HTMLImageElement) {
      if (!node.hasAttribute('src')) return node.remove(); // nothing to show but a broken-image icon
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return DOMPurify;
}

/** Safe DOM for untrusted HTML: formatting kept, anything that runs or escapes the widget removed. */
export async function sanitizeHtml(html: string): Promise<DocumentFragment> {
  const DOMPurify = await (purifier ??= load());
  // Under Trusted Types, DOMPurify parses through our one policy instead of creating its own 'dompurify'.
  const policy = htmlPolicy();
  return DOMPurify.sanitize(html, policy ? { ...CONFIG, TRUSTED_TYPES_POLICY: policy as Config['TRUSTED_TYPES_POLICY'] } : CONFIG) as unknown as DocumentFragment;
}
