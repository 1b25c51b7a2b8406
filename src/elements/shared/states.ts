// The loading states every element shows (the empty state is the event list's, ../events/views/list.ts;
// the error state ./errors.ts, loaded on the first failure).
import { css, html, type TemplateResult } from 'lit';

export function renderSkeleton(rows = 3): TemplateResult {
  return html`<div class="skeleton" aria-hidden="true">
    ${Array.from(
      { length: rows },
      () => html`<div class="skeleton-row"><span></span><span></span></div>`,
    )}
  </div>`;
}

/** The month view's shape while it loads: five weeks of seven days. */
export const renderMonthSkeleton = (): TemplateResult =>
  html`<div class="skeleton skeleton-month" aria-hidden="true">${Array.from({ length: 35 }, () => html`<span></span>`)}</div>`;

/** Whether the element still has light-DOM fallback content to show (server HTML, a no-JS text). */
export const hasFallback = (host: Element): boolean =>
  [...host.childNodes].some((n) => (n instanceof Element && !n.slot) || (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()));

/** While nothing is loaded: the fallback content when there is some, else the skeleton. */
export const renderWaiting = (host: Element, skeleton: () => TemplateResult): TemplateResult =>
  hasFallback(host) ? html`<slot></slot>` : skeleton();

export const stateStyles = css`
  .skeleton-row {
    display: grid;
    grid-template-columns: 3.5em 1fr;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 0.75) 0;
    border-block-end: 1px solid var(--_border);
  }
  .skeleton-month {
    display: grid;
    grid-template-columns: repeat(7, 1fr);
    gap: 2px;
  }
  .skeleton-month span {
    block-size: 5em;
  }
  .skeleton-row span {
    block-size: 3.5em;
  }
  .skeleton span {
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton-row span + span {
    block-size: 2.2em;
    inline-size: 70%;
    align-self: center;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
`;
