// The list view, and what every view of <mobilizon-events> draws its events with: the notices above
// them, the empty state, the landmark, the page navigation and the event list's styles. Not in the
// entry: the entry holds what is drawn before any answer (the skeleton) and what sends the first
// request; this arrives beside that request, in parallel (see useView in mobilizon-events.ts), so it
// costs the first paint no round trip.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EventModel } from '../../../model/event.js';
import { safeUrl } from '../../../model/url.js';
import { badgeStyles, eventListStyles, renderEventList, type ListContext } from '../../shared/event-list.js';
import { paginationStyles, renderPagination } from '../../shared/pagination.js';
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

/** Everything the element decided for this rendering of its events. */
export interface ShownParts {
  shown: Shown;
  busy: boolean;
  ctx: ListContext;
  /** The view's name, and its renderer (the list's when the view has none). */
  view: string;
  renderer: View;
  dayZone: string;
  period?: string;
  /** Whose events these are or what was searched (tells this list's landmarks from another's; see named). */
  named: string;
  /** The zone switch, when the element offers it. */
  tools?: TemplateResult;
  /** Pages of `size` events; `go` shows another. */
  page: number;
  size: number;
  go: (page: number) => void;
}

/** The notices, then the events in their view (or the empty state), then the page navigation. */
export function renderShown({ shown, busy, ctx, view, renderer, dayZone, period, named, tools, page, size, go }: ShownParts): TemplateResult {
  const { i18n } = ctx;
  const notices = shown.ceiling && i18n.has('views') ? [...shown.feedNotices, i18n.t('windowCeiling', { count: shown.ceiling, total: shown.total })] : shown.feedNotices;
  const above = html`${notices.map((n) => html`<p class="notice" part="notice">${n}</p>`)}${tools ? html`<div class="tools">${tools}</div>` : nothing}`;
  if (!shown.events.length && page === 1 && view !== 'month') {
    const empty = i18n.t(period === 'past' ? 'emptyPast' : period === 'all' ? 'empty' : 'emptyUpcoming');
    return html`${above}<div class="empty" part="empty"><slot name="empty"><p>${empty}</p></slot></div>`;
  }
  // Several lists on one page need different landmark names: the period, then whose or what events.
  const label = [i18n.t(period === 'past' ? 'pastEvents' : period === 'all' ? 'events' : 'upcomingEvents'), named].filter(Boolean).join(' · ');
  return html`${above}
    <section aria-busy=${busy} aria-label=${label}>${renderer.render({ ...ctx, events: shown.events, busy, dayZone })}</section>
    ${view === 'month'
      ? nothing
      : renderPagination({ page, pages: Math.ceil(shown.total / size), busy, label: `${i18n.t('pagination')} · ${label}`, go }, i18n)}`;
}

/** Whose events these are (the groups' names, as the events say them), else what was searched. */
export function named(groups: string[], events: EventModel[], term: string): string {
  return groups.map((g) => events.find((e) => e.attributedTo?.handle === g)?.attributedTo?.name ?? g).join(', ') || term;
}

/** Where an event's title links: its Mobilizon page, or `event-href`'s template filled (`{uuid}`, `{url}`). */
export function eventHref(template: string | undefined, event: EventModel): string | null {
  if (!template || template === 'inline') return event.url;
  const filled = template.replaceAll('{uuid}', encodeURIComponent(event.uuid)).replaceAll('{url}', encodeURIComponent(event.url ?? ''));
  return safeUrl(filled, { base: location.href }) ?? event.url;
}
