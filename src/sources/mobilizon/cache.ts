// Two tiers: a memory map for this page, sessionStorage so a reload within the same tab paints at
// once (stale-while-revalidate). sessionStorage can throw (privacy modes, quota): it is optional.
const PREFIX = 'mobilizon-embed:v1:';

const later = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
};

export interface CacheEntry<T> {
  value: T;
  time: number;
}

export class ResponseCache {
  private memory = new Map<string, CacheEntry<unknown>>();

  get<T>(key: string): CacheEntry<T> | undefined {
    const hit = this.memory.get(key) as CacheEntry<T> | undefined;
    if (hit) return hit;
    try {
      const raw = globalThis.sessionStorage?.getItem(PREFIX + key);
      if (!raw) return undefined;
      const entry = JSON.parse(raw) as CacheEntry<T>;
      if (typeof entry?.time !== 'number') return undefined;
      this.memory.set(key, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  set<T>(key: string, value: T): void {
    const entry = { value, time: Date.now() };
    this.memory.set(key, entry);
    // Written once the page is idle: serialising a month of answers must not delay showing it.
    later(() => {
      if (this.memory.get(key) !== entry) return;
      try {
        globalThis.sessionStorage?.setItem(PREFIX + key, JSON.stringify(entry));
      } catch {
        // Storage full or forbidden: the memory tier still works.
      }
    });
  }
}
