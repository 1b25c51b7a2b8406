// One client per instance per page, shared by every element (and by two copies of the library on
// one page, through a registry on globalThis). It dedupes identical requests in flight, caches
// answers (memory + sessionStorage, stale-while-revalidate) and adapts documents to old versions.
import { ResponseCache } from './cache.js';
import { MobilizonError } from './errors.js';
import { instanceHost, normalizeInstance } from './instance.js';
import { postGraphQL } from './transport.js';
import type { RawConfig } from './types.js';

export interface ClientOptions {
  /** A proxy that runs our named operations (`{operationName, variables}`) server-side. */
  endpoint?: string | null;
}

export interface QueryOptions<T> {
  /** Not used to cancel shared requests (others may wait for them, and they fill the cache);
   * callers that leave simply ignore the answer. Kept for API symmetry with mutate(). */
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

const operationName = (document: string): string => /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'Anonymous';

/** JSON with sorted keys, so equal variables give equal cache keys. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
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
  private readonly inflight = new Map<string, Promise<unknown>>();
  private version: string | null = null;

  private constructor(
    readonly base: string,
    readonly endpoint: string | null,
  ) {
    this.host = instanceHost(base);
    this.version = this.cache.get<RawConfig>(this.key('Config', {}))?.value?.version ?? null;
  }

  /** The instance's config, fetched at most once per page (and kept in sessionStorage). */
  async config(signal?: AbortSignal): Promise<RawConfig> {
    const { default: document } = await import('./operations/Config.graphql');
    const data = await this.query<{ config: RawConfig | null }>(document, {}, { signal, freshFor: 3600_000 });
    if (!data.config) throw new MobilizonError('invalid-response', 'The instance sent no configuration.', { instance: this.host });
    this.version = data.config.version ?? this.version;
    return data.config;
  }

  /** Runs a query through the cache and the in-flight table. */
  async query<T>(document: string, variables: Record<string, unknown>, options: QueryOptions<T> = {}): Promise<T> {
    const name = operationName(document);
    const key = this.key(name, variables);
    const hit = this.cache.get<T>(key);
    const age = hit ? Date.now() - hit.time : Infinity;
    if (hit && age < (options.freshFor ?? MobilizonClient.defaults.freshFor)) return hit.value;
    if (hit && age < MobilizonClient.defaults.staleFor) {
      this.shared<T>(key, document, variables)
        .then((fresh) => {
          if (stableJson(fresh) !== stableJson(hit.value)) options.onRevalidate?.(fresh);
        })
        .catch(() => {
          // Keep showing the stale answer; the next load tries again.
        });
      return hit.value;
    }
    return this.shared<T>(key, document, variables);
  }

  /** Runs a mutation: never cached, never shared. */
  mutate<T>(document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    return this.send<T>(document, variables, signal);
  }

  private key(name: string, variables: Record<string, unknown>): string {
    return `${this.base} ${this.endpoint ?? ''} ${name} ${stableJson(variables)}`;
  }

  /** The request for `key` in flight, or a new one; its answer goes to the cache. */
  private shared<T>(key: string, document: string, variables: Record<string, unknown>): Promise<T> {
    let promise = this.inflight.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = this.send<T>(document, variables).then((value) => {
        this.cache.set(key, value);
        return value;
      });
      const forget = () => this.inflight.delete(key);
      promise.then(forget, forget);
      this.inflight.set(key, promise);
    }
    return promise;
  }

  /**
   * Sends one operation. Documents are written for the newest Mobilizon; for an older server (known
   * from its config, or learnt from a schema error) they are adapted by a module loaded only then.
   */
  private async send<T>(document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
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
      const result = await postGraphQL<T>(this.endpoint ?? `${this.base}/api`, payload, {
        signal,
        timeout: MobilizonClient.defaults.timeout,
        instance: this.host,
      });
      return result.data;
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
