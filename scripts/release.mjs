// npm run release: everything up to publishing, into release/ — the npm package, a folder for site
// owners without Node, and the WordPress plugin ready for Plugins → Add New → Upload. Archives are
// byte-identical from one run to the next: files in sorted order, one fixed timestamp, no owner.
// Publishing (npm publish, the WordPress.org SVN) stays a maintainer's act by hand.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { packageVersion, versionErrors } from './version.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE = join(root, 'release');
export const CDN = 'https://cdn.jsdelivr.net/npm';
const PLUGIN = join(root, 'wordpress-plugin');

/** Every file under a folder, as paths relative to it, sorted (so archives list them in one order). */
function filesUnder(dir, keep = () => true) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (keep(relative(dir, path))) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** A `sha384-…` Subresource Integrity value. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * A zip of `files` ([path in the archive, bytes]) under one top folder, in sorted order, every entry
 * dated `when` (in the DOS fields, built from its UTC parts so that the machine's zone cannot change
 * them) and marked as a Unix regular file 0644.
 */
export function zipFolder(folder, files, when = new Date(Date.UTC(2000, 0, 1))) {
  const mtime = new Date(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds());
  const entries = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    entries[`${folder}/${path}`] = [bytes, { mtime, level: 9, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(entries);
}

/** When the sources last changed (the last commit), else a fixed day: the archives' one timestamp. */
function sourceDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  try {
    return new Date(Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim()) * 1000);
  } catch {
    return new Date(Date.UTC(2000, 0, 1));
  }
}

/** The built script without its source-map line (the maps stay in the npm package). */
const withoutMap = (file) => Buffer.from(readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));

/** The tags a site owner pastes, for the self-hosted folder and for the CDN. */
export function tags(version, integrity, cdnIntegrity) {
  const cdn = `${CDN}/mobilizon-embed@${version}/dist`;
  return {
    module: `<script type="module" src="/mobilizon-embed/mobilizon-embed.js" integrity="${integrity['mobilizon-embed.js']}" crossorigin="anonymous"></script>`,
    classic: `<script src="/mobilizon-embed/mobilizon-embed.iife.js" integrity="${integrity['mobilizon-embed.iife.js']}" crossorigin="anonymous"></script>`,
    cdnModule: `<script type="module" src="${cdn}/mobilizon-embed.js" integrity="${cdnIntegrity['mobilizon-embed.js']}" crossorigin="anonymous"></script>`,
    cdnClassic: `<script src="${cdn}/mobilizon-embed.iife.js" integrity="${cdnIntegrity['mobilizon-embed.iife.js']}" crossorigin="anonymous"></script>`,
    element: '<mobilizon-events instance="mobilizon.fr" group="my_group" limit="5"></mobilizon-events>',
  };
}

/** The site owner's folder: the module, its chunks, the classic script, README.txt, LICENSE, integrity.json. */
export function siteOwnerFiles(version) {
  const dist = join(root, 'dist');
  const files = new Map();
  files.set('mobilizon-embed.js', withoutMap(join(dist, 'mobilizon-embed.js')));
  for (const chunk of filesUnder(join(dist, 'chunks'), (f) => f.endsWith('.js'))) files.set(`chunks/${chunk}`, withoutMap(join(dist, 'chunks', chunk)));
  files.set('mobilizon-embed.iife.js', readFileSync(join(dist, 'mobilizon-embed.iife.js')));
  // SRI of every script (the entries for script tags, the chunks for an import map's "integrity").
  const integrity = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => [path, sri(bytes)]));
  const cdnIntegrity = Object.fromEntries(['mobilizon-embed.js', 'mobilizon-embed.iife.js'].map((f) => [f, sri(readFileSync(join(dist, f)))]));
  const t = tags(version, integrity, cdnIntegrity);
  files.set('integrity.json', Buffer.from(`${JSON.stringify({ version, algorithm: 'sha384', files: integrity, cdn: { base: `${CDN}/mobilizon-embed@${version}/dist/`, files: cdnIntegrity } }, null, 2)}\n`));
  files.set(
    'README.txt',
    Buffer.from(`mobilizon-embed ${version}: Mobilizon events, event pages, group pages and registration forms on any web page.

1. Upload this folder to your web site as it is, for example as /mobilizon-embed/
   (keep chunks/ beside mobilizon-embed.js: the parts some pages need load from there).

2. Paste ONE of these into the page, once (in the <head> or before the elements):

   ${t.module}

   or, where only classic scripts are allowed:

   ${t.classic}

   (Another folder? Change /mobilizon-embed/ in the address. The integrity value makes the browser
   refuse a changed file; integrity.json lists it for every file of this folder.)

3. Put an element where the events should show, with your instance and group:

   ${t.element}

   Also <mobilizon-event>, <mobilizon-group> and <mobilizon-registration>: every attribute is in
   the project's README.md.

From the CDN, once version ${version} is published on npm, instead of uploading:

   ${t.cdnModule}

Licence: GNU Affero General Public License, version 3 or later (LICENSE).
`),
  );
  files.set('LICENSE', readFileSync(join(root, 'LICENSE')));
  return { files, integrity, cdnIntegrity, tags: t };
}

/** What the plugin zip holds: the plugin's own files and what the build put in; no developer files. */
export function pluginFiles() {
  const required = ['embeds-for-mobilizon.php', 'assets/js/mobilizon-embed.js', 'operations/FetchEvents.graphql', 'languages/embeds-for-mobilizon-fr_FR.mo'];
  for (const file of required) if (!existsSync(join(PLUGIN, file))) throw new Error(`wordpress-plugin/${file} is missing: run \`npm run build\` first.`);
  const top = new Set(['embeds-for-mobilizon.php', 'uninstall.php', 'readme.txt']);
  const folders = ['includes/', 'blocks/', 'assets/', 'operations/', 'languages/'];
  const keep = (f) => top.has(f) || (folders.some((d) => f.startsWith(d)) && /\.(php|js|json|graphql|mo|po|pot|css|svg|png)$/.test(f));
  const files = new Map(filesUnder(PLUGIN, keep).map((f) => [f, readFileSync(join(PLUGIN, f))]));
  files.set('LICENSE', readFileSync(join(root, 'LICENSE')));
  return files;
}

/** The plugin zip, as the WordPress suites install it (scripts/wordpress-sites.mjs). */
export function writePluginZip(file) {
  writeFileSync(file, zipFolder('embeds-for-mobilizon', pluginFiles(), sourceDate()));
  return file;
}

/** The npm package's file list (`npm pack --dry-run`), and what must and must not be in it. */
export function packageProblems(list) {
  const problems = [];
  const needs = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/mobilizon-embed.js', 'dist/mobilizon-embed.iife.js', 'dist/npm/events.js',
    'dist/types/events.d.ts', 'dist/types/react.d.ts', 'dist/types/vue.d.ts', 'dist/custom-elements.json', 'docs/mobilizon-events.md'];
  for (const need of needs) {
    if (!list.includes(need)) problems.push(`missing ${need}`);
  }
  for (const path of list) if (/^(test|demo|bench|scripts|src|wordpress-plugin|node_modules|\.run|release)\//.test(path)) problems.push(`ships ${path}`);
  return problems;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Builds and writes the three archives into `out`; returns their paths. `writeReadme`: put this
 * build's CDN hashes into README.md (the release does; the tests, which must not edit the tree, don't).
 */
export function release({ out = RELEASE, writeReadme = true, log = console.log } = {}) {
  const version = packageVersion();
  const errors = versionErrors(version);
  if (errors.length) throw new Error(`The version is not the same everywhere (run \`node scripts/version.mjs\`):\n${errors.join('\n')}`);
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [join(root, 'scripts/wordpress.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const when = sourceDate();
  const owner = siteOwnerFiles(version);
  // The README's CDN tags carry this build's hashes (the package ships that README).
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = `<!-- cdn-tags: written by npm run release -->\n\`\`\`html\n${owner.tags.cdnModule}\n\n<!-- or, classic -->\n${owner.tags.cdnClassic}\n\`\`\`\n<!-- /cdn-tags -->`;
  const written = readme.replace(/<!-- cdn-tags[^>]*-->[\s\S]*?<!-- \/cdn-tags -->/, block);
  if (written === readme && !readme.includes(block)) throw new Error('README.md has no <!-- cdn-tags --> … <!-- /cdn-tags --> block.');
  if (written !== readme && writeReadme) writeFileSync(join(root, 'README.md'), written), log('README.md: CDN tags with this build\'s integrity written.');

  // 1. The npm package: npm pack (already built, so without running prepack's build again).
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: root, encoding: 'utf8' }));
  const problems = packageProblems(packed.files.map((f) => f.path));
  if (problems.length) throw new Error(`The npm package is not right:\n${problems.join('\n')}`);
  const tgz = join(out, packed.filename);

  // 2. The site owner's folder.
  const zip = join(out, `mobilizon-embed-${version}.zip`);
  writeFileSync(zip, zipFolder('mobilizon-embed', owner.files, when));

  // 3. The WordPress plugin.
  const plugin = writePluginZip(join(out, `embeds-for-mobilizon-${version}.zip`));

  for (const file of [tgz, zip, plugin]) log(`${relative(root, file)}  ${kb(statSync(file).size)}`);
  log(`npm package: ${packed.entryCount} files; ${owner.files.size} files for site owners; ${pluginFiles().size} in the plugin.`);
  return { tgz, zip, plugin, packed, owner };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    release();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
