// Every set of words in one chunk: a page in this language loads it once.
export { messages as main } from '../fr.js';
export { messages as views } from '../views/fr.js';
export { messages as errors } from '../errors/fr.js';
export { messages as event } from '../event/fr.js';
export { messages as registration } from '../registration/fr.js';
export { messages as group } from '../group/fr.js';
