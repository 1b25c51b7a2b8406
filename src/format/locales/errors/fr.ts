import type { ErrorKey } from './en.js';

export const messages: Record<ErrorKey, string> = {
  errorNetwork: 'Impossible de joindre {instance}. Vérifiez la connexion puis réessayez.',
  errorTimeout: '{instance} met trop de temps à répondre.',
  errorHttp: '{instance} a répondu par une erreur (HTTP {status}).',
  errorInvalid: '{instance} a envoyé une réponse qui n’est pas une réponse Mobilizon.',
  errorGraphql: '{instance} signale une erreur : {message}',
  errorGroupNotFound: 'Le groupe « {group} » n’existe pas sur {instance}.',
  errorLimitReached: '{instance} refuse de lister autant d’événements à la fois.',
  errorNoInstance: 'Ce widget a besoin de l’adresse d’une instance, par exemple instance="mobilizon.fr".',
  errorBadInstance: '« {instance} » n’est pas l’adresse d’une instance Mobilizon.',
  errorBadView: 'Vue « {view} » inconnue. Choisissez parmi : {views}.',
  errorBadPeriod: 'Période « {period} » inconnue. Choisissez parmi : {periods}.',
};
