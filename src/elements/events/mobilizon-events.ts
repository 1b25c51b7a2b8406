import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { displayZone, isValidZone, viewerZone } from '../../format/dates.js';
import { dateTimeFormat } from '../../format/intl.js';
import { buildQuery, pageSize, type ListAttributes, type ViewName } from '../../model/query.js';
import { loadEvents, type ListOptions } from '../../sources/events.js';
import { MobilizonElement } from '../shared/base.js';
import { Loader, renderLoad } from '../shared/loader.js';
import { renderMonthSkeleton, renderSkeleton, renderWaiting, stateStyles } from '../shared/states.js';
import { tokens } from '../shared/tokens.js';
import type { FilterBar } from './filter-bar.js';
import type { Presenter, Shown } from './views/list.js';
import type { View, ViewModule } from './views/view.js';
import type { ZoneSwitch } from '../shared/zone-switch.js';

/** Attributes that only narrow or widen the list: a change goes back to page 1. */
const QUERY = ['instance', 'endpoint', 'group', 'period', 'limit', 'from', 'to', 'tags', 'category', 'type', 'term', 'near', 'radius', 'search', 'hideCancelled', 'ics'] as const;

/**
 * The views, each with what it imports fetched beside it (the browser would otherwise find those
 * imports only once the view's own file has arrived, a round trip later). Every view draws with the
 * list's parts (./views/list.js), loaded with it.
 */
const VIEW_MODULES: Record<ViewName, () => Promise<ViewModule>> = {
  list: () => import('./views/list.js'),
  grid: () => import('./views/grid.js'),
  agenda: () => Promise.all([import('./views/agenda.js'), import('../../format/zoned.js')]).then(([view]) => view),
  month: () => Promise.all([import('./views/month.js'), import('../../format/zoned.js'), import('../shared/dialog.js')]).then(([view]) => view),
};

/**
 * A list of a Mobilizon instance's, groups' or iCal feeds' events: list, grid, agenda or month.
 * The events come from the planner (sources/events.ts); what only some lists use (the other views,
 * the filter bar, inline details, the zone switch) are controllers loaded on first need.
 *
 * @tagname mobilizon-events
 * @summary Events of a Mobilizon instance, of groups or of iCal feeds, with filters.
 * @event {CustomEvent<MobilizonLoadDetail>} mobilizon-load - The events are shown; `detail.total` is how many there are in all.
 * @event {CustomEvent<MobilizonErrorDetail>} mobilizon-error - Loading failed (or one feed did); `detail.code` and `detail.message` say why.
 * @event {CustomEvent<MobilizonSelectDetail>} mobilizon-select - An event is being opened (cancelable); `detail.event` is the event.
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
 * @csspart notice - A feed that failed, above the events of the others.
 * @csspart dialog - The inline details and the month view's day.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart participants - The number of participants of an event.
 * @csspart retry - The "Try again" button of the error state (also a `button`).
 */
export class MobilizonEvents extends MobilizonElement<'views'> {
  static override styles = [
    tokens,
    stateStyles,
    css`
      [aria-busy='true'] > * {
        opacity: 0.55;
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    group: {},
    period: {},
    from: {},
    to: {},
    tags: {},
    category: {},
    type: {},
    term: {},
    near: {},
    search: {},
    ics: {},
    view: { reflect: true },
    limit: { type: Number },
    radius: { type: Number },
    eventHref: { attribute: 'event-href' },
    filters: { type: Boolean },
    hideCancelled: { type: Boolean, attribute: 'hide-cancelled' },
    page: { state: true },
    chosenMonth: { state: true },
  };

  /** Group handles (`name` or `name@domain`), comma-separated; absent = the whole instance. */
  declare group?: string;
  /**
   * `list` (default), `grid`, `agenda` or `month`.
   * @default 'list'
   */
  declare view?: 'list' | 'grid' | 'agenda' | 'month';
  /**
   * Events per page, 1 to 99 (default 10).
   * @default 10
   */
  declare limit?: number;
  /**
   * `upcoming` (default), `past` or `all`.
   * @default 'upcoming'
   */
  declare period?: 'upcoming' | 'past' | 'all';
  /** How an event opens: its Mobilizon page (default), a URL template with `{uuid}` / `{url}`, or `inline`. */
  declare eventHref?: string;
  /**
   * First day (YYYY-MM-DD), included, in the display zone: with `timezone="event"` each event's own (the
   * date the list shows it on), else the zone named or the visitor's. Also the first month the month view shows.
   */
  declare from?: string;
  /** Last day (YYYY-MM-DD), included, in the display zone (as `from`). */
  declare to?: string;
  /** Tag titles, comma-separated: events with any of them. */
  declare tags?: string;
  /** A Mobilizon category id, e.g. `MEETING`. */
  declare category?: string;
  /** `online` or `in-person`. */
  declare type?: 'online' | 'in-person';
  /** Words to search for. */
  declare term?: string;
  /** "latitude,longitude" or a geohash; with `radius` in km (default 50). */
  declare near?: string;
  /**
   * Radius around `near`, in km (default 50).
   * @default 50
   */
  declare radius?: number;
  /** Mobilizon's search target: `self` (this instance), `internal` (and the instances it follows), `global`. */
  declare search?: 'self' | 'internal' | 'global';
  /**
   * Shows a filter bar (search, tags, online / in person, dates) whose state is kept in the URL hash.
   * @default false
   */
  declare filters?: boolean;
  /**
   * Leaves cancelled events out.
   * @default false
   */
  declare hideCancelled?: boolean;
  /** iCal feed URLs, separated by spaces: shown alone or merged with the instance's events. */
  declare ics?: string;

  private page = 1;
  /** The month the visitor moved the month view to ("YYYY-MM"). */
  private chosenMonth?: string;
  /**
   * The views loaded so far, by name.
   * @internal For the list's drawing.
   */
  readonly views = new Map<string, View>();
  /** What draws the events and answers the visitor (the list's parts), loaded with the first view. */
  private presenter?: Presenter;
  private bar?: FilterBar;
  private zoneSwitch?: ZoneSwitch;
  private warnedLimit: unknown;
  private announced: unknown;

  /** @internal For the list's page navigation. */
  readonly loader = new Loader(
    this,
    () => [this.request()] as const,
    ([request], signal) => this.load(request, signal),
    (error) => this.explain(error),
  );

  /** Everything the shown events depend on; a change of any reloads them. */
  private request() {
    const own = Object.fromEntries(QUERY.map((name) => [name, this[name as keyof this]])) as ListAttributes & { instance?: string; endpoint?: string };
    const bar = this.bar?.filters ?? {};
    const attributes: ListAttributes = { ...own, ...bar, tags: bar.tags ?? own.tags, view: this.view, limit: this.pageSize };
    const month = attributes.view === 'month';
    const days = Boolean(attributes.from || attributes.to);
    return {
      attributes,
      instance: this.instance,
      endpoint: this.endpoint,
      page: this.page,
      // Only lists bounded by days depend on a zone: the others send their request before the page's
      // first use of Intl (tens of ms the first time), which waits for the answer instead.
      month: month ? this.month : '',
      dayZone: month || days ? this.dayZone : '',
      eventZones: days && this.zoneMode === 'event',
      locale: this.resolvedLocale,
    };
  }

  private async load(request: ReturnType<MobilizonEvents['request']>, signal: AbortSignal): Promise<Shown> {
    const { attributes } = request;
    const query = buildQuery(attributes, { ...request, proxy: Boolean(this.endpoint), base: location.href });
    // Feeds alone need no instance; anything else does (the client says what is wrong with it).
    const client = this.instance || !query.feeds ? this.client : null;
    const options: ListOptions = { signal, onRevalidate: () => void this.loader.run() };
    // The view's code and words load while the events are requested, not after.
    const [result] = await Promise.all([loadEvents(client, query, options), this.useView(attributes.view || 'list')]);
    const feedNotices = result.feedErrors.length ? await this.describeFeeds(result.feedErrors) : [];
    // Feeds still loading: shown without them now, reloaded (from what they answered) once they settle.
    void result.pending?.then(() => {
      if (!signal.aborted) void this.loader.run();
    });
    return { total: result.total, events: result.events, feedNotices, ceiling: result.ceiling };
  }

  /** Feeds that failed, in words, each also announced as `mobilizon-error`. */
  private async describeFeeds(failures: Array<{ url: string; error: unknown }>): Promise<string[]> {
    const errors = await this.loadErrors();
    return Promise.all(failures.map(async (failure) => this.announceError(await errors.describeFeedError(failure, this.i18n.locale)).message));
  }

  /** Loads a view's code, styles and words once (with the list's parts, which every view draws with). */
  private async useView(name: string): Promise<void> {
    const load = VIEW_MODULES[name as ViewName];
    if (!load || (this.presenter && this.views.has(name))) return; // an unknown view is the query builder's configuration error
    // The list's parts share a chunk with the other views: asked for here too, so all arrive in one level.
    const [list, module] = await Promise.all([
      import('./views/list.js'),
      load(),
      import('../shared/event-list.js'),
      name === 'list' ? undefined : this.useMessages('views'),
    ]);
    if (!this.presenter) this.adopt(list.styles);
    this.presenter ??= new list.Presenter(this);
    this.adopt(module.styles);
    if (!this.views.has(name)) this.views.set(name, module.create(this));
  }

  /**
   * The zone of "today" and of day bounds: the zone the site owner named, else the visitor's.
   * @internal For the views.
   */
  get dayZone(): string {
    const zone = this.timezone?.trim();
    return zone && zone !== 'event' && zone !== 'local' && isValidZone(zone) ? zone : viewerZone();
  }

  /**
   * Month view: show another month ("YYYY-MM").
   * @internal For the month view.
   */
  showMonth(month: string): void {
    this.chosenMonth = month;
  }

  /**
   * The month the month view shows ("YYYY-MM"): chosen, else the month of `from`, else this month.
   * @internal For the month view.
   */
  get month(): string {
    if (this.chosenMonth && /^\d{4}-\d{2}$/.test(this.chosenMonth)) return this.chosenMonth;
    const from = this.bar?.filters.from ?? this.from;
    if (from && /^\d{4}-\d{2}/.test(from)) return from.slice(0, 7);
    return dateTimeFormat('en-CA', { timeZone: this.dayZone, year: 'numeric', month: '2-digit' }).format(new Date());
  }

  /** The zone mode in force (the visitor may switch to their own zone). */
  override get zoneMode(): string {
    return this.zoneSwitch?.mode(super.zoneMode) ?? super.zoneMode;
  }

  private async useBar(): Promise<void> {
    if (this.bar) return;
    const [{ FilterBar, styles }] = await Promise.all([import('./filter-bar.js'), this.useMessages('views')]);
    this.adopt(styles);
    this.bar ??= new FilterBar(this, {
      shown: () => (this.loader.state.status === 'complete' ? this.loader.state.value.events : []),
      // The visitor's choices (or the URL hash) changed: back to page 1.
      changed: () => {
        this.page = 1;
        this.requestUpdate();
      },
    });
    this.requestUpdate();
  }

  private async useZoneSwitch(): Promise<void> {
    const [{ ZoneSwitch, styles }] = await Promise.all([import('../shared/zone-switch.js'), this.useMessages('views')]);
    this.adopt(styles);
    this.zoneSwitch ??= new ZoneSwitch(this);
    this.requestUpdate();
  }

  /**
   * `limit`, bounded to what Mobilizon (or the proxy) accepts, with one warning when it was more.
   * @internal For the list's page navigation.
   */
  get pageSize(): number {
    const { limit, max, clamped } = pageSize(this.limit, Boolean(this.endpoint));
    if (clamped && this.warnedLimit !== this.limit) {
      this.warnedLimit = this.limit;
      console.warn(`<mobilizon-events>: limit ${this.limit} is more than ${this.endpoint ? 'the proxy' : 'Mobilizon'} allows; showing ${max} per page.`);
    }
    return limit;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && QUERY.some((p) => changed.has(p))) this.page = 1;
    if (changed.has('from') && this.hasUpdated) this.chosenMonth = undefined;
    if (changed.has('filters') && this.filters && this.isConnected) void this.useBar();
  }

  protected override updated(changed: PropertyValues): void {
    // Announced once the events are on screen, so listeners can measure or scroll to them.
    const state = this.loader.state;
    if (state.status !== 'complete') return;
    if (state !== this.announced) {
      this.announced = state;
      this.emit('mobilizon-load', { total: state.value.total });
    } else if (!changed.has('structuredData')) return;
    this.describeEvents(state.value.events);
  }

  override render(): TemplateResult {
    const { i18n } = this;
    const state = this.loader.state;
    // One live region that stays in place, so screen readers announce each change of it.
    const status =
      state.status === 'complete' ? i18n.t('loaded', { count: state.value.total }) : state.status === 'error' ? '' : i18n.t('loading');
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <p class="visually-hidden" role="status">${status}</p>
      ${this.filters && i18n.has('views') ? this.bar?.render(i18n, this.presenter?.named(state.status === 'complete' ? state.value.events : [], this.searched) ?? '') : nothing}
      ${renderLoad(state, {
        value: (shown, busy) => this.renderShown(shown, busy),
        error: (d) => this.errors!.renderError(d.message, i18n, d.retry ? () => void this.loader.run() : undefined),
        waiting: () => renderWaiting(this, () => (this.view === 'month' ? renderMonthSkeleton() : renderSkeleton(Math.min(this.pageSize, 3)))),
      })}
      ${this.presenter?.renderDetails(i18n)}
    </div>`;
  }

  /** What was searched (the filter bar's words, else `term`): names the list when no group does. */
  private get searched(): string | undefined {
    return this.bar?.filters.term ?? this.term;
  }

  private renderShown(shown: Shown, busy: boolean): TemplateResult | typeof nothing {
    // Drawn once load() has loaded the view, and the list's parts with it.
    if (!this.presenter) return nothing;
    // Events in other zones than the visitor's: offer to switch.
    const mine = viewerZone();
    const offerSwitch = super.zoneMode === 'event' && shown.events.some((e) => e.display.showStartTime && displayZone(e, 'event') !== mine);
    if (offerSwitch && !this.zoneSwitch) void this.useZoneSwitch();
    const { i18n } = this;
    return this.presenter.render(shown, busy, {
      i18n,
      page: this.page,
      go: (page) => (this.page = page),
      searched: this.searched,
      tools: offerSwitch && this.zoneSwitch && i18n.has('views') ? this.zoneSwitch.render(i18n) : undefined,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.filters) void this.useBar();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-events': MobilizonEvents;
  }
}
