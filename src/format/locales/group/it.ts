import type { Plural } from '../en.js';
import type { GroupKey } from './en.js';

export const messages: Record<GroupKey, string | Plural> = {
  loadingGroup: 'Caricamento del gruppo…',
  noGroup: 'Questo widget ha bisogno di un gruppo, per esempio group="mio_gruppo".',
  avatarOf: 'Avatar di {name}',
  members: { one: '{count} membro', other: '{count} membri' },
  followers: { one: '{count} follower', other: '{count} follower' },
  seeOnInstance: 'Vedi il gruppo su {host}',
  join: 'Unisciti',
  askToJoin: 'Chiedi di unirti',
  byInvitation: 'Adesione solo su invito',
  follow: 'Segui',
  contact: 'Contatta',
  needsAccount: 'Unirsi, seguire e contattare il gruppo avviene su {host}, con un account lì.',
  subscribe: 'Iscriviti:',
  webcal: 'app calendario',
  icsFile: 'file iCal',
  atomFeed: 'feed Atom',
  noEventsYet: 'Ancora nessun evento.',
  posts: 'Post',
  noPostsYet: 'Ancora nessun post.',
  postPages: 'Pagine dei post',
  readOn: 'Leggi su {host}',
  closePost: 'Chiudi',
};
