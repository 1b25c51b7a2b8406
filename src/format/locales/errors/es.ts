import type { ErrorKey } from './en.js';

export const messages: Record<ErrorKey, string> = {
  errorNetwork: 'No se pudo conectar con {instance}. Comprueba la conexión y vuelve a intentarlo.',
  errorTimeout: '{instance} tardó demasiado en responder.',
  errorHttp: '{instance} respondió con un error (HTTP {status}).',
  errorInvalid: '{instance} envió una respuesta que no es una respuesta de Mobilizon.',
  errorGraphql: '{instance} informó de un error: {message}',
  errorGroupNotFound: 'El grupo «{group}» no existe en {instance}.',
  errorLimitReached: '{instance} se niega a listar tantos eventos a la vez.',
  errorNoInstance: 'Este widget necesita la dirección de una instancia, por ejemplo instance="mobilizon.fr".',
  errorBadInstance: '«{instance}» no es la dirección de una instancia de Mobilizon.',
  errorBadValue: 'Valor «{value}» desconocido para {name}. Usa uno de estos: {values}.',
  errorBadDate: '{name}="{value}" no es una fecha; escríbela con el formato AAAA-MM-DD.',
  errorFromAfterTo: 'El primer día ({from}) es posterior al último ({to}).',
  errorBadFeed: '«{url}» no es la dirección de un feed iCal.',
  errorFeedNetwork: 'No se pudo acceder al calendario {feed} (o no permite que otros sitios lo lean).',
  errorFeedHttp: 'El calendario {feed} respondió con un error (HTTP {status}).',
  errorFeedNotIcs: 'El calendario {feed} no es un feed iCal.',
  errorFeedMalformed: 'No se pudo leer el calendario {feed}: sus datos iCal están dañados.',
  errorEventNotFound: 'Este evento no existe en {instance} o no es público.',
  errorNoEvent: 'Indique un evento: uuid="…" con una instancia, o url="https://…/events/…".',
};
