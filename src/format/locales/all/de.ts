// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../de.js';
export { messages as views } from '../views/de.js';
export { messages as errors } from '../errors/de.js';
