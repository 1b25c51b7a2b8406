// One HTTP exchange with an instance's /api (or with a proxy that runs our named operations).
// No credentials and no custom headers: either would break Mobilizon's CORS (`*` + preflight list).
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

export async function postGraphQL<T>(
  url: string,
  payload: GraphQLPayload,
  { signal, timeout, instance }: { signal?: AbortSignal; timeout: number; instance: string },
): Promise<GraphQLResult<T>> {
  const timer = AbortSignal.timeout(timeout);
  const fail = (code: MobilizonErrorCode, message: string) => new MobilizonError(code, message, { instance });
  const why = () => (signal?.aborted ? fail('aborted', 'Cancelled.') : timer.aborted ? fail('timeout', 'No answer in time.') : null);
  let response: Response;
  let body: GraphQLResponse | undefined;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
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
