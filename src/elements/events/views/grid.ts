// The grid view: the list's events as cards, picture on top (none when the event and the instance
// have none), top-aligned, as many columns as the space allows.
import { css, html, type TemplateResult } from 'lit';
import { renderEventList } from '../../shared/event-list.js';
import type { View, ViewContext } from './view.js';

export const styles = css`
  .grid-view .events {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
    gap: var(--_spacing);
    align-items: start;
  }
  /* Without a picture the empty first row and its gap leave the same inset above the text. */
  .grid-view .event {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-areas: 'picture picture' 'tile body';
    gap: 0.75em;
    padding: 0 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }
  .grid-view .event:last-child {
    border-block-end: 1px solid var(--_border);
  }
  .grid-view .picture {
    grid-area: picture;
    display: block;
    inline-size: 100%;
    border-radius: 0;
  }
  .grid-view .tile {
    grid-area: tile;
    margin-inline-start: 0.75em;
  }
  .grid-view .body {
    grid-area: body;
    padding-inline-end: 0.75em;
  }
`;

function render(ctx: ViewContext): TemplateResult {
  return html`<div class="grid-view">${renderEventList(ctx.events, ctx)}</div>`;
}

/** No state of its own: one renderer serves every host. */
export const create = (): View => ({ render });
