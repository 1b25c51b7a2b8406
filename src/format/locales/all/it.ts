// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../it.js';
export { messages as views } from '../views/it.js';
export { messages as errors } from '../errors/it.js';
export { messages as event } from '../event/it.js';
export { messages as registration } from '../registration/it.js';
export { messages as group } from '../group/it.js';
