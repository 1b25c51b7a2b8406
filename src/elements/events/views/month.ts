// The month view: a calendar grid in the WAI-ARIA grid pattern (one focusable day, arrows, Home/End,
// Page Up/Down), each event on every local day it covers in its display zone, a day's events in a dialog.
import { css, html, nothing, type TemplateResult } from 'lit';
import { displayZone } from '../../../format/dates.js';
import { addDays, dayKey, daysCovered, monthGrid, type DayKey } from '../../../format/zoned.js';
import type { EventModel } from '../../../model/event.js';
import { isOtherOrigin, renderEventList } from '../../shared/event-list.js';
import type { ViewContext, ViewHost } from './view.js';

/** Chips shown in a day before "+N more". */
const MAX_CHIPS = 3;

interface MonthState {
  /** The day that holds tabindex=0. */
  focus: DayKey | null;
  /** The day whose dialog is open. */
  open: DayKey | null;
  /** Move focus to `focus` once it is rendered (after a key moved it, possibly to another month). */
  refocus: boolean;
}

const states = new WeakMap<ViewHost, MonthState>();

/** One event's days, in the zone it is shown in. */
interface Span {
  event: EventModel;
  zone: string;
  days: DayKey[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions, instant: number | Date): string {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f.format(instant);
}
/** A calendar day as text (its noon in UTC, so no zone can shift it). */
const formatDay = (locale: string, day: DayKey, options: Intl.DateTimeFormatOptions) =>
  format(locale, { ...options, timeZone: 'UTC' }, Date.parse(`${day}T12:00:00Z`));
const fullDate = (locale: string, day: DayKey) =>
  formatDay(locale, day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** The host's month; a host that has none yet shows the current month of `zone`. */
const shownMonth = (host: ViewHost, zone: string): string =>
  /^\d{4}-\d{2}$/.test(host.month) ? host.month : dayKey(Date.now(), zone).slice(0, 7);

const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};
/** The same day number in another month, clamped to its length (31 → 30 or 28). */
const sameDay = (month: string, day: DayKey | null): DayKey => {
  const [y, m] = month.split('-').map(Number);
  const n = Math.min(Number(day?.slice(8)) || 1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${month}-${String(n).padStart(2, '0')}`;
};

/** All-day iCal events come as UTC midnights without a time: they belong to their calendar dates. */
const zoneOf = (event: EventModel, zoneMode: string): string =>
  event.timezone === 'UTC' && !event.display.showStartTime ? 'UTC' : displayZone(event, zoneMode);

/** Each day's lanes: an event keeps one lane across a week, so a multi-day event reads as a bar. */
function layout(events: EventModel[], days: DayKey[], zoneMode: string): Map<DayKey, Array<Span | undefined>> {
  const lanes = new Map<DayKey, Array<Span | undefined>>(days.map((d) => [d, []]));
  const spans = events
    .map((event): Span => {
      const zone = zoneOf(event, zoneMode);
      return { event, zone, days: daysCovered(event.startTime, event.endTime, zone) };
    })
    .filter((s) => s.days.some((d) => lanes.has(d)))
    .sort(
      (a, b) =>
        a.days[0].localeCompare(b.days[0]) ||
        b.days.length - a.days.length ||
        a.event.startTime.localeCompare(b.event.startTime) ||
        a.event.name.localeCompare(b.event.name),
    );
  for (let w = 0; w < days.length; w += 7) {
    const week = days.slice(w, w + 7);
    for (const span of spans) {
      const mine = week.filter((d) => span.days.includes(d));
      if (!mine.length) continue;
      let lane = 0;
      while (mine.some((d) => lanes.get(d)![lane])) lane++;
      for (const d of mine) lanes.get(d)![lane] = span;
    }
  }
  return lanes;
}

/** Runs once the host has rendered (Lit's updateComplete, else the next frame). */
function afterUpdate(host: ViewHost, run: () => void): void {
  const done = (host as ViewHost & { updateComplete?: Promise<unknown> }).updateComplete;
  if (done) void done.then(run);
  else requestAnimationFrame(run);
}

const cellOf = (host: ViewHost, day: DayKey) => host.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"]`);

function refocus(host: ViewHost, state: MonthState): void {
  if (!state.refocus) return;
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // The visitor went elsewhere meanwhile: leave their focus alone.
  const ours = active && host.renderRoot.contains(active) && active.closest('[role="grid"]');
  if (active && active !== document.body && !ours) return void (state.refocus = false);
  const cell = state.focus && cellOf(host, state.focus);
  if (cell) {
    state.refocus = false;
    cell.focus();
  }
}

/** Moves the focusable day; a day outside the grid (or `change`) shows that day's month. */
function moveTo(host: ViewHost, state: MonthState, day: DayKey, days: DayKey[], change = false): void {
  state.focus = day;
  state.refocus = true;
  if (change || !days.includes(day)) host.showMonth(day.slice(0, 7));
  else host.requestUpdate();
}

function openDay(host: ViewHost, state: MonthState, day: DayKey): void {
  state.focus = state.open = day;
  host.requestUpdate();
  afterUpdate(host, () => {
    const dialog = host.renderRoot.querySelector<HTMLDialogElement>('.day-dialog');
    if (dialog && !dialog.open && state.open) dialog.showModal();
  });
}

function onKey(e: KeyboardEvent, ctx: ViewContext, host: ViewHost, state: MonthState, days: DayKey[]): void {
  const cell = (e.target as Element).closest<HTMLElement>('[data-day]');
  if (!cell || e.altKey || e.ctrlKey || e.metaKey) return;
  const day = cell.dataset.day!;
  const back = ctx.i18n.dir === 'rtl' ? 1 : -1;
  const column = days.indexOf(day) % 7;
  let to: DayKey;
  switch (e.key) {
    case 'ArrowLeft':
    case 'ArrowRight':
      to = addDays(day, e.key === 'ArrowLeft' ? back : -back);
      break;
    case 'ArrowUp':
    case 'ArrowDown':
      to = addDays(day, e.key === 'ArrowUp' ? -7 : 7);
      break;
    case 'Home':
    case 'End':
      to = addDays(day, e.key === 'Home' ? -column : 6 - column);
      break;
    case 'PageUp':
    case 'PageDown': {
      // Shift: a year, as in the WAI-ARIA date picker.
      const by = (e.key === 'PageUp' ? -1 : 1) * (e.shiftKey ? 12 : 1);
      e.preventDefault();
      return moveTo(host, state, sameDay(shiftMonth(shownMonth(host, ctx.dayZone), by), day), days, true);
    }
    case 'Enter':
    case ' ':
      // A focused chip link keeps its own Enter.
      if (e.target !== cell) return;
      e.preventDefault();
      return openDay(host, state, day);
    default:
      return;
  }
  e.preventDefault();
  moveTo(host, state, to, days);
}

function renderChip(span: Span, day: DayKey, ctx: ViewContext): TemplateResult {
  const { event } = span;
  const { i18n } = ctx;
  const at = span.days.indexOf(day);
  const status = event.status.toLowerCase();
  const classes = `chip ${status}${at > 0 ? ' from' : ''}${at < span.days.length - 1 ? ' to' : ''}`;
  const time =
    at === 0 && event.display.showStartTime
      ? html`<time datetime=${event.startTime}>${format(i18n.locale, { timeZone: span.zone, timeStyle: 'short' }, new Date(event.startTime))}</time>`
      : nothing;
  const content = html`${time}<span class="name" dir="auto">${event.name}</span>${event.status === 'CONFIRMED'
      ? nothing
      : html`<span class="visually-hidden">, ${i18n.t(event.status === 'CANCELLED' ? 'cancelled' : 'tentative')}</span>`}`;
  const href = ctx.href(event);
  if (!href) return html`<span class=${classes} part="event">${content}</span>`;
  const onClick = (e: MouseEvent) => {
    e.stopPropagation(); // the link opens the event, not the day
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!ctx.select(event)) e.preventDefault();
  };
  // Out of the Tab order: the day cell is the one stop; Enter on it lists these links in the dialog.
  return html`<a class=${classes} part="event" href=${href} tabindex="-1" rel=${isOtherOrigin(href) ? 'noopener' : nothing} @click=${onClick}>${content}</a>`;
}

function renderDay(
  day: DayKey,
  lanes: Array<Span | undefined>,
  ctx: ViewContext,
  host: ViewHost,
  state: MonthState,
  focus: DayKey,
  today: DayKey,
): TemplateResult {
  const locale = ctx.i18n.locale;
  const shown = lanes.length > MAX_CHIPS ? lanes.slice(0, MAX_CHIPS - 1) : lanes;
  const hidden = lanes.filter(Boolean).length - shown.filter(Boolean).length;
  const outside = !day.startsWith(shownMonth(host, ctx.dayZone));
  const onClick = () => {
    if (lanes.some(Boolean)) openDay(host, state, day);
    else if (state.focus !== day) {
      state.focus = day;
      host.requestUpdate();
    }
  };
  return html`<div
    role="gridcell"
    class="day${outside ? ' outside' : ''}${day === today ? ' today' : ''}"
    data-day=${day}
    tabindex=${day === focus ? 0 : -1}
    aria-current=${day === today ? 'date' : nothing}
    @click=${onClick}
  >
    <time class="num" datetime=${day}
      ><span aria-hidden="true">${formatDay(locale, day, { day: 'numeric' })}</span
      ><span class="visually-hidden">${fullDate(locale, day)}</span></time
    >
    ${shown.map((span) => (span ? renderChip(span, day, ctx) : html`<span class="chip gap" aria-hidden="true"></span>`))}
    ${hidden
      ? html`<button class="more" tabindex="-1"
          ><span class="more-n" aria-hidden="true">+${hidden.toLocaleString(locale)}</span
          ><span class="more-text">${ctx.i18n.t('moreEvents', { count: hidden })}</span></button
        >`
      : nothing}
  </div>`;
}

function renderDialog(ctx: ViewContext, host: ViewHost, state: MonthState, events: EventModel[]): TemplateResult {
  const { i18n } = ctx;
  const day = state.open;
  const date = day ? fullDate(i18n.locale, day) : '';
  const onClose = () => {
    if (!state.open) return;
    state.focus = state.open;
    state.open = null;
    state.refocus = true;
    host.requestUpdate();
  };
  const close = (e: Event) => (e.currentTarget as Element).closest('dialog')!.close();
  // A click on the dialog box itself is a click on the backdrop: its content fills the box.
  const onBackdrop = (e: MouseEvent) => e.target === e.currentTarget && close(e);
  return html`<dialog class="day-dialog" aria-label=${day ? i18n.t('eventsOn', { date }) : nothing} @close=${onClose} @click=${onBackdrop}>
    ${day
      ? html`<div class="dialog-body">
          <div class="dialog-head">
            <h2>${date}</h2>
            <button part="button" class="secondary" @click=${close}>${i18n.t('close')}</button>
          </div>
          ${events.length ? renderEventList(events, ctx) : html`<p>${i18n.t('empty')}</p>`}
        </div>`
      : nothing}
  </dialog>`;
}

export function render(ctx: ViewContext, host: ViewHost): TemplateResult {
  let state = states.get(host);
  if (!state) states.set(host, (state = { focus: null, open: null, refocus: false }));
  const st = state;
  const { i18n } = ctx;
  const locale = i18n.locale;
  const month = shownMonth(host, ctx.dayZone);
  const days = monthGrid(month, locale);
  const today = dayKey(Date.now(), ctx.dayZone);
  // The focusable day: the one kept, else the same day number in this month, else today.
  const focus = st.focus && days.includes(st.focus) ? st.focus : sameDay(month, st.focus ?? (today.startsWith(month) ? today : null));
  // While a move to another month is pending, keep its target (this render may still be the old month).
  if (!st.refocus) st.focus = focus;
  else afterUpdate(host, () => refocus(host, st));

  const lanes = layout(ctx.events, days, ctx.zoneMode);
  const opened = st.open
    ? (lanes.get(st.open) ?? [])
        .filter((s): s is Span => !!s)
        .map((s) => s.event)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
    : [];
  // Read host.month when clicked, not when rendered: two quick clicks go two months.
  const go = (by: number | null) => {
    const from = shownMonth(host, ctx.dayZone);
    const to = by === null ? today.slice(0, 7) : shiftMonth(from, by);
    st.focus = by === null ? today : sameDay(to, st.focus);
    if (to === from) host.requestUpdate();
    else host.showMonth(to);
  };
  const weeks: DayKey[][] = [];
  for (let w = 0; w < days.length; w += 7) weeks.push(days.slice(w, w + 7));
  const label = (key: 'previousMonth' | 'nextMonth' | 'today') => i18n.t(key);

  return html`<div class="month" dir=${i18n.dir}>
    <div class="month-bar">
      <h2 id="month-title" class="month-title" aria-live="polite">
        ${formatDay(locale, `${month}-15`, { month: 'long', year: 'numeric' })}
      </h2>
      <div class="month-nav">
        <button part="button" class="secondary" aria-label=${label('previousMonth')} title=${label('previousMonth')}
          @click=${() => go(-1)}><span class="arrow" aria-hidden="true">‹</span></button>
        <button part="button" class="secondary" @click=${() => go(null)}>${label('today')}</button>
        <button part="button" class="secondary" aria-label=${label('nextMonth')} title=${label('nextMonth')}
          @click=${() => go(1)}><span class="arrow" aria-hidden="true">›</span></button>
      </div>
    </div>
    <div role="grid" class="grid" aria-labelledby="month-title" aria-busy=${ctx.busy ? 'true' : 'false'}
      @keydown=${(e: KeyboardEvent) => onKey(e, ctx, host, st, days)}>
      <div role="row" class="week">
        ${weeks[0].map((d) => html`<div role="columnheader" class="weekday">${formatDay(locale, d, { weekday: 'short' })}</div>`)}
      </div>
      ${weeks.map(
        (week) => html`<div role="row" class="week">
          ${week.map((d) => renderDay(d, lanes.get(d)!, ctx, host, st, focus, today))}
        </div>`,
      )}
    </div>
    ${renderDialog(ctx, host, st, opened)}
  </div>`;
}

export const styles = css`
  .month {
    display: grid;
    gap: calc(var(--_spacing) * 0.75);
  }
  .month-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .month-title {
    margin: 0;
    margin-inline-end: auto;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .month-nav {
    display: flex;
    gap: 0.375em;
  }
  .month-nav button {
    padding: 0.25em 0.8em;
  }
  /* Arrows point the way the calendar reads: mirrored right to left. */
  .month[dir='rtl'] .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  .grid {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .grid[aria-busy='true'] {
    opacity: 0.55;
    transition: opacity 0.2s;
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .weekday {
    padding: 0.35em 0.2em;
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
    text-align: center;
    overflow: hidden;
    white-space: nowrap;
  }
  .day {
    --day-pad: 0.25rem; /* rem: the chips (smaller text) subtract it to join across days */
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-inline-size: 0;
    min-block-size: 6.5em;
    padding: var(--day-pad);
    border-block-start: 1px solid var(--_border);
    cursor: pointer;
  }
  .day + .day {
    border-inline-start: 1px solid var(--_border);
  }
  .day.outside {
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .day:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
    z-index: 1;
  }
  .num {
    align-self: flex-start;
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.7em;
    block-size: 1.7em;
    padding-inline: 0.2em;
    box-sizing: border-box;
    border-radius: 999px;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .today .num {
    background: var(--_accent);
    color: var(--_surface);
    font-weight: 700;
  }
  .chip {
    display: flex;
    gap: 0.3em;
    block-size: 1.3em;
    padding-inline: 0.3em;
    border-inline-start: 3px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_accent) 16%, var(--_surface));
    color: var(--_text);
    font-size: 0.78em;
    line-height: 1.3em;
    white-space: nowrap;
    overflow: hidden;
    text-decoration: none;
  }
  .chip time {
    flex: none;
    font-weight: 600;
  }
  .chip .name {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  a.chip:hover .name {
    text-decoration: underline;
  }
  /* A multi-day event: flat, joined edges across the days it covers. */
  .chip.from {
    margin-inline-start: calc(-1px - var(--day-pad));
    padding-inline-start: calc(1px + var(--day-pad) + 0.3em);
    border-inline-start: 0;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .chip.to {
    margin-inline-end: calc(-1 * var(--day-pad));
    padding-inline-end: calc(var(--day-pad) + 0.3em);
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .chip.cancelled {
    border-inline-start-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }
  .chip.cancelled .name {
    text-decoration-line: line-through;
  }
  .chip.tentative {
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .chip.gap {
    visibility: hidden;
  }
  .more {
    align-self: flex-start;
    padding: 0 0.3em;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.78em;
    font-weight: 600;
    line-height: 1.3em;
    white-space: nowrap;
  }
  .more:hover {
    text-decoration: underline;
  }
  .more-n {
    display: none;
  }
  /* Narrow: chips become dots and thin bars; the dialog has the words. */
  @container (max-width: 40em) {
    .day {
      --day-pad: 0.2rem;
      min-block-size: 3.6em;
    }
    .chip,
    .chip.from,
    .chip.to {
      block-size: 0.45em;
      padding: 0;
      border: 0;
      background: var(--_accent);
    }
    .chip:not(.from, .to) {
      inline-size: 0.45em;
      border-radius: 50%;
    }
    .chip.cancelled {
      background: var(--_danger);
    }
    .chip.tentative {
      background: var(--_muted);
    }
    .chip > *,
    .more-text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .more-n {
      display: inline;
    }
    .more {
      padding: 0;
      font-size: 0.72em;
      line-height: 1.1;
    }
    .month-title {
      font-size: 1.05em;
    }
  }
  @container (max-width: 24em) {
    .weekday {
      font-size: 0.7em;
      padding-inline: 0;
    }
    .num {
      min-inline-size: 1.4em;
      block-size: 1.4em;
      font-size: 0.78em;
    }
  }
  .day-dialog {
    inline-size: min(36em, calc(100% - 2em));
    max-block-size: calc(100% - 2em);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .day-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-body {
    padding: var(--_spacing);
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_spacing);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1.15em;
  }
`;
