// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../es.js';
export { messages as views } from '../views/es.js';
export { messages as errors } from '../errors/es.js';
export { messages as event } from '../event/es.js';
export { messages as registration } from '../registration/es.js';
export { messages as group } from '../group/es.js';
