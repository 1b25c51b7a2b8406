// What the end-to-end tests share: Debian's Chromium, and a site on 127.0.0.1 that serves the built
// files under /dist/ beside pages of the test's own (another origin than the demo instance's).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');

export const launchChromium = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

/**
 * Starts the site. `page(path, url)` answers the test's own pages with `{headers, body}`, or
 * nothing for a path it does not know; everything else is a file of `dir` (dist/) under the path
 * `mount` (/dist/), or a 404.
 */
export async function serveSite(page, { mount = '/dist/', dir = join(root, 'dist') } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://site');
    const own = page(url.pathname, url);
    if (own) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...own.headers });
      res.end(own.body);
      return;
    }
    const file = join(dir, url.pathname.slice(mount.length));
    if (!url.pathname.startsWith(mount) || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
