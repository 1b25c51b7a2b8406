// The one event-list renderer: <mobilizon-events> and <mobilizon-group> both draw lists with it.
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { placeLine } from '../../format/address.js';
import { dateTile, formatWhen } from '../../format/when.js';
import type { ElementTranslator, Translator } from '../../format/i18n.js';
import { placeOf, type EventModel } from '../../model/event.js';
import { isOtherOrigin, isPlainClick } from './links.js';

export interface ListContext {
  /** The list's words (the views' set too, where a view is shown). */
  i18n: ElementTranslator<'views'>;
  /** The handle of the group whose list this is: its events need no "by <group>". */
  ownGroup?: string;
  zoneMode: string;
  /** Where an event's title links to; null = no link. */
  href: (event: EventModel) => string | null;
  /** Called on activation, before the link is followed; return false to stop it. */
  select: (event: EventModel) => boolean;
  /** The instance's default picture, for events without one (none: they are drawn without a picture). */
  picture?: string | null;
  /** The rank of the events' titles when `heading-level` sets it (else their h2 says it). */
  level?: number;
}

const FEW_SEATS = 5;

export function renderEventList(events: EventModel[], ctx: ListContext): TemplateResult {
  return html`<ul class="events" part="list">
    ${events.map((e) => renderEventItem(e, ctx))}
  </ul>`;
}

function renderEventItem(event: EventModel, ctx: ListContext): TemplateResult {
  const { i18n } = ctx;
  const locale = i18n.locale;
  const when = formatWhen(event, locale, ctx.zoneMode);
  const tile = dateTile(event, locale, ctx.zoneMode);
  const place = placeOf(event);
  const where = place ? placeLine(place) : '';
  const image = event.image ?? (ctx.picture ? { url: ctx.picture, width: 0, height: 0 } : null);
  return html`<li class="event ${event.status.toLowerCase()}" part="event">
    <div class="tile" aria-hidden="true">
      <span class="tile-month">${tile.month}</span><span class="tile-day">${tile.day}</span>
    </div>
    <div class="body">
      <h2 class="title" part="title" aria-level=${ctx.level ?? nothing} lang=${ifDefined(event.inLanguage ?? undefined)} dir="auto">${renderEventLink(event, ctx)}</h2>
      <p class="when">
        <time part="date" datetime=${event.startTime} title=${when.zone}>${when.text}</time>
      </p>
      ${where ? html`<p class="where" part="location">${where}</p>` : nothing}
      ${renderBadges(event, i18n, ctx.ownGroup, true)}
    </div>
    ${image
      ? html`<img class="picture" part="picture" src=${image.url} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"
          width=${image.width || 160} height=${image.height || 90} />`
      : nothing}
  </li>`;
}

/** The event's title as a link (Mobilizon page, template or inline), announcing the selection first. */
export function renderEventLink(event: EventModel, ctx: ListContext): TemplateResult | string {
  const href = ctx.href(event);
  if (!href) return event.name;
  const onClick = (e: MouseEvent) => {
    if (isPlainClick(e) && !ctx.select(event)) e.preventDefault();
  };
  return html`<a href=${href} rel=${isOtherOrigin(href) ? 'noopener' : nothing} @click=${onClick}>${event.name}</a>`;
}

const badge = (kind: string, text: string) => html`<span class="badge ${kind}" part="badge">${text}</span>`;

/** `count`: also how many take part (the lists; an event page says it in its own words). */
export function renderBadges(event: EventModel, i18n: Translator, ownGroup?: string, count?: boolean): TemplateResult | typeof nothing {
  const badges: TemplateResult[] = [];
  const left = event.remainingAttendeeCapacity;
  if (event.status !== 'CONFIRMED') badges.push(badge(event.status.toLowerCase(), i18n.t(event.status === 'CANCELLED' ? 'cancelled' : 'tentative')));
  if (event.isOnline) badges.push(badge('online', i18n.t('online')));
  if (left !== null && left <= FEW_SEATS && !event.display.hideNumberOfParticipants && event.status !== 'CANCELLED') {
    badges.push(left ? badge('seats', i18n.t('seatsLeft', { count: left })) : badge('full', i18n.t('full')));
  }
  const by = event.attributedTo && event.attributedTo.handle !== ownGroup ? event.attributedTo.name : undefined;
  // As Mobilizon shows it ("3 participants"), unless the organiser hides the number.
  const going = count && event.participantCount && !event.display.hideNumberOfParticipants ? i18n.t('participants', { count: event.participantCount }) : '';
  if (!badges.length && !by && !going) return nothing;
  return html`<p class="meta">${badges}${by ? html`<span class="by">${i18n.t('by', { name: by })}</span>` : nothing}${going
    ? html`<span part="participants">${going}</span>`
    : nothing}</p>`;
}

/** Status, online and capacity badges, wherever events are shown. */
export const badgeStyles = css`
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em 0.5em;
    align-items: center;
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge.cancelled,
  .badge.full {
    color: var(--_danger);
  }
  .badge.tentative,
  .badge.seats {
    color: var(--_warning);
  }
  .badge.online {
    color: var(--_info);
  }
`;

/** A small picture beside a text (an event, a post), hidden when the element is narrow. */
export const thumbnailStyles = css`
  .picture {
    flex: none;
    inline-size: 7.5em;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  @container (max-width: 28em) {
    .picture {
      display: none;
    }
  }
`;

export const eventListStyles = css`
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .event {
    display: flex;
    gap: var(--_spacing);
    align-items: flex-start;
    padding: calc(var(--_spacing) * 0.75) 0;
    border-block-end: 1px solid var(--_border);
  }
  .event:last-child {
    border-block-end: none;
  }
  .tile {
    flex: none;
    inline-size: 3.5em;
    padding-block: 0.35em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    display: grid;
    text-align: center;
    line-height: 1.1;
  }
  .tile-month {
    font-size: 0.75em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .tile-day {
    font-size: 1.5em;
    font-weight: 700;
  }
  .body {
    flex: 1;
    min-inline-size: 0;
  }
  .title {
    margin: 0;
    font-size: 1.05em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .title a {
    text-decoration-color: var(--_accent);
  }
  .title a:hover {
    color: var(--_accent);
  }
  .when,
  .where,
  .meta {
    margin: 0.2em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .event.cancelled .title {
    text-decoration: line-through;
  }
  ${thumbnailStyles}
`;
