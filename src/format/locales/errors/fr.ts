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
  errorBadValue: '{name} « {value} » inconnu. Choisissez parmi : {values}.',
  errorBadDate: '{name}="{value}" n’est pas une date ; écrivez-la AAAA-MM-JJ.',
  errorFromAfterTo: 'Le premier jour ({from}) est après le dernier ({to}).',
  errorBadFeed: '« {url} » n’est pas l’adresse d’un flux iCal.',
  errorFeedNetwork: 'Le calendrier {feed} est injoignable (ou n’autorise pas les autres sites à le lire).',
  errorFeedHttp: 'Le calendrier {feed} a répondu par une erreur (HTTP {status}).',
  errorFeedNotIcs: 'Le calendrier {feed} n’est pas un flux iCal.',
  errorFeedMalformed: 'Le calendrier {feed} est illisible : ses données iCal sont abîmées.',
  errorEventNotFound: 'Cet événement n’existe pas sur {instance}, ou il n’est pas public.',
  errorNoEvent: 'Indiquez un événement : uuid="…" avec une instance, ou url="https://…/events/…".',
};
