// One version, package.json's, and every place that repeats it: the plugin's header and constant,
// readme.txt's Stable tag, the blocks' block.json, the translation headers, the README's pinned
// CDN tags and the changelog. `npm version <v>` runs `node scripts/version.mjs` (the `version`
// script), which writes them all; `npm run release` and the node tests check them (versionErrors).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(join(root, file), 'utf8');

export const packageVersion = () => JSON.parse(read('package.json')).version;

/** The newest WordPress the tests run on (scripts/wordpress-sites.mjs VERSIONS): readme.txt's "Tested up to". */
export const TESTED_UP_TO = '7.1';

const blocks = ['events', 'event', 'group', 'registration'].map((b) => `wordpress-plugin/blocks/${b}/block.json`);

/** Each file and the patterns whose first group is the version it states. */
const PLACES = [
  ['wordpress-plugin/embeds-for-mobilizon.php', [/^ \* Version:\s+(\S+)$/m, /define\( 'EMBEDS_FOR_MOBILIZON_VERSION', '([^']+)' \);/]],
  ['wordpress-plugin/readme.txt', [/^Stable tag: (\S+)$/m]],
  ...blocks.map((file) => [file, [/^\t"version": "([^"]+)",$/m]]),
  ['wordpress-plugin/languages/embeds-for-mobilizon.pot', [/^"Project-Id-Version: Embeds for Mobilizon (\S+)\\n"$/m]],
  ['wordpress-plugin/languages/embeds-for-mobilizon-fr_FR.po', [/^"Project-Id-Version: Embeds for Mobilizon (\S+)\\n"$/m]],
  // Every pinned package URL in the README (mobilizon-embed@<v>/…).
  ['README.md', [/mobilizon-embed@([0-9][^/\s"']*)\//g, /mobilizon-embed-([0-9][^\s`]*?)\.zip/g]],
];

/** Where a file states another version than package.json's: ["file: found x, expected y"]. */
export function versionErrors(version = packageVersion()) {
  const errors = [];
  for (const [file, patterns] of PLACES) {
    const text = read(file);
    for (const pattern of patterns) {
      const found = pattern.global ? [...text.matchAll(pattern)].map((m) => m[1]) : [pattern.exec(text)?.[1]];
      if (!found.length) errors.push(`${file}: no pinned version (${pattern})`);
      for (const v of found) if (v !== version) errors.push(`${file}: states ${v ?? 'no version'} (${pattern}), package.json ${version}`);
    }
  }
  const readme = read('wordpress-plugin/readme.txt');
  if (!new RegExp(`^Tested up to: ${TESTED_UP_TO.replace('.', '\\.')}$`, 'm').test(readme)) errors.push(`wordpress-plugin/readme.txt: Tested up to is not ${TESTED_UP_TO}`);
  if (!readme.includes(`\n= ${version} =\n`)) errors.push(`wordpress-plugin/readme.txt: no changelog entry "= ${version} ="`);
  const changelog = read('CHANGELOG.md');
  if (!changelog.includes(`\n## [${version}]`)) errors.push(`CHANGELOG.md: no section "## [${version}]"`);
  return errors;
}

/**
 * Writes package.json's version everywhere. In CHANGELOG.md the "Unreleased" section becomes this
 * version's (dated today) under a new empty "Unreleased"; readme.txt gains a changelog entry for it.
 */
export function writeVersion(version = packageVersion(), today = new Date().toISOString().slice(0, 10)) {
  for (const [file, patterns] of PLACES) {
    let text = read(file);
    for (const pattern of patterns) text = text.replace(pattern, (whole, old) => whole.replace(old, version));
    writeFileSync(join(root, file), text);
  }
  let changelog = read('CHANGELOG.md');
  if (!changelog.includes(`\n## [${version}]`)) {
    changelog = changelog.replace(/\n## \[Unreleased\]\n/, `\n## [Unreleased]\n\n## [${version}] - ${today}\n`);
    writeFileSync(join(root, 'CHANGELOG.md'), changelog);
  }
  let readme = read('wordpress-plugin/readme.txt');
  if (!readme.includes(`\n= ${version} =\n`)) {
    readme = readme.replace(/\n== Changelog ==\n\n/, `\n== Changelog ==\n\n= ${version} =\n* See CHANGELOG.md in the source repository for this version's changes.\n\n`);
    writeFileSync(join(root, 'wordpress-plugin/readme.txt'), readme);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'check') {
    const errors = versionErrors();
    for (const e of errors) console.error(e);
    process.exitCode = errors.length ? 1 : 0;
  } else {
    writeVersion();
    console.log(`Version ${packageVersion()} written into the plugin, readme.txt, block.json, translations, README and CHANGELOG.`);
  }
}
