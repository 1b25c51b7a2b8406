import type { Plural } from '../en.js';
import type { GroupKey } from './en.js';

export const messages: Record<GroupKey, string | Plural> = {
  loadingGroup: 'Cargando el grupo…',
  noGroup: 'Este widget necesita un grupo, por ejemplo group="mi_grupo".',
  avatarOf: 'Avatar de {name}',
  members: { one: '{count} miembro', other: '{count} miembros' },
  followers: { one: '{count} seguidor', other: '{count} seguidores' },
  seeOnInstance: 'Ver el grupo en {host}',
  join: 'Unirse',
  askToJoin: 'Solicitar unirse',
  byInvitation: 'Solo con invitación',
  follow: 'Seguir',
  contact: 'Contactar',
  needsAccount: 'Unirse, seguir y contactar con el grupo se hace en {host}, con una cuenta allí.',
  subscribe: 'Suscribirse:',
  webcal: 'aplicación de calendario',
  icsFile: 'archivo iCal',
  atomFeed: 'feed Atom',
  noEventsYet: 'Aún no hay eventos.',
  posts: 'Publicaciones',
  noPostsYet: 'Aún no hay publicaciones.',
  postPages: 'Páginas de publicaciones',
  readOn: 'Leer en {host}',
  closePost: 'Cerrar',
};
