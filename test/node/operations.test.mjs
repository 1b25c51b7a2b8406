// Every GraphQL document the library sends must be valid for Mobilizon's real API (5.1.3 schema in
// ../shared), as written and as the build compacts it; none may hide outside the operations folder.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { compactGraphQL, loadGraphQL } from '../../scripts/graphql-plugin.mjs';

const root = resolve(import.meta.dirname, '../..');
const schema = buildSchema(readFileSync(resolve(root, '../shared/mobilizon/schema.graphql'), 'utf8'));
const folder = join(root, 'src/sources/mobilizon/operations');
const files = readdirSync(folder).filter((f) => f.endsWith('.graphql'));

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('GraphQL operations', () => {
  it('exist', () => assert.ok(files.length >= 4, `only ${files.length} documents`));

  for (const file of files) {
    const text = loadGraphQL(join(folder, file));
    it(`${file} validates against Mobilizon 5.1.3's schema`, () => {
      assert.deepEqual(validate(schema, parse(text)).map((e) => e.message), []);
    });
    it(`${file} still validates once compacted by the build`, () => {
      assert.deepEqual(validate(schema, parse(compactGraphQL(text))).map((e) => e.message), []);
    });
    it(`${file} holds one operation named like the file`, () => {
      const operations = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      assert.equal(operations.length, 1);
      assert.ok(parse(text).definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION));
      assert.equal(operations[0].name?.value, file.replace('.graphql', ''));
    });
  }

  it('are the only GraphQL in src/', () => {
    const offenders = walk(join(root, 'src'))
      .filter((f) => /\.(ts|js)$/.test(f))
      .filter((f) => /\b(query|mutation)\s+\w+\s*[({]/.test(readFileSync(f, 'utf8')) || /\bgql`/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
