import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { placeLine } from '../../format/address.js';
import { displayZone, viewerZone } from '../../format/dates.js';
import { formatWhen } from '../../format/when.js';
import { placeOf, type EventModel, type VirtualLocation } from '../../model/event.js';
import { getEvent, isUuid, parseEventUrl } from '../../sources/mobilizon/event.js';
import { instanceHost } from '../../sources/mobilizon/instance.js';
import { MobilizonElement } from '../shared/base.js';
import { ConfigurationError } from '../../model/configuration-error.js';
import { resolveClient } from '../shared/client.js';
import { cssProps } from '../shared/css-props.js';
import { badgeStyles, renderBadges } from '../shared/event-list.js';
import { Loader, renderLoad } from '../shared/loader.js';
import { renderSkeleton, renderWaiting, stateStyles } from '../shared/states.js';
import { ZoneSwitch } from '../shared/zone-switch.js';
import { tokens } from '../shared/tokens.js';

/**
 * One Mobilizon event with all its details, and its registration form.
 *
 * @tagname mobilizon-event
 * @summary A Mobilizon event's page inside any site.
 * @event {CustomEvent<MobilizonLoadDetail>} mobilizon-load - The event is shown; `detail.total` is 1.
 * @event {CustomEvent<MobilizonErrorDetail>} mobilizon-error - Loading failed; `detail.code` and `detail.message` say why.
 * @slot - Fallback content (e.g. server-rendered HTML), shown until the event is loaded.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart event - The whole event.
 * @csspart picture - The event's picture.
 * @csspart title - The title.
 * @csspart date - The date and time.
 * @csspart location - The place.
 * @csspart badge - Status, online and capacity badges.
 * @csspart button - Buttons and button-like links.
 * @csspart description - The description.
 * @csspart error - The error state.
 * @csspart retry - The "Try again" button of the error state (also a `button`).
 */
export class MobilizonEvent extends MobilizonElement<'event' | 'views'> {
  static override styles = [
    tokens,
    stateStyles,
    badgeStyles,
    css`
      mobilizon-registration {
        --mobilizon-padding: 0;
      }
      article {
        display: grid;
        gap: var(--_spacing);
      }
      .picture {
        display: block;
        inline-size: 100%;
        block-size: auto;
        object-fit: cover;
        border-radius: var(--_radius);
        background: var(--_surface-alt);
      }
      h2 {
        margin: 0;
        font-size: 1.6em;
        line-height: 1.25;
        overflow-wrap: anywhere;
      }
      .status {
        margin: 0;
        padding: 0.6em 0.9em;
        border-radius: var(--_radius);
        font-weight: 700;
        border: 2px solid currentColor;
      }
      .status.cancelled {
        color: var(--_danger);
      }
      .status.tentative {
        color: var(--_warning);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.5em var(--_spacing);
        margin: 0;
      }
      dt {
        color: var(--_muted);
        font-size: 0.9em;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      dd p {
        margin: 0 0 0.25em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      .organiser {
        display: flex;
        align-items: center;
        gap: 0.5em;
      }
      .organiser img {
        inline-size: 2.5em;
        block-size: 2.5em;
        border-radius: 50%;
        object-fit: cover;
        background: var(--_surface-alt);
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35em;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .tags li {
        padding: 0.05em 0.6em;
        border-radius: 999px;
        background: var(--_surface-alt);
        font-size: 0.85em;
      }
      .description {
        overflow-wrap: anywhere;
      }
      .description img {
        max-inline-size: 100%;
        block-size: auto;
      }
      @container (max-width: 30em) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-block-end: 0.5em;
        }
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    uuid: {},
    url: {},
    registration: {},
    event: { attribute: false },
  };

  /** The event's uuid on `instance`. */
  declare uuid?: string;
  /** Or the full URL of an event on any instance (instance and uuid are taken from it). */
  declare url?: string;
  /**
   * `auto` (default): the registration block under the event; `none`: without it.
   * @default 'auto'
   */
  declare registration?: 'auto' | 'none';
  /**
   * An event already loaded (a list's card, an iCal feed's event): shown at once, its full details then
   * fetched from its instance by its uuid (iCal events are shown as they are).
   */
  declare event?: EventModel;
  private readonly zoneSwitch = new ZoneSwitch(this);
  private descriptionFor?: string;

  private readonly loader = new Loader(
    this,
    () => [this.instance, this.endpoint, this.uuid, this.url, this.event] as const,
    async ([instance, endpoint, uuid, url, given], signal) => {
      const words = Promise.all([this.useMessages('event'), this.useMessages('views')]);
      if (given) {
        // A feed's event has no page to fetch; a Mobilizon one is fetched whole (what the list had stays on failure).
        if (given.source.kind !== 'mobilizon') return words.then(() => given);
        instance = given.source.instance;
        uuid = given.uuid;
        url = undefined;
      }
      const fromUrl = parseEventUrl(url);
      if (url?.trim() && !fromUrl) throw new ConfigurationError('errorNoEvent');
      const target = fromUrl ?? (isUuid(uuid) ? { uuid: uuid!.trim().toLowerCase() } : null);
      if (!target) throw new ConfigurationError('errorNoEvent');
      // An event URL names its own instance; otherwise `instance` does.
      const client = resolveClient({ instance, endpoint }, fromUrl?.instance);
      const [event] = await Promise.all([
        getEvent(client, target.uuid, { signal, onRevalidate: () => void this.loader.run() }).catch((error) => {
          if (given && !signal.aborted) return given;
          throw error;
        }),
        words,
      ]);
      return event;
    },
    (error) => this.explain(error),
  );

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.loader.state;
    if (state.status !== 'complete') return;
    const event = state.value;
    const fresh = this.descriptionFor !== event.uuid + (event.content ?? '');
    if (fresh || changed.has('structuredData')) this.describeEvents([event]);
    if (fresh) {
      this.descriptionFor = event.uuid + (event.content ?? '');
      this.emit('mobilizon-load', { total: 1 });
      void this.showDescription(event);
      if (this.registration !== 'none' && event.source.kind === 'mobilizon') void import('../registration/define.js');
    }
  }

  /** The description through the sanitizer, into its container (never as a raw string). */
  private async showDescription(event: EventModel): Promise<void> {
    const box = this.renderRoot.querySelector<HTMLElement>('.description');
    if (!box || !event.content) return;
    // A feed's plain text is text (its line breaks kept by the style), never markup.
    if (event.mediaType === 'text/plain') {
      box.style.whiteSpace = 'pre-line';
      return void (box.textContent = event.content);
    }
    const { sanitizeHtml } = await import('../../format/sanitize.js');
    box.replaceChildren(await sanitizeHtml(event.content));
  }

  override render(): TemplateResult {
    const { i18n } = this;
    const state = this.loader.state;
    const body = renderLoad(state, {
      // The event shown stays while a newer answer is on its way (it was shown in full before).
      value: (event) => this.renderEvent(event),
      error: (d) => this.errors!.renderError(d.message, i18n, d.retry ? () => void this.loader.run() : undefined),
      // What the list had is shown while the rest comes (once its words are there).
      waiting: () => (this.event && i18n.has('event') ? this.renderEvent(this.event) : renderWaiting(this, () => renderSkeleton(4))),
    });
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <p class="visually-hidden" role="status">${state.status === 'pending' || state.status === 'initial' ? i18n.t('loading') : ''}</p>
      ${body}
    </div>`;
  }

  private renderEvent(event: EventModel): TemplateResult {
    const { i18n } = this;
    const t = i18n.t.bind(i18n);
    const zoneMode = this.zoneSwitch.mode(this.zoneMode);
    const when = formatWhen(event, i18n.locale, zoneMode);
    const place = placeOf(event);
    const online = event.location.find((l): l is VirtualLocation => l.type === 'VirtualLocation');
    const source = event.source.kind === 'mobilizon' ? event.source : undefined;
    const details = source?.details;
    const host = instanceHost(event.url ?? source?.instance ?? '');
    const otherZone = event.display.showStartTime && this.zoneMode === 'event' && displayZone(event, 'event') !== viewerZone();
    const image = event.image;
    const ratio = image?.width && image.height ? `${image.width} / ${image.height}` : '16 / 9';
    const organiser = event.attributedTo;
    const prices = details?.showPrice ? details.offers : [];
    return html`<article part="event" class=${event.status.toLowerCase()}>
      ${image
        ? html`<img class="picture" part="picture" src=${image.url} alt=${image.name ?? ''} ${cssProps({ 'aspect-ratio': ratio })}
            width=${image.width ?? 1600} height=${image.height ?? 900} decoding="async" referrerpolicy="no-referrer" />`
        : nothing}
      ${event.status !== 'CONFIRMED'
        ? html`<p class="status ${event.status.toLowerCase()}" role="note">${t(event.status === 'CANCELLED' ? 'cancelledNotice' : 'tentativeNotice')}</p>`
        : nothing}
      <h2 part="title" aria-level=${this.level(0)} lang=${ifDefined(event.inLanguage ?? undefined)} dir="auto">${event.name}</h2>
      ${renderBadges({ ...event, attributedTo: null }, i18n)}
      <dl>
        <dt>${t('date')}</dt>
        <dd>
          <p><time part="date" datetime=${event.startTime} title=${when.zone}>${when.text}</time></p>
          <div class="actions">
            ${otherZone || this.zoneSwitch.local ? this.zoneSwitch.render(i18n) : nothing}
            <button part="button" class="secondary" @click=${() => this.addToCalendar(event)}>${t('addToCalendar')}</button>
            ${event.url ? html`<a part="button" class="button secondary" href="${event.url}/export/ics" rel="noopener" download>${t('icalFile', { instance: host })}</a>` : nothing}
          </div>
        </dd>
        ${place
          ? html`<dt>${t('place')}</dt>
              <dd part="location">
                <p>${place.name ?? ''}</p>
                <p>${[place.address.streetAddress, [place.address.postalCode, place.address.addressLocality].filter(Boolean).join(' '), place.address.addressCountry]
                  .filter(Boolean)
                  .join(', ') || placeLine(place)}</p>
                ${place.latitude !== null && place.longitude !== null
                  ? html`<a href=${`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`}
                      rel="noopener noreferrer" target="_blank">${t('map')}</a>`
                  : nothing}
              </dd>`
          : nothing}
        ${online || details?.links.length
          ? html`<dt>${t('online')}</dt>
              <dd class="actions">
                ${online?.url && /^https:/.test(online.url) ? html`<a part="button" class="button secondary" href=${online.url} rel="noopener noreferrer" target="_blank">${t('joinOnline')}</a>` : nothing}
                ${details?.links.map(
                  (link) => html`<a part="button" class="button secondary" href=${link.url} rel="noopener noreferrer" target="_blank">${link.title ?? t(linkKind(link.key))}</a>`,
                )}
              </dd>`
          : nothing}
        ${organiser
          ? html`<dt>${t('organiser')}</dt>
              <dd class="organiser">
                ${organiser.icon ? html`<img src=${organiser.icon} alt="" width="40" height="40" loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing}
                ${organiser.url ? html`<a href=${organiser.url} rel="noopener">${organiser.name}</a>` : organiser.name}
                <span class="handle">@${organiser.handle.includes('@') ? organiser.handle : `${organiser.handle}@${host}`}</span>
              </dd>`
          : nothing}
        ${event.maximumAttendeeCapacity && !event.display.hideNumberOfParticipants
          ? html`<dt>${t('participants')}</dt>
              <dd>${t('participants', { count: event.participantCount ?? 0 })} / ${event.maximumAttendeeCapacity}</dd>`
          : nothing}
        ${prices.length
          ? html`<dt>${t('price')}</dt>
              <dd>${prices.map((offer) => html`<p>${formatPrice(offer, i18n.locale, t('free'))}</p>`)}</dd>`
          : nothing}
        ${details?.conditions.length
          ? html`<dt>${t('conditions')}</dt>
              <dd>${details.conditions.map((c) => html`<p>${c.url ? html`<a href=${c.url} rel="noopener noreferrer" target="_blank">${c.title ?? c.url}</a>` : c.title}${c.content ? html` — ${c.content}` : nothing}</p>`)}</dd>`
          : nothing}
        ${details?.phone ? html`<dt>${t('phone')}</dt><dd>${details.phone}</dd>` : nothing}
        ${event.category ? html`<dt>${t('category')}</dt><dd>${humanize(event.category)}</dd>` : nothing}
        ${event.inLanguage ? html`<dt>${t('language')}</dt><dd>${languageName(event.inLanguage, i18n.locale)}</dd>` : nothing}
        ${event.tag.length
          ? html`<dt>${t('tags')}</dt><dd><ul class="tags">${event.tag.map((tag) => html`<li>#${tag.name}</li>`)}</ul></dd>`
          : nothing}
      </dl>
      ${event.content
        ? html`<section class="description" part="description" aria-label=${t('about')} lang=${ifDefined(event.inLanguage ?? undefined)} dir="auto"></section>`
        : nothing}
      ${this.registration !== 'none' && source
        ? html`<mobilizon-registration .event=${event} instance=${source.instance} uuid=${event.uuid} locale=${i18n.locale}
            timezone=${this.timezone} theme=${ifDefined(this.theme ?? undefined)} endpoint=${this.endpoint ?? nothing}></mobilizon-registration>`
        : nothing}
      ${event.url ? html`<p><a href=${event.url} rel="noopener">${t('openOnInstance', { instance: host })}</a></p>` : nothing}
    </article>`;
  }

  private async addToCalendar(event: EventModel): Promise<void> {
    const { downloadIcs } = await import('../../format/ics-export.js');
    downloadIcs(event);
  }
}

/** Mobilizon's metadata keys: `mz:live:peertube:url`, `mz:visio:jitsi_meet`, `mz:replay:…`. */
const linkKind = (key: string) => (/live/.test(key) ? 'liveStream' : /visio/.test(key) ? 'videoCall' : /replay/.test(key) ? 'replay' : 'link');

/** `OUTDOORS_ADVENTURE` → "Outdoors adventure" (Mobilizon's ids; admins can add their own). */
const humanize = (id: string) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, ' ');

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function formatPrice(offer: { price: number | null; currency: string | null }, locale: string, free: string): string {
  if (!offer.price) return free;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: offer.currency ?? 'EUR' }).format(offer.price);
  } catch {
    return `${offer.price} ${offer.currency ?? ''}`.trim();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-event': MobilizonEvent;
  }
}
