// Entry point: registers <mobilizon-events>.
import './elements/events/define.js';

export { MobilizonEvents } from './elements/events/mobilizon-events.js';
export type * from './elements/shared/dom-events.js';
