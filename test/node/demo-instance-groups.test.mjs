// The demo instance over HTTP: groups, their events and their posts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSeed } from '../../demo/instance/seed.mjs';
import { GROUP, NOW, POST, base, data, gql, useDemoInstance } from './demo-instance-helpers.mjs';

useDemoInstance();

describe('group and posts', () => {
  test('group resolves local and remote handles and refuses unknown and suspended groups', async () => {
    const { group } = await data(GROUP, { name: 'velo_lyon', organisedEventsLimit: 5, postsLimit: 10 });
    assert.equal(group.name, 'Vélo Lyon');
    assert.equal(group.openness, 'OPEN');
    assert.equal(group.members.total, group.membersCount);
    assert.deepEqual(group.members.elements, []);
    assert.ok(group.posts.total >= 2);
    assert.ok(group.posts.elements.every((p) => p.visibility === 'PUBLIC' && p.draft === false));
    assert.equal(group.banner.metadata.width, 1500);
    const remote = (await data(GROUP, { name: 'remote_collective@other.example' })).group;
    assert.equal(remote.domain, 'other.example');
    assert.equal(remote.url, 'https://other.example/@remote_collective');
    for (const name of ['suspended_group', 'nobody_here', 'camille', 'nobody@other.example']) {
      const { body } = await gql(GROUP, { name });
      assert.equal(body.errors[0].code, 'group_not_found', name);
      assert.equal(body.errors[0].message, 'Group not found');
    }
    const openness = new Set();
    for (const name of ['velo_lyon', 'montreal_makers', 'berliner_chor']) openness.add((await data(GROUP, { name })).group.openness);
    assert.deepEqual([...openness].sort(), ['INVITE_ONLY', 'MODERATED', 'OPEN']);
  });

  test('organizedEvents includes cancelled events and compares ends_on (5.1) or begins_on (before 5.1)', async () => {
    const q = 'query($after: DateTime) { group(preferredUsername: "velo_lyon") { organizedEvents(afterDatetime: $after, limit: 100) { total elements { title status } } } }';
    const after = new Date(NOW).toISOString();
    const v51 = (await data(q, { after })).group.organizedEvents.elements.map((e) => e.title);
    assert.ok(v51.includes('Soirée annulée'));
    assert.ok(v51.includes('Exposition « Lyon à vélo »'), 'ongoing event kept: its end is after afterDatetime');
    assert.ok(!v51.includes("Pique-nique de l'été dernier"));
    const v50 = (await data(q, { after }, { prefix: '/_k/version=5.0.1' })).group.organizedEvents.elements.map((e) => e.title);
    assert.ok(!v50.includes('Exposition « Lyon à vélo »'), 'before 5.1 only begins_on is compared');
    const all = (await data(q, {})).group.organizedEvents;
    assert.ok(all.elements.some((e) => e.title === "Pique-nique de l'été dernier"));
    assert.ok(!all.elements.some((e) => ['Brouillon : sortie secrète', 'Apéro privé du bureau', 'Sortie surprise (lien privé)'].includes(e.title)));
  });

  test('post(slug) returns public posts and refuses drafts and private posts with post_not_found', async () => {
    const { group } = await data(GROUP, { name: 'berliner_chor' });
    const slug = group.posts.elements[0].slug;
    const { post } = await data(POST, { slug });
    assert.equal(post.url, `${base}/p/${slug}`);
    assert.match(post.body, /<p>/);
    assert.equal(post.attributedTo.preferredUsername, 'berliner_chor');
    const seed = buildSeed({ now: NOW });
    for (const key of ['post:velo_lyon:draft', 'post:velo_lyon:private']) {
      const { body } = await gql(POST, { slug: seed.posts.find((p) => p.key === key).slug });
      assert.equal(body.errors[0].code, 'post_not_found');
      assert.equal(body.errors[0].message, 'Post not found');
    }
    const unlisted = seed.posts.find((p) => p.key === 'post:velo_lyon:unlisted').slug;
    assert.equal((await data(POST, { slug: unlisted })).post.visibility, 'UNLISTED');
  });
});
