import type { Plural } from '../en.js';
import type { ViewKey } from './en.js';

export const messages: Record<ViewKey, string | Plural> = {
  allDay: 'Tutto il giorno',
  filterLabel: 'Filtra gli eventi',
  searchLabel: 'Cerca',
  searchPlaceholder: 'Parole, luoghi, etichette…',
  typeLabel: 'Dove',
  typeAny: 'Ovunque',
  inPerson: 'In presenza',
  fromLabel: 'Dal',
  toLabel: 'Al',
  tagsLabel: 'Etichette',
  dateWords: 'gg mm aaaa',
  dateInvalid: 'Scrivi la data come {pattern}.',
  clearFilters: 'Cancella i filtri',
  close: 'Chiudi',
  previousMonth: 'Mese precedente',
  nextMonth: 'Mese successivo',
  today: 'Oggi',
  moreEvents: { one: '+{count} altro', many: '+{count} altri', other: '+{count} altri' },
  windowCeiling: 'Sono mostrati i primi {count} di {total} eventi di questo periodo.',
  eventsOn: 'Eventi del {date}',
  timesIn: 'Orari in {zone}',
  showLocalTimes: 'Mostra gli orari nel mio fuso orario ({zone})',
  showEventTimes: 'Mostra gli orari nel fuso orario di ciascun evento',
};
