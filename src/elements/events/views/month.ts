// The month view: a calendar grid in the WAI-ARIA grid pattern (one focusable day, arrows, Home/End,
// Page Up/Down), each event on every local day it covers in its display zone, a day's events in a
// dialog. Split as Lion's calendar is: this controller owns focus and keys; ./month-data.ts holds the
// pure functions (months, lanes); ./month-templates.ts draws.
import { css, type ReactiveController, type TemplateResult } from 'lit';
import { addDays, dayKey, monthGrid, type DayKey } from '../../../format/zoned.js';
import { dialogStyles } from '../../shared/dialog.js';
import { eventsOn, isMonth, layout, sameDay, shiftMonth } from './month-data.js';
import { renderMonth } from './month-templates.js';
import type { EventModel } from '../../../model/event.js';
import type { View, ViewContext, ViewHost } from './view.js';

export class MonthView implements View, ReactiveController {
  /** The day that holds tabindex=0. */
  private focus: DayKey | null = null;
  /** The day whose dialog is open. */
  private open: DayKey | null = null;
  /** Move focus to `focus` once it is rendered (after a key moved it, possibly to another month). */
  private refocus = false;
  /** The last layout, of which events, grid and zone mode: a render for focus, a dialog or a picture reuses it. */
  private laid?: [EventModel[], string, ReturnType<typeof layout>];

  constructor(private readonly host: ViewHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.refocus) this.moveFocus();
  }

  /** The host's month; a host that has none yet shows the current month of `zone`. */
  private shownMonth(zone: string): string {
    return isMonth(this.host.month) ? this.host.month : dayKey(Date.now(), zone).slice(0, 7);
  }

  private cell(day: DayKey): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"]`);
  }

  private moveFocus(): void {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    // The visitor went elsewhere meanwhile: leave their focus alone.
    const ours = active && this.host.renderRoot.contains(active) && active.closest('[role="grid"]');
    if (active && active !== document.body && !ours) return void (this.refocus = false);
    const cell = this.focus && this.cell(this.focus);
    if (cell) {
      this.refocus = false;
      cell.focus();
    }
  }

  /** Moves the focusable day; a day outside the grid (or `change`) shows that day's month. */
  private moveTo(day: DayKey, days: DayKey[], change = false): void {
    this.focus = day;
    this.refocus = true;
    if (change || !days.includes(day)) this.host.showMonth(day.slice(0, 7));
    else this.host.requestUpdate();
  }

  private openDay(day: DayKey): void {
    this.focus = this.open = day;
    this.host.requestUpdate();
  }

  private onKey(e: KeyboardEvent, ctx: ViewContext, days: DayKey[]): void {
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
        return this.moveTo(sameDay(shiftMonth(this.shownMonth(ctx.dayZone), by), day), days, true);
      }
      case 'Enter':
      case ' ':
        // A focused chip link keeps its own Enter.
        if (e.target !== cell) return;
        e.preventDefault();
        return this.openDay(day);
      default:
        return;
    }
    e.preventDefault();
    this.moveTo(to, days);
  }

  render(ctx: ViewContext): TemplateResult {
    const month = this.shownMonth(ctx.dayZone);
    const days = monthGrid(month, ctx.i18n.locale);
    const today = dayKey(Date.now(), ctx.dayZone);
    // The focusable day: the one kept, else the same day number in this month, else today.
    const focus = this.focus && days.includes(this.focus) ? this.focus : sameDay(month, this.focus ?? (today.startsWith(month) ? today : null));
    // While a move to another month is pending, keep its target (this render may still be the old month).
    if (!this.refocus) this.focus = focus;
    const grid = `${days[0]} ${ctx.zoneMode}`;
    if (this.laid?.[0] !== ctx.events || this.laid[1] !== grid) this.laid = [ctx.events, grid, layout(ctx.events, days, ctx.zoneMode)];
    const lanes = this.laid[2];
    return renderMonth(ctx, {
      month,
      days,
      lanes,
      focus,
      today,
      open: this.open,
      opened: this.open ? eventsOn(lanes, this.open) : [],
      // Reads the host's month when clicked, not when rendered: two quick clicks go two months.
      go: (by) => {
        const from = this.shownMonth(ctx.dayZone);
        const to = by === null ? today.slice(0, 7) : shiftMonth(from, by);
        this.focus = by === null ? today : sameDay(to, this.focus);
        if (to === from) this.host.requestUpdate();
        else this.host.showMonth(to);
      },
      clickDay: (day, hasEvents) => {
        if (hasEvents) this.openDay(day);
        else if (this.focus !== day) {
          this.focus = day;
          this.host.requestUpdate();
        }
      },
      keydown: (e) => this.onKey(e, ctx, days),
      closed: () => {
        if (!this.open) return;
        this.focus = this.open;
        this.open = null;
        this.refocus = true;
        this.host.requestUpdate();
      },
    });
  }
}

export const create = (host: ViewHost): View => new MonthView(host);

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
    /* A tap opens the day's dialog: no grey flash left over it (keyboard focus keeps its outline). */
    -webkit-tap-highlight-color: transparent;
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
  /* A multi-day event: one bar per week row, from its first day there across --n days (each day
     cell is 1px of border plus its padding wider than its content; the first has no border). */
  .chip.bar {
    --edge: calc(2 * var(--day-pad) + 1px);
    --first: 0px;
    position: relative;
    z-index: 1;
    box-sizing: border-box;
    inline-size: calc(var(--n, 1) * (100% + var(--edge) - var(--first)) - var(--edge) + var(--first) + var(--ext, 0px));
  }
  .n2 { --n: 2; }
  .n3 { --n: 3; }
  .n4 { --n: 4; }
  .n5 { --n: 5; }
  .n6 { --n: 6; }
  .n7 { --n: 7; }
  .day:first-child > .chip.bar {
    --first: 1px;
  }
  /* Going on before or after this row: flat to the cell's edge. */
  .chip.from {
    --ext: var(--day-pad);
    margin-inline-start: calc(-1 * var(--day-pad));
    padding-inline-start: calc(var(--day-pad) + 0.3em);
    border-inline-start: 0;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .chip.to {
    --ext: var(--day-pad);
  }
  .chip.from.to {
    --ext: calc(2 * var(--day-pad));
  }
  .chip.to {
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
    border: 0;
    background: none;
    box-shadow: none;
  }
  .month-zone {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
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
    /* Too small to aim at: a tap anywhere in a day opens its list. */
    .chip {
      pointer-events: none;
    }
    .chip,
    .chip.from,
    .chip.to {
      block-size: 0.45em;
      padding: 0;
      border: 0;
      background: var(--_accent);
    }
    .chip:not(.bar) {
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
  ${dialogStyles}
`;
