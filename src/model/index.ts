export type * from './event.js';
export { placeOf } from './event.js';
export { safeUrl } from './url.js';
