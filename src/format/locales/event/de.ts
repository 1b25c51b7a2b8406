import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  cancelledNotice: 'Diese Veranstaltung wurde abgesagt.',
  tentativeNotice: 'Diese Veranstaltung ist noch nicht bestätigt.',
  date: 'Datum',
  place: 'Ort',
  online: 'Online',
  organiser: 'Veranstaltet von',
  tags: 'Schlagwörter',
  category: 'Kategorie',
  language: 'Sprache',
  participants: 'Teilnehmende',
  price: 'Preis',
  conditions: 'Bedingungen',
  addToCalendar: 'Zu meinem Kalender hinzufügen',
  icalFile: 'iCal-Datei von {instance}',
  map: 'Auf der Karte ansehen',
  joinOnline: 'Online teilnehmen',
  liveStream: 'Livestream',
  videoCall: 'Videokonferenz',
  replay: 'Aufzeichnung',
  link: 'Link',
  free: 'Kostenlos',
  openOnInstance: 'Diese Veranstaltung auf {instance} ansehen',
  phone: 'Telefon',
  about: 'Über',
};
