// What a developer gets from `npm install mobilizon-embed`: the packed tarball, installed offline into
// a fresh folder (dependencies from npm's cache), type-checked the way their project would use it —
// typed events, attributes as unions, React 19 TSX and Vue templates — with custom-elements.json in it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installOffline } from './offline-install.mjs';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'consumer-'));
const app = join(dir, 'app');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let files = [];
after(() => rmSync(dir, { recursive: true, force: true }));

before(() => {
  if (!existsSync(join(root, 'dist/custom-elements.json'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  files = packed.files.map((f) => f.path);
  installOffline(app, { tarball: join(dir, packed.filename), integrity: packed.integrity, extra: ['@types/react', 'vue'] });
});

/** Type-checks the given files in the consumer folder; returns tsc's exit status and output. */
function typecheck(sources) {
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(app, name), text);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: Object.keys(sources),
    }),
  );
  const result = spawnSync(process.execPath, [tsc, '-p', app], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const TS = `import 'mobilizon-embed';
import { MobilizonEvents, type MobilizonLoadDetail } from 'mobilizon-embed';

const el = document.createElement('mobilizon-events');
el.view = 'month';
// @ts-expect-error 'calendar' is not a view
el.view = 'calendar';
el.addEventListener('mobilizon-select', (e) => console.log(e.detail.event.name));
el.addEventListener('mobilizon-load', (e) => console.log(e.detail.total.toFixed(0)));
document.addEventListener('mobilizon-registered', (e) => console.log(e.detail.uuid, e.detail.role));
const load: MobilizonLoadDetail = { total: 3 };
const same: MobilizonEvents = el;
console.log(load, same, document.querySelector('mobilizon-group')?.limit);
`;

const TSX = `import type {} from 'mobilizon-embed/react';

export function Agenda() {
  return (
    <>
      <mobilizon-events instance="https://mobilizon.example" view="month" limit={20} hide-cancelled
        onmobilizon-select={(e) => console.log(e.detail.event.name)} />
      <mobilizon-event url="https://mobilizon.example/events/1" registration="none" heading-level={3} />
      <mobilizon-group instance="mobilizon.example" group="velo" sections="about,events" />
      <mobilizon-registration instance="mobilizon.example" uuid="1" onmobilizon-registered={(e) => console.log(e.detail.role)} />
    </>
  );
}
`;

const VUE = `import type {} from 'mobilizon-embed/vue';
import type { GlobalComponents } from 'vue';

type EventsProps = InstanceType<GlobalComponents['mobilizon-events']>['$props'];
export const props: EventsProps = { instance: 'mobilizon.example', view: 'agenda', 'event-href': 'inline' };
// @ts-expect-error 'calendar' is not a view
export const wrong: EventsProps = { view: 'calendar' };
`;

describe('the packed package', () => {
  it('ships custom-elements.json, the types, the React and Vue type entries and the docs the README links', () => {
    for (const file of ['dist/custom-elements.json', 'dist/types/index.d.ts', 'dist/types/react.d.ts', 'dist/types/vue.d.ts', 'dist/mobilizon-embed.js', 'docs/mobilizon-events.md', 'docs/theming.md'])
      assert.ok(files.includes(file), `${file} is not in the tarball`);
    assert.equal(join(pkg.customElements), 'dist/custom-elements.json');
  });

  it('has a manifest listing the four elements with attributes, events, slots, parts and CSS properties', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/mobilizon-embed/dist/custom-elements.json'), 'utf8'));
    const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);
    assert.deepEqual(elements.map((d) => d.tagName).sort(), ['mobilizon-event', 'mobilizon-events', 'mobilizon-group', 'mobilizon-registration']);
    for (const d of elements) {
      assert.ok(d.attributes.some((a) => a.name === 'instance'), `${d.tagName}: no instance`);
      assert.ok(d.events.every((e) => /^CustomEvent<Mobilizon\w+Detail>$/.test(e.type?.text)), `${d.tagName}: an event without its detail type`);
      assert.ok(d.slots.some((s) => s.name === 'error'), `${d.tagName}: no error slot`);
      assert.ok(d.cssParts.some((p) => p.name === 'button'), `${d.tagName}: no button part`);
    }
    const view = elements.find((d) => d.tagName === 'mobilizon-events').attributes.find((a) => a.name === 'view');
    assert.equal(view.type.text, "'list' | 'grid' | 'agenda' | 'month' | undefined");
    assert.equal(view.default, "'list'");
  });

  it('type-checks events, union-typed properties, React 19 TSX and Vue templates', () => {
    const { status, output } = typecheck({ 'main.ts': TS, 'app.tsx': TSX, 'vue-app.ts': VUE });
    assert.equal(status, 0, output);
  });

  it('refuses what the elements refuse: a misspelt event detail, an unknown view in TSX', () => {
    const { status, output } = typecheck({
      'bad.ts': `import 'mobilizon-embed';\ndocument.createElement('mobilizon-events').addEventListener('mobilizon-select', (e) => e.detail.evnt);\n`,
      'bad.tsx': `import type {} from 'mobilizon-embed/react';\nexport const A = () => <mobilizon-events view="calendar" />;\n`,
    });
    assert.notEqual(status, 0);
    assert.match(output, /bad\.ts.*Property 'evnt' does not exist/);
    assert.match(output, /bad\.tsx.*"calendar"/);
  });

  it('ships no member marked @internal in its declarations', () => {
    const internal = [];
    const walk = (d) =>
      readdirSync(d, { withFileTypes: true }).forEach((e) => {
        const path = join(d, e.name);
        if (e.isDirectory()) walk(path);
        else if (path.endsWith('.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/@internal[^]*?\*\/\s*(?:get |set |static |readonly )*(\w+)/g)) internal.push([path, m[1]]);
      });
    walk(join(root, 'src'));
    assert.ok(internal.length > 0, 'no @internal member found in src (the check would check nothing)');
    const shippedTypes = [];
    const collect = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? collect(join(d, e.name)) : shippedTypes.push(join(d, e.name))));
    collect(join(app, 'node_modules/mobilizon-embed/dist/types'));
    assert.ok(shippedTypes.length > 20, `${shippedTypes.length} declaration files`);
    assert.deepEqual(shippedTypes.filter((f) => readFileSync(f, 'utf8').includes('@internal')), [], 'declarations that still say @internal');
    for (const [path, name] of internal) {
      const shipped = join(app, 'node_modules/mobilizon-embed/dist/types', path.slice(join(root, 'src').length + 1).replace(/\.ts$/, '.d.ts'));
      assert.doesNotMatch(readFileSync(shipped, 'utf8'), new RegExp(`^\\s*(?:get |set |static |readonly )*${name}\\??[(:]`, 'm'), `${name} (@internal) is declared in ${shipped}`);
    }
  });
});
