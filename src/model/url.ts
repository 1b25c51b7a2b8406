/**
 * The model only ever holds absolute http(s) URLs (or mailto where said): `javascript:`, `data:` and
 * relative junk from a hostile instance or feed become null here, before anything renders them.
 * `base` resolves relative URLs the site owner wrote (templates, feed paths) against the page.
 */
export function safeUrl(value: unknown, { mailto = false, base }: { mailto?: boolean; base?: string } = {}): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(text, base);
    if (url.protocol === 'https:' || url.protocol === 'http:' || (mailto && url.protocol === 'mailto:')) return url.href;
  } catch {
    // not an absolute URL
  }
  return null;
}
