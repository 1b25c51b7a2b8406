// Words of <mobilizon-group>: loaded with it.
export const messages = {
  placeholderGroup: '',
};

export type GroupKey = keyof typeof messages;
