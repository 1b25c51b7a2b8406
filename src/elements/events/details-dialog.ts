// `event-href="inline"`: an event's details in a modal dialog inside the widget (Escape closes it,
// focus goes back to the link that opened it), with a link to its Mobilizon page for the rest.
import { css, html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { placeLine } from '../../format/address.js';
import { formatWhen } from '../../format/dates.js';
import type { ElementTranslator } from '../../format/i18n.js';
import { placeOf, type EventModel } from '../../model/event.js';
import { renderBadges } from '../shared/event-list.js';

export const styles = css`
  dialog.details {
    inline-size: min(40em, calc(100vw - 2em));
    max-block-size: calc(100vh - 2em);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog.details::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .details-picture {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--_surface-alt);
  }
  .details-body {
    padding: var(--_spacing);
  }
  .details-body h2 {
    margin: 0 0 0.5em;
    font-size: 1.35em;
    overflow-wrap: anywhere;
  }
  .details-body p {
    margin: 0.35em 0;
  }
  .details-actions {
    display: flex;
    gap: 0.5em;
    justify-content: flex-end;
    margin-block-start: var(--_spacing);
  }
  .details-actions a {
    display: inline-block;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    text-decoration: none;
  }
`;

export interface DetailsOptions {
  i18n: ElementTranslator;
  zoneMode: string;
  close: () => void;
}

export function render(event: EventModel, { i18n, zoneMode, close }: DetailsOptions): TemplateResult {
  const when = formatWhen(event, i18n.locale, zoneMode);
  const place = placeOf(event);
  const address = place ? [placeLine(place), place.address.postalCode, place.address.addressCountry].filter(Boolean).join(' · ') : '';
  return html`<dialog
    class="details"
    part="dialog"
    aria-labelledby="details-title"
    ${ref((el) => {
      // The directive runs before Lit inserts the template into the document.
      const dialog = el as HTMLDialogElement | undefined;
      queueMicrotask(() => dialog?.isConnected && !dialog.open && dialog.showModal());
    })}
    @close=${close}
  >
    ${event.image
      ? html`<img class="details-picture" part="picture" src=${event.image.url} alt=${event.image.name ?? ''}
          width=${event.image.width ?? 1600} height=${event.image.height ?? 900} />`
      : nothing}
    <div class="details-body">
      <h2 id="details-title" part="title">${event.name}</h2>
      <p><time part="date" datetime=${event.startTime} title=${when.zone}>${when.text}</time></p>
      ${address ? html`<p part="location">${address}</p>` : nothing}
      ${renderBadges(event, i18n)}
      ${event.tag.length ? html`<p class="tags">${event.tag.map((t) => `#${t.name}`).join(' ')}</p>` : nothing}
      <div class="details-actions">
        <button part="button" class="secondary" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>
          ${i18n.t('close')}
        </button>
        ${event.url ? html`<a part="button" href=${event.url} rel="noopener">${i18n.t('openEventPage')}</a>` : nothing}
      </div>
    </div>
  </dialog>`;
}
