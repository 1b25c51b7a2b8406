// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../ar.js';
export { messages as views } from '../views/ar.js';
export { messages as errors } from '../errors/ar.js';
export { messages as event } from '../event/ar.js';
export { messages as registration } from '../registration/ar.js';
export { messages as group } from '../group/ar.js';
