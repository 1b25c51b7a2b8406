import type { Plural } from '../en.js';
import type { ViewKey } from './en.js';

export const messages: Record<ViewKey, string | Plural> = {
  allDay: 'Ganztägig',
  filterLabel: 'Veranstaltungen filtern',
  searchLabel: 'Suchen',
  searchPlaceholder: 'Wörter, Orte, Schlagwörter …',
  typeLabel: 'Wo',
  typeAny: 'Überall',
  inPerson: 'Vor Ort',
  fromLabel: 'Von',
  toLabel: 'Bis',
  tagsLabel: 'Schlagwörter',
  dateWords: 'TT MM JJJJ',
  dateInvalid: 'Schreiben Sie das Datum als {pattern}.',
  clearFilters: 'Filter zurücksetzen',
  close: 'Schließen',
  previousMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  today: 'Heute',
  moreEvents: { one: '+{count} weiterer', other: '+{count} weitere' },
  windowCeiling: 'Angezeigt werden die ersten {count} von {total} Veranstaltungen dieses Zeitraums.',
  eventsOn: 'Veranstaltungen am {date}',
  timesIn: 'Uhrzeiten in {zone}',
  showLocalTimes: 'Uhrzeiten in meiner Zeitzone anzeigen ({zone})',
  showEventTimes: 'Uhrzeiten in der Zeitzone der jeweiligen Veranstaltung anzeigen',
};
