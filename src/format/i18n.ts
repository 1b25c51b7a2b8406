// Translations in three sets, each a lazy chunk per language: `main` (what a plain list shows;
// English built in), `views` (grid, agenda, month, filter bar, details) and `errors` (loaded only
// when something fails). A page loads only its language and only the sets it uses.
import { en, type MessageKey, type Plural } from './locales/en.js';
import type { ErrorKey } from './locales/errors/en.js';
import type { ViewKey } from './locales/views/en.js';
import type { EventKey } from './locales/event/en.js';
import type { RegistrationKey } from './locales/registration/en.js';
import type { GroupKey } from './locales/group/en.js';

export type { MessageKey } from './locales/en.js';
export type { ErrorKey } from './locales/errors/en.js';
export type { ViewKey } from './locales/views/en.js';
export type { EventKey } from './locales/event/en.js';
export type { RegistrationKey } from './locales/registration/en.js';
export type { GroupKey } from './locales/group/en.js';

type Dictionary = Record<string, string | Plural>;
/** Each set's keys: an element declares the sets it uses and can only ask for their keys. */
export interface SetKeys {
  main: MessageKey;
  views: ViewKey;
  errors: ErrorKey;
  event: EventKey;
  registration: RegistrationKey;
  group: GroupKey;
}
export type MessageSet = keyof SetKeys;
export type KeysOf<S extends MessageSet> = SetKeys[S];
type Sets = Record<MessageSet, Dictionary>;

/** A language's three sets come in one chunk; English's main set is built in, its others lazy. */
const languages: Record<string, () => Promise<Partial<Sets>>> = {
  en: async () => ({ main: en }),
  fr: () => import('./locales/all/fr.js'),
  de: () => import('./locales/all/de.js'),
  es: () => import('./locales/all/es.js'),
  it: () => import('./locales/all/it.js'),
  ar: () => import('./locales/all/ar.js'),
};
const english: Record<Exclude<MessageSet, 'main'>, () => Promise<{ messages: Dictionary }>> = {
  views: () => import('./locales/views/en.js'),
  errors: () => import('./locales/errors/en.js'),
  event: () => import('./locales/event/en.js'),
  registration: () => import('./locales/registration/en.js'),
  group: () => import('./locales/group/en.js'),
};

export const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export class Translator<K extends string = MessageKey> {
  private readonly plurals: Intl.PluralRules;
  readonly dir: 'ltr' | 'rtl';

  constructor(
    /** The full BCP 47 tag, for Intl (dates and numbers keep the region: fr-CA, en-GB). */
    readonly locale: string,
    private readonly messages: Dictionary,
    /** The sets whose words this translator holds. */
    private readonly sets: ReadonlySet<MessageSet> = new Set(),
  ) {
    this.plurals = new Intl.PluralRules(locale);
    this.dir = RTL_LANGUAGES.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
  }

  t(key: K, params: Record<string, string | number> = {}): string {
    const entry = this.messages[key] ?? key;
    const template =
      typeof entry === 'string' ? entry : (entry[this.plurals.select(Number(params.count ?? 0))] ?? entry.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(this.locale) : value;
    });
  }

  /** Whether this translator holds a set's words (in its language, or English where it has none). */
  has(set: MessageSet): boolean {
    return this.sets.has(set);
  }

  /** This translator with another set's words too. */
  with<L extends string>(other: Translator<L>): Translator<K | L> {
    return new Translator<K | L>(this.locale, { ...this.messages, ...other.messages }, new Set([...this.sets, ...other.sets]));
  }
}

/** A usable BCP 47 tag, or 'en'. */
export function canonicalLocale(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag?.trim() || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const cache = new Map<string, Promise<Translator<string>>>();

/** One set in one language; a language we do not translate falls back to English entirely. */
export function translations<S extends MessageSet>(set: S, tag: string): Promise<Translator<KeysOf<S>>> {
  let locale = canonicalLocale(tag);
  let language = locale.split('-')[0].toLowerCase();
  if (!languages[language]) [locale, language] = ['en', 'en'];
  const key = `${set} ${locale}`;
  let found = cache.get(key);
  if (!found) {
    const words =
      language === 'en' && set !== 'main' ? english[set as Exclude<MessageSet, 'main'>]().then((m) => m.messages) : languages[language]().then((m) => m[set]!);
    found = words.then(
      (messages): Translator<string> => new Translator(locale, messages, new Set([set])),
      (): Promise<Translator<string>> => (language === 'en' ? Promise.reject(new Error('no English messages')) : translations(set, 'en')),
    );
    cache.set(key, found);
  }
  return found as Promise<Translator<KeysOf<S>>>;
}

export const errorTranslator = (tag: string) => translations('errors', tag);

/** The words of an element that uses these sets (the main set always). */
export type ElementTranslator<S extends MessageSet = 'main'> = Translator<KeysOf<S | 'main'>>;

/** Synchronous English, for the first render before a lazy language arrives. */
export const englishMain = new Translator<MessageKey>('en', en, new Set(['main']));
