import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  cancelledNotice: 'Cet événement est annulé.',
  tentativeNotice: 'Cet événement n’est pas encore confirmé.',
  date: 'Date',
  place: 'Lieu',
  online: 'En ligne',
  organiser: 'Organisation',
  tags: 'Étiquettes',
  category: 'Catégorie',
  language: 'Langue',
  participants: 'Participant·es',
  price: 'Prix',
  conditions: 'Conditions',
  addToCalendar: 'Ajouter à mon agenda',
  icalFile: 'Fichier iCal de {instance}',
  map: 'Voir sur la carte',
  joinOnline: 'Rejoindre en ligne',
  liveStream: 'Diffusion en direct',
  videoCall: 'Visioconférence',
  replay: 'Rediffusion',
  link: 'Lien',
  free: 'Gratuit',
  openOnInstance: 'Voir cet événement sur {instance}',
  phone: 'Téléphone',
  about: 'À propos',
};
