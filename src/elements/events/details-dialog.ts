// `event-href="inline"`: an event's details in a modal dialog inside the widget (the shared dialog:
// Escape closes it, focus goes back to the link that opened it), with a link to its Mobilizon page.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { placeLine } from '../../format/address.js';
import { formatWhen } from '../../format/dates.js';
import type { ElementTranslator } from '../../format/i18n.js';
import { placeOf, type EventModel } from '../../model/event.js';
import { closeDialog, dialogStyles, modal } from '../shared/dialog.js';
import { renderBadges } from '../shared/event-list.js';

export const styles = css`
  ${dialogStyles}
  .details-picture {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--_surface-alt);
  }
  .details-body h2 {
    margin: 0 0 0.5em;
    font-size: 1.35em;
    overflow-wrap: anywhere;
  }
  .details-body p {
    margin: 0.35em 0;
  }
`;

/** What the details need of the list that opens them. */
export interface DetailsHost extends ReactiveControllerHost {
  readonly zoneMode: string;
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
    this.host.requestUpdate();
  }

  render(i18n: ElementTranslator<'views'>): TemplateResult | typeof nothing {
    const event = this.opened;
    if (!event) return nothing;
    const when = formatWhen(event, i18n.locale, this.host.zoneMode);
    const place = placeOf(event);
    const address = place ? [placeLine(place), place.address.postalCode, place.address.addressCountry].filter(Boolean).join(' · ') : '';
    const close = () => {
      this.opened = undefined;
      this.host.requestUpdate();
    };
    return html`<dialog class="modal details" part="dialog" aria-labelledby="details-title" ${modal(true, close, this.from)}>
      ${event.image
        ? html`<img class="details-picture" part="picture" src=${event.image.url} alt=${event.image.name ?? ''}
            width=${event.image.width ?? 1600} height=${event.image.height ?? 900} decoding="async" referrerpolicy="no-referrer" />`
        : nothing}
      <div class="dialog-body details-body">
        <h2 id="details-title" part="title">${event.name}</h2>
        <p><time part="date" datetime=${event.startTime} title=${when.zone}>${when.text}</time></p>
        ${address ? html`<p part="location">${address}</p>` : nothing}
        ${renderBadges(event, i18n)}
        ${event.tag.length ? html`<p class="tags">${event.tag.map((t) => `#${t.name}`).join(' ')}</p>` : nothing}
        <div class="dialog-actions">
          <button part="button" class="secondary" @click=${closeDialog}>${i18n.t('close')}</button>
          ${event.url ? html`<a part="button" class="button" href=${event.url} rel="noopener">${i18n.t('openEventPage')}</a>` : nothing}
        </div>
      </div>
    </dialog>`;
  }
}
