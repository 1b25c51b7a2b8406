// The WordPress test sites, and the suites run on them (scripts/test.mjs calls wordpressSuites).
//
// Test sites are real WordPress installs (Debian's 6.1 package, 6.8 from Debian trixie and 7.1 from
// sid unpacked offline) on a private MariaDB and `php -S`, under .run/wordpress/<version>-<pid>/,
// rebuilt at each run. The plugin goes in as site owners install it: its release zip through
// WordPress's upload installer (Plugin_Upgrader), never a link to the source tree.
// `npm test -- wordpress` runs these suites alone (`npm test -- wordpress 6.8`: one version).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTestArgs, REPORTS } from './junit.mjs';
import { writePluginZip } from './release.mjs';
import { buildPlugin, DOMAIN, plugin } from './wordpress.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const VERSIONS = ['6.1', '6.8', '7.1'];
const cache = join(root, '.cache/wordpress');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const versionOf = (tree) => /\$wp_version\s*=\s*'([^']+)'/.exec(readFileSync(join(tree, 'wp-includes/version.php'), 'utf8'))?.[1] ?? '?';

/** The newer WordPress versions: the Debian suite that carries each, and the packages its tree needs. */
const DEBIAN = {
  '6.8': { suite: 'trixie', packages: ['wordpress', 'wordpress-theme-twentytwentyfive', 'libjs-cropper', 'libjs-lodash', 'libjs-underscore', 'php-getid3'] },
  '7.1': {
    suite: 'sid',
    packages: ['wordpress', 'wordpress-theme-twentytwentyfive', 'libjs-cropper', 'libjs-lodash', 'libjs-underscore', 'php-getid3', 'libjs-jquery-ui', 'libphp-phpmailer'],
  },
};

/** WordPress from a newer Debian suite: .debs downloaded once into .cache/ (a private apt state, no system change), unpacked. */
function debianTree(version) {
  const { suite, packages } = DEBIAN[version];
  const tree = join(cache, `${version}/wordpress`);
  mkdirSync(dirname(tree), { recursive: true });
  for (const old of readdirSync(dirname(tree))) {
    const pid = Number(/\.(\d+)$/.exec(old)?.[1]);
    if (pid && !alive(pid)) rmSync(join(dirname(tree), old), { recursive: true, force: true }); // an interrupted unpack
  }
  if (existsSync(join(tree, 'wp-includes/version.php'))) return tree;
  // 6.8 keeps the folders it always had; other suites get their own.
  const apt = join(cache, suite === 'trixie' ? 'apt' : `apt-${suite}`);
  const debs = join(cache, suite === 'trixie' ? 'debs' : `debs-${suite}`);
  const have = () => existsSync(debs) && packages.every((p) => readdirSync(debs).some((f) => f.startsWith(`${p}_`)));
  if (!have()) {
    for (const d of ['sp', 'lists/partial', 'cache/archives/partial']) mkdirSync(join(apt, d), { recursive: true });
    mkdirSync(debs, { recursive: true });
    writeFileSync(
      join(apt, `sp/${suite}.sources`),
      `Types: deb\nURIs: http://deb.debian.org/debian\nSuites: ${suite}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`,
    );
    const options = [
      '-o', 'Dir::Etc::SourceList=/dev/null', '-o', `Dir::Etc::SourceParts=${join(apt, 'sp')}`, '-o', `Dir::State::Lists=${join(apt, 'lists')}`,
      '-o', `Dir::Cache=${join(apt, 'cache')}`, '-o', 'APT::Sandbox::User=root', '-qq',
    ];
    console.log(`Downloading WordPress ${version} from Debian ${suite} (once; kept in ${relative(root, debs)})…`);
    execFileSync('apt-get', [...options, 'update'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', [...options, 'download', ...packages], { cwd: debs, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const unpacked = join(cache, `${version}/root.${process.pid}`);
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked, { recursive: true });
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) execFileSync('dpkg-deb', ['-x', join(debs, deb), unpacked]);
  // Built beside, then renamed: a concurrent run never sees half a tree.
  const building = `${tree}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  // Debian links bundled libraries into /usr/share/javascript and /usr/share/php: dereference them (tar -h).
  execFileSync('sh', ['-c', `cd "${join(unpacked, 'usr/share/wordpress')}" && tar --exclude=./.htaccess -chf - . | tar -xf - -C "${building}"`]);
  rmSync(unpacked, { recursive: true, force: true });
  if (existsSync(join(tree, 'wp-includes/version.php'))) rmSync(building, { recursive: true, force: true });
  else renameSync(building, tree);
  return tree;
}

/** The WordPress tree of a version, checked to be that major.minor. */
export function wordpressTree(version) {
  const tree = version === '6.1' ? '/usr/share/wordpress' : debianTree(version);
  const found = versionOf(tree);
  if (!found.startsWith(`${version}.`) && found !== version) throw new Error(`${tree} holds WordPress ${found}, not ${version}.x`);
  return { tree, found };
}

/**
 * A fresh site directory for a version: WordPress copied, the plugin linked, the test mu-plugin,
 * wp-config.php, an empty MariaDB data directory. Returns what the services and suites need.
 */
export async function prepareSite(version, instance) {
  const { tree, found } = wordpressTree(version);
  // One directory per run and version: two runs in one work tree must not share a site.
  const parent = join(root, '.run/wordpress');
  mkdirSync(parent, { recursive: true });
  for (const old of readdirSync(parent)) {
    const pid = Number(/-(\d+)$/.exec(old)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(parent, old), { recursive: true, force: true });
  }
  const dir = join(parent, `${version}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wp = join(dir, 'wp');
  cpSync(tree, wp, { recursive: true, verbatimSymlinks: true, filter: (src) => basename(src) !== '.htaccess' });
  rmSync(join(wp, 'wp-config.php'), { force: true });
  // Debian ships some libraries as relative symlinks, which dangle after a copy: point them at their targets.
  const relink = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = statSync(path, { throwIfNoEntry: false });
      let link = null;
      try {
        link = readlinkSync(path);
      } catch {
        // not a link
      }
      if (link !== null) {
        if (!st) {
          const target = resolve(dirname(join(tree, relative(wp, path))), link);
          if (existsSync(target)) rmSync(path), symlinkSync(realpathSync(target), path);
        }
      } else if (st?.isDirectory()) relink(path);
    }
  };
  relink(wp);
  mkdirSync(join(wp, 'wp-content/mu-plugins'), { recursive: true });
  cpSync(join(root, 'test/wordpress/mu-plugin.php'), join(wp, 'wp-content/mu-plugins/embeds-for-mobilizon-test.php'));
  // What Event Bridge for ActivityPub writes; inert until a test switches it on (test/wordpress/event-bridge-fixture.php).
  cpSync(join(root, 'test/wordpress/event-bridge-fixture.php'), join(wp, 'wp-content/mu-plugins/embeds-for-mobilizon-test-event-bridge.php'));

  const [webPort, dbPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${webPort}`;
  const demoPort = new URL(instance).port;
  const salt = (name) => `define('${name}', '${createHash('sha256').update(`${name}${Math.random()}`).digest('hex')}');`;
  writeFileSync(
    join(wp, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp'); define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(salt).join('\n')}
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true); define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
define('FS_METHOD', 'direct');
define('AUTOMATIC_UPDATER_DISABLED', true); define('DISABLE_WP_CRON', true); define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', true); define('WP_DEBUG_DISPLAY', false); define('WP_DEBUG_LOG', ${JSON.stringify(join(dir, 'wp-debug.log'))});
define('EMBEDS_FOR_MOBILIZON_TEST_DEMO_PORT', ${Number(demoPort)});
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  execFileSync('mariadb-install-db', ['--user=root', `--datadir=${join(dir, 'db')}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
    stdio: 'ignore',
  });
  const socket = join(dir, 'db.sock');
  return {
    version,
    found,
    dir,
    wp,
    url,
    webPort,
    socket,
    debugLog: join(dir, 'wp-debug.log'),
    siteJson: join(dir, 'site.json'),
    pluginZip: writePluginZip(join(dir, `${DOMAIN}.zip`)),
    mariadbd: [
      'mariadbd', '--user=root', `--datadir=${join(dir, 'db')}`, `--socket=${socket}`, `--port=${dbPort}`, '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'db.pid')}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--skip-name-resolve',
    ],
    php: ['php', '-S', `127.0.0.1:${webPort}`, '-t', wp, join(root, 'test/wordpress/router.php')],
  };
}

/**
 * Creates the database and installs the site: WordPress, the plugin from its zip through the upload
 * installer, activated, settings, the pages and posts for the tests.
 */
export function installSite(site, instance) {
  execFileSync('mariadb', [`--socket=${site.socket}`, '-uroot', '-e',
    "CREATE DATABASE wp; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';"]);
  execFileSync('php', [join(root, 'test/wordpress/install.php'), site.wp, instance, site.siteJson, site.pluginZip], { stdio: ['ignore', 'inherit', 'inherit'] });
  const installed = join(site.wp, 'wp-content/plugins', DOMAIN);
  if (lstatSync(installed).isSymbolicLink() || !existsSync(join(installed, 'assets/js/mobilizon-embed.js'))) throw new Error(`${installed} is not the plugin unpacked from its zip`);
  return JSON.parse(readFileSync(site.siteJson, 'utf8'));
}

/** PHP warnings, notices or errors from the plugin in the site's debug log. */
export function pluginLogLines(site) {
  if (!existsSync(site.debugLog)) return [];
  const real = realpathSync(plugin);
  return readFileSync(site.debugLog, 'utf8')
    .split('\n')
    .filter((line) => /PHP (Warning|Notice|Deprecated|Fatal error|Parse error|Recoverable)|Doing it wrong|called incorrectly/i.test(line))
    .filter((line) => line.includes(real) || line.includes(`plugins/${DOMAIN}/`) || line.includes(DOMAIN));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until a process is gone (SIGTERM sent), SIGKILL after `ms`. */
export async function stopPid(pid, ms = 10_000) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/**
 * The WordPress suites for each version: MariaDB and php -S started as services (PIDs in .run/pids),
 * PHPUnit, the Chromium tests, the debug-log check; both services stopped by PID even on failure.
 * `startService` and `suite` are the orchestrator's (scripts/test.mjs); each suite writes a JUnit report.
 */
export async function wordpressSuites({ instance, startService, suite, results, versions = VERSIONS }) {
  const { ensureSystem } = await import('./system.mjs');
  ensureSystem(['wordpress', 'classic-theme', 'mariadb', 'php', 'phpunit', 'gettext']);
  // What the plugin ships comes from dist/ (built by the build suite, or here when it did not run).
  if (!existsSync(join(root, 'dist/mobilizon-embed.js'))) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  buildPlugin();
  for (const version of versions) {
    const label = `wordpress ${version}`;
    const started = [];
    const t0 = Date.now();
    try {
      const site = await prepareSite(version, instance);
      console.log(`\n── ${label}: WordPress ${site.found} at ${site.url} (site in ${relative(root, site.dir)}) ──`);
      const db = await startService(`mariadb-${version}`, 'sh', ['-c', 'exec "$0" "$@" 2>&1', ...site.mariadbd], {
        ready: /(ready for connections)/,
      });
      started.push(db.pid);
      installSite(site, instance);
      // One process (no PHP_CLI_SERVER_WORKERS: its forked workers outlive a stop by PID).
      const web = await startService(`php-${version}`, 'sh', ['-c', 'exec "$0" "$@" 2>&1', ...site.php], {
        ready: /(Development Server .* started)/,
        env: { PHP_CLI_SERVER_WORKERS: '' },
      });
      started.push(web.pid);
      const env = {
        WP_DIR: site.wp,
        WP_URL: site.url,
        WP_SITE_JSON: site.siteJson,
        WP_EXPECTED_VERSION: version,
        WP_DEBUG_LOG_FILE: site.debugLog,
        DEMO_INSTANCE_URL: instance,
      };
      const report = (what) => join(REPORTS, `wordpress-${version}-${what}.xml`);
      await suite(`${label} (PHPUnit)`, 'phpunit', ['--colors=never', '-c', join(root, 'test/wordpress/phpunit.xml'), '--log-junit', report('phpunit')], {
        env,
        report: report('phpunit'),
      });
      await suite(`${label} (Chromium)`, process.execPath, nodeTestArgs(report('node'), ['--test-concurrency=1', join(root, 'test/wordpress/')]), {
        env,
        report: report('node'),
      });
      const lines = pluginLogLines(site);
      console.log(lines.length ? `Plugin lines in the debug log:\n${lines.join('\n')}` : 'Debug log: nothing from the plugin.');
      results.push({ name: `${label} (debug log)`, passed: lines.length ? 0 : 1, failed: lines.length ? 1 : 0 });
    } catch (error) {
      console.error(error instanceof Error ? error.stack : error);
      results.push({ name: label, passed: 0, failed: 1 });
    } finally {
      for (const pid of started.reverse()) await stopPid(pid);
      console.log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
}
