import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../events/define.js';
import { placeLine } from '../../format/address.js';
import { isValidZone } from '../../format/dates.js';
import { dateTimeFormat } from '../../format/intl.js';
import { htmlToText } from '../../format/html-text.js';
import { sanitizeHtml } from '../../format/sanitize.js';
import type { Group, Post, PostPage } from '../../model/group.js';
import { cleanHandle, getGroup, groupFeeds, listPosts } from '../../sources/mobilizon/group.js';
import { instanceHost } from '../../sources/mobilizon/instance.js';
import { check, MAX_LIMIT } from '../../model/query.js';
import { MobilizonElement } from '../shared/base.js';
import { closeDialog, dialogStyles, modal } from '../shared/dialog.js';
import { isPlainClick } from '../shared/links.js';
import { Loader, renderLoad } from '../shared/loader.js';
import { paginationStyles, renderPagination } from '../shared/pagination.js';
import { renderSkeleton, renderWaiting, stateStyles } from '../shared/states.js';
import { thumbnailStyles } from '../shared/event-list.js';
import { tokens } from '../shared/tokens.js';

const SECTIONS = ['about', 'events', 'past', 'posts'];
const DEFAULT_LIMIT = 5;
const EXCERPT = 200;

interface Shown {
  /** Null when the element names no group. */
  group: Group | null;
  /** Null when the posts section is off. */
  posts: PostPage | null;
}

/** Plain text of a post's HTML, cut at a word near `max` characters. */
function excerpt(content: string | null, max = EXCERPT): string {
  const text = content ? htmlToText(content).replace(/\s+/g, ' ').trim() : '';
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

/**
 * A Mobilizon group's page: banner, avatar, name, handle, description, counts, how to join, follow
 * or contact it (on its instance), its calendar feeds, its upcoming and past events (through
 * <mobilizon-events>) and its posts (opened in a dialog).
 *
 * @tagname mobilizon-group
 * @summary A Mobilizon group: who it is, its events and its posts.
 * @event {CustomEvent<MobilizonLoadDetail>} mobilizon-load - The group is shown; `detail.group` is the group (`detail.total` is 1). The
 *   embedded event lists announce theirs too.
 * @event {CustomEvent<MobilizonErrorDetail>} mobilizon-error - Loading failed; `detail.code` (`group_not_found`, …) and `detail.message` say why.
 * @event {CustomEvent<MobilizonSelectDetail>} mobilizon-select - From the embedded event lists (cancelable): an event is being opened.
 * @slot - Fallback content (e.g. server-rendered HTML), shown until the group is loaded.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart header - The group's header.
 * @csspart banner - The banner (its space is reserved while it loads; a group without one gets a compact header).
 * @csspart avatar - The group's avatar.
 * @csspart title - The group's name; a post's title in the dialog.
 * @csspart summary - The group's description.
 * @csspart actions - Join, follow, contact and feed links.
 * @csspart button - Links and buttons drawn as buttons.
 * @csspart posts - The posts section.
 * @csspart post - One post.
 * @csspart dialog - The dialog that shows a post.
 * @csspart pagination - The posts' page navigation.
 * @csspart empty - "No posts yet".
 * @csspart error - The error state.
 * @csspart event-title - Event titles in the embedded lists (which also export event, date, location, badge, list, picture, pagination, button, empty, error).
 * @csspart retry - The "Try again" button of the error state (also a `button`).
 */
export class MobilizonGroup extends MobilizonElement<'group'> {
  static override styles = [
    tokens,
    stateStyles,
    thumbnailStyles,
    paginationStyles,
    dialogStyles,
    css`
      /* The list sits on this element's surface, inside its inset. */
      mobilizon-events {
        --mobilizon-padding: 0;
      }
      .banner {
        position: relative;
        aspect-ratio: 3;
        overflow: hidden;
        border-radius: var(--_radius);
        background: var(--_surface-alt);
      }
      .banner img {
        position: absolute;
        inset: 0;
        inline-size: 100%;
        block-size: 100%;
        object-fit: cover;
      }
      .identity {
        display: flex;
        gap: var(--_spacing);
        align-items: center;
        margin-block: var(--_spacing) 0.5em;
      }
      /* No banner: a compact header, the avatar at the top. */
      .identity:first-child {
        margin-block-start: 0;
      }
      .avatar {
        flex: none;
        inline-size: 4.5em;
        block-size: 4.5em;
        border-radius: 50%;
        object-fit: cover;
        background: var(--_surface-alt);
        display: grid;
        place-items: center;
        font-size: 1.8em;
        font-weight: 700;
        color: var(--_muted);
      }
      .names {
        min-inline-size: 0;
      }
      h2,
      h3,
      h4 {
        margin: 0;
        line-height: 1.25;
        overflow-wrap: anywhere;
      }
      h2 {
        font-size: 1.5em;
      }
      h3 {
        font-size: 1.2em;
        margin-block: calc(var(--_spacing) * 1.5) 0.5em;
      }
      h4 {
        font-size: 1.05em;
      }
      p {
        margin: 0.25em 0;
      }
      .muted,
      .meta {
        color: var(--_muted);
        overflow-wrap: anywhere;
      }
      .meta {
        font-size: 0.9em;
      }
      .summary {
        overflow-wrap: anywhere;
      }
      .summary img,
      .body img {
        max-inline-size: 100%;
        block-size: auto;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-block: var(--_spacing) 0.25em;
      }
      .feeds a {
        color: var(--_accent);
      }
      .posts ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .post {
        display: flex;
        gap: var(--_spacing);
        padding-block: calc(var(--_spacing) * 0.75);
        border-block-end: 1px solid var(--_border);
      }
      .post > div {
        flex: 1;
        min-inline-size: 0;
      }
      [aria-busy='true'] > ul {
        opacity: 0.55;
      }
      dialog > img {
        display: block;
        inline-size: 100%;
        block-size: auto;
        aspect-ratio: 16 / 9;
        object-fit: cover;
      }
      .body {
        overflow-wrap: anywhere;
      }
      .close {
        margin-inline-end: 0.5em;
      }
      .skeleton-avatar,
      .skeleton-line {
        background: var(--_surface-alt);
        animation: pulse 1.4s ease-in-out infinite;
      }
      .skeleton-line {
        inline-size: 40%;
        block-size: 1.6em;
        border-radius: var(--_radius);
      }
      .error {
        padding: var(--_spacing);
        border: 1px solid var(--_danger);
        border-radius: var(--_radius);
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    group: {},
    sections: {},
    limit: { type: Number },
    page: { state: true },
    opened: { state: true },
  };

  /** The group's handle: `name`, or `name@domain` for a group on another instance. */
  declare group?: string;
  /**
   * What to show under the header, comma-separated: `about`, `events`, `past`, `posts` (default: all four).
   * @default 'about,events,past,posts'
   */
  declare sections?: string;
  /**
   * Events and posts per page, 1 to 99 (default 5).
   * @default 5
   */
  declare limit?: number;

  private page = 1;
  private opened?: Post;
  private openedFrom?: HTMLElement | null;
  private announced?: string;
  /** What each sanitized container holds, so it is filled once per content. */
  private readonly filled = new WeakMap<Element, string>();

  private readonly loader = new Loader(
    this,
    () => [this.instance, this.endpoint, this.group, this.sections, this.pageSize, this.page] as const,
    async ([, , handle, , limit, page], signal): Promise<Shown> => {
      const sections = this.shownSections;
      for (const section of sections) check('sections', section, SECTIONS);
      const name = cleanHandle(handle);
      if (!name) {
        await this.useMessages('group');
        return { group: null, posts: null };
      }
      const client = this.client;
      const options = { signal, onRevalidate: () => void this.loader.run() };
      const [group, posts] = await Promise.all([
        getGroup(client, name, options),
        sections.has('posts') ? listPosts(client, name, page, limit, options) : null,
        this.useMessages('group'),
      ]);
      return { group, posts };
    },
    (error) => this.explain(error),
  );

  /** The sections asked for (checked when loading: an unknown one is a configuration error). */
  private get shownSections(): Set<string> {
    return new Set((this.sections ?? SECTIONS.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  }

  /** `limit`, bounded to what Mobilizon accepts. */
  private get pageSize(): number {
    const wanted = Number(this.limit ?? DEFAULT_LIMIT);
    return wanted >= 1 ? Math.min(MAX_LIMIT, Math.floor(wanted)) : DEFAULT_LIMIT;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('group') || changed.has('instance') || changed.has('limit'))) this.page = 1;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.loader.state;
    const shown = state.status === 'complete' ? state.value : state.status === 'pending' ? state.last : undefined;
    // Announced once per group shown (not again for each page of posts).
    const group = state.status === 'complete' ? state.value.group : undefined;
    const key = group === undefined ? undefined : group ? `${group.source.instance} ${group.handle}` : '';
    if (key !== undefined && key !== this.announced) {
      if (group) this.emit('mobilizon-load', { total: 1, group });
      else this.emit('mobilizon-error', { code: 'configuration', message: this.i18n.t('noGroup') });
    }
    if (state.status !== 'pending') this.announced = key;
    this.fill('.summary', shown?.group?.summary);
    this.fill('.body', this.opened?.content);
  }

  /** Untrusted HTML through the sanitizer into its (empty, Lit-rendered) container: never as a string. */
  private fill(selector: string, source: string | null | undefined): void {
    const box = this.renderRoot.querySelector(selector);
    if (!box || !source || this.filled.get(box) === source) return;
    this.filled.set(box, source);
    void sanitizeHtml(source).then((safe) => {
      if (this.filled.get(box) === source) box.replaceChildren(safe);
    });
  }

  override render(): TemplateResult {
    const { i18n } = this;
    const state = this.loader.state;
    let status = '';
    const body = renderLoad(state, {
      value: (shown, busy) => {
        status = shown.group?.name ?? '';
        return shown.group
          ? this.renderGroup(shown.group, shown.posts, busy)
          : html`<div class="error" part="error" role="alert"><p>${i18n.t('noGroup')}</p></div>`;
      },
      error: (d) => this.errors!.renderError(d.message, i18n, d.retry ? () => void this.loader.run() : undefined),
      waiting: () => {
        // Said once the words are there (never the bare key).
        status = i18n.has('group') ? i18n.t('loadingGroup') : '';
        return renderWaiting(
          this,
          () => html`<div aria-hidden="true">
            <div class="banner"></div>
            <div class="identity"><span class="avatar skeleton-avatar"></span><span class="skeleton-line"></span></div>
            ${renderSkeleton(2)}
          </div>`,
        );
      },
    });
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <p class="visually-hidden" role="status">${status}</p>
      ${body} ${this.renderPost()}
    </div>`;
  }

  private renderGroup(group: Group, posts: PostPage | null, busy: boolean): TemplateResult {
    const { i18n } = this;
    const t = i18n.t.bind(i18n);
    const sections = this.shownSections;
    const home = group.url ?? '';
    const host = instanceHost(home);
    const feeds = groupFeeds(group);
    const place = group.location ? placeLine(group.location) : '';
    const counts = [
      group.membersCount !== null ? t('members', { count: group.membersCount }) : '',
      group.followersCount !== null ? t('followers', { count: group.followersCount }) : '',
    ].filter(Boolean);
    const link = (href: string, label: string, primary = false) =>
      html`<a part="button" class=${primary ? 'button primary' : 'button secondary'} href=${href} rel="noopener" aria-describedby="account">${label}</a>`;
    const join =
      group.openness === 'OPEN' || group.openness === 'MODERATED'
        ? link(home, t(group.openness === 'OPEN' ? 'join' : 'askToJoin'), true)
        : group.openness === 'INVITE_ONLY'
          ? html`<span class="muted">${t('byInvitation')}</span>`
          : nothing;
    // A heading, not a landmark: the list inside is already a region named after its period.
    const list = (period: string, title: 'upcomingEvents' | 'pastEvents') => html`<div class="events-section">
      <h3 id=${period} aria-level=${this.level(1)}>${t(title)}</h3>
      <mobilizon-events
        instance=${this.instance ?? ''}
        endpoint=${this.endpoint ?? nothing}
        locale=${this.resolvedLocale}
        timezone=${this.timezone}
        theme=${ifDefined(this.theme ?? undefined)}
        group=${group.handle}
        period=${period}
        limit=${this.pageSize}
        ?structured-data=${this.structuredData}
        heading-level=${(this.headingLevel ?? 2) + 2}
        exportparts="list, event, title: event-title, date, location, badge, picture, pagination, button, empty, error"
        >${period === 'upcoming' ? html`<p slot="empty" dir=${i18n.dir} lang=${i18n.locale}>${t('noEventsYet')}</p>` : nothing}</mobilizon-events
      >
    </div>`;
    return html`<div class="header" part="header">
        ${group.image
          ? html`<div class="banner" part="banner">
              <img src=${group.image.url} alt="" width=${group.image.width ?? 1500} height=${group.image.height ?? 500} decoding="async" referrerpolicy="no-referrer" />
            </div>`
          : nothing}
        <div class="identity">
          ${group.icon
            ? html`<img class="avatar" part="avatar" src=${group.icon.url} alt=${t('avatarOf', { name: group.name })} width="72" height="72" decoding="async" referrerpolicy="no-referrer" />`
            : html`<span class="avatar" part="avatar" aria-hidden="true">${[...group.name][0]?.toUpperCase()}</span>`}
          <div class="names">
            <h2 part="title" aria-level=${this.level(0)}><a href=${home} rel="noopener">${group.name}</a></h2>
            <p class="muted" dir="ltr">@${group.preferredUsername}@${group.domain}</p>
          </div>
        </div>
        ${counts.length ? html`<p class="counts">${counts.join(' · ')}</p>` : nothing}
        ${sections.has('about') && place ? html`<p class="muted">${place}</p>` : nothing}
        ${sections.has('about') && group.summary ? html`<div class="summary" part="summary"></div>` : nothing}
        <div class="actions" part="actions">
          ${join} ${link(home, t('follow'))} ${link(home, t('contact'))}
        </div>
        <p class="meta" id="account">${t('needsAccount', { host })}</p>
        <p class="meta feeds">
          ${t('subscribe')} <a href=${feeds.webcal}>${t('webcal')}</a> ·
          <a href=${feeds.ics} download>${t('icsFile')}</a> · <a href=${feeds.atom} rel="alternate">${t('atomFeed')}</a>
        </p>
        <p class="meta"><a href=${home} rel="noopener">${t('seeOnInstance', { host })}</a></p>
      </div>
      ${sections.has('events') ? list('upcoming', 'upcomingEvents') : nothing}
      ${sections.has('past') ? list('past', 'pastEvents') : nothing} ${posts ? this.renderPosts(posts, busy, group.name) : nothing}`;
  }

  /** `name`: the group's, so that two groups' posts on one page are told apart. */
  private renderPosts(page: PostPage, busy: boolean, name: string): TemplateResult {
    const { i18n } = this;
    const pages = Math.ceil(page.total / this.pageSize);
    return html`<section class="posts" part="posts" aria-label=${`${i18n.t('posts')} · ${name}`} aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="posts" aria-level=${this.level(1)}>${i18n.t('posts')}</h3>
      ${page.posts.length || this.page > 1
        ? html`<ul>
            ${page.posts.map(
              (post) => html`<li class="post" part="post">
                <div>
                  <h4 aria-level=${this.level(2)}><a href=${post.url ?? ''} rel="noopener" @click=${(e: MouseEvent) => this.open(e, post)}>${post.name}</a></h4>
                  ${this.renderByline(post)}
                  <p>${excerpt(post.content)}</p>
                </div>
                ${post.image
                  ? html`<img class="picture" src=${post.image.url} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" width=${post.image.width ?? 160} height=${post.image.height ?? 90} />`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="empty" part="empty">${i18n.t('noPostsYet')}</p>`}
      ${renderPagination({ page: this.page, pages, busy, label: i18n.t('postPages'), go: (to) => void this.goTo(to) }, i18n)}
    </section>`;
  }

  /** Date and author of a post, in the visitor's language (and the zone the site owner named). */
  private renderByline(post: Post): TemplateResult {
    const { i18n } = this;
    const zone = this.zoneMode;
    const author = post.author?.name ?? post.attributedTo?.name;
    const date = post.published
      ? dateTimeFormat(i18n.locale, { dateStyle: 'medium', timeZone: isValidZone(zone) ? zone : undefined }).format(new Date(post.published))
      : '';
    return html`<p class="meta">
      ${date ? html`<time datetime=${post.published!}>${date}</time>` : nothing}${date && author ? ' · ' : ''}${author
        ? i18n.t('by', { name: author })
        : ''}
    </p>`;
  }

  private renderPost(): TemplateResult | typeof nothing {
    const { i18n, opened: post } = this;
    if (!post) return nothing;
    const closed = () => (this.opened = undefined);
    return html`<dialog class="modal" part="dialog" aria-labelledby="post-title" ${modal(true, closed, this.openedFrom)}>
      ${post.image
        ? html`<img src=${post.image.url} alt="" width=${post.image.width ?? 1600} height=${post.image.height ?? 900} decoding="async" referrerpolicy="no-referrer" />`
        : nothing}
      <div class="dialog-body">
        <h2 id="post-title" part="title" tabindex="-1" autofocus>${post.name}</h2>
        ${this.renderByline(post)}
        <div class="body"></div>
        <p class="actions">
          <button part="button" class="secondary close" @click=${closeDialog}>
            ${i18n.t('closePost')}
          </button>
          ${post.url ? html`<a part="button" class="button primary" href=${post.url} rel="noopener">${i18n.t('readOn', { host: instanceHost(post.url) })}</a>` : nothing}
        </p>
      </div>
    </dialog>`;
  }

  /** Opens a post in the dialog (a modified click still follows the link to the instance). */
  private open(e: MouseEvent, post: Post): void {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    this.openedFrom = e.currentTarget as HTMLElement;
    this.opened = post;
  }

  private async goTo(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    await this.loader.done;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.post a')?.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-group': MobilizonGroup;
  }
}
