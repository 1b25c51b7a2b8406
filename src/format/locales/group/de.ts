import type { Plural } from '../en.js';
import type { GroupKey } from './en.js';

export const messages: Record<GroupKey, string | Plural> = {
  loadingGroup: 'Gruppe wird geladen…',
  noGroup: 'Dieses Widget braucht eine Gruppe, zum Beispiel group="meine_gruppe".',
  avatarOf: 'Avatar von {name}',
  members: { one: '{count} Mitglied', other: '{count} Mitglieder' },
  followers: { one: '{count} Follower', other: '{count} Follower' },
  seeOnInstance: 'Gruppe auf {host} ansehen',
  join: 'Beitreten',
  askToJoin: 'Beitritt anfragen',
  byInvitation: 'Beitritt nur auf Einladung',
  follow: 'Folgen',
  contact: 'Kontakt',
  needsAccount: 'Beitreten, Folgen und Kontakt laufen über {host} und brauchen dort ein Konto.',
  subscribe: 'Abonnieren:',
  webcal: 'Kalender-App',
  icsFile: 'iCal-Datei',
  atomFeed: 'Atom-Feed',
  noEventsYet: 'Noch keine Veranstaltungen.',
  posts: 'Beiträge',
  noPostsYet: 'Noch keine Beiträge.',
  postPages: 'Seiten der Beiträge',
  readOn: 'Auf {host} lesen',
  closePost: 'Schließen',
};
