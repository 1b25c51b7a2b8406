// What only some lists use, loaded on first need: the grid, agenda and month views, filters and
// search, day bounds and iCal feeds (./windowed.ts), the filter bar, inline details, the switch to
// the visitor's time zone, and notices about feeds that failed.
import { css, html, nothing, type TemplateResult } from 'lit';
import { isValidZone, viewerZone } from '../../format/dates.js';
import type { EventModel } from '../../model/event.js';
import type { EventType } from '../../model/filter.js';
import { listEvents, type EventListQuery, type ListOptions, type Period, type SearchTarget } from '../../sources/mobilizon/events.js';
import type { ListContext } from '../shared/event-list.js';
import { check, splitList, type Inputs, type MobilizonEvents, type Shown } from './mobilizon-events.js';
import type { ViewModule } from './views/view.js';

const TYPES: Record<string, EventType> = { online: 'ONLINE', 'in-person': 'IN_PERSON' };
const SEARCHES = ['self', 'internal', 'global'];

const views: Record<string, () => Promise<ViewModule>> = {
  grid: () => import('./views/grid.js'),
  agenda: () => import('./views/agenda.js'),
  month: () => import('./views/month.js'),
};

export const styles = css`
  .tools {
    display: flex;
    justify-content: flex-end;
    margin-block-end: 0.5em;
    font-size: 0.9em;
  }
  .notice {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_warning);
    background: var(--_surface-alt);
    font-size: 0.9em;
  }
`;

interface HostParts {
  views: Map<string, ViewModule>;
  bar?: typeof import('./filter-bar.js');
  details?: typeof import('./details-dialog.js');
}
const parts = new WeakMap<MobilizonEvents, HostParts>();
function partsOf(host: MobilizonEvents): HostParts {
  let found = parts.get(host);
  if (!found) {
    parts.set(host, (found = { views: new Map() }));
    host.adopt(styles);
  }
  return found;
}

/** The zone of "today" and of day bounds: the zone the site owner named, else the visitor's. */
export const dayZone = (host: MobilizonEvents): string => {
  const zone = host.timezone?.trim();
  return zone && zone !== 'event' && zone !== 'local' && isValidZone(zone) ? zone : viewerZone();
};

/** The month view's month: chosen, else the month of `from`, else this month in the day zone. */
export function monthOf(host: MobilizonEvents): string {
  const chosen = host.state.month;
  if (chosen && /^\d{4}-\d{2}$/.test(chosen)) return chosen;
  const from = host.state.bar.from ?? host.from;
  if (from && /^\d{4}-\d{2}/.test(from)) return from.slice(0, 7);
  return new Intl.DateTimeFormat('en-CA', { timeZone: dayZone(host), year: 'numeric', month: '2-digit' }).format(new Date());
}

export async function load(host: MobilizonEvents, inputs: Inputs, options: ListOptions): Promise<Shown> {
  const { view, type, search } = inputs;
  if (type && !TYPES[type] && !Object.values(TYPES).includes(type as EventType)) check('type', type, Object.keys(TYPES));
  if (search) check('search', search, SEARCHES);
  const own = partsOf(host);
  if (view !== 'list' && !own.views.has(view)) {
    const [module] = await Promise.all([views[view](), host.useViews()]);
    host.adopt(module.styles);
    own.views.set(view, module);
  }
  const query: EventListQuery = {
    groups: splitList(inputs.group),
    period: inputs.period as Period,
    page: inputs.page,
    limit: inputs.limit,
    search: (search || undefined) as SearchTarget | undefined,
    term: inputs.term || undefined,
    tags: splitList(inputs.tags, false),
    category: inputs.category || undefined,
    type: type ? (TYPES[type] ?? (type as EventType)) : undefined,
    near: inputs.near || undefined,
    radius: inputs.radius ?? undefined,
    hideCancelled: inputs.hideCancelled,
  };
  if (inputs.from || inputs.to || view === 'month' || inputs.ics) {
    const { loadWindowed } = await import('./windowed.js');
    return loadWindowed(query, { ...inputs, month: monthOf(host), zone: dayZone(host) }, {
      client: () => host.instanceClient,
      locale: host.translator.locale,
      options,
      report: (code, message) => host.report(code, message),
    });
  }
  return { ...(await listEvents(host.instanceClient, query, options)), feedNotices: [] };
}

export function renderView(host: MobilizonEvents, view: string, ctx: ListContext, events: EventModel[], busy: boolean): TemplateResult | typeof nothing {
  const module = partsOf(host).views.get(view);
  return module ? module.render({ ...ctx, events, busy, dayZone: dayZone(host) }, host) : nothing;
}

/** Above the events: feeds that failed, and the switch to the visitor's time zone. */
export function renderExtras(host: MobilizonEvents, shown: Shown, offerSwitch: boolean): TemplateResult {
  const { localTimes } = host.state;
  const zone = viewerZone().replace(/_/g, ' ');
  return html`${shown.feedNotices.map((n) => html`<p class="notice" part="notice">${n}</p>`)}
  ${offerSwitch
    ? html`<div class="tools">
        <button part="button" class="secondary" aria-pressed=${localTimes ? 'true' : 'false'}
          @click=${() => (host.state = { ...host.state, localTimes: !localTimes })}>
          ${host.translator.t(localTimes ? 'showEventTimes' : 'showLocalTimes', { zone })}
        </button>
      </div>`
    : nothing}`;
}

export async function connectBar(host: MobilizonEvents): Promise<void> {
  const own = partsOf(host);
  if (!own.bar) [own.bar] = await Promise.all([import('./filter-bar.js'), host.useViews()]);
  own.bar.connect(host);
  host.requestUpdate();
}

export function disconnectBar(host: MobilizonEvents): void {
  parts.get(host)?.bar?.disconnect(host);
}

export function renderBar(host: MobilizonEvents): TemplateResult | typeof nothing {
  return parts.get(host)?.bar?.render(host, host.translator) ?? nothing;
}

export async function openDetails(host: MobilizonEvents, event: EventModel, from: HTMLElement | undefined): Promise<void> {
  const own = partsOf(host);
  if (!own.details) {
    const [module] = await Promise.all([import('./details-dialog.js'), host.useViews()]);
    host.adopt(module.styles);
    own.details = module;
  }
  host.state = { ...host.state, opened: event, openedFrom: from };
}

export function renderDetails(host: MobilizonEvents): TemplateResult | typeof nothing {
  const { opened, openedFrom } = host.state;
  const details = parts.get(host)?.details;
  if (!opened || !details) return nothing;
  const close = () => {
    host.state = { ...host.state, opened: undefined };
    openedFrom?.focus();
  };
  return details.render(opened, { i18n: host.translator, zoneMode: host.zoneMode, close });
}
