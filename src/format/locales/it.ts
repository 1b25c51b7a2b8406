import type { Messages } from './en.js';

export const messages: Messages = {
  upcomingEvents: 'Prossimi eventi',
  pastEvents: 'Eventi passati',
  loading: 'Caricamento degli eventi…',
  loaded: { one: '{count} evento', many: '{count} di eventi', other: '{count} eventi' },
  empty: 'Nessun evento da mostrare.',
  emptyUpcoming: 'Nessun evento in programma.',
  emptyPast: 'Nessun evento passato.',
  retry: 'Riprova',
  previous: 'Precedente',
  next: 'Successiva',
  pageOf: 'Pagina {page} di {pages}',
  pagination: 'Pagine',
  events: 'Eventi',
  cancelled: 'Annullato',
  tentative: 'Da confermare',
  online: 'Online',
  full: 'Completo',
  seatsLeft: { one: 'Resta {count} posto', many: 'Restano {count} di posti', other: 'Restano {count} posti' },
  participants: { one: '{count} partecipante', many: '{count} di partecipanti', other: '{count} partecipanti' },
  by: 'a cura di {name}',
};
