// The one dialog behaviour for every element (an event's details, a day's events, a post): a native
// modal <dialog> (it traps focus, makes the page inert, focuses its first control or [autofocus], and
// Escape closes it); a click on the backdrop closes it; focus goes back to what opened it.
import { css, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** The focused element, through shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

class ModalDirective extends Directive {
  private dialog?: HTMLDialogElement;
  private onClose?: () => void;
  private returnTo: HTMLElement | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('modal() belongs on a <dialog> element');
  }

  render(_open: boolean, _onClose: () => void, _returnTo?: HTMLElement | null) {
    return nothing;
  }

  override update(part: ElementPart, [open, onClose, returnTo]: Parameters<this['render']>) {
    const dialog = part.element as HTMLDialogElement;
    this.onClose = onClose;
    if (this.dialog !== dialog) {
      this.dialog = dialog;
      dialog.addEventListener('close', () => this.closed());
      // A click on the dialog box itself is a click on its backdrop: the content fills the box.
      dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
    }
    if (open && !dialog.open) {
      this.returnTo = returnTo ?? deepActive();
      // Lit inserts a new template after its directives ran: open once it is in the document.
      queueMicrotask(() => dialog.isConnected && !dialog.open && dialog.showModal());
    } else if (!open && dialog.open) dialog.close();
    return nothing;
  }

  private closed(): void {
    const target = this.returnTo;
    this.returnTo = null;
    this.onClose?.();
    if (target?.isConnected) target.focus({ preventScroll: true });
  }
}

/** On a `<dialog>`: shown as a modal while `open`; `onClose` runs when it closes (Escape, a close
 * button calling `close()`, the backdrop); focus then returns to `returnTo` (default: what had it). */
export const modal = directive(ModalDirective);

/** Closes the dialog a control sits in (for close buttons). */
export const closeDialog = (e: Event): void => (e.currentTarget as Element).closest('dialog')?.close();

export const dialogStyles = css`
  dialog.modal {
    inline-size: min(40em, calc(100vw - 2em));
    max-block-size: calc(100vh - 2em);
    overflow: auto;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog.modal::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-body {
    padding: var(--_spacing);
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_spacing);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1.15em;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
    margin-block-start: var(--_spacing);
  }
`;
