// Entry point: registers <mobilizon-event> (its registration block and calendar export load when needed).
import './elements/event/define.js';

export { MobilizonEvent } from './elements/event/mobilizon-event.js';
export type * from './elements/shared/dom-events.js';
