// The cancellation token of a participation made from this site, in this site's localStorage (the
// instance's own storage is out of reach from another origin). localStorage may throw (privacy
// modes, disabled storage): then nothing is kept and cancelling later is simply not offered.
const PREFIX = 'mobilizon-embed:participation:';

export interface StoredParticipation {
  token: string;
  /** Masked ("j…@example.org"): the full address stays with the instance. */
  email: string;
  role: string;
  /** ISO date of the registration. */
  date: string;
}

const keyOf = (instance: string, uuid: string) => `${PREFIX}${instance} ${uuid}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readParticipation(instance: string, uuid: string): StoredParticipation | null {
  try {
    const raw = storage()?.getItem(keyOf(instance, uuid));
    const value = raw ? (JSON.parse(raw) as Partial<StoredParticipation>) : null;
    if (!value || typeof value.token !== 'string' || !value.token) return null;
    return {
      token: value.token,
      email: typeof value.email === 'string' ? value.email : '',
      role: typeof value.role === 'string' ? value.role : '',
      date: typeof value.date === 'string' ? value.date : '',
    };
  } catch {
    return null;
  }
}

/** Keeps the participation; false when this browser keeps nothing. */
export function storeParticipation(instance: string, uuid: string, value: StoredParticipation): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(keyOf(instance, uuid), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forgetParticipation(instance: string, uuid: string): void {
  try {
    storage()?.removeItem(keyOf(instance, uuid));
  } catch {
    // nothing kept, nothing to forget
  }
}
