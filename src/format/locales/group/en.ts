// Words of <mobilizon-group>: loaded with it.
export const messages = {
  loadingGroup: 'Loading the group…',
  noGroup: 'This widget needs a group, for example group="my_group".',
  avatarOf: 'Avatar of {name}',
  members: { one: '{count} member', other: '{count} members' },
  followers: { one: '{count} follower', other: '{count} followers' },
  seeOnInstance: 'See the group on {host}',
  join: 'Join',
  askToJoin: 'Ask to join',
  byInvitation: 'Joining is by invitation',
  follow: 'Follow',
  contact: 'Contact',
  needsAccount: 'Joining, following and contacting the group happen on {host}, with an account there.',
  subscribe: 'Subscribe:',
  webcal: 'calendar app',
  icsFile: 'iCal file',
  atomFeed: 'Atom feed',
  noEventsYet: 'No events yet.',
  posts: 'Posts',
  noPostsYet: 'No posts yet.',
  postPages: 'Pages of posts',
  readOn: 'Read it on {host}',
  closePost: 'Close',
};

export type GroupKey = keyof typeof messages;
