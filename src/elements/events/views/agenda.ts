// The agenda view: events grouped under a heading for each day they cover, in each event's display
// zone (an event from 23:30 to 01:30 appears under both days).
import { css, html, nothing, type TemplateResult } from 'lit';
import { placeLine } from '../../../format/address.js';
import { displayZone } from '../../../format/dates.js';
import { zoneDiffers } from '../../../format/when.js';
import { dateTimeFormat } from '../../../format/intl.js';
import { dayKey, daysOf, type DayKey } from '../../../format/zoned.js';
import { placeOf, type EventModel } from '../../../model/event.js';
import { renderBadges, renderEventLink } from '../../shared/event-list.js';
import type { View, ViewContext } from './view.js';

/** Events longer than this appear under their first day only (with their dates), not under every day. */
const MAX_DAYS_LISTED = 7;

export const styles = css`
  .agenda {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .agenda-day {
    margin-block-end: var(--_spacing);
  }
  .agenda-day h2 {
    margin: 0 0 0.35em;
    padding-block-end: 0.25em;
    font-size: 0.95em;
    border-block-end: 2px solid var(--_accent);
  }
  .agenda-day h2 .relative {
    color: var(--_accent);
    margin-inline-end: 0.5em;
  }
  .agenda-day ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .agenda-item {
    display: grid;
    grid-template-columns: 9em 1fr;
    gap: 0.25em var(--_spacing);
    padding: 0.4em 0;
    border-block-end: 1px solid var(--_border);
  }
  .agenda-item:last-child {
    border-block-end: none;
  }
  .agenda-item time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  .agenda-item .title {
    margin: 0;
    font-size: 1em;
  }
  .agenda-item.cancelled .title {
    text-decoration-line: line-through;
  }
  @container (max-width: 26em) {
    .agenda-item {
      grid-template-columns: 1fr;
    }
  }
`;

interface Entry {
  event: EventModel;
  day: DayKey;
  zone: string;
  first: boolean;
  last: boolean;
}

function timeText(entry: Entry, ctx: ViewContext): string {
  const { event, zone, first, last } = entry;
  const { i18n } = ctx;
  if (!event.display.showStartTime) return i18n.t('allDay');
  const start = new Date(event.startTime);
  // Named like the list names it (format/dates.ts): only when the visitor's clock reads otherwise.
  const named = zoneDiffers(zone, start);
  const time = dateTimeFormat(i18n.locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', ...(named ? { timeZoneName: 'short' } : {}) });
  const end = event.endTime && event.display.showEndTime ? new Date(event.endTime) : null;
  if (first && last) return end && end > start ? time.formatRange(start, end) : time.format(start);
  if (first) return `${time.format(start)} →`;
  if (last && end) return `→ ${time.format(end)}`;
  return i18n.t('allDay');
}

function render(ctx: ViewContext): TemplateResult {
  const { i18n } = ctx;
  const byDay = new Map<DayKey, Entry[]>();
  for (const event of ctx.events) {
    const zone = displayZone(event, ctx.zoneMode);
    let days = daysOf(event, zone);
    if (days.length > MAX_DAYS_LISTED) days = [days[0]];
    days.forEach((day, i) => {
      byDay.set(day, [...(byDay.get(day) ?? []), { event, day, zone, first: i === 0, last: i === days.length - 1 }]);
    });
  }
  const today = dayKey(new Date(), ctx.dayZone);
  const heading = dateTimeFormat(i18n.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(i18n.locale, { numeric: 'auto' });
  const days = [...byDay.keys()].sort();
  if (ctx.events.length && ctx.events[0].startTime > ctx.events[ctx.events.length - 1].startTime) days.reverse();
  return html`<ol class="agenda" part="list">
    ${days.map((day) => {
      const offset = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
      return html`<li class="agenda-day">
        <h2 aria-level=${ctx.level ?? nothing}>
          ${Math.abs(offset) <= 1 ? html`<span class="relative">${relative.format(offset, 'day')}</span>` : nothing}
          <time datetime=${day}>${heading.format(new Date(`${day}T12:00:00Z`))}</time>
        </h2>
        <ul>
          ${byDay.get(day)!.map((entry) => renderEntry(entry, ctx))}
        </ul>
      </li>`;
    })}
  </ol>`;
}

function renderEntry(entry: Entry, ctx: ViewContext): TemplateResult {
  const { event } = entry;
  const place = placeOf(event);
  return html`<li class="agenda-item ${event.status.toLowerCase()}" part="event">
    <time part="date" datetime=${event.startTime} title=${entry.zone}>${timeText(entry, ctx)}</time>
    <div class="body">
      <h3 class="title" part="title" aria-level=${ctx.level ? ctx.level + 1 : nothing}>${renderEventLink(event, ctx)}</h3>
      ${place ? html`<p class="where" part="location">${placeLine(place)}</p>` : nothing}
      ${renderBadges(event, ctx.i18n)}
    </div>
  </li>`;
}

/** No state of its own: one renderer serves every host. */
export const create = (): View => ({ render });
