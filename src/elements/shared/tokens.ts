import { css } from 'lit';

const dark = css`
  --_accent: var(--mobilizon-accent, #7fd1b3);
  --_accent-text: var(--mobilizon-accent-text, #0c1f18);
  --_text: var(--mobilizon-text, #f2f2f5);
  --_muted: var(--mobilizon-muted, #b4b4bd);
  --_surface: var(--mobilizon-surface, #1c1c21);
  --_surface-alt: var(--mobilizon-surface-alt, #2a2a31);
  --_border: var(--mobilizon-border, #45454f);
  --_danger: var(--mobilizon-danger, #ff8a8a);
  --_warning: var(--mobilizon-warning, #f5c36b);
  --_info: var(--mobilizon-info, #9cc2ff);
`;

/**
 * Design tokens. Host pages theme through the public `--mobilizon-*` properties; the elements read only
 * the private `--_*` ones, which fall back to values that pass WCAG AA in both themes.
 */
export const tokens = css`
  :host {
    --_accent: var(--mobilizon-accent, #1e6b52);
    --_accent-text: var(--mobilizon-accent-text, #ffffff);
    --_text: var(--mobilizon-text, #1d1d1f);
    --_muted: var(--mobilizon-muted, #595960);
    --_surface: var(--mobilizon-surface, #ffffff);
    --_surface-alt: var(--mobilizon-surface-alt, #f3f3f5);
    --_border: var(--mobilizon-border, #d5d5da);
    --_danger: var(--mobilizon-danger, #a4161a);
    --_warning: var(--mobilizon-warning, #7a4b00);
    --_info: var(--mobilizon-info, #1f4e99);
    --_radius: var(--mobilizon-radius, 0.5rem);
    --_font: var(--mobilizon-font, inherit);
    --_spacing: var(--mobilizon-spacing, 1rem);
    display: block;
    background: var(--_surface);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.45;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([theme='dark'])) {
      ${dark}
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    padding: 0.4em 1em;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: inherit;
  }
`;
