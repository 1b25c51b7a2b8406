// The switch between each event's own zone and the visitor's, wherever times in other zones are
// shown (a list, an event's page). A controller: it owns the choice and re-renders its host.
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { viewerZone } from '../../format/dates.js';
import type { Translator } from '../../format/i18n.js';

/** A list's bar above its events, where the switch sits. */
export const styles = css`
  .tools {
    display: flex;
    justify-content: flex-end;
    margin-block-end: 0.5em;
    font-size: 0.9em;
  }
`;

export class ZoneSwitch implements ReactiveController {
  /** The visitor asked for their own zone. */
  local = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The zone mode in force: the visitor's zone when asked for, else the element's own. */
  mode(own: string): string {
    return this.local ? 'local' : own;
  }

  render(i18n: Translator<'showEventTimes' | 'showLocalTimes'>): TemplateResult {
    const toggle = () => {
      this.local = !this.local;
      this.host.requestUpdate();
    };
    return html`<button part="button" class="secondary" aria-pressed=${this.local ? 'true' : 'false'} @click=${toggle}>
      ${i18n.t(this.local ? 'showEventTimes' : 'showLocalTimes', { zone: viewerZone().replace(/_/g, ' ') })}
    </button>`;
  }
}
