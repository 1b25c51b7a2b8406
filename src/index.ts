// Entry point: registers every element and exposes the client and the model for integrators.
import './elements/events/define.js';
import './elements/event/define.js';
import './elements/group/define.js';
import './elements/registration/define.js';

export { MobilizonEvents } from './elements/events/mobilizon-events.js';
export { MobilizonEvent } from './elements/event/mobilizon-event.js';
export { MobilizonGroup } from './elements/group/mobilizon-group.js';
export { MobilizonRegistration } from './elements/registration/mobilizon-registration.js';
export { MobilizonClient, type ClientOptions, type QueryOptions } from './sources/mobilizon/client.js';
export { MobilizonError, type MobilizonErrorCode } from './sources/mobilizon/errors.js';
export { listEvents, loadEvents, type EventListResult } from './sources/events.js';
export { buildQuery, type EventListQuery, type Period, type SearchTarget, type ViewName } from './model/query.js';
export { getEvent, parseEventUrl } from './sources/mobilizon/event.js';
export { getGroup, getPost, groupFeeds, listPosts } from './sources/mobilizon/group.js';
export { registrationRule, joinEvent, leaveEvent } from './sources/mobilizon/registration.js';
export { normalizeInstance } from './sources/mobilizon/instance.js';
export type * from './model/event.js';
export type * from './model/group.js';
export type * from './elements/shared/dom-events.js';
