import type { Plural } from '../en.js';
import type { ViewKey } from './en.js';

export const messages: Record<ViewKey, string | Plural> = {
  allDay: 'Todo el día',
  filterLabel: 'Filtrar eventos',
  searchLabel: 'Buscar',
  searchPlaceholder: 'Palabras, lugares, etiquetas…',
  typeLabel: 'Dónde',
  typeAny: 'En cualquier lugar',
  inPerson: 'Presencial',
  fromLabel: 'Desde',
  toLabel: 'Hasta',
  tagsLabel: 'Etiquetas',
  dateWords: 'dd mm aaaa',
  dateInvalid: 'Escriba la fecha como {pattern}.',
  clearFilters: 'Borrar filtros',
  close: 'Cerrar',
  previousMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  today: 'Hoy',
  moreEvents: { one: '+{count} más', many: '+{count} más', other: '+{count} más' },
  windowCeiling: 'Se muestran los primeros {count} de {total} eventos de este periodo.',
  eventsOn: 'Eventos del {date}',
  timesIn: 'Horas en {zone}',
  showLocalTimes: 'Mostrar los horarios en mi zona horaria ({zone})',
  showEventTimes: 'Mostrar los horarios en la zona horaria de cada evento',
};
