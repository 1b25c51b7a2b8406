// The packed tarball installed into a new project as a developer would, but offline: every dependency
// comes from npm's cache (filled by this repository's `npm ci`), named by the versions and hashes this
// repository's package-lock.json holds. Shared by the consumer tests (consumer.test.mjs: types;
// release.test.mjs: a Vite build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/?$/, '/');

/** The lock entries of `names` and everything they need, as this repository's lock resolved them. */
function lockClosure(names) {
  const entries = {};
  const add = (from, name) => {
    for (let at = from; ; at = at.slice(0, at.lastIndexOf('/node_modules/'))) {
      const key = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (lock.packages[key]) {
        if (entries[key]) return;
        const { dev, devOptional, peer, ...entry } = lock.packages[key];
        if (!entry.integrity) throw new Error(`${key} has no integrity in package-lock.json`);
        const pkgName = key.slice(key.lastIndexOf('node_modules/') + 13);
        // Where npm caches the tarball (this lock omits registry URLs; npm would ask for metadata).
        entry.resolved ??= `${registry}${pkgName}/-/${pkgName.split('/').pop()}-${entry.version}.tgz`;
        entries[key] = entry;
        for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) add(key, dep);
        return;
      }
      if (!at) throw new Error(`${name} (needed by ${from || 'the consumer'}) is not in package-lock.json`);
    }
  };
  for (const name of names) add('', name);
  return entries;
}

/**
 * Creates `app` (a new project depending on the tarball, and on `extra` packages of this repository's
 * lock at their locked versions) and runs `npm ci --offline` in it.
 */
export function installOffline(app, { tarball, integrity, extra = [] }) {
  mkdirSync(app, { recursive: true });
  const spec = `file:${relative(app, tarball)}`;
  const dependencies = { 'mobilizon-embed': spec, ...Object.fromEntries(extra.map((n) => [n, lock.packages[`node_modules/${n}`].version])) };
  const own = { name: 'mobilizon-embed', version: pkg.version, resolved: spec, integrity, license: pkg.license, dependencies: pkg.dependencies };
  const packages = { '': { name: 'consumer', dependencies }, 'node_modules/mobilizon-embed': own, ...lockClosure([...Object.keys(pkg.dependencies), ...extra]) };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }));
  execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
}
