// `event-href="inline"`: the event as <mobilizon-event> shows it (picture, description, place, organiser,
// calendar links, registration), in a modal dialog inside the widget (the shared dialog: Escape closes
// it, focus goes back to the link that opened it). The event element loads with the first dialog; it
// shows the list's event at once and fetches the rest.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ElementTranslator } from '../../format/i18n.js';
import type { EventModel } from '../../model/event.js';
import { closeDialog, dialogStyles, modal } from '../shared/dialog.js';

export const styles = css`
  ${dialogStyles}
  dialog.details {
    inline-size: min(48em, calc(100vw - 2em));
  }
  .details-bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
  }
  .details-body h2 {
    margin: 0;
  }
`;

/** What the details need of the list that opens them. */
export interface DetailsHost extends ReactiveControllerHost {
  readonly instance: string | null;
  readonly endpoint: string | null;
  readonly zoneMode: string;
  readonly theme: string | null;
}

export class Details implements ReactiveController {
  private opened?: EventModel;
  private from?: HTMLElement | null;

  constructor(private readonly host: DetailsHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.opened = undefined;
  }

  /** Shows an event; focus returns to `from` (the link that opened it) when the dialog closes. */
  open(event: EventModel, from?: HTMLElement | null): void {
    this.opened = event;
    this.from = from;
    void import('../event/define.js');
    this.host.requestUpdate();
  }

  render(i18n: ElementTranslator<'views'>): TemplateResult | typeof nothing {
    const event = this.opened;
    if (!event) return nothing;
    const { host } = this;
    const close = () => {
      this.opened = undefined;
      this.host.requestUpdate();
    };
    // Named by the event's title (the element's own heading sits in its shadow root).
    return html`<dialog class="modal details" part="dialog" aria-label=${event.name} ${modal(true, close, this.from)}>
      <div class="details-bar">
        <button part="button" class="secondary" autofocus @click=${closeDialog}>${i18n.t('close')}</button>
      </div>
      <div class="dialog-body details-body">
        <mobilizon-event
          .event=${event}
          instance=${host.instance ?? nothing}
          endpoint=${host.endpoint ?? nothing}
          locale=${i18n.locale}
          timezone=${host.zoneMode}
          theme=${ifDefined(host.theme ?? undefined)}
        ></mobilizon-event>
      </div>
    </dialog>`;
  }
}
