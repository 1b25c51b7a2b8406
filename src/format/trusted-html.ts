// Trusted Types: a page that sends `require-trusted-types-for 'script'` refuses strings in HTML sinks
// such as DOMParser.parseFromString. Our only such sinks parse untrusted HTML into inert documents
// (DOMPurify's parse before it sanitizes, and htmlToText), so they go through one named policy,
// `mobilizon-embed` (README: sites that list policies add it, with Lit's `lit-html`). It is private to
// this module and never handed to page code; it only wraps strings for those two inert parsers, and
// JSON for the `structured-data` script (a data block, never run, that Chromium still checks as script text).

/** What a Trusted Types policy with createHTML offers (the DOM typings do not know them yet). */
export interface HtmlPolicy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

/** The policy's name: sites with a `trusted-types` directive list it. */
export const POLICY_NAME = 'mobilizon-embed';

let policy: HtmlPolicy | null | undefined;

/**
 * The library's policy, created on first use; null where the browser has no Trusted Types or the page
 * does not allow the name (then strings are used, as before: pages that do not enforce accept them).
 */
export function htmlPolicy(): HtmlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): HtmlPolicy } }).trustedTypes;
  try {
    // No createScriptURL: it throws when called, so DOMPurify can never mint a script URL.
    // createScript passes JSON alone, without `<` (JSON-LD; JSON.parse throws on anything else).
    policy = factory
      ? factory.createPolicy(POLICY_NAME, {
          createHTML: (input: string) => input,
          createScript: (input: string) => (JSON.parse(input), /</.test(input) ? null : input),
        })
      : null;
  } catch {
    policy = null; // the page's `trusted-types` does not list the name, or a second copy made it already
  }
  return policy;
}

/** `html` ready for an HTML sink that only parses (never one that renders into the page). */
export function trustedHtml(html: string): string {
  return (htmlPolicy()?.createHTML(html) ?? html) as string;
}

/** JSON (only) for a `<script type="application/ld+json">`'s text. */
export function trustedJson(json: string): string {
  return (htmlPolicy()?.createScript(json) ?? json) as string;
}
