// Request locale (DetectLocalePlug + SetLocalePlug) and the translated strings the API returns:
// event category labels and Mobilizon's error messages (dgettext "errors"), for en/fr/de.

const KNOWN = ['en', 'fr', 'de'];

/** Like DetectLocalePlug: Accept-Language by quality, "fr-CA" also tries "fr"; default "en". */
export function requestLocale(acceptLanguage) {
  if (!acceptLanguage) return 'en';
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const m = /^\s?([\w-]+)(?:;q=([\d.]+))?\s*$/i.exec(part);
      return m ? { tag: m[1], q: m[2] ? Number(m[2]) : 1 } : null;
    })
    .filter(Boolean)
    .sort((a, b) => b.q - a.q)
    .flatMap(({ tag }) => [tag, tag.split('-')[0]]);
  return tags.find((t) => KNOWN.includes(t)) ?? 'en';
}

const CATEGORIES = [
  ['ARTS', 'Arts', 'Arts', 'Kunst'],
  ['BOOK_CLUBS', 'Book clubs', 'Clubs de lecture', 'Lesekreise'],
  ['BUSINESS', 'Business', 'Entreprises', 'Firmen'],
  ['CAUSES', 'Causes', 'Causes', 'Soli & Benefiz'],
  ['COMEDY', 'Comedy', 'Comédie', 'Kabarett'],
  ['CRAFTS', 'Crafts', 'Artisanat', 'Kunsthandwerk'],
  ['FOOD_DRINK', 'Food & Drink', 'Alimentation et boissons', 'Essen & Trinken'],
  ['HEALTH', 'Health', 'Santé', 'Gesundheit'],
  ['MUSIC', 'Music', 'Musique', 'Musik'],
  ['AUTO_BOAT_AIR', 'Auto, boat and air', 'Automobile, bateaux et aéronautique', 'Autos, Boote, Luftfahrt'],
  ['COMMUNITY', 'Community', 'Communauté', 'Gemeinschaft'],
  ['FAMILY_EDUCATION', 'Family & Education', 'Famille et éducation', 'Familie & Bildung'],
  ['FASHION_BEAUTY', 'Fashion & Beauty', 'Mode et beauté', 'Mode & Schönheit'],
  ['FILM_MEDIA', 'Film & Media', 'Films et médias', 'Film & Medien'],
  ['GAMES', 'Games', 'Jeux', 'Spiele'],
  ['LANGUAGE_CULTURE', 'Language & Culture', 'Langue et Culture', 'Sprache & Kultur'],
  ['LEARNING', 'Learning', 'Apprentissage', 'Lernen'],
  ['LGBTQ', 'LGBTQ', 'LGBTQ', 'LGBTQ'],
  ['MOVEMENTS_POLITICS', 'Movements and politics', 'Politique et organisations', 'Bewegungen und Politik'],
  ['NETWORKING', 'Networking', 'Réseautage', 'Netzwerke'],
  ['PARTY', 'Party', 'Fête', 'Party'],
  ['PERFORMING_VISUAL_ARTS', 'Performing & Visual Arts', 'Arts du spectacle et arts visuels', 'Darstellende & bildende Kunst'],
  ['PETS', 'Pets', 'Animaux domestiques', 'Haustiere'],
  ['PHOTOGRAPHY', 'Photography', 'Photographie', 'Photographie'],
  ['OUTDOORS_ADVENTURE', 'Outdoors & Adventure', 'Plein air et aventure', 'Natur & Abenteuer'],
  ['SPIRITUALITY_RELIGION_BELIEFS', 'Spirituality, Religion & Beliefs', 'Spiritualité, religion et croyances', 'Glauben, Religion & Spiritualität'],
  ['SCIENCE_TECH', 'Science & Tech', 'Science et technologie', 'Wissenschaft & Technologie'],
  ['SPORTS', 'Sports', 'Sports', 'Sport'],
  ['THEATRE', 'Theatre', 'Théâtre', 'Theater'],
  ['MEETING', 'Meeting', 'Rencontre', 'Treffen'],
];

/** config.eventCategories in Mobilizon's order (Categories.list/0), labels in the request locale. */
export function eventCategories(locale) {
  const col = { en: 1, fr: 2, de: 3 }[locale] ?? 1;
  return CATEGORIES.map((row) => ({ id: row[0], label: row[col] }));
}


// msgid → { fr, de } from priv/gettext/*/LC_MESSAGES/errors.po @5.1.3 (missing = untranslated there).
const ERRORS = {
  "Event with this ID %{id} doesn't exist": { fr: "L'événement avec cet ID %{id} n'existe pas", de: 'Veranstaltung mit dieser ID %{id} existiert nicht' },
  'Anonymous participation is not enabled': { fr: "La participation anonyme n'est pas activée", de: 'Anonyme Teilnahme ist nicht möglich' },
  'Profile ID provided is not the anonymous profile one': { fr: "L'ID du profil fourni n'est pas celui du profil anonyme", de: 'Die angegebene Profil-ID ist nicht die des anonymen Profils' },
  'A valid email is required by your instance': { fr: 'Une adresse e-mail valide est requise par votre instance', de: 'Eine gültige E-Mail wird von Ihrer Instanz benötigt' },
  'The event has already reached its maximum capacity': { fr: "L'événement a déjà atteint sa capacité maximale", de: 'Die Veranstaltung hat bereits ihre maximale Kapazität erreicht' },
  'You are already a participant of this event': { fr: 'Vous êtes déjà un·e participant·e à cet événement', de: 'Sie sind bereits ein Teilnehmer dieser Veranstaltung' },
  'The anonymous actor ID is invalid': { fr: "L'ID de l'acteur anonyme est invalide", de: 'Die ID des anonymen Akteurs ist ungültig' },
  'Participant not found': { fr: 'Participant·e non trouvé·e', de: 'Teilnehmer nicht gefunden' },
  'Participation is confirmed but not approved yet by an organizer': { fr: "La participation est confirmée mais n'a pas encore été approuvée par un·e organisateur·ice." },
  'Participation is already confirmed': { fr: 'La participation est déjà confirmée' },
  'This token is invalid': { fr: 'Ce jeton est invalide', de: 'Dieses Token ist ungültig' },
  'Event not found': { fr: 'Événement non trouvé', de: 'Veranstaltung nicht gefunden' },
  'Group not found': { fr: 'Groupe non trouvé', de: 'Gruppe nicht gefunden' },
  'Post not found': { fr: 'Billet non trouvé', de: 'Beitrag nicht gefunden' },
  'Something went wrong': { fr: "Quelque chose s'est mal passé", de: 'Etwas lief falsch' },
  'You need to be logged-in to leave an event': { fr: 'Vous devez être connecté·e pour quitter un groupe', de: 'Sie müssen eingeloggt sein, um eine Veranstaltung zu verlassen' },
  "You can't leave event because you're the only event creator participant": {
    fr: 'Vous ne pouvez pas quitter cet événement car vous en êtes le ou la seule créateur·ice participant',
  },
};

/** dgettext("errors", msgid, bindings) */
export function t(locale, msgid, bindings = {}) {
  const text = ERRORS[msgid]?.[locale] || msgid;
  return text.replace(/%\{(\w+)\}/g, (_, k) => String(bindings[k]));
}
