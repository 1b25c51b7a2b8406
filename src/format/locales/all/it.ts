// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../it.js';
export { messages as views } from '../views/it.js';
export { messages as errors } from '../errors/it.js';
