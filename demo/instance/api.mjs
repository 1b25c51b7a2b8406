// POST/GET /api as Absinthe.Plug 1.5.8 mounted by Mobilizon answers it, plus the fault knobs.
import { GraphQLError, Kind, execute, getOperationAST, parse } from 'graphql';
import { complexityErrors } from './complexity.mjs';
import { formatGraphQLError } from './errors.mjs';
import { coerceVariables, validateDocument } from './validation.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** {query, variables, operationName} items from the request (a JSON array body is a batch). */
export function readApiParams(method, url, contentType, body) {
  const fromQuery = {
    query: url.searchParams.get('query') ?? undefined,
    variables: url.searchParams.get('variables') ?? undefined,
    operationName: url.searchParams.get('operationName') ?? undefined,
  };
  if (method === 'GET') return { items: [fromQuery] };
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/graphql') return { items: [{ ...fromQuery, query: body }] };
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    return { items: [{ ...fromQuery, ...Object.fromEntries([...form].filter(([k]) => ['query', 'variables', 'operationName'].includes(k))) }] };
  }
  // Plug.Parsers only decodes JSON for application/json and application/*+json; any other type
  // (text/plain included) leaves the body alone, so the query must then come from the URL.
  if (!(type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) || body.trim() === '') return { items: [fromQuery] };
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    return { error: `Could not parse JSON. ${e.message}` };
  }
  if (Array.isArray(parsed)) return { items: parsed.map((p) => ({ ...fromQuery, ...p })), batch: true };
  if (parsed && typeof parsed === 'object') return { items: [{ ...fromQuery, ...parsed }] };
  return { error: 'Invalid request structure. Expecting an object or list of objects.' };
}

/** Operation names for the stats, before any validation ("anonymous" when the document has none). */
export function operationNames(items) {
  return items.map((item) => {
    if (item.operationName) return item.operationName;
    const m = /\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(item.query ?? '');
    return m ? m[2] : 'anonymous';
  });
}

/** Runs one GraphQL request; returns {status, body}. */
export async function runGraphQL(item, { method, schema, context }) {
  if (typeof item.query !== 'string' || item.query.trim() === '') return { status: 400, body: { errors: [{ message: 'No query document supplied' }] } };
  let variables = item.variables;
  if (typeof variables === 'string') {
    if (variables.trim() === '') variables = {};
    else {
      try {
        variables = JSON.parse(variables);
      } catch {
        return { status: 400, body: { errors: [{ message: 'The variable values could not be decoded' }] } };
      }
    }
  }
  let document;
  try {
    document = parse(item.query);
  } catch (e) {
    return { status: 200, body: { errors: [plainError(e)] } };
  }
  const operation = getOperationAST(document, item.operationName || undefined);
  // Absinthe.Plug.Validation.HTTPMethod runs right after the operation is chosen.
  if (method === 'GET' && operation?.operation === 'mutation') {
    return { status: 405, body: { errors: [{ message: 'Can only perform a mutation from a POST request' }] } };
  }
  const validationErrors = validateDocument(schema, document);
  if (validationErrors.length) return { status: 200, body: { errors: validationErrors } };
  if (!operation) {
    const message = item.operationName ? `Unknown operation named "${item.operationName}".` : 'Must provide a valid operation name if query contains multiple operations.';
    return { status: 200, body: { errors: [{ message }] } };
  }
  const complexity = complexityErrors(document, operation);
  if (complexity.errors.length) return { status: 200, body: { errors: complexity.errors } };
  const coerced = coerceVariables(schema, document, operation, variables);
  if (coerced.errors) return { status: 200, body: { errors: coerced.errors } };

  const result = await execute({ schema, document, operationName: item.operationName || undefined, variableValues: variables ?? {}, contextValue: context });
  for (const error of result.errors ?? []) {
    if (error.originalError && !('code' in error.originalError)) console.error('[demo-instance] resolver crash:', error.originalError);
  }
  const body = { data: result.data ?? null };
  if (result.errors?.length) body.errors = result.errors.map(formatGraphQLError);
  return { status: 200, body };
}

function plainError(error) {
  if (error instanceof GraphQLError) return { locations: error.locations ?? [], message: error.message };
  return { message: String(error.message ?? error) };
}

/** Top-level field names of the chosen operation, for a realistic `fault=graphql` body. */
function rootFieldNames(item) {
  try {
    const op = getOperationAST(parse(item.query ?? ''), item.operationName || undefined);
    return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).map((s) => ({ key: (s.alias ?? s.name).value, loc: s.loc }));
  } catch {
    return [];
  }
}

const USED_SOCKETS = new WeakSet();

/** Notes on each request whether its connection already carried one (see `fault=refused`). */
export function markSocket(req) {
  req.reusedSocket = USED_SOCKETS.has(req.socket);
  USED_SOCKETS.add(req.socket);
}

/**
 * Handles /api for one scope. `respond(status, headers, body)` adds CORS/security headers.
 * Faults apply to the first `knobs.faults` API requests of the scope.
 */
export async function handleApi({ req, url, body, scope, knobs, schemaFor, contextFor, respond, cut }) {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (method !== 'GET' && method !== 'POST') {
    respond(404, { 'content-type': 'text/html; charset=utf-8' }, '<!DOCTYPE html><title>Not Found</title><h1>Not Found</h1>');
    return;
  }
  // get=refuse: a reverse proxy before the instance that lets only POST through to /api.
  if (knobs.refuseGet && method === 'GET') {
    respond(405, { 'content-type': 'text/html; charset=utf-8', allow: 'POST' }, '<!DOCTYPE html><title>405 Not Allowed</title><h1>405 Not Allowed</h1>');
    return;
  }
  const parsed = readApiParams(method, url, req.headers['content-type'], body);
  const items = parsed.items ?? [{}];
  // A browser silently resends a request whose kept-alive connection drops before any answer, so a
  // refused request on a reused connection is dropped without counting: the visitor sees one failure.
  if (knobs.fault === 'refused' && req.reusedSocket && scope.api < knobs.faults) {
    req.socket.destroy();
    return;
  }
  const names = operationNames(items);
  const index = scope.countApi(names, knobs.faultOperation);
  if (knobs.latency > 0) await sleep(knobs.latency);
  // op=<Operation>: only that operation's requests fail (the first `faults` of them).
  const faulty = knobs.fault && (!knobs.faultOperation || names.includes(knobs.faultOperation)) && index < knobs.faults;
  if (faulty && knobs.fault === 'refused') {
    req.socket.destroy();
    return;
  }
  if (faulty && knobs.fault === 'timeout') {
    // Never answer; let go of the socket when the client does, or after two minutes.
    const timer = setTimeout(() => req.socket.destroy(), 120_000);
    timer.unref?.();
    req.socket.on('close', () => clearTimeout(timer));
    return;
  }
  if (faulty && knobs.fault === 'http500') {
    respond(500, { 'content-type': 'text/html; charset=utf-8' }, '<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>Something went wrong.</p></body></html>');
    return;
  }
  if (faulty && knobs.fault === 'graphql') {
    // What Mobilizon sends when a resolver returns {:error, :unknown}: data with nulls and an error per field.
    const fields = rootFieldNames(items[0]);
    const data = Object.fromEntries(fields.map((f) => [f.key, null]));
    const errors = (fields.length ? fields : [{ key: null }]).map((f) => ({
      code: 'unknown',
      field: null,
      locations: f.loc ? [{ line: f.loc.startToken.line, column: f.loc.startToken.column }] : [],
      message: 'Something went wrong',
      ...(f.key ? { path: [f.key] } : {}),
      status_code: 500,
    }));
    respond(200, { 'content-type': JSON_TYPE }, JSON.stringify({ data: fields.length ? data : null, errors }));
    return;
  }
  if (parsed.error) {
    respond(400, { 'content-type': JSON_TYPE }, JSON.stringify({ errors: [{ message: parsed.error }] }));
    return;
  }
  const schema = schemaFor(knobs.version);
  const results = [];
  for (const item of items) results.push(await runGraphQL(item, { method, schema, context: contextFor() }));
  const status = parsed.batch ? 200 : results[0].status;
  const bodies = parsed.batch ? results.map((r) => r.body) : results[0].body;
  // drift: valid JSON of another shape (lists without `elements`, events without `beginsOn`).
  let text = faulty && knobs.fault === 'drift' ? JSON.stringify(bodies, (key, value) => (key === 'elements' ? null : key === 'beginsOn' ? undefined : value)) : JSON.stringify(bodies);
  if (faulty && knobs.fault === 'malformed') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (faulty && knobs.fault === 'lost') {
    // The operation ran (a join is recorded); its answer is cut off after the status line and a few bytes.
    cut(status, { 'content-type': JSON_TYPE }, text.slice(0, 8));
    return;
  }
  respond(status, { 'content-type': JSON_TYPE, 'cache-control': 'max-age=0, private, must-revalidate' }, text);
}
