// The elements' attributes and `on…` event props as framework typings see them (src/react.ts,
// src/vue.ts): names as written in markup (kebab-case), types from the element classes, so a
// value the element would refuse (`view="calendar"`) does not type-check either.
import type { MobilizonEvent } from '../elements/event/mobilizon-event.js';
import type { MobilizonEvents } from '../elements/events/mobilizon-events.js';
import type { MobilizonGroup } from '../elements/group/mobilizon-group.js';
import type { MobilizonRegistration } from '../elements/registration/mobilizon-registration.js';
import type { MobilizonElement } from '../elements/shared/base.js';
import type { MobilizonEventMap } from '../elements/shared/dom-events.js';

type Value<E, K extends keyof E> = NonNullable<E[K]>;

/** Attributes every element takes. */
export interface CommonAttributes {
  instance?: string;
  locale?: string;
  timezone?: Value<MobilizonElement, 'timezone'>;
  theme?: Value<MobilizonElement, 'theme'>;
  endpoint?: string;
  'structured-data'?: boolean;
  'heading-level'?: Value<MobilizonElement, 'headingLevel'> | `${number}`;
}

/** React 19 and Vue listen to a custom element's DOM event through `on` + its exact name. */
type Listeners<K extends keyof MobilizonEventMap> = { [N in K as `on${N}`]?: (event: MobilizonEventMap[N]) => void };

export interface EventsAttributes extends CommonAttributes, Listeners<'mobilizon-load' | 'mobilizon-error' | 'mobilizon-select'> {
  group?: string;
  view?: Value<MobilizonEvents, 'view'>;
  limit?: number | `${number}`;
  period?: Value<MobilizonEvents, 'period'>;
  from?: string;
  to?: string;
  tags?: string;
  category?: string;
  type?: Value<MobilizonEvents, 'type'>;
  term?: string;
  near?: string;
  radius?: number | `${number}`;
  search?: Value<MobilizonEvents, 'search'>;
  filters?: boolean;
  'hide-cancelled'?: boolean;
  ics?: string;
  'event-href'?: string;
}

export interface EventAttributes extends CommonAttributes, Listeners<'mobilizon-load' | 'mobilizon-error'> {
  uuid?: string;
  url?: string;
  registration?: Value<MobilizonEvent, 'registration'>;
}

export interface GroupAttributes extends CommonAttributes, Listeners<'mobilizon-load' | 'mobilizon-error' | 'mobilizon-select'> {
  group?: string;
  sections?: string;
  limit?: number | `${number}`;
}

export interface RegistrationAttributes
  extends CommonAttributes,
    Listeners<'mobilizon-error' | 'mobilizon-registered' | 'mobilizon-registration-cancelled'> {
  uuid?: string;
  url?: string;
}

/** Each tag with its element class and its attributes. */
export interface MobilizonElements {
  'mobilizon-events': [MobilizonEvents, EventsAttributes];
  'mobilizon-event': [MobilizonEvent, EventAttributes];
  'mobilizon-group': [MobilizonGroup, GroupAttributes];
  'mobilizon-registration': [MobilizonRegistration, RegistrationAttributes];
}
