import { css, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { displayZone, viewerZone } from '../../format/dates.js';
import type { EventModel } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import { listEvents, MAX_LIMIT, type EventListQuery, type Period } from '../../sources/mobilizon/events.js';
import { MobilizonElement } from '../shared/base.js';
import { ConfigurationError } from '../shared/configuration-error.js';
import { badgeStyles, eventListStyles, renderEventList, type ListContext } from '../shared/event-list.js';
import { Loader } from '../shared/loader.js';
import { renderEmpty, renderSkeleton, stateStyles } from '../shared/states.js';
import { tokens } from '../shared/tokens.js';
import type { BarFilters } from './filter-bar.js';

const VIEWS = ['list', 'grid', 'agenda', 'month'];
const PERIODS = ['upcoming', 'past', 'all'];
const DEFAULT_LIMIT = 10;
const PROXY_LIMIT = 50;
/** Attributes that only narrow or widen the list: a change goes back to page 1. */
const QUERY = ['instance', 'endpoint', 'group', 'period', 'limit', 'from', 'to', 'tags', 'category', 'type', 'term', 'near', 'radius', 'search', 'hideCancelled', 'ics'] as const;

export interface Shown {
  total: number;
  events: EventModel[];
  /** Feeds that failed, in words, shown above the events of the others. */
  feedNotices: string[];
}

export type Inputs = ReturnType<MobilizonEvents['inputs']>;

/**
 * A list of a Mobilizon instance's, groups' or iCal feeds' events: list, grid, agenda or month.
 * What only some lists use (other views, filters, dates, feeds, the filter bar, inline details)
 * lives in ./features.ts and loads on first need.
 *
 * @summary Events of a Mobilizon instance, of groups or of iCal feeds, with filters.
 * @event mobilizon-load - The events are shown; `detail.total` is how many there are in all.
 * @event mobilizon-error - Loading failed (or one feed did); `detail.code` and `detail.message` say why.
 * @event mobilizon-select - An event is being opened (cancelable); `detail.event` is the event.
 * @slot - Fallback content (e.g. server-rendered HTML), shown until the events are loaded.
 * @slot empty - Replaces the "no events" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart list - The list of events.
 * @csspart event - One event.
 * @csspart title - An event's title.
 * @csspart date - An event's date and time.
 * @csspart location - An event's place.
 * @csspart badge - Status, online and capacity badges.
 * @csspart picture - An event's picture.
 * @csspart pagination - The page navigation.
 * @csspart button - Buttons.
 * @csspart input - The filter bar's fields.
 * @csspart filters - The filter bar.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @cssproperty --mobilizon-accent - Links, buttons and focus rings.
 * @cssproperty --mobilizon-text - Main text colour.
 * @cssproperty --mobilizon-muted - Secondary text colour.
 * @cssproperty --mobilizon-surface - Background.
 * @cssproperty --mobilizon-border - Separators and outlines.
 * @cssproperty --mobilizon-radius - Corner radius.
 * @cssproperty --mobilizon-font - Font family (default: the page's).
 * @cssproperty --mobilizon-spacing - Base spacing.
 */
export class MobilizonEvents extends MobilizonElement {
  static override styles = [
    tokens,
    stateStyles,
    badgeStyles,
    eventListStyles,
    css`
      .pagination {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_spacing);
        padding-block-start: calc(var(--_spacing) * 0.75);
        border-block-start: 1px solid var(--_border);
        color: var(--_muted);
        font-size: 0.9em;
      }
      [aria-busy='true'] > * {
        opacity: 0.55;
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    ...Object.fromEntries(QUERY.slice(2).map((name) => [name, {}])),
    view: { reflect: true },
    limit: { type: Number },
    radius: { type: Number },
    eventHref: { attribute: 'event-href' },
    filters: { type: Boolean },
    hideCancelled: { type: Boolean, attribute: 'hide-cancelled' },
    page: { state: true },
    state: { state: true },
  };

  /** Group handles (`name` or `name@domain`), comma-separated; absent = the whole instance. */
  declare group?: string;
  /** `list` (default), `grid`, `agenda` or `month`. */
  declare view?: string;
  /** Events per page, 1 to 99 (default 10). */
  declare limit?: number;
  /** `upcoming` (default), `past` or `all`. */
  declare period?: string;
  /** How an event opens: its Mobilizon page (default), a URL template with `{uuid}` / `{url}`, or `inline`. */
  declare eventHref?: string;
  /** First day (YYYY-MM-DD, in the display zone), included; also the first month the month view shows. */
  declare from?: string;
  /** Last day (YYYY-MM-DD, in the display zone), included. */
  declare to?: string;
  /** Tag titles, comma-separated: events with any of them. */
  declare tags?: string;
  /** A Mobilizon category id, e.g. `MEETING`. */
  declare category?: string;
  /** `online` or `in-person`. */
  declare type?: string;
  /** Words to search for. */
  declare term?: string;
  /** "latitude,longitude" or a geohash; with `radius` in km (default 50). */
  declare near?: string;
  declare radius?: number;
  /** Mobilizon's search target: `self` (this instance), `internal` (and the instances it follows), `global`. */
  declare search?: string;
  /** Shows a filter bar (search, tags, online / in person, dates) whose state is kept in the URL hash. */
  declare filters?: boolean;
  /** Leaves cancelled events out. */
  declare hideCancelled?: boolean;
  /** iCal feed URLs, separated by spaces: shown alone or merged with the instance's events. */
  declare ics?: string;

  /** @internal What the visitor chose in the filter bar, the month shown, local times, the open event. */
  state: { bar: BarFilters; month?: string; localTimes?: boolean; opened?: EventModel; openedFrom?: HTMLElement } = { bar: {} };
  private page = 1;
  private features?: typeof import('./features.js');
  private warnedLimit: unknown;
  private announced: unknown;

  private readonly loader = new Loader(
    this,
    () => [this.inputs()] as const,
    ([inputs], signal) => this.load(inputs, signal),
    (error) => this.explain(error),
  );

  /** @internal Everything the shown events depend on; a change of any reloads them. */
  inputs() {
    const { bar, month } = this.state;
    const own = Object.fromEntries(QUERY.map((name) => [name, this[name as keyof this]])) as unknown as Record<(typeof QUERY)[number], string | undefined>;
    return {
      ...own,
      ...bar,
      tags: bar.tags ? bar.tags.join(',') : own.tags,
      radius: this.radius,
      hideCancelled: this.hideCancelled,
      view: this.view ?? 'list',
      period: this.period ?? 'upcoming',
      limit: this.pageSize,
      page: this.page,
      month,
      zone: this.timezone,
    };
  }

  private async load(inputs: Inputs, signal: AbortSignal): Promise<Shown> {
    const { view, period } = inputs;
    check('view', view, VIEWS);
    check('period', period, PERIODS);
    const options = { signal, onRevalidate: () => void this.loader.run() };
    if (view === 'list' && !inputs.from && !inputs.to && !inputs.ics && !inputs.type && !inputs.search) {
      const query: EventListQuery = {
        groups: splitList(inputs.group),
        period: period as Period,
        page: inputs.page,
        limit: inputs.limit,
        term: inputs.term,
        tags: splitList(inputs.tags, false),
        category: inputs.category,
        near: inputs.near,
        radius: inputs.radius,
        hideCancelled: inputs.hideCancelled,
      };
      return { ...(await listEvents(this.client, query, options)), feedNotices: [] };
    }
    return (await this.loadFeatures()).load(this, inputs, options);
  }

  /** @internal Loads the optional features (views, filters, feeds, dialog) once. */
  async loadFeatures(): Promise<typeof import('./features.js')> {
    if (!this.features) {
      [this.features] = await Promise.all([import('./features.js'), this.useMessages('views')]);
      this.requestUpdate();
    }
    return this.features;
  }

  /** @internal The shared client for `instance` (for the features module). */
  get instanceClient() {
    return this.client;
  }

  /** @internal Words of a further set (the views') in the visitor's language. */
  useViews(): Promise<void> {
    return this.useMessages('views');
  }

  /** @internal */
  get translator() {
    return this.i18n;
  }

  /** @internal Announces a failure (a feed's) beside the events shown. */
  report(code: string, message: string): void {
    this.emit('mobilizon-error', { code, message });
  }

  /** @internal Called by the filter bar (and its URL hash) with the visitor's choices. */
  setFilters(bar: BarFilters): void {
    this.state = { ...this.state, bar };
    this.page = 1;
  }

  /** Month view: show another month ("YYYY-MM"). */
  showMonth(month: string): void {
    this.state = { ...this.state, month };
  }

  /** The month the month view shows ("YYYY-MM"). */
  get month(): string {
    return this.features?.monthOf(this) ?? '';
  }

  /** @internal The events on screen (the filter bar offers their tags). */
  get shownEvents(): EventModel[] {
    const state = this.loader.state;
    return state.status === 'complete' ? state.value.events : [];
  }

  /** @internal Adds a lazily loaded part's styles to the shadow root. */
  adopt(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if (styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.filters) void this.loadFeatures().then((f) => f.connectBar(this));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.features?.disconnectBar(this);
  }

  /** `limit`, bounded to what Mobilizon accepts. */
  private get pageSize(): number {
    const wanted = Number(this.limit ?? DEFAULT_LIMIT);
    if (!(wanted >= 1)) return DEFAULT_LIMIT;
    // Mobilizon refuses 100 and more; a proxy (the WordPress plugin's) serves at most 50.
    const max = this.endpoint ? PROXY_LIMIT : MAX_LIMIT;
    if (wanted > max && this.warnedLimit !== wanted) {
      this.warnedLimit = wanted;
      console.warn(`<mobilizon-events>: limit ${wanted} is more than ${this.endpoint ? 'the proxy' : 'Mobilizon'} allows; showing ${max} per page.`);
    }
    return Math.min(max, Math.floor(wanted));
  }

  /** @internal The zone mode in force (the visitor may switch to their own zone). */
  override get zoneMode(): string {
    return this.state.localTimes ? 'local' : super.zoneMode;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && QUERY.some((p) => changed.has(p))) this.page = 1;
    if (changed.has('from') && this.hasUpdated) this.state = { ...this.state, month: undefined };
    if (changed.has('filters') && this.filters && this.isConnected) void this.loadFeatures().then((f) => f.connectBar(this));
  }

  protected override updated(): void {
    // Announced once the events are on screen, so listeners can measure or scroll to them.
    const state = this.loader.state;
    if (state.status === 'complete' && state !== this.announced) {
      this.announced = state;
      this.emit('mobilizon-load', { total: state.value.total });
    }
  }

  override render(): TemplateResult {
    const { i18n, loader, features } = this;
    const state = loader.state;
    // One live region that stays in place, so screen readers announce each change of it.
    const status =
      state.status === 'complete' ? i18n.t('loaded', { count: state.value.total }) : state.status === 'error' ? '' : i18n.t('loading');
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <p class="visually-hidden" role="status">${status}</p>
      ${this.filters ? features?.renderBar(this) : nothing}
      ${this.renderState()}
      ${features?.renderDetails(this)}
    </div>`;
  }

  private renderState(): TemplateResult {
    const state = this.loader.state;
    switch (state.status) {
      case 'complete':
        return this.renderShown(state.value, false);
      case 'error':
        return this.errors!.renderError(state.description.message, this.i18n, state.description.retry ? () => void this.loader.run() : undefined);
      case 'pending':
        if (state.last) return this.renderShown(state.last, true);
    }
    const fallback = [...this.childNodes].some((n) => (n instanceof Element && !n.slot) || (n.nodeType === 3 && n.textContent?.trim()));
    return fallback ? html`<slot></slot>` : renderSkeleton(Math.min(this.pageSize, 3));
  }

  private renderShown(shown: Shown, busy: boolean): TemplateResult {
    const { i18n, features } = this;
    const view = this.view ?? 'list';
    const period = this.period;
    const groups = splitList(this.group);
    const ctx: ListContext = {
      i18n,
      // One group's own list need not say "by <that group>" on every event.
      ownGroup: groups.length === 1 ? groups[0] : undefined,
      zoneMode: this.zoneMode,
      href: (event) => this.hrefFor(event),
      select: (event) => this.select(event),
    };
    // Events in other zones than the visitor's: the features module offers to switch.
    const mine = viewerZone();
    const otherZones = shown.events.some((e) => e.display.showStartTime && displayZone(e, 'event') !== mine);
    if (otherZones && super.zoneMode === 'event' && !features) void this.loadFeatures();
    const extras = features?.renderExtras(this, shown, otherZones && super.zoneMode === 'event');
    if (!shown.events.length && this.page === 1 && view !== 'month') {
      return html`${extras}${renderEmpty(i18n.t(period === 'past' ? 'emptyPast' : period === 'all' ? 'empty' : 'emptyUpcoming'))}`;
    }
    const pages = Math.ceil(shown.total / this.pageSize);
    // Two lists on one page (a group's upcoming and past events) need different landmark names.
    const label = i18n.t(period === 'past' ? 'pastEvents' : period === 'all' ? 'events' : 'upcomingEvents');
    return html`${extras}
      <section aria-busy=${busy} aria-label=${label}>
        ${view === 'list' ? renderEventList(shown.events, ctx) : features?.renderView(this, view, ctx, shown.events, busy)}
      </section>
      ${pages > 1 && view !== 'month'
        ? html`<nav class="pagination" part="pagination" aria-label="${i18n.t('pagination')} · ${label}">
            ${this.pageButton(this.page - 1, pages, busy, 'previous')}
            <span>${i18n.t('pageOf', { page: this.page, pages })}</span>
            ${this.pageButton(this.page + 1, pages, busy, 'next')}
          </nav>`
        : nothing}`;
  }

  private pageButton(page: number, pages: number, busy: boolean, label: 'previous' | 'next'): TemplateResult {
    return html`<button part="button" class="secondary" ?disabled=${busy || page < 1 || page > pages} @click=${() => this.goTo(page)}>
      ${this.i18n.t(label)}
    </button>`;
  }

  private async goTo(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    await this.loader.done;
    await this.updateComplete;
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start', behavior: 'smooth' });
    this.renderRoot.querySelector<HTMLAnchorElement>('.title a')?.focus({ preventScroll: true });
  }

  /** `mobilizon-select` first (the host page may take over), then the inline dialog when asked for. */
  private select(event: EventModel): boolean {
    if (!this.emit('mobilizon-select', { event }, true)) return false;
    if (this.eventHref?.trim() !== 'inline') return true;
    const from = (this.renderRoot as ShadowRoot).activeElement as HTMLElement;
    void this.loadFeatures().then((f) => f.openDetails(this, event, from));
    return false;
  }

  private hrefFor(event: EventModel): string | null {
    const template = this.eventHref?.trim();
    if (!template || template === 'inline') return event.url;
    const filled = template.replaceAll('{uuid}', encodeURIComponent(event.uuid)).replaceAll('{url}', encodeURIComponent(event.url ?? ''));
    return safeUrl(filled, { base: location.href }) ?? event.url;
  }
}

/** Throws the "unknown value" configuration error unless `value` is one of `allowed`. */
export function check(name: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw new ConfigurationError('errorBadValue', { name, value, values: allowed.join(', ') });
}

/** A comma-separated attribute as a list; group handles may start with "@". */
export const splitList = (value: string | null | undefined, handles = true): string[] =>
  [...new Set((value ?? '').split(',').map((h) => (handles ? h.trim().replace(/^@/, '') : h.trim())).filter(Boolean))];

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-events': MobilizonEvents;
  }
}
