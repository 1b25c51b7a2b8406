// Words of <mobilizon-event>: loaded with it.
export const messages = {
  placeholderEvent: '',
};

export type EventKey = keyof typeof messages;
