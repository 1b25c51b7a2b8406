// How text fields look wherever an element has a form (the registration form, the filter bar).
import { css } from 'lit';

export const fieldStyles = css`
  input:not([type='checkbox'], [type='radio']),
  textarea {
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em 0.6em;
  }
`;
