import type { Plural } from '../en.js';
import type { RegistrationKey } from './en.js';

export const messages: Record<RegistrationKey, string | Plural> = {
  placeholderRegistration: '',
};
