import type { Messages } from './en.js';

export const messages: Messages = {
  upcomingEvents: 'Kommende Veranstaltungen',
  pastEvents: 'Vergangene Veranstaltungen',
  loading: 'Veranstaltungen werden geladen …',
  loaded: { one: '{count} Veranstaltung', other: '{count} Veranstaltungen' },
  empty: 'Keine Veranstaltungen vorhanden.',
  emptyUpcoming: 'Keine bevorstehenden Veranstaltungen.',
  emptyPast: 'Keine vergangenen Veranstaltungen.',
  retry: 'Erneut versuchen',
  previous: 'Zurück',
  next: 'Weiter',
  pageOf: 'Seite {page} von {pages}',
  pagination: 'Seiten',
  events: 'Veranstaltungen',
  cancelled: 'Abgesagt',
  tentative: 'Noch nicht bestätigt',
  online: 'Online',
  full: 'Ausgebucht',
  seatsLeft: { one: 'Noch {count} Platz frei', other: 'Noch {count} Plätze frei' },
  participants: { one: '{count} teilnehmende Person', other: '{count} Teilnehmende' },
  by: 'von {name}',
};
