// Response headers as Mobilizon's endpoint and router pipelines set them.

/** CORSPlug 3.0.3 defaults (Mobilizon has no :cors_plug config). */
export const CORS_ALLOW_HEADERS = 'Authorization,Content-Type,Accept,Origin,User-Agent,DNT,Cache-Control,X-Mx-ReqToken,Keep-Alive,X-Requested-With,If-Modified-Since,X-CSRF-Token';
export const CORS_ALLOW_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';

export function corsHeaders() {
  return {
    'access-control-allow-credentials': 'true',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': '',
  };
}

/** A preflight gets the same fixed lists whatever it asks for (the browser then decides). */
export function preflightHeaders() {
  return {
    ...corsHeaders(),
    'access-control-max-age': '1728000',
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-allow-methods': CORS_ALLOW_METHODS,
  };
}

/** HTTPSecurityPlug (endpoint, every routed response) with the default csp_policy of config.exs. */
export function securityHeaders(origin) {
  const ws = origin.replace(/^http/, 'ws');
  const csp = [
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "font-src 'self' data: ",
    "media-src 'self' ",
    "img-src 'self' data: blob: *.tile.openstreetmap.org",
    `connect-src 'self' * blob: ${origin} ${ws} `,
    "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    "script-src 'self' 'unsafe-eval' 'sha256-4RS22DYeB7U14dra4KcQYxmwt5HkOInieXK1NUMBmQI=' 'sha256-zJdRXhLWm9NGI6BFr+sNmHBBrjAdJdFr7MpUq0EwK58=' ",
    "default-src 'none'",
    "base-uri 'self'",
    "manifest-src 'self'",
  ];
  return {
    'x-xss-protection': '0',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'content-security-policy': `${csp.join(';')};`,
  };
}

/**
 * Phoenix 1.7.11 put_secure_browser_headers, used by the :browser, :activity_pub_and_html and
 * :atom_and_ical pipelines (HTML pages, feeds): it runs after HTTPSecurityPlug and overwrites
 * x-frame-options and referrer-policy. The CSP (frame-ancestors 'none') stays, so framing is still refused.
 */
export function browserPipelineHeaders() {
  return {
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
  };
}

/** Node refuses header values with characters > 0xFF; send UTF-8 bytes as Phoenix does. */
export function headerValue(value) {
  return Buffer.from(String(value), 'utf8').toString('latin1');
}

export function readBody(req, limit = 1_048_576) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
