// The demo instance's seed (deterministic fixtures, documented uuids) and its command line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES, buildSeed, fixtureUuid } from '../../demo/instance/seed.mjs';
import { DAY, NOW, repoRoot } from './demo-instance-helpers.mjs';

describe('seed', () => {
  test('the seed is deterministic, and fixture uuids do not depend on now', () => {
    const a = buildSeed({ now: NOW });
    assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(buildSeed({ now: NOW }))));
    const later = buildSeed({ now: NOW + 100 * DAY });
    for (const [key, title] of FIXTURES) {
      assert.equal(a.events.find((e) => e.uuid === fixtureUuid(key))?.title, title, key);
      assert.equal(later.events.find((e) => e.uuid === fixtureUuid(key))?.title, title, key);
    }
    assert.ok(a.events.length >= 120);
    assert.ok(a.events.filter((e) => (e.endsOn ?? e.beginsOn) < NOW).length >= 20);
  });

  test('README.md lists every fixture uuid', () => {
    const readme = readFileSync(path.resolve(repoRoot, 'demo/instance/README.md'), 'utf8');
    for (const [key] of FIXTURES) assert.ok(readme.includes(fixtureUuid(key)), key);
  });

  test('the CLI prints its URL and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.resolve(repoRoot, 'demo/instance/server.mjs'), '--port', '0'], { env: { ...process.env, DEMO_LATENCY: '0' } });
    const line = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(String(d)));
      child.once('error', reject);
    });
    const m = /^Demo Mobilizon instance: (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    assert.ok(m, line);
    assert.equal((await fetch(`${m[1]}/api?query=%7Bconfig%7Bname%7D%7D`)).status, 200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
  });
});
