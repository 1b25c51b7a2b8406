import type { ErrorKey } from './en.js';

export const messages: Record<ErrorKey, string> = {
  errorNetwork: '{instance} ist nicht erreichbar. Bitte die Verbindung prüfen und es erneut versuchen.',
  errorTimeout: '{instance} hat zu lange gebraucht, um zu antworten.',
  errorHttp: '{instance} hat mit einem Fehler geantwortet (HTTP {status}).',
  errorInvalid: '{instance} hat eine Antwort geschickt, die keine Mobilizon-Antwort ist.',
  errorGraphql: '{instance} meldet einen Fehler: {message}',
  errorGroupNotFound: 'Die Gruppe „{group}“ existiert auf {instance} nicht.',
  errorLimitReached: '{instance} lehnt es ab, so viele Veranstaltungen auf einmal aufzulisten.',
  errorNoInstance: 'Dieses Widget braucht die Adresse einer Instanz, zum Beispiel instance="mobilizon.fr".',
  errorBadInstance: '„{instance}“ ist nicht die Adresse einer Mobilizon-Instanz.',
  errorBadValue: 'Unbekannter Wert „{value}“ für {name}. Erlaubt sind: {values}.',
  errorBadDate: '{name}="{value}" ist kein Datum; bitte im Format JJJJ-MM-TT angeben.',
  errorFromAfterTo: 'Der erste Tag ({from}) liegt nach dem letzten Tag ({to}).',
  errorBadFeed: '„{url}“ ist nicht die Adresse eines iCal-Feeds.',
  errorFeedNetwork: 'Der Kalender {feed} ist nicht erreichbar (oder erlaubt anderen Websites nicht, ihn zu lesen).',
  errorFeedHttp: 'Der Kalender {feed} hat mit einem Fehler geantwortet (HTTP {status}).',
  errorFeedNotIcs: 'Der Kalender {feed} ist kein iCal-Feed.',
  errorFeedMalformed: 'Der Kalender {feed} kann nicht gelesen werden: Seine iCal-Daten sind beschädigt.',
  errorEventNotFound: 'Diese Veranstaltung gibt es auf {instance} nicht, oder sie ist nicht öffentlich.',
  errorNoEvent: 'Geben Sie eine Veranstaltung an: uuid="…" mit einer Instanz oder url="https://…/events/…".',
};
