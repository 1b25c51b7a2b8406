// Groups and their posts, shaped like ActivityPub's `Group` actor and `Article` object (Mobilizon
// federates posts as Articles), in the same vocabulary as events (./event.ts).
import type { Actor, Image, Place, Tag } from './event.js';

/** Who may join: Mobilizon's `openness`. Unknown values are kept as text. */
export type Openness = 'OPEN' | 'MODERATED' | 'INVITE_ONLY' | (string & {});

export interface Group {
  type: 'Group';
  /** The group's name on its own instance (`velo_lyon`). */
  preferredUsername: string;
  /** What the instance resolves: `name` for its own groups, `name@domain` for groups elsewhere. */
  handle: string;
  /** The group's instance, as in `@name@domain` (the instance's host for its own groups). */
  domain: string;
  /** Whether the group lives on the instance that answered. */
  local: boolean;
  /** Display name. */
  name: string;
  /** Description as Mobilizon gives it: HTML, untrusted (sanitize before rendering). */
  summary: string | null;
  /** The group's page on its own instance. */
  url: string | null;
  /** Avatar. */
  icon: Image | null;
  /** Banner. */
  image: Image | null;
  /** The public address, when the group gives one. */
  location: Place | null;
  /** As Mobilizon counts them (null when the server does not say). */
  followersCount: number | null;
  membersCount: number | null;
  openness: Openness | null;
  /** Follow requests wait for a moderator. */
  manuallyApprovesFollowers: boolean;
  source: { kind: 'mobilizon'; instance: string; id: string };
}

export interface Post {
  type: 'Article';
  id: string;
  /** Mobilizon's slug (title + ShortUUID): the post's page is `/p/<slug>`. */
  slug: string;
  /** The post's page (on its own instance). */
  url: string | null;
  name: string;
  /** Body as Mobilizon gives it: HTML, untrusted (sanitize before rendering). */
  content: string | null;
  mediaType: 'text/html';
  /** UTC instants as ISO strings with `Z`. */
  published: string | null;
  updated: string | null;
  /** The group that publishes the post. */
  attributedTo: Actor | null;
  /** The member who wrote it. */
  author: Actor | null;
  image: Image | null;
  tag: Tag[];
  inLanguage: string | null;
}

export interface PostPage {
  total: number;
  posts: Post[];
}
