// What every element shares: the common attributes (instance, locale, timezone, theme, endpoint),
// the shared client, the visitor's language, DOM events, and turning errors into words.
import { LitElement, nothing, type CSSResult, type PropertyDeclarations } from 'lit';
import { englishMain, translations, type ElementTranslator, type MessageSet } from '../../format/i18n.js';
import { isValidZone } from '../../format/dates.js';
import type { EventModel } from '../../model/event.js';
import type { MobilizonClient } from '../../sources/mobilizon/client.js';
import { instanceHost, normalizeInstance } from '../../sources/mobilizon/instance.js';
import { resolveClient } from './client.js';
import type { MobilizonEventMap } from './dom-events.js';
import type { ErrorDescription } from './errors.js';

/**
 * An element whose words come from the sets `S` (and the main set): it can ask only for their keys.
 * The theme's custom properties (tokens.ts) are every element's: the manifest gives each of them these.
 *
 * @cssproperty --mobilizon-accent - Links, buttons and focus rings (in light; in dark, lifted to a light tone of its hue unless `--mobilizon-accent-dark` is set).
 * @cssproperty --mobilizon-accent-dark - The accent in the dark scheme.
 * @cssproperty --mobilizon-accent-text - Text on the accent (buttons), in light.
 * @cssproperty --mobilizon-accent-text-dark - Text on the accent, in dark.
 * @cssproperty --mobilizon-text - Main text colour.
 * @cssproperty --mobilizon-muted - Secondary text colour.
 * @cssproperty --mobilizon-surface - Background.
 * @cssproperty --mobilizon-surface-alt - Background of notices, chips and today's day.
 * @cssproperty --mobilizon-border - Separators and outlines.
 * @cssproperty --mobilizon-danger - Errors and cancelled events.
 * @cssproperty --mobilizon-warning - Warnings (a feed that failed, few places left).
 * @cssproperty --mobilizon-info - Informative badges.
 * @cssproperty --mobilizon-radius - Corner radius.
 * @cssproperty --mobilizon-spacing - Base spacing.
 * @cssproperty --mobilizon-padding - Inset of the content from the element's edges.
 * @cssproperty --mobilizon-font - Font family (default: the page's).
 */
export abstract class MobilizonElement<S extends MessageSet = 'main'> extends LitElement {
  // Declared without decorators: the decorator helpers cost every page bytes.
  static override properties: PropertyDeclarations = {
    instance: { reflect: true },
    locale: {},
    timezone: {},
    theme: { reflect: true },
    endpoint: {},
    structuredData: { type: Boolean, attribute: 'structured-data' },
    headingLevel: { attribute: 'heading-level', type: Number },
    i18n: { state: true },
  };

  /** Base URL of the Mobilizon instance; `mobilizon.fr` means `https://mobilizon.fr`. */
  instance: string | null = null;
  /** BCP 47 tag; default: the nearest `lang`, then the browser's language. */
  locale: string | null = null;
  /** `event` (each event in its own zone), `local` (the viewer's) or an IANA zone name. */
  timezone = 'event';
  /**
   * Unset (default): the host page's `color-scheme` (light when the page declares none); `auto`: the
   * visitor's `prefers-color-scheme`; `light` or `dark` force one.
   */
  theme: 'auto' | 'light' | 'dark' | null = null;
  /** A proxy that runs the named operations server-side (the WordPress plugin's REST route). */
  endpoint: string | null = null;
  /** Writes schema.org `Event` JSON-LD for what is shown into the page (off by default). */
  structuredData = false;
  private described = false;
  /** The rank of the element's own title (2 when unset); the headings of its lists come below it. */
  headingLevel?: number;

  protected i18n: ElementTranslator<S> = englishMain as ElementTranslator<S>;
  /** Translation sets beyond `main` that parts loaded so far need. */
  private sets = new Set<MessageSet>(['main']);

  private warnedZone: string | null = null;
  /** The error describer and error state, once something failed. */
  protected errors?: typeof import('./errors.js');

  override connectedCallback(): void {
    super.connectedCallback();
    this.words = this.loadTranslations();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale')) this.words = this.loadTranslations();
  }

  /** The locale in force: the attribute, the nearest `lang`, the browser's, then English. */
  protected get resolvedLocale(): string {
    return (
      this.locale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language ||
      'en'
    );
  }

  private translationRun = 0;

  private async loadTranslations(): Promise<void> {
    // Only the latest call may set the words: an earlier, slower one may hold fewer sets.
    const run = ++this.translationRun;
    const loaded = await Promise.all([...this.sets].map((set) => translations(set, this.resolvedLocale)));
    if (run === this.translationRun) this.i18n = loaded.reduce<ElementTranslator<MessageSet>>((all, t) => all.with(t), loaded[0]) as ElementTranslator<S>;
  }

  /** The latest loading of words; settles once `i18n` holds every set asked for so far. */
  private words: Promise<void> = Promise.resolve();

  /**
   * Loads another set of words (a view, the filter bar) in the visitor's language; resolves once they are in `i18n`.
   * @internal For the element's lazily loaded parts.
   */
  async useMessages(set: S): Promise<void> {
    if (!this.sets.has(set)) {
      this.sets.add(set);
      this.words = this.loadTranslations();
    }
    let current: Promise<void>;
    do await (current = this.words);
    while (current !== this.words);
  }

  /** The `timezone` attribute, checked: an unknown zone falls back to each event's own, with a warning. */
  protected get zoneMode(): string {
    const mode = (this.timezone || 'event').trim();
    if (mode === 'event' || mode === 'local' || isValidZone(mode)) return mode;
    if (this.warnedZone !== mode) {
      this.warnedZone = mode;
      console.warn(`<${this.localName}>: unknown time zone "${mode}"; showing each event in its own zone.`);
    }
    return 'event';
  }

  /** `structured-data`: the shown events' JSON-LD into the page, none once the attribute is gone (the writer loads only when used). */
  protected describeEvents(events: EventModel[]): void {
    if ((this.described ||= this.structuredData)) void import('../../format/json-ld.js').then((m) => m.writeJsonLd(this, this.structuredData ? events : []));
  }

  /**
   * The shared client for `instance` (and `endpoint`), or a ConfigurationError explaining what is wrong.
   * @internal For the element's lazily loaded parts.
   */
  get client(): MobilizonClient {
    return resolveClient(this);
  }

  /** The `aria-level` of a heading `below` ranks under the element's own title (none when `heading-level` is unset: the tag says it). */
  protected level(below: number): number | typeof nothing {
    return this.headingLevel ? this.headingLevel + below : nothing;
  }

  /**
   * Adds a lazily loaded part's styles to the shadow root.
   * @internal For the element's lazily loaded parts.
   */
  adopt(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if (styles.styleSheet && !root.adoptedStyleSheets.includes(styles.styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  }

  /** @internal Dispatches one of the elements' DOM events (bubbling, composed); false when a listener cancelled it. */
  emit<K extends keyof MobilizonEventMap>(type: K, detail: MobilizonEventMap[K]['detail'], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** What went wrong, in the visitor's language (the describer loads only when something fails). */
  protected async explain(error: unknown): Promise<ErrorDescription> {
    const errors = await this.loadErrors();
    return this.announceError(await errors.describeError(error, this.i18n.locale, this.instanceName));
  }

  /** The error describer and error state, loaded on the first failure. */
  protected async loadErrors(): Promise<typeof import('./errors.js')> {
    if (!this.errors) {
      this.errors = await import('./errors.js');
      this.adopt(this.errors.styles);
    }
    return this.errors;
  }

  /** Tells the host page (`mobilizon-error`) what failed, and returns the description. */
  protected announceError(description: ErrorDescription): ErrorDescription {
    this.emit('mobilizon-error', { code: description.code, message: description.message });
    return description;
  }

  private get instanceName(): string {
    const base = normalizeInstance(this.instance);
    return base ? instanceHost(base) : (this.instance ?? '');
  }
}
