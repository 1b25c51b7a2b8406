// The text of untrusted HTML, without DOMPurify: iCal descriptions, excerpts, JSON-LD.
import { trustedHtml } from './trusted-html.js';

/** The text of untrusted HTML (for iCal DESCRIPTION, excerpts), with paragraphs as line breaks. */
export function htmlToText(html: string): string {
  // An inert document (no scripts run, no pictures load); a Trusted Types sink, hence the policy.
  const marked = html.replace(/<\/(p|h\d|li|div|blockquote)>|<br\s*\/?>/gi, '$&\n');
  const doc = new DOMParser().parseFromString(trustedHtml(marked), 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
