// Per-scope knobs (`/_k/<knobs>/…`) and per-scope state (stats, fault counters, participations),
// so parallel browser tests each get their own little instance.

export const VERSIONS = ['5.1.3', '5.0.1', '4.0.2', '3.2.0'];
export const FAULTS = ['refused', 'timeout', 'http500', 'graphql', 'malformed', 'lost', 'drift'];

/**
 * Parses "id=t17,latency=200,fault=http500,faults=1,version=5.0.1". Unknown keys are kept in the
 * scope name but otherwise ignored; malformed values fall back to the defaults.
 */
export function parseKnobs(text, defaults = {}) {
  const knobs = { ...defaults };
  for (const part of (text ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    switch (key) {
      case 'id':
        knobs.id = value;
        break;
      case 'latency':
        if (/^\d+$/.test(value)) knobs.latency = Number(value);
        break;
      case 'fault':
        if (FAULTS.includes(value)) knobs.fault = value;
        break;
      case 'faults':
        if (/^\d+$/.test(value)) knobs.faults = Number(value);
        break;
      case 'version':
        if (VERSIONS.includes(value)) knobs.version = value;
        break;
      case 'hostile':
      case 'empty':
        knobs[key] = value === '1' || value === 'true';
        break;
      case 'participation':
      case 'confirm':
      case 'feeds':
        knobs[key] = value !== 'off' && value !== '0' && value !== 'false';
        break;
      case 'search':
        knobs.globalDefault = value === 'global-default';
        break;
      case 'ics':
        knobs.ics = value === 'rfc' ? 'rfc' : 'mobilizon';
        break;
      case 'feed':
        knobs.feedHang = value === 'hang';
        break;
      case 'get':
        knobs.refuseGet = value === 'refuse';
        break;
      case 'crowd':
        if (/^\d+$/.test(value)) knobs.crowd = Number(value);
        break;
      case 'op':
        if (/^\w+$/.test(value)) knobs.faultOperation = value;
        break;
      default:
        break;
    }
  }
  return knobs;
}

/** Defaults for unscoped requests, from the CLI environment (DEMO_LATENCY, DEMO_FAULT, DEMO_FAULTS, DEMO_VERSION). */
export function envDefaults(env = process.env) {
  const pairs = [];
  if (env.DEMO_LATENCY) pairs.push(`latency=${env.DEMO_LATENCY}`);
  if (env.DEMO_FAULT) pairs.push(`fault=${env.DEMO_FAULT}`);
  if (env.DEMO_FAULTS) pairs.push(`faults=${env.DEMO_FAULTS}`);
  if (env.DEMO_VERSION) pairs.push(`version=${env.DEMO_VERSION}`);
  return pairs.join(',');
}

export const BASE_KNOBS = Object.freeze({
  id: null,
  latency: 0,
  fault: null,
  faults: Infinity,
  version: '5.1.3',
  hostile: false,
  empty: false,
  participation: true,
  confirm: true,
  feeds: true,
  globalDefault: false,
  ics: 'mobilizon',
});

const MAX_LOGGED_REQUESTS = 2000;

/** What one scope has seen and stored. */
export class Scope {
  constructor(name) {
    this.name = name;
    this.reset();
  }

  reset() {
    this.api = 0;
    this.operations = {};
    this.requests = [];
    this.participations = [];
  }

  record(method, path, operationName) {
    if (this.requests.length < MAX_LOGGED_REQUESTS) this.requests.push({ method, path, operationName: operationName ?? null });
  }

  /** Counts an /api request; returns its index among the scope's requests (or among those of `only`). */
  countApi(operationNames, only) {
    const index = only ? (this.operations[only] ?? 0) : this.api;
    this.api++;
    for (const name of operationNames) this.operations[name] = (this.operations[name] ?? 0) + 1;
    return index;
  }

  stats() {
    return { scope: this.name, api: this.api, operations: { ...this.operations }, requests: [...this.requests] };
  }
}

export class ScopeRegistry {
  constructor() {
    this.scopes = new Map();
  }

  get(name) {
    let scope = this.scopes.get(name);
    if (!scope) {
      scope = new Scope(name);
      this.scopes.set(name, scope);
    }
    return scope;
  }

  /** Resets one scope, or every scope when `name` is undefined. */
  reset(name) {
    if (name === undefined) this.scopes.clear();
    else this.scopes.get(name)?.reset();
  }
}
