import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { EventModel, EventPage } from '../../model/event.js';
import { safeUrl } from '../../model/url.js';
import { listEvents, MAX_LIMIT, type Period } from '../../sources/mobilizon/events.js';
import { MobilizonElement } from '../shared/base.js';
import { ConfigurationError } from '../shared/configuration-error.js';
import { Loader } from '../shared/loader.js';
import { eventListStyles, renderEventList } from '../shared/event-list.js';
import { renderEmpty, renderError, renderSkeleton, stateStyles } from '../shared/states.js';
import { tokens } from '../shared/tokens.js';

const VIEWS = ['list', 'grid', 'agenda', 'month'] as const;
const PERIODS: readonly Period[] = ['upcoming', 'past', 'all'];
const DEFAULT_LIMIT = 10;

/**
 * A list of a Mobilizon instance's or groups' events.
 *
 * @summary Events of a Mobilizon instance or of one or several groups, paginated.
 * @event mobilizon-load - The events are shown; `detail.total` is how many there are in all.
 * @event mobilizon-error - Loading failed; `detail.code` and `detail.message` say why.
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
    eventListStyles,
    css`
      .pagination {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_spacing);
        padding-block-start: calc(var(--_spacing) * 0.75);
        border-block-start: 1px solid var(--_border);
      }
      .pagination span {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      [aria-busy='true'] .events {
        opacity: 0.55;
        transition: opacity 0.2s;
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    group: {},
    view: { reflect: true },
    limit: { type: Number },
    period: {},
    eventHref: { attribute: 'event-href' },
    page: { state: true },
  };

  /** Group handles (`name` or `name@domain`), comma-separated; absent = the whole instance. */
  group: string | null = null;
  /** `list` (default), `grid`, `agenda` or `month`. */
  view = 'list';
  /** Events per page, 1 to 99. */
  limit = DEFAULT_LIMIT;
  /** `upcoming` (default), `past` or `all`. */
  period = 'upcoming';
  /** How an event opens: its Mobilizon page (default) or a URL template with `{uuid}` / `{url}`. */
  eventHref: string | null = null;

  private page = 1;

  private readonly loader = new Loader(
    this,
    () => [this.instance, this.endpoint, this.group, this.period, this.pageSize, this.page, this.view] as const,
    async ([, , group, period, limit, page, view], signal) => {
      if (!(VIEWS as readonly string[]).includes(view)) {
        throw new ConfigurationError('errorBadView', { view, views: VIEWS.join(', ') });
      }
      if (!PERIODS.includes(period as Period)) {
        throw new ConfigurationError('errorBadPeriod', { period, periods: PERIODS.join(', ') });
      }
      const result = await listEvents(
        this.client,
        { groups: splitHandles(group), period: period as Period, page, limit },
        { signal, onRevalidate: () => void this.loader.run() },
      );
      return result;
    },
    (error) => this.explain(error),
  );

  private warnedLimit: unknown = null;
  private announced: unknown;

  protected override updated(): void {
    // Announced once the events are on screen, so listeners can measure or scroll to them.
    const state = this.loader.state;
    if (state.status === 'complete' && state !== this.announced) {
      this.announced = state;
      this.emit('mobilizon-load', { total: state.value.total });
    }
  }

  /** `limit`, bounded to what Mobilizon accepts. */
  private get pageSize(): number {
    const wanted = Number(this.limit);
    if (!Number.isFinite(wanted) || wanted < 1) return DEFAULT_LIMIT;
    if (wanted > MAX_LIMIT) {
      if (this.warnedLimit !== this.limit) {
        this.warnedLimit = this.limit;
        console.warn(`<mobilizon-events>: limit ${wanted} is more than Mobilizon allows; showing ${MAX_LIMIT} per page.`);
      }
      return MAX_LIMIT;
    }
    return Math.floor(wanted);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const query = ['instance', 'endpoint', 'group', 'period', 'limit'];
    if (this.hasUpdated && query.some((p) => changed.has(p))) this.page = 1;
  }

  override render(): TemplateResult {
    const { i18n, loader } = this;
    const state = loader.state;
    // One live region that stays in place, so screen readers announce each change of it.
    const status =
      state.status === 'complete' ? i18n.t('loaded', { count: state.value.total }) : state.status === 'error' ? '' : i18n.t('loading');
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <p class="visually-hidden" role="status">${status}</p>
      ${this.renderState()}
    </div>`;
  }

  private renderState(): TemplateResult {
    const state = this.loader.state;
    switch (state.status) {
      case 'complete':
        return this.renderPage(state.value, false);
      case 'error':
        return renderError(state.description.message, this.i18n, state.description.retry ? () => void this.loader.run() : undefined);
      case 'pending':
        if (state.last) return this.renderPage(state.last, true);
    }
    return this.renderLoading();
  }

  private renderLoading(): TemplateResult {
    const fallback = [...this.childNodes].some(
      (n) => (n instanceof Element && !n.slot) || (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
    );
    return fallback ? html`<slot></slot>` : renderSkeleton(Math.min(this.pageSize, 3));
  }

  private renderPage(result: EventPage, busy: boolean): TemplateResult {
    const i18n = this.i18n;
    const pages = Math.max(1, Math.ceil(result.total / this.pageSize));
    if (!result.events.length && this.page === 1) {
      return renderEmpty(i18n.t(this.period === 'past' ? 'emptyPast' : this.period === 'upcoming' ? 'emptyUpcoming' : 'empty'));
    }
    return html`<section aria-busy=${busy ? 'true' : 'false'} aria-label=${i18n.t('events')}>
        ${renderEventList(result.events, {
          i18n,
          zoneMode: this.zoneMode,
          href: (event) => this.hrefFor(event),
          select: (event) => this.emit('mobilizon-select', { event }, true),
        })}
      </section>
      ${pages > 1
        ? html`<nav class="pagination" part="pagination" aria-label=${i18n.t('pagination')}>
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

  private hrefFor(event: EventModel): string | null {
    const template = this.eventHref?.trim();
    if (!template || template === 'inline') return event.url;
    const filled = template
      .replaceAll('{uuid}', encodeURIComponent(event.uuid))
      .replaceAll('{url}', encodeURIComponent(event.url ?? ''));
    try {
      return safeUrl(new URL(filled, location.href).href) ?? event.url;
    } catch {
      return event.url;
    }
  }
}

const splitHandles = (value: string | null): string[] =>
  [...new Set((value ?? '').split(',').map((h) => h.trim().replace(/^@/, '')).filter(Boolean))];

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-events': MobilizonEvents;
  }
}
