// The interactive filter bar (`filters` attribute): search words, online / in person, dates and tag
// chips. Its state lives in the URL hash (`#events.term=velo&events.type=online`), so a shared link
// reopens the same view and Back/Forward restore it. Loaded only by lists that ask for it. A controller:
// it owns what the visitor chose and tells its host through `filtersChanged`.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { datePattern, readDate, showDate } from '../../format/date-field.js';
import type { ElementTranslator } from '../../format/i18n.js';
import type { EventModel } from '../../model/event.js';
import type { EventType } from '../../model/filter.js';
import { EVENT_TYPES } from '../../model/query.js';
import { fieldStyles } from '../shared/forms.js';

/** What the filter bar (and the URL hash it keeps) may set over the attributes. */
export interface BarFilters {
  term?: string;
  tags?: string[];
  type?: EventType;
  from?: string;
  to?: string;
}

export const styles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_spacing);
    align-items: end;
    margin-block-end: var(--_spacing);
    padding-block-end: 0.75em;
    border-block-end: 1px solid var(--_border);
  }
  .filters label,
  .filters fieldset {
    display: grid;
    gap: 0.2em;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .filters fieldset {
    display: flex;
    gap: 0;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .filters legend {
    padding: 0 0 0.2em;
  }
  ${fieldStyles}
  .filters input {
    /* The labels around are 0.85em: fields and choices read at the text's own size. */
    font-size: 1.18em;
  }
  .filters input[type='search'] {
    min-inline-size: 12em;
  }
  .filters input.date {
    inline-size: 8.5em;
  }
  .segment {
    display: inline-flex;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segment label {
    display: block;
    color: var(--_accent);
    font-size: 1.06em;
    padding: 0.35em 0.7em;
    cursor: pointer;
  }
  .segment input {
    position: absolute;
    opacity: 0;
  }
  .segment label:has(input:checked) {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .segment label:has(input:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .chips button {
    padding: 0.15em 0.65em;
    border-radius: 999px;
    font-size: 0.85em;
  }
  .chips button[aria-pressed='false'] {
    background: transparent;
    color: var(--_accent);
  }
`;

/** What the bar reads of the list it filters: its id and the attributes the bar starts from. */
export interface FilterHost extends ReactiveControllerHost {
  /** The prefix of the bar's keys in the URL hash. */
  readonly id: string;
  readonly search?: string;
  readonly term?: string;
  readonly type?: string;
  readonly tags?: string;
  readonly from?: string;
  readonly to?: string;
}

/** What the bar tells and asks its list, without reaching into it. */
export interface FilterLinks {
  /** The events on screen: the bar offers their tags. */
  shown: () => EventModel[];
  /** The visitor changed the filters (the list goes back to page 1 and reloads). */
  changed: () => void;
}

const typeName = (type?: EventType) => Object.keys(EVENT_TYPES).find((k) => EVENT_TYPES[k] === type);

export class FilterBar implements ReactiveController {
  /** What the visitor chose (and the URL hash says) over the attributes. */
  filters: BarFilters = {};
  private readonly prefix: string;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly onHash = () => this.set(this.readHash());
  /** Tags seen while no tag was chosen: the chips stay when one is. */
  private known: string[] = [];
  /** The chip the chip group's one Tab stop leads to (roving tabindex). */
  private current?: string;

  constructor(
    private readonly host: FilterHost,
    private readonly links: FilterLinks,
  ) {
    this.prefix = host.id || 'events';
    // Lit calls hostConnected at once when the host is already connected.
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHash);
    this.onHash();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHash);
    clearTimeout(this.timer);
  }

  private set(filters: BarFilters): void {
    this.filters = filters;
    this.links.changed();
  }

  private readHash(): BarFilters {
    const params = new URLSearchParams(location.hash.slice(1));
    const get = (key: string) => params.get(`${this.prefix}.${key}`) ?? undefined;
    const tags = get('tags');
    const type = get('type');
    return {
      term: get('term'),
      tags: tags === undefined ? undefined : tags.split(',').filter(Boolean),
      type: type ? EVENT_TYPES[type] : undefined,
      from: get('from'),
      to: get('to'),
    };
  }

  private writeHash(filters: BarFilters): void {
    const hash = location.hash.slice(1);
    // A plain anchor ("#agenda") is not ours to keep in the query form; anything with "=" is.
    const params = new URLSearchParams(hash.includes('=') ? hash : '');
    for (const key of [...params.keys()]) if (key.startsWith(`${this.prefix}.`)) params.delete(key);
    const values: Record<string, string | undefined> = {
      term: filters.term || undefined,
      tags: filters.tags?.length ? filters.tags.join(',') : undefined,
      type: typeName(filters.type),
      from: filters.from || undefined,
      to: filters.to || undefined,
    };
    for (const [key, value] of Object.entries(values)) if (value) params.set(`${this.prefix}.${key}`, value);
    const text = params.toString();
    history.replaceState(history.state, '', text ? `#${text}` : location.pathname + location.search);
  }

  private update(change: Partial<BarFilters>, delay = 0): void {
    const next = { ...this.filters, ...change };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.writeHash(next);
      this.set(next);
    }, delay);
  }

  /** Arrow keys, Home and End move between the chips (one Tab stop for the group, as a toolbar). */
  private move(e: KeyboardEvent, dir: string): void {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const to = { [forward]: at + 1, [backward]: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (at < 0 || to === undefined) return;
    e.preventDefault();
    const next = buttons[(to + buttons.length) % buttons.length];
    for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
    this.current = next.dataset.tag;
    next.focus();
  }

  /** `name`: whose or what events, to tell this bar from another list's. */
  render(i18n: ElementTranslator<'views'>, name: string): TemplateResult {
    const { filters: bar, host } = this;
    const global = host.search === 'global';
    const term = bar.term ?? host.term ?? '';
    const type = typeName(bar.type) ?? host.type ?? '';
    const chosen = new Set(bar.tags ?? (host.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean));
    const counts = new Map<string, number>();
    for (const tag of this.links.shown().flatMap((e) => e.tag)) counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
    const frequent = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    // While unfiltered by tag, the shown tags are the ones to offer; once a tag is chosen, the same ones stay.
    if (!chosen.size) this.known = [...new Set([...this.known, ...frequent])];
    const first = [...new Set([...this.known, ...frequent])].slice(0, 12);
    const offered = [...first, ...[...chosen].filter((t) => !first.includes(t))];
    const current = this.current && offered.includes(this.current) ? this.current : offered[0];
    const toggle = (tag: string) => {
      const tags = new Set(chosen);
      if (!tags.delete(tag)) tags.add(tag);
      this.current = tag;
      this.update({ tags: [...tags] });
    };
    const date = (key: 'from' | 'to') => {
      const pattern = datePattern(i18n.locale, i18n.t('dateWords'));
      return html`<label>${i18n.t(key === 'from' ? 'fromLabel' : 'toLabel')}
        <input class="date" type="text" inputmode="numeric" autocomplete="off" part="input" placeholder=${pattern}
          .value=${showDate(bar[key] ?? host[key], i18n.locale)}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const value = readDate(input.value, i18n.locale);
            input.setCustomValidity(value === null ? i18n.t('dateInvalid', { pattern }) : '');
            input.toggleAttribute('aria-invalid', value === null);
            if (value === null) input.reportValidity();
            else this.update({ [key]: value || undefined });
          }} />
      </label>`;
    };
    return html`<form class="filters" part="filters" role="search" aria-label=${[i18n.t('filterLabel'), name].filter(Boolean).join(' · ')} @submit=${(e: Event) => e.preventDefault()}>
      <label>${i18n.t('searchLabel')}
        <input type="search" part="input" .value=${term} placeholder=${i18n.t('searchPlaceholder')}
          @input=${(e: InputEvent) => this.update({ term: (e.target as HTMLInputElement).value }, 350)} />
      </label>
      ${global
        ? nothing
        : html`<fieldset>
            <legend>${i18n.t('typeLabel')}</legend>
            <div class="segment">
              ${(['', 'online', 'in-person'] as const).map(
                (value) => html`<label><input type="radio" name="type" .checked=${type === value} value=${value}
                  @change=${() => this.update({ type: value ? EVENT_TYPES[value] : undefined })} />${i18n.t(
                    value === '' ? 'typeAny' : value === 'online' ? 'online' : 'inPerson',
                  )}</label>`,
              )}
            </div>
          </fieldset>`}
      ${date('from')} ${date('to')}
      <button type="button" part="button" class="secondary" @click=${() => this.update({ term: undefined, tags: undefined, type: undefined, from: undefined, to: undefined })}>
        ${i18n.t('clearFilters')}
      </button>
      ${global || !offered.length
        ? nothing
        : html`<div class="chips" role="toolbar" aria-label=${i18n.t('tagsLabel')} @keydown=${(e: KeyboardEvent) => this.move(e, i18n.dir)}>
            ${offered.map(
              (tag) => html`<button type="button" part="button" data-tag=${tag} tabindex=${tag === current ? 0 : -1}
                aria-pressed=${chosen.has(tag) ? 'true' : 'false'} @click=${() => toggle(tag)}>${tag}</button>`,
            )}
          </div>`}
    </form>`;
  }
}
