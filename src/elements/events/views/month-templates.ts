// The month view's templates: the bar (title, previous / today / next), the grid of days with their
// chips, and the day's dialog. What happens on a click or a key is the controller's (./month.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { dateTimeFormat } from '../../../format/intl.js';
import type { DayKey } from '../../../format/zoned.js';
import type { EventModel } from '../../../model/event.js';
import { closeDialog, modal } from '../../shared/dialog.js';
import { renderEventList } from '../../shared/event-list.js';
import { isOtherOrigin, isPlainClick } from '../../shared/links.js';
import { zoneNameIfOther } from '../../../format/when.js';
import { MAX_LANES, weekRow, weeksOf, type Bar, type Span } from './month-data.js';
import type { ViewContext } from './view.js';

/** A calendar day as text (its noon in UTC, so no zone can shift it). */
export const formatDay = (locale: string, day: DayKey, options: Intl.DateTimeFormatOptions) =>
  dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.parse(`${day}T12:00:00Z`));
export const fullDate = (locale: string, day: DayKey) => formatDay(locale, day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** What the grid is drawing, and what its clicks and keys call. */
export interface MonthModel {
  month: string;
  days: DayKey[];
  lanes: Map<DayKey, Array<Span | undefined>>;
  /** The day that holds tabindex=0. */
  focus: DayKey;
  today: DayKey;
  /** The day whose dialog is open, and its events. */
  open: DayKey | null;
  opened: EventModel[];
  go: (by: number | null) => void;
  clickDay: (day: DayKey, hasEvents: boolean) => void;
  keydown: (e: KeyboardEvent) => void;
  closed: () => void;
}

/** An event's piece in a week row: one bar from its first day in the row, as wide as its days there
 (a class n1…n7, not a style attribute: pages with a strict CSP block those). */
function renderChip({ span, n, from, to }: Bar, ctx: ViewContext): TemplateResult {
  const { event } = span;
  const { i18n } = ctx;
  const classes = `chip ${event.status.toLowerCase()}${n > 1 || from || to ? ` bar n${n}` : ''}${from ? ' from' : ''}${to ? ' to' : ''}`;
  const start = new Date(event.startTime);
  const time =
    !from && event.display.showStartTime
      ? html`<time datetime=${event.startTime} title=${ifDefined(zoneNameIfOther(span.zone, i18n.locale, start, true) || undefined)}
          >${dateTimeFormat(i18n.locale, { timeZone: span.zone, timeStyle: 'short' }).format(start)}</time
        >`
      : nothing;
  const content = html`${time}<span class="name" dir="auto">${event.name}</span>${event.status === 'CONFIRMED'
      ? nothing
      : html`<span class="visually-hidden">, ${i18n.t(event.status === 'CANCELLED' ? 'cancelled' : 'tentative')}</span>`}`;
  const href = ctx.href(event);
  if (!href) return html`<span class=${classes} part="event">${content}</span>`;
  const onClick = (e: MouseEvent) => {
    e.stopPropagation(); // the link opens the event, not the day
    if (isPlainClick(e) && !ctx.select(event)) e.preventDefault();
  };
  // Out of the Tab order: the day cell is the one stop; Enter on it lists these links in the dialog.
  return html`<a class=${classes} part="event" href=${href} tabindex="-1" rel=${isOtherOrigin(href) ? 'noopener' : nothing} @click=${onClick}>${content}</a>`;
}

function renderDay(day: DayKey, col: number, row: { bars: Bar[]; more: number[] }, ctx: ViewContext, m: MonthModel): TemplateResult {
  const locale = ctx.i18n.locale;
  const lanes = m.lanes.get(day)!;
  const hidden = row.more[col];
  const slots = Math.min(lanes.length, MAX_LANES);
  const slot = (lane: number) => {
    const bar = row.bars.find((b) => b.col === col && b.lane === lane);
    if (bar) return renderChip(bar, ctx);
    if (hidden && lane === MAX_LANES - 1)
      return html`<button class="more" tabindex="-1"
        ><span class="more-n" aria-hidden="true">+${hidden.toLocaleString(locale)}</span
        ><span class="more-text">${ctx.i18n.t('moreEvents', { count: hidden })}</span></button
      >`;
    // Under a bar drawn from an earlier day: its name, for whoever reads this day's cell.
    const under = lanes[lane];
    return html`<span class="chip gap">${under ? html`<span class="visually-hidden">${under.event.name}</span>` : nothing}</span>`;
  };
  return html`<div
    role="gridcell"
    class="day${day.startsWith(m.month) ? '' : ' outside'}${day === m.today ? ' today' : ''}"
    data-day=${day}
    tabindex=${day === m.focus ? 0 : -1}
    aria-current=${ifDefined(day === m.today ? 'date' : undefined)}
    @click=${() => m.clickDay(day, lanes.some(Boolean))}
  >
    <time class="num" datetime=${day}
      ><span aria-hidden="true">${formatDay(locale, day, { day: 'numeric' })}</span
      ><span class="visually-hidden">${fullDate(locale, day)}</span></time
    >
    ${Array.from({ length: slots }, (_, lane) => slot(lane))}
  </div>`;
}

/** The zones of the month's times that are not the visitor's, named once above the grid: each zone
 * at the grid's first and last day (both names when the month crosses a change of time). */
function otherZones(m: MonthModel, locale: string): string {
  const zones = new Set<string>();
  for (const lanes of m.lanes.values()) for (const s of lanes) if (s?.event.display.showStartTime) zones.add(s.zone);
  const ends = [m.days[0], m.days[m.days.length - 1]].map((d) => new Date(`${d}T12:00:00Z`));
  const names = new Set([...zones].flatMap((zone) => ends.map((at) => zoneNameIfOther(zone, locale, at))));
  names.delete('');
  return [...names].join(', ');
}

function renderDialog(ctx: ViewContext, m: MonthModel): TemplateResult {
  const { i18n } = ctx;
  const day = m.open;
  const date = day ? fullDate(i18n.locale, day) : '';
  return html`<dialog class="modal day-dialog" part="dialog" aria-label=${day ? i18n.t('eventsOn', { date }) : nothing} ${modal(!!day, m.closed)}>
    ${day
      ? html`<div class="dialog-body">
          <div class="dialog-head">
            <h2>${date}</h2>
            <button part="button" class="secondary" @click=${closeDialog}>${i18n.t('close')}</button>
          </div>
          ${m.opened.length ? renderEventList(m.opened, ctx) : html`<p>${i18n.t('empty')}</p>`}
        </div>`
      : nothing}
  </dialog>`;
}

export function renderMonth(ctx: ViewContext, m: MonthModel): TemplateResult {
  const { i18n } = ctx;
  const locale = i18n.locale;
  const weeks = weeksOf(m.days);
  const label = (key: 'previousMonth' | 'nextMonth') => i18n.t(key);
  const zones = otherZones(m, locale);
  return html`<div class="month" dir=${i18n.dir}>
    <div class="month-bar">
      <h2 id="month-title" class="month-title" aria-live="polite">
        ${formatDay(locale, `${m.month}-15`, { month: 'long', year: 'numeric' })}
      </h2>
      <div class="month-nav">
        <button part="button" class="secondary" aria-label=${label('previousMonth')} title=${label('previousMonth')}
          @click=${() => m.go(-1)}><span class="arrow" aria-hidden="true">‹</span></button>
        <button part="button" class="secondary" @click=${() => m.go(null)}>${i18n.t('today')}</button>
        <button part="button" class="secondary" aria-label=${label('nextMonth')} title=${label('nextMonth')}
          @click=${() => m.go(1)}><span class="arrow" aria-hidden="true">›</span></button>
      </div>
    </div>
    ${zones ? html`<p class="month-zone">${i18n.t('timesIn', { zone: zones })}</p>` : nothing}
    <div role="grid" class="grid" aria-labelledby="month-title" aria-busy=${ctx.busy ? 'true' : 'false'} @keydown=${m.keydown}>
      <div role="row" class="week">
        ${weeks[0].map((d) => html`<div role="columnheader" class="weekday">${formatDay(locale, d, { weekday: 'short' })}</div>`)}
      </div>
      ${weeks.map((week) => {
        const row = weekRow(m.lanes, week);
        return html`<div role="row" class="week">${week.map((d, col) => renderDay(d, col, row, ctx, m))}</div>`;
      })}
    </div>
    ${renderDialog(ctx, m)}
  </div>`;
}
