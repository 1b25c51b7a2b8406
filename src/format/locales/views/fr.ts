import type { Plural } from '../en.js';
import type { ViewKey } from './en.js';

export const messages: Record<ViewKey, string | Plural> = {
  allDay: 'Toute la journée',
  filterLabel: 'Filtrer les événements',
  searchLabel: 'Rechercher',
  searchPlaceholder: 'Mots, lieux, étiquettes…',
  typeLabel: 'Où',
  typeAny: 'Partout',
  inPerson: 'Sur place',
  fromLabel: 'Du',
  toLabel: 'Au',
  tagsLabel: 'Étiquettes',
  dateWords: 'jj mm aaaa',
  dateInvalid: 'Écrivez la date sous la forme {pattern}.',
  clearFilters: 'Effacer les filtres',
  close: 'Fermer',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  today: 'Aujourd’hui',
  moreEvents: { one: '+{count} autre', many: '+{count} autres', other: '+{count} autres' },
  windowCeiling: 'Affichage des {count} premiers événements sur {total} pour cette période.',
  eventsOn: 'Événements du {date}',
  timesIn: 'Heures en {zone}',
  showLocalTimes: 'Afficher les heures de mon fuseau ({zone})',
  showEventTimes: 'Afficher les heures du fuseau de chaque événement',
};
