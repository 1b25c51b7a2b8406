// One HTTP exchange with an instance's /api (or with a proxy that runs our named operations).
// No credentials and no custom headers: either would break Mobilizon's CORS (`*` + preflight list).
// Reads go as GET (a CORS simple request: no OPTIONS round trip; Absinthe.Plug runs queries over
// GET), mutations and documents too long for a URL as POST. See docs/transport.md.
import { MobilizonError, type MobilizonErrorCode } from './errors.js';

export interface GraphQLPayload {
  operationName: string;
  query?: string;
  variables: Record<string, unknown>;
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; code?: unknown }>;
}

export interface GraphQLResult<T> {
  data: T;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** ms from the moment the request leaves (not from when it was queued). */
  timeout: number;
  instance: string;
  /** Send as GET when the URL stays short enough; POST otherwise. */
  get?: boolean;
}

/** A longer URL goes as POST: some servers and proxies refuse long request lines. */
export const MAX_GET_URL = 6000;
/** Browsers open six connections per origin over HTTP/1.1; more requests wait in their queue, where
 * a timeout would run out before they are even sent. We queue them ourselves instead. */
const PER_ORIGIN = 6;

interface Lane {
  active: number;
  waiting: Array<() => void>;
}
const lanes = new Map<string, Lane>();

/** Waits for one of the origin's connections; resolves with the function that gives it back. */
async function connection(origin: string, signal?: AbortSignal): Promise<() => void> {
  let lane = lanes.get(origin);
  if (!lane) lanes.set(origin, (lane = { active: 0, waiting: [] }));
  const own = lane;
  if (own.active >= PER_ORIGIN) {
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        own.waiting.splice(own.waiting.indexOf(go), 1);
        reject(signal?.reason);
      };
      own.waiting.push(go);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }
  own.active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    own.active--;
    own.waiting.shift()?.();
  };
}

/** The GET form of a read: `?query=…&operationName=…&variables=…`, or null when too long. */
export function getUrl(url: string, payload: GraphQLPayload): string | null {
  const params = new URLSearchParams({ query: payload.query ?? '', operationName: payload.operationName, variables: JSON.stringify(payload.variables) });
  const full = `${url}${url.includes('?') ? '&' : '?'}${params}`;
  return full.length <= MAX_GET_URL ? full : null;
}

export async function sendGraphQL<T>(url: string, payload: GraphQLPayload, { signal, timeout, instance, get = false }: SendOptions): Promise<GraphQLResult<T>> {
  const fail = (code: MobilizonErrorCode, message: string) => new MobilizonError(code, message, { instance });
  const target = get && payload.query ? getUrl(url, payload) : null;
  let release: () => void;
  try {
    release = await connection(new URL(url, globalThis.location?.href).origin, signal);
  } catch {
    throw fail('aborted', 'Cancelled.');
  }
  const timer = AbortSignal.timeout(timeout);
  const why = () => (signal?.aborted ? fail('aborted', 'Cancelled.') : timer.aborted ? fail('timeout', 'No answer in time.') : null);
  let response: Response;
  let body: GraphQLResponse | undefined;
  try {
    try {
      response = await fetch(target ?? url, {
        ...(target ? { method: 'GET' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }),
        credentials: 'omit',
        signal: signal ? AbortSignal.any([signal, timer]) : timer,
      });
    } catch {
      throw why() ?? fail('network', 'Unreachable.');
    }
    try {
      body = (await response.json()) as GraphQLResponse;
    } catch {
      throw why() ?? (response.ok ? fail('invalid-response', 'Not JSON.') : httpError(response.status, instance));
    }
  } finally {
    release();
  }
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    const first = body.errors[0] ?? {};
    const message = body.errors.map((e) => (typeof e?.message === 'string' ? e.message : '')).filter(Boolean);
    throw new MobilizonError('graphql', message.join('\n') || 'Unknown error.', {
      instance,
      status: response.status,
      graphqlCode: typeof first.code === 'string' ? first.code : undefined,
    });
  }
  if (!response.ok) throw httpError(response.status, instance);
  if (!body || typeof body.data !== 'object' || body.data === null) {
    throw fail('invalid-response', 'No data.');
  }
  return { data: body.data as T };
}

const httpError = (status: number, instance: string) =>
  new MobilizonError('http', `The instance answered HTTP ${status}.`, { status, instance });
