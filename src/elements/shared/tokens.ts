import { css } from 'lit';

/**
 * Design tokens. Host pages theme through the public `--mobilizon-*` properties; the elements read only
 * the private `--_*` ones, whose defaults pass WCAG AA in both colour schemes. The element's
 * color-scheme is the host page's (inherited; light when the page declares none) unless `theme` sets
 * one; light-dark() then picks each default. A custom accent is used as is in light; in dark,
 * `--mobilizon-accent-dark`, else the custom accent lifted to a light tone of its hue (text on it dark).
 * The surface may differ from the page's background, so content keeps a small inset from its edges.
 */
export const tokens = css`
  :host {
    --_accent: light-dark(var(--mobilizon-accent, #1e6b52), var(--mobilizon-accent-dark, oklch(from var(--mobilizon-accent, #7fd1b3) max(l, 0.8) c h)));
    --_accent-text: light-dark(var(--mobilizon-accent-text, #fff), var(--mobilizon-accent-text-dark, #0c1f18));
    --_text: var(--mobilizon-text, light-dark(#1d1d1f, #f2f2f5));
    --_muted: var(--mobilizon-muted, light-dark(#595960, #b4b4bd));
    --_surface: var(--mobilizon-surface, light-dark(#fff, #1c1c21));
    --_surface-alt: var(--mobilizon-surface-alt, light-dark(#f3f3f5, #2a2a31));
    --_border: var(--mobilizon-border, light-dark(#d5d5da, #45454f));
    --_danger: var(--mobilizon-danger, light-dark(#a4161a, #ff8a8a));
    --_warning: var(--mobilizon-warning, light-dark(#7a4b00, #f5c36b));
    --_info: var(--mobilizon-info, light-dark(#1f4e99, #9cc2ff));
    --_radius: var(--mobilizon-radius, 0.5em);
    --_spacing: var(--mobilizon-spacing, 1em);
    display: block;
    background: var(--_surface);
    padding: var(--mobilizon-padding, calc(var(--_spacing) * 0.75));
    font-family: var(--mobilizon-font, inherit);
    color: var(--_text);
    line-height: 1.45;
    container-type: inline-size;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
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
  /* A link that acts as a button looks like one. */
  a.button {
    display: inline-block;
    padding: 0.4em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    text-decoration: none;
  }
  a.button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: inherit;
  }
`;
