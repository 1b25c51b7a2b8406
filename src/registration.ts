// Entry point: registers <mobilizon-registration>.
import './elements/registration/define.js';

export { MobilizonRegistration } from './elements/registration/mobilizon-registration.js';
export type * from './elements/shared/dom-events.js';
