// Words of <mobilizon-registration>: loaded with it.
export const messages = {
  placeholderRegistration: '',
};

export type RegistrationKey = keyof typeof messages;
