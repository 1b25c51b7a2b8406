import type { Messages } from './en.js';

export const messages: Messages = {
  upcomingEvents: 'Événements à venir',
  pastEvents: 'Événements passés',
  loading: 'Chargement des événements…',
  loaded: { one: '{count} événement', many: '{count} d’événements', other: '{count} événements' },
  empty: 'Aucun événement à afficher.',
  emptyUpcoming: 'Aucun événement à venir.',
  emptyPast: 'Aucun événement passé.',
  retry: 'Réessayer',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: 'Page {page} sur {pages}',
  pagination: 'Pages',
  events: 'Événements',
  cancelled: 'Annulé',
  tentative: 'Provisoire',
  online: 'En ligne',
  full: 'Complet',
  seatsLeft: { one: '{count} place restante', many: '{count} de places restantes', other: '{count} places restantes' },
  participants: { one: '{count} participant·e', many: '{count} de participant·es', other: '{count} participant·es' },
  by: 'par {name}',
};
