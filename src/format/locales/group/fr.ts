import type { Plural } from '../en.js';
import type { GroupKey } from './en.js';

export const messages: Record<GroupKey, string | Plural> = {
  loadingGroup: 'Chargement du groupe…',
  noGroup: 'Ce widget a besoin d’un groupe, par exemple group="mon_groupe".',
  avatarOf: 'Avatar de {name}',
  members: { one: '{count} membre', other: '{count} membres' },
  followers: { one: '{count} abonné', other: '{count} abonnés' },
  seeOnInstance: 'Voir le groupe sur {host}',
  join: 'Rejoindre',
  askToJoin: 'Demander à rejoindre',
  byInvitation: 'Adhésion sur invitation',
  follow: 'Suivre',
  contact: 'Contacter',
  needsAccount: 'Rejoindre, suivre ou contacter le groupe se fait sur {host}, avec un compte.',
  subscribe: 'S’abonner :',
  webcal: 'application d’agenda',
  icsFile: 'fichier iCal',
  atomFeed: 'flux Atom',
  noEventsYet: 'Pas encore d’événement.',
  posts: 'Billets',
  noPostsYet: 'Pas encore de billet.',
  postPages: 'Pages des billets',
  readOn: 'Lire sur {host}',
  closePost: 'Fermer',
};
