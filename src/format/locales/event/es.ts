import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  cancelledNotice: 'Este evento ha sido cancelado.',
  tentativeNotice: 'Este evento aún no está confirmado.',
  date: 'Fecha',
  place: 'Lugar',
  online: 'En línea',
  organiser: 'Organiza',
  tags: 'Etiquetas',
  category: 'Categoría',
  language: 'Idioma',
  participants: 'Participantes',
  price: 'Precio',
  conditions: 'Condiciones',
  addToCalendar: 'Añadir a mi calendario',
  icalFile: 'Archivo iCal de {instance}',
  map: 'Ver en el mapa',
  joinOnline: 'Unirse en línea',
  liveStream: 'Transmisión en directo',
  videoCall: 'Videoconferencia',
  replay: 'Grabación',
  link: 'Enlace',
  free: 'Gratis',
  openOnInstance: 'Ver este evento en {instance}',
  phone: 'Teléfono',
  about: 'Acerca de',
};
