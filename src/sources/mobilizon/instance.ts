/**
 * The base URL of an instance from what a site owner typed: `mobilizon.fr`, `https://mobilizon.fr/`,
 * `http://127.0.0.1:4000`. Only http(s); query, hash and trailing slashes dropped. Null when unusable.
 */
export function normalizeInstance(input: string | null | undefined): string | null {
  const text = (input ?? '').trim();
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) {
    return null;
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** Host name shown to visitors in messages ("mobilizon.fr"). */
export const instanceHost = (base: string): string => {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
};
