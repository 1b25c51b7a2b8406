// What a view of <mobilizon-events> receives. Views (list, grid, agenda, month) are lazy modules
// exporting `styles` and `create(host)`, so a page pays only for the view it shows.
// A view with state of its own (the month's focused day, its open day) keeps it in what create returns.
import type { CSSResult, ReactiveControllerHost, TemplateResult } from 'lit';
import type { EventModel } from '../../../model/event.js';
import type { ListContext } from '../../shared/event-list.js';

export interface ViewContext extends ListContext {
  /** The events to show: a page (list, grid, agenda) or every event of the window (month). */
  events: EventModel[];
  /** A newer answer is on its way: show the old one dimmed. */
  busy: boolean;
  /**
   * The zone of "today" and of the month shown: the zone the site owner named, else the viewer's.
   * Each event itself sits on the days it covers in its own display zone (displayZone(event, zoneMode)).
   */
  dayZone: string;
}

export interface View {
  render(ctx: ViewContext): TemplateResult;
}

export interface ViewModule {
  styles: CSSResult;
  create(host: ViewHost): View;
}

/** What a view may ask of the element that shows it. */
export interface ViewHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Month view: the month shown, "YYYY-MM". */
  readonly month: string;
  /** Month view: show another month (the element fetches that month's events and re-renders). */
  showMonth(month: string): void;
}
