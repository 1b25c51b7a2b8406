// What the tests need from the system, installed from Debian's packages when missing (as root),
// or one clear line saying what is missing. Nothing installed by hand survives a new machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
const phpModule = (name) => spawnSync('php', ['-r', `exit(extension_loaded('${name}') ? 0 : 1);`]).status === 0;

const REQUIREMENTS = {
  chromium: { test: () => existsSync('/usr/bin/chromium'), packages: ['chromium'] },
  // The WordPress suites: Debian's WordPress (6.1), a private MariaDB, PHP's CLI server, PHPUnit 9.
  wordpress: { test: () => existsSync('/usr/share/wordpress/wp-includes/version.php'), packages: ['wordpress'] },
  // A classic theme beside the block theme (Twenty Twenty-Three): screenshots in both, the widget screen.
  'classic-theme': { test: () => existsSync('/usr/share/wordpress/wp-content/themes/twentytwentyone/style.css'), packages: ['wordpress-theme-twentytwentyone'] },
  mariadb: { test: () => has('mariadbd') && has('mariadb-install-db'), packages: ['mariadb-server'] },
  php: { test: () => has('php') && phpModule('mysqli') && phpModule('curl'), packages: ['php-cli', 'php-mysql', 'php-curl'] },
  phpunit: { test: () => has('phpunit'), packages: ['phpunit'] },
  // PHP_CodeSniffer with its generic sniffs (npm test's lint: phpcs.xml).
  phpcs: { test: () => has('phpcs'), packages: ['php-codesniffer'] },
  // GNU xgettext: the editor script's strings (scripts/wordpress.mjs pot, and the test that the .pot is current).
  gettext: { test: () => has('xgettext'), packages: ['gettext'] },
};

let updated = false;

/** Ensures each named requirement; exits with one line when one cannot be had. */
export function ensureSystem(names) {
  const missing = names.filter((n) => !REQUIREMENTS[n].test());
  if (!missing.length) return;
  const packages = missing.flatMap((n) => REQUIREMENTS[n].packages);
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !apt) {
    console.error(`Missing: ${missing.join(', ')} — install with: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!updated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    updated = true;
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    console.error(`Missing: ${missing.join(', ')} — "apt-get install ${packages.join(' ')}" failed.`);
    process.exit(1);
  }
  const still = missing.filter((n) => !REQUIREMENTS[n].test());
  if (still.length) {
    console.error(`Missing: ${still.join(', ')} — installed ${packages.join(' ')} but it is still not there.`);
    process.exit(1);
  }
}
