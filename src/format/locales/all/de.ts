// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../de.js';
export { messages as views } from '../views/de.js';
export { messages as errors } from '../errors/de.js';
export { messages as event } from '../event/de.js';
export { messages as registration } from '../registration/de.js';
export { messages as group } from '../group/de.js';
