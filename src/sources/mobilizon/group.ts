// Typed reads of a group's page over the client: the group itself, its posts, one post, and the
// feeds the instance serves for it. Its events come from ./events.ts (groupEvents), like any list.
import type { Tag } from '../../model/event.js';
import type { Group, Post, PostPage } from '../../model/group.js';
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { mapActor, mapImage, mapPlace } from './mapper.js';
import FetchGroup from './operations/FetchGroup.graphql';
import FetchPost from './operations/FetchPost.graphql';
import GroupPosts from './operations/GroupPosts.graphql';
import type { RawActor, RawAddress, RawMedia, RawPage } from './types.js';

export interface RawGroup extends RawActor {
  local?: boolean | null;
  summary?: string | null;
  openness?: string | null;
  manuallyApprovesFollowers?: boolean | null;
  followersCount?: number | null;
  membersCount?: number | null;
  banner?: RawMedia | null;
  physicalAddress?: RawAddress | null;
}

export interface RawPost {
  id?: string | null;
  slug?: string | null;
  url?: string | null;
  title?: string | null;
  body?: string | null;
  publishAt?: string | null;
  insertedAt?: string | null;
  updatedAt?: string | null;
  language?: string | null;
  picture?: RawMedia | null;
  author?: RawActor | null;
  attributedTo?: RawActor | null;
  tags?: Array<{ slug?: string | null; title?: string | null } | null> | null;
}

type Options = Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
const instant = (value: unknown): string | null => {
  const t = text(value);
  return t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : null;
};

/** A handle as the instance resolves it: `name` or `name@domain`, without a leading "@". */
export const cleanHandle = (handle: string | null | undefined): string => (handle ?? '').trim().replace(/^@/, '');

/** A handle in a URL path: `/@name` or `/@name@domain`. */
const pathOf = (handle: string): string => `/@${handle.split('@').map(encodeURIComponent).join('@')}`;

/** The group's feeds on the instance that shows it: iCal (webcal:// for calendar apps, and a file) and Atom. */
export function groupFeeds(group: Pick<Group, 'handle' | 'source'>): { webcal: string; ics: string; atom: string } {
  const base = `${group.source.instance}${pathOf(group.handle)}/feed/`;
  return { webcal: `${base}ics`.replace(/^https?:/, 'webcal:'), ics: `${base}ics`, atom: `${base}atom` };
}

/** Mobilizon's `group_not_found`, naming the group and the instance, for the error messages. */
function notFound(client: MobilizonClient, handle: string): MobilizonError {
  return new MobilizonError('graphql', 'Group not found', { graphqlCode: 'group_not_found', instance: client.host, subject: handle });
}

/** Runs a group query; errors name the group (`group_not_found` for a missing or suspended one). */
async function about<T>(client: MobilizonClient, handle: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MobilizonError) throw new MobilizonError(error.code, error.message, { instance: client.host, ...error.details, subject: handle });
    throw error;
  }
}

export function mapGroup(raw: RawGroup, client: Pick<MobilizonClient, 'base' | 'host'>): Group | null {
  const username = text(raw.preferredUsername);
  if (!username) return null;
  const domain = text(raw.domain);
  const handle = domain ? `${username}@${domain}` : username;
  return {
    type: 'Group',
    preferredUsername: username,
    handle,
    domain: domain ?? client.host,
    local: !domain && raw.local !== false,
    name: text(raw.name) ?? username,
    summary: text(raw.summary),
    url: safeUrl(raw.url) ?? `${client.base}${pathOf(handle)}`,
    icon: mapImage(raw.avatar),
    image: mapImage(raw.banner),
    location: mapPlace(raw.physicalAddress),
    followersCount: count(raw.followersCount),
    membersCount: count(raw.membersCount),
    openness: text(raw.openness),
    manuallyApprovesFollowers: Boolean(raw.manuallyApprovesFollowers),
    source: { kind: 'mobilizon', instance: client.base, id: text(raw.id) ?? '' },
  };
}

export function mapPost(raw: RawPost, base: string): Post | null {
  const slug = text(raw.slug);
  if (!slug) return null;
  return {
    type: 'Article',
    id: text(raw.id) ?? slug,
    slug,
    url: safeUrl(raw.url) ?? `${base}/p/${encodeURIComponent(slug)}`,
    name: text(raw.title) ?? '',
    content: text(raw.body),
    mediaType: 'text/html',
    published: instant(raw.publishAt) ?? instant(raw.insertedAt),
    updated: instant(raw.updatedAt),
    attributedTo: mapActor(raw.attributedTo),
    author: mapActor(raw.author),
    image: mapImage(raw.picture),
    tag: (raw.tags ?? []).flatMap((t): Tag[] => {
      const name = text(t?.title);
      return name ? [{ name, slug: text(t?.slug) ?? name }] : [];
    }),
    inLanguage: text(raw.language),
  };
}

/** A group by handle (`name`, or `name@domain` for a group on another instance). */
export function getGroup(client: MobilizonClient, handle: string, options: Options = {}): Promise<Group> {
  const name = cleanHandle(handle);
  return about(client, name, async () => {
    const data = await client.query<{ group: RawGroup | null }>(FetchGroup, { name }, options);
    const group = data.group ? mapGroup(data.group, client) : null;
    if (!group) throw notFound(client, name);
    return group;
  });
}

/** One page (1-based) of a group's public posts, newest first. */
export function listPosts(client: MobilizonClient, handle: string, page: number, limit: number, options: Options = {}): Promise<PostPage> {
  const name = cleanHandle(handle);
  return about(client, name, async () => {
    const data = await client.query<{ group: { posts?: RawPage<RawPost> | null } | null }>(GroupPosts, { name, page, limit }, options);
    if (!data.group) throw notFound(client, name);
    const raw = data.group.posts;
    if (!raw || !Array.isArray(raw.elements)) throw new MobilizonError('invalid-response', 'The list of posts is missing from the answer.');
    const posts = raw.elements.flatMap((p) => (p ? (mapPost(p, client.base) ?? []) : []));
    return { total: count(raw.total) ?? posts.length, posts };
  });
}

/** One post by slug (public or unlisted); `post_not_found` otherwise. */
export async function getPost(client: MobilizonClient, slug: string, options: Options = {}): Promise<Post> {
  const data = await client.query<{ post: RawPost | null }>(FetchPost, { slug }, options);
  const post = data.post ? mapPost(data.post, client.base) : null;
  if (!post) throw new MobilizonError('graphql', 'Post not found', { graphqlCode: 'post_not_found', instance: client.host, subject: slug });
  return post;
}
