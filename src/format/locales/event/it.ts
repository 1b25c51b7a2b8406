import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  cancelledNotice: 'Questo evento è stato annullato.',
  tentativeNotice: 'Questo evento non è ancora confermato.',
  date: 'Data',
  place: 'Luogo',
  online: 'Online',
  organiser: 'Organizzazione',
  tags: 'Etichette',
  category: 'Categoria',
  language: 'Lingua',
  participants: 'Partecipanti',
  price: 'Prezzo',
  conditions: 'Condizioni',
  addToCalendar: 'Aggiungi al mio calendario',
  icalFile: 'File iCal da {instance}',
  map: 'Vedi sulla mappa',
  joinOnline: 'Partecipa online',
  liveStream: 'Diretta',
  videoCall: 'Videoconferenza',
  replay: 'Registrazione',
  link: 'Link',
  free: 'Gratuito',
  openOnInstance: 'Vedi questo evento su {instance}',
  phone: 'Telefono',
  about: 'Informazioni',
};
