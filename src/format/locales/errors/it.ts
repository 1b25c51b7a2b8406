import type { ErrorKey } from './en.js';

export const messages: Record<ErrorKey, string> = {
  errorNetwork: 'Impossibile raggiungere {instance}. Controlla la connessione e riprova.',
  errorTimeout: '{instance} ha impiegato troppo tempo a rispondere.',
  errorHttp: '{instance} ha risposto con un errore (HTTP {status}).',
  errorInvalid: '{instance} ha inviato una risposta che non è una risposta Mobilizon.',
  errorGraphql: '{instance} ha segnalato un errore: {message}',
  errorGroupNotFound: 'Il gruppo «{group}» non esiste su {instance}.',
  errorLimitReached: '{instance} rifiuta di elencare così tanti eventi in una volta.',
  errorNoInstance: 'Questo widget ha bisogno dell’indirizzo di un’istanza, per esempio instance="mobilizon.fr".',
  errorBadInstance: '«{instance}» non è l’indirizzo di un’istanza Mobilizon.',
  errorBadValue: 'Valore «{value}» sconosciuto per {name}. Usa uno tra: {values}.',
  errorBadDate: '{name}="{value}" non è una data; scrivila nel formato AAAA-MM-GG.',
  errorFromAfterTo: 'Il primo giorno ({from}) viene dopo l’ultimo ({to}).',
  errorBadFeed: '«{url}» non è l’indirizzo di un feed iCal.',
  errorFeedNetwork: 'Impossibile raggiungere il calendario {feed} (oppure non consente ad altri siti di leggerlo).',
  errorFeedHttp: 'Il calendario {feed} ha risposto con un errore (HTTP {status}).',
  errorFeedNotIcs: 'Il calendario {feed} non è un feed iCal.',
  errorFeedMalformed: 'Impossibile leggere il calendario {feed}: i suoi dati iCal sono danneggiati.',
  errorEventNotFound: 'Questo evento non esiste su {instance} oppure non è pubblico.',
  errorNoEvent: 'Indicate un evento: uuid="…" con un’istanza, oppure url="https://…/events/…".',
};
