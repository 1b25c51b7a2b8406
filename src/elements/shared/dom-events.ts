// The DOM events every element may send (bubbling, composed), each typed once: `addEventListener`
// on any element (or the document) then knows its `detail` without a cast.
import type { EventModel } from '../../model/event.js';
import type { Group } from '../../model/group.js';

/** `mobilizon-load`, from every element: what is shown has arrived. One shape everywhere. */
export interface MobilizonLoadDetail {
  /** How many events there are in all (a list), or 1 (one event, one group, one registration block). */
  total: number;
  /** The group, from `<mobilizon-group>` only. */
  group?: Group;
}

/** `mobilizon-error`: loading failed (or one of several feeds did). */
export interface MobilizonErrorDetail {
  /** `network`, `timeout`, `http`, `invalid-response`, `configuration`, or Mobilizon's own code (`event_not_found`, …). */
  code: string;
  /** What failed, in the visitor's language. */
  message: string;
}

/** `mobilizon-select` (cancelable): an event is being opened; `preventDefault()` lets the page open it itself. */
export interface MobilizonSelectDetail {
  event: EventModel;
}

/** `mobilizon-registered`: the instance took a registration. */
export interface MobilizonRegisteredDetail {
  uuid: string;
  /** Mobilizon's participant role: `NOT_CONFIRMED` (e-mail to confirm), `PARTICIPANT` or `NOT_APPROVED`. */
  role: string;
}

/** `mobilizon-registration-cancelled`: the participation stored on this site was cancelled. */
export interface MobilizonRegistrationCancelledDetail {
  uuid: string;
}

/** Every `mobilizon-*` event by name. */
export interface MobilizonEventMap {
  'mobilizon-load': CustomEvent<MobilizonLoadDetail>;
  'mobilizon-error': CustomEvent<MobilizonErrorDetail>;
  'mobilizon-select': CustomEvent<MobilizonSelectDetail>;
  'mobilizon-registered': CustomEvent<MobilizonRegisteredDetail>;
  'mobilizon-registration-cancelled': CustomEvent<MobilizonRegistrationCancelledDetail>;
}

declare global {
  // The events bubble out of shadow roots, so any element, the document and the window may hear them.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MobilizonEventMap {}
}
