// The list view, and what every view of <mobilizon-events> draws its events with: the notices above
// them, the empty state, the landmark, the page navigation, the event list's styles, and what a
// visitor does with the events (open one, inline or not; go to another page). Not in the entry: the
// entry holds what is drawn before any answer (the skeleton) and what sends the first request; this
// arrives beside that request, in parallel (see useView in mobilizon-events.ts), so it costs the
// first paint no round trip.
import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { ElementTranslator } from '../../../format/i18n.js';
import type { EventModel } from '../../../model/event.js';
import { safeUrl } from '../../../model/url.js';
import type { MobilizonClient } from '../../../sources/mobilizon/client.js';
import type { MobilizonEventMap } from '../../shared/dom-events.js';
import { badgeStyles, eventListStyles, renderEventList, type ListContext } from '../../shared/event-list.js';
import { paginationStyles, renderPagination } from '../../shared/pagination.js';
import { splitList } from '../../../model/query.js';
import type { Details, DetailsHost } from '../details-dialog.js';
import type { View, ViewContext } from './view.js';

export const styles = css`
  ${badgeStyles}${eventListStyles}${paginationStyles}
  .notice {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_warning);
    background: var(--_surface-alt);
    font-size: 0.9em;
  }
  .empty {
    padding: var(--_spacing);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .empty p {
    margin: 0;
  }
`;

const render = (ctx: ViewContext) => renderEventList(ctx.events, ctx);

/** No state of its own: one renderer serves every host. */
export const create = (): View => ({ render });

/** What a list shows once loaded (sources/events.ts's answer, with failed feeds in words). */
export interface Shown {
  total: number;
  events: EventModel[];
  /** Feeds that failed, in words, shown above the events of the others. */
  feedNotices: string[];
  /** The window held more events than are shown (see sources/windows.ts WINDOW_CEILING). */
  ceiling?: number;
}

/** What drawing the list asks of <mobilizon-events>: its attributes and a few of its internal members. */
export interface ListHost extends DetailsHost, HTMLElement {
  readonly group?: string;
  readonly eventHref?: string;
  readonly period?: string;
  readonly view?: string;
  readonly headingLevel?: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly client: MobilizonClient;
  /** Events per page. */
  readonly pageSize: number;
  /** The zone of "today" and of the month shown. */
  readonly dayZone: string;
  /** The views loaded so far, by name. */
  readonly views: Map<string, View>;
  /** Settles once the events asked for last are shown. */
  readonly loader: { readonly done: Promise<unknown> };
  emit<K extends keyof MobilizonEventMap>(type: K, detail: MobilizonEventMap[K]['detail'], cancelable?: boolean): boolean;
  useMessages(set: 'views'): Promise<void>;
  adopt(styles: CSSResult): void;
}

/** What the element decided for this drawing. */
export interface RenderOptions {
  i18n: ElementTranslator<'views'>;
  /** The page shown, of `pageSize` events; `go` shows another (the element reloads). */
  page: number;
  go: (page: number) => void;
  /** What was searched: names the list when no group does. */
  searched?: string;
  /** The zone switch, above the events, when the element offers it. */
  tools?: TemplateResult;
}

/**
 * Draws what <mobilizon-events> loaded (notices, the view, the empty state, the page navigation) and
 * answers the visitor: `mobilizon-select` then the inline details, another page. It also holds the
 * instance's default picture, asked once events without a picture are on screen.
 */
export class Presenter {
  private picture?: string | null;
  private pictureOf?: string | null;
  private details?: Details;

  constructor(private readonly host: ListHost) {}

  /** The notices, then the events in their view (or the empty state), then the page navigation. */
  render(shown: Shown, busy: boolean, { i18n, page, go, searched, tools }: RenderOptions): TemplateResult {
    const { host } = this;
    const { period } = host;
    const view = host.view ?? 'list';
    const groups = splitList(host.group);
    const ctx: ListContext = {
      i18n,
      // One group's own list need not say "by <that group>" on every event.
      ownGroup: groups.length === 1 ? groups[0] : undefined,
      zoneMode: host.zoneMode,
      href: (event) => eventHref(host.eventHref?.trim(), event),
      select: (event) => this.select(event),
      picture: this.picture,
      level: host.headingLevel,
    };
    // An event without a picture: the instance's default one, asked once the list is on screen.
    if (this.pictureOf !== host.instance && shown.events.some((e) => !e.image)) {
      this.pictureOf = host.instance;
      void import('../../shared/default-picture.js').then(async (m) => {
        this.picture = await m.defaultPicture(() => host.client);
        host.requestUpdate();
      });
    }
    const notices = shown.ceiling && i18n.has('views') ? [...shown.feedNotices, i18n.t('windowCeiling', { count: shown.ceiling, total: shown.total })] : shown.feedNotices;
    const above = html`${notices.map((n) => html`<p class="notice" part="notice">${n}</p>`)}${tools ? html`<div class="tools">${tools}</div>` : nothing}`;
    if (!shown.events.length && page === 1 && view !== 'month') {
      const empty = i18n.t(period === 'past' ? 'emptyPast' : period === 'all' ? 'empty' : 'emptyUpcoming');
      return html`${above}<div class="empty" part="empty"><slot name="empty"><p>${empty}</p></slot></div>`;
    }
    // Several lists on one page need different landmark names: the period, then whose or what events.
    const label = [i18n.t(period === 'past' ? 'pastEvents' : period === 'all' ? 'events' : 'upcomingEvents'), this.named(shown.events, searched)].filter(Boolean).join(' · ');
    const renderer = host.views.get(view) ?? host.views.get('list')!;
    return html`${above}
      <section aria-busy=${busy} aria-label=${label}>${renderer.render({ ...ctx, events: shown.events, busy, dayZone: host.dayZone })}</section>
      ${view === 'month'
        ? nothing
        : renderPagination(
            { page, pages: Math.ceil(shown.total / host.pageSize), busy, label: `${i18n.t('pagination')} · ${label}`, go: (to) => void this.goTo(to, go) },
            i18n,
          )}`;
  }

  /** The inline details, when open. */
  renderDetails(i18n: ElementTranslator<'views'>): TemplateResult | typeof nothing {
    return this.details?.render(i18n) ?? nothing;
  }

  /** Whose events these are (the groups' names, as the events say them), else what was searched (`term`). */
  named(events: EventModel[], term?: string): string {
    return (
      splitList(this.host.group)
        .map((g) => events.find((e) => e.attributedTo?.handle === g)?.attributedTo?.name ?? g)
        .join(', ') ||
      term ||
      ''
    );
  }

  /** `mobilizon-select` first (the host page may take over), then the inline dialog when asked for. */
  private select(event: EventModel): boolean {
    const { host } = this;
    if (!host.emit('mobilizon-select', { event }, true)) return false;
    if (host.eventHref?.trim() !== 'inline') return true;
    void this.openDetails(event, (host.renderRoot as ShadowRoot).activeElement as HTMLElement | null);
    return false;
  }

  private async openDetails(event: EventModel, from: HTMLElement | null): Promise<void> {
    if (!this.details) {
      const [{ Details, styles }] = await Promise.all([import('../details-dialog.js'), this.host.useMessages('views')]);
      this.host.adopt(styles);
      this.details ??= new Details(this.host);
    }
    this.details.open(event, from);
  }

  /** Another page: once shown, scrolled into view if its top is above the screen, focus on its first event. */
  private async goTo(page: number, go: (page: number) => void): Promise<void> {
    const { host } = this;
    go(page);
    await host.updateComplete;
    await host.loader.done;
    await host.updateComplete;
    if (host.getBoundingClientRect().top < 0) host.scrollIntoView({ block: 'start', behavior: 'smooth' });
    host.renderRoot.querySelector<HTMLAnchorElement>('.title a')?.focus({ preventScroll: true });
  }
}

/** Where an event's title links: its Mobilizon page, or `event-href`'s template filled (`{uuid}`, `{url}`). */
export function eventHref(template: string | undefined, event: EventModel): string | null {
  if (!template || template === 'inline') return event.url;
  const filled = template.replaceAll('{uuid}', encodeURIComponent(event.uuid)).replaceAll('{url}', encodeURIComponent(event.url ?? ''));
  return safeUrl(filled, { base: location.href }) ?? event.url;
}
