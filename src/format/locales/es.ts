import type { Messages } from './en.js';

export const messages: Messages = {
  upcomingEvents: 'Próximos eventos',
  pastEvents: 'Eventos pasados',
  loading: 'Cargando eventos…',
  loaded: { one: '{count} evento', many: '{count} de eventos', other: '{count} eventos' },
  empty: 'No hay eventos que mostrar.',
  emptyUpcoming: 'No hay próximos eventos.',
  emptyPast: 'No hay eventos pasados.',
  retry: 'Reintentar',
  previous: 'Anterior',
  next: 'Siguiente',
  pageOf: 'Página {page} de {pages}',
  pagination: 'Páginas',
  events: 'Eventos',
  cancelled: 'Cancelado',
  tentative: 'Por confirmar',
  online: 'En línea',
  full: 'Completo',
  seatsLeft: { one: 'Queda {count} plaza', many: 'Quedan {count} de plazas', other: 'Quedan {count} plazas' },
  participants: { one: '{count} participante', many: '{count} de participantes', other: '{count} participantes' },
  by: 'por {name}',
};
