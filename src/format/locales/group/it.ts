import type { Plural } from '../en.js';
import type { GroupKey } from './en.js';

export const messages: Record<GroupKey, string | Plural> = {
  placeholderGroup: '',
};
