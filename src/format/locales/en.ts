// English is built in; other languages load on demand (see ../i18n.ts). A value with `{one, other…}`
// forms is chosen with Intl.PluralRules; `{name}` placeholders are filled by the translator.
export const en = {
  upcomingEvents: 'Upcoming events',
  pastEvents: 'Past events',
  loading: 'Loading events…',
  loaded: { one: '{count} event', other: '{count} events' },
  empty: 'No events to show.',
  emptyUpcoming: 'No upcoming events.',
  emptyPast: 'No past events.',
  retry: 'Try again',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  pagination: 'Pages',
  events: 'Events',
  cancelled: 'Cancelled',
  tentative: 'Tentative',
  online: 'Online',
  full: 'Full',
  seatsLeft: { one: '{count} seat left', other: '{count} seats left' },
  participants: { one: '{count} participant', other: '{count} participants' },
  by: 'by {name}',
};

export type MessageKey = keyof typeof en;
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Messages = Record<MessageKey, string | Plural>;

