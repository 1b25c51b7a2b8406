// Translations: English built in, every other language a lazy chunk loaded only when a page needs it.
// Error messages are a second set of chunks, loaded only when something fails.
import { en, type MessageKey, type Plural } from './locales/en.js';
import type { ErrorKey } from './locales/errors/en.js';

export type { MessageKey } from './locales/en.js';
export type { ErrorKey } from './locales/errors/en.js';

type Dictionary = Record<string, string | Plural>;
type Loaders = Record<string, () => Promise<{ messages: Dictionary }>>;

const mainLoaders: Loaders = {
  en: async () => ({ messages: en }),
  fr: () => import('./locales/fr.js'),
};
const errorLoaders: Loaders = {
  en: () => import('./locales/errors/en.js'),
  fr: () => import('./locales/errors/fr.js'),
};

export const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export class Translator<K extends string = MessageKey> {
  private readonly plurals: Intl.PluralRules;
  readonly dir: 'ltr' | 'rtl';

  constructor(
    /** The full BCP 47 tag, for Intl (dates and numbers keep the region: fr-CA, en-GB). */
    readonly locale: string,
    private readonly messages: Dictionary,
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

/** A language we do not translate falls back to English entirely (text and formats). */
function load(loaders: Loaders, tag: string): Promise<Translator<string>> {
  let locale = canonicalLocale(tag);
  let language = locale.split('-')[0].toLowerCase();
  if (!loaders[language]) [locale, language] = ['en', 'en'];
  const key = `${loaders === errorLoaders ? 'errors' : 'main'} ${locale}`;
  let found = cache.get(key);
  if (!found) {
    found = loaders[language]().then(
      (module) => new Translator(locale, module.messages),
      () => (language === 'en' ? Promise.reject(new Error('no English messages')) : load(loaders, 'en')),
    );
    cache.set(key, found);
  }
  return found;
}

export const translator = (tag: string) => load(mainLoaders, tag) as Promise<Translator<MessageKey>>;
export const errorTranslator = (tag: string) => load(errorLoaders, tag) as Promise<Translator<ErrorKey>>;

/** Synchronous English, for the first render before a lazy language arrives. */
export const english = new Translator<MessageKey>('en', en);
