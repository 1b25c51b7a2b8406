import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  placeholderEvent: '',
};
