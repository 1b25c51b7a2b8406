// Typed reads of a group's page over the client: the group itself, its posts, one post, and the
// feeds the instance serves for it. Its events come from ./events.ts (groupEvents), like any list.
import type { Group, Post, PostPage } from '../../model/group.js';
import type { MobilizonClient, QueryOptions } from './client.js';
import { MobilizonError } from './errors.js';
import { mapGroup, mapPost, pathOf, toPostPage } from './mapper.js';
import FetchGroup from './operations/FetchGroup.graphql';
import FetchPost from './operations/FetchPost.graphql';
import GroupPosts from './operations/GroupPosts.graphql';
import type { RawGroup, RawPage, RawPost } from './types.js';

type Options = Pick<QueryOptions<unknown>, 'signal' | 'onRevalidate'>;

/** A handle as the instance resolves it: `name` or `name@domain`, without a leading "@". */
export const cleanHandle = (handle: string | null | undefined): string => (handle ?? '').trim().replace(/^@/, '');

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

/** A group by handle (`name`, or `name@domain` for a group on another instance). */
export function getGroup(client: MobilizonClient, handle: string, options: Options = {}): Promise<Group> {
  const name = cleanHandle(handle);
  return about(client, name, async () => {
    return client.query(FetchGroup, { name }, {
      ...options,
      map: (data: { group: RawGroup | null }) => {
        if (!data.group) throw notFound(client, name);
        const group = mapGroup(data.group, client);
        if (!group) throw new MobilizonError('invalid-response', 'The group is not readable.', { instance: client.host });
        return group;
      },
    });
  });
}

/** One page (1-based) of a group's public posts, newest first. */
export function listPosts(client: MobilizonClient, handle: string, page: number, limit: number, options: Options = {}): Promise<PostPage> {
  const name = cleanHandle(handle);
  return about(client, name, async () => {
    return client.query(GroupPosts, { name, page, limit }, {
      ...options,
      map: (data: { group: { posts?: RawPage<RawPost> | null } | null }) => {
        if (!data.group) throw notFound(client, name);
        return toPostPage(data.group.posts, client.base);
      },
    });
  });
}

/** One post by slug (public or unlisted); `post_not_found` otherwise. */
export async function getPost(client: MobilizonClient, slug: string, options: Options = {}): Promise<Post> {
  return client.query(FetchPost, { slug }, {
    ...options,
    map: (data: { post: RawPost | null }) => {
      const post = data.post ? mapPost(data.post, client.base) : null;
      if (!post) throw new MobilizonError('graphql', 'Post not found', { graphqlCode: 'post_not_found', instance: client.host, subject: slug });
      return post;
    },
  });
}
