// One client per instance per page, shared by every element (and by two copies of the library on
// one page, through a registry on globalThis). It dedupes identical requests in flight (and cancels
// one when no caller waits for it any more), caches answers the mapper accepts (memory +
// sessionStorage, stale-while-revalidate) and adapts documents to old versions.
import { ResponseCache } from './cache.js';
import { MobilizonError } from './errors.js';
import { instanceHost, normalizeInstance } from './instance.js';
import { sendGraphQL } from './transport.js';
import type { RawConfig } from './types.js';

export interface ClientOptions {
  /** A proxy that runs our named operations (`{operationName, variables}`) server-side. */
  endpoint?: string | null;
}

export interface QueryOptions<T> {
  /** The caller went away: its promise rejects at once, and the request is cancelled when no
   * other caller waits for it. */
  signal?: AbortSignal;
  /** Called when a stale cached answer, returned at once, has been replaced by a newer one. */
  onRevalidate?: (value: T) => void;
  /** How long an answer is fresh, in ms (default: `MobilizonClient.defaults.freshFor`). */
  freshFor?: number;
}

const REGISTRY = Symbol.for('mobilizon-embed.clients');
/** Versions older than the one the documents in ./operations are written for (5.1). */
const OLDER = /^([0-4]|5\.0)\./;

type Registry = Map<string, MobilizonClient>;

/** A request in flight, shared by every caller of the same operation and variables. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers that may still leave (those without a signal stay to the end). */
  waiting: number;
  forever: boolean;
}

/** Turns an answer into what the caller wants (it may load its code first); throws on an answer it cannot read. */
type Mapper<R, T> = (raw: R) => T | Promise<T>;

/** The answer, mapped; an answer the mapper cannot read is the instance's fault, never ours to keep. */
async function mapped<R, T>(map: Mapper<R, T>, raw: R, instance: string): Promise<T> {
  try {
    return await map(raw);
  } catch (error) {
    if (error instanceof MobilizonError && error.code !== 'invalid-response') throw error;
    throw new MobilizonError('invalid-response', 'The instance answered in an unexpected way.', { instance, drift: true });
  }
}

const operationName = (document: string): string => /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'Anonymous';

/**
 * JSON with sorted keys, so equal variables give equal cache keys. Sorted by code unit: a collation
 * (localeCompare) would load the browser's collator first, tens of ms before the first request.
 */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

export class MobilizonClient {
  static defaults = {
    timeout: 15_000,
    freshFor: 60_000,
    /** Older answers are not shown at all, even while revalidating. */
    staleFor: 24 * 3600_000,
  };

  /** The shared client for an instance (and proxy endpoint). Throws on an unusable instance. */
  static for(instance: string, options: ClientOptions = {}): MobilizonClient {
    const base = normalizeInstance(instance);
    if (!base) throw new MobilizonError('network', `"${instance}" is not an instance address.`);
    const endpoint = options.endpoint ? new URL(options.endpoint, globalThis.location?.href).href : null;
    const registry: Registry = ((globalThis as Record<symbol, unknown>)[REGISTRY] as Registry) ??= new Map();
    const key = `${base} ${endpoint ?? ''}`;
    let client = registry.get(key);
    if (!client) registry.set(key, (client = new MobilizonClient(base, endpoint)));
    return client;
  }

  readonly host: string;
  private readonly cache = new ResponseCache();
  private readonly inflight = new Map<string, Flight>();
  private version: string | null = null;
  /** The server (or something before it) refused a read over GET: reads go as POST from then on. */
  private postOnly = false;

  private constructor(
    readonly base: string,
    readonly endpoint: string | null,
  ) {
    this.host = instanceHost(base);
    this.version = this.cache.get<{ config: RawConfig | null }>(this.key('Config', {}))?.value?.config?.version ?? null;
  }

  /** The instance's config, fetched at most once per page (and kept in sessionStorage). */
  async config(signal?: AbortSignal): Promise<RawConfig> {
    const { default: document } = await import('./operations/Config.graphql');
    const config = await this.query(document, {}, {
      signal,
      freshFor: 3600_000,
      map: (data: { config: RawConfig | null }) => {
        if (!data.config || typeof data.config !== 'object') throw new MobilizonError('invalid-response', 'No configuration.');
        return data.config;
      },
    });
    this.version = config.version ?? this.version;
    return config;
  }

  /**
   * Runs a query through the cache and the in-flight table. `map` turns the answer into what the
   * caller wants; an answer it cannot read is an `invalid-response` and is never cached.
   */
  async query<R, T = R>(document: string, variables: Record<string, unknown>, options: QueryOptions<T> & { map?: Mapper<R, T> } = {}): Promise<T> {
    const map: Mapper<R, T> = options.map ?? ((raw: R) => raw as unknown as T);
    const key = this.key(operationName(document), variables);
    const hit = this.cache.get<R>(key);
    const age = hit ? Date.now() - hit.time : Infinity;
    if (hit && age < MobilizonClient.defaults.staleFor) {
      let value: T | undefined;
      try {
        value = await map(hit.value);
      } catch {
        // A cached answer this version cannot read: ask again.
      }
      if (value !== undefined && age < (options.freshFor ?? MobilizonClient.defaults.freshFor)) return value;
      if (value !== undefined) {
        this.shared<R, T>(key, document, variables, map)
          .then((fresh) => {
            if (stableJson(fresh) !== stableJson(value)) options.onRevalidate?.(fresh);
          })
          .catch(() => {
            // Keep showing the stale answer; the next load tries again.
          });
        return value;
      }
    }
    return this.shared<R, T>(key, document, variables, map, options.signal);
  }

  /** Runs a mutation: never cached, never shared, always POST. */
  async mutate<T>(document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    return this.send<T>(document, variables, signal, false);
  }

  private key(name: string, variables: Record<string, unknown>): string {
    return `${this.base} ${this.endpoint ?? ''} ${name} ${stableJson(variables)}`;
  }

  /**
   * The request for `key` in flight, or a new one; its answer, once mapped, goes to the cache. A
   * caller whose signal aborts is answered at once; the request itself stops when nobody waits.
   */
  private shared<R, T>(key: string, document: string, variables: Record<string, unknown>, map: Mapper<R, T>, signal?: AbortSignal): Promise<T> {
    let flight = this.inflight.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = this.send<R>(document, variables, controller.signal).then(async (raw) => {
        const value = await mapped(map, raw, this.host);
        this.cache.set(key, raw);
        return value;
      });
      const created: Flight = { promise, controller, waiting: 0, forever: false };
      const forget = () => this.inflight.get(key) === created && this.inflight.delete(key);
      promise.then(forget, forget);
      this.inflight.set(key, (flight = created));
    }
    const own = flight;
    if (!signal) {
      own.forever = true;
      return own.promise as Promise<T>;
    }
    if (signal.aborted) return Promise.reject(new MobilizonError('aborted', 'Cancelled.', { instance: this.host }));
    own.waiting++;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        reject(new MobilizonError('aborted', 'Cancelled.', { instance: this.host }));
        if (--own.waiting === 0 && !own.forever) {
          own.controller.abort();
          if (this.inflight.get(key) === own) this.inflight.delete(key);
        }
      };
      signal.addEventListener('abort', leave, { once: true });
      (own.promise as Promise<T>).then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }

  /**
   * Sends one operation. Documents are written for the newest Mobilizon; for an older server (known
   * from its config, or learnt from a schema error) they are adapted by a module loaded only then.
   */
  private async send<T>(document: string, variables: Record<string, unknown>, signal?: AbortSignal, read = true): Promise<T> {
    const name = operationName(document);
    const attempt = async (version: string | null) => {
      let query = document;
      let vars = variables;
      if (version && OLDER.test(version)) {
        const adapt = await import('./versions.js');
        query = adapt.adaptDocument(document, version);
        vars = adapt.adaptVariables(variables, version);
      }
      const payload = this.endpoint ? { operationName: name, variables: vars } : { operationName: name, query, variables: vars };
      const url = this.endpoint ?? `${this.base}/api`;
      const options = { signal, timeout: MobilizonClient.defaults.timeout, instance: this.host };
      // Reads to the instance itself go as GET (no preflight); the proxy is on the page's own origin.
      const get = read && !this.endpoint && !this.postOnly;
      try {
        return (await sendGraphQL<T>(url, payload, { ...options, get })).data;
      } catch (error) {
        // A server (or a proxy before it) that refuses reads over GET: POST from now on.
        if (!get || !(error instanceof MobilizonError) || error.code !== 'http' || ![400, 404, 405, 414].includes(error.details.status ?? 0)) throw error;
        this.postOnly = true;
        return (await sendGraphQL<T>(url, payload, options)).data;
      }
    };
    const known = this.version;
    try {
      return await attempt(known);
    } catch (error) {
      // A field or enum value this server does not know: learn its version once, then adapt.
      if (known || name === 'Config' || !(error instanceof MobilizonError) || error.code !== 'graphql') throw error;
      if (!(await import('./versions.js')).isSchemaMismatch(error.message)) throw error;
      await this.config(signal);
      if (!this.version) throw error;
      return attempt(this.version);
    }
  }
}
