// The one page navigation (an event list's pages, a group's posts): previous, "page p of n", next.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../../format/i18n.js';

export interface Pages {
  page: number;
  pages: number;
  /** A page is loading: both buttons wait. */
  busy: boolean;
  /** The navigation's accessible name (two lists on a page need different ones). */
  label: string;
  go: (page: number) => void;
}

export function renderPagination({ page, pages, busy, label, go }: Pages, i18n: Translator): TemplateResult | typeof nothing {
  if (pages <= 1) return nothing;
  const button = (to: number, word: 'previous' | 'next') =>
    html`<button part="button" class="secondary" ?disabled=${busy || to < 1 || to > pages} @click=${() => go(to)}>${i18n.t(word)}</button>`;
  return html`<nav class="pagination" part="pagination" aria-label=${label}>
    ${button(page - 1, 'previous')}
    <span>${i18n.t('pageOf', { page, pages })}</span>
    ${button(page + 1, 'next')}
  </nav>`;
}

export const paginationStyles = css`
  .pagination {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
    padding-block-start: calc(var(--_spacing) * 0.75);
    border-block-start: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
