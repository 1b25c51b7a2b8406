// Shared by the element tests: the demo instance (started by `npm test`), per-test scopes so tests
// running side by side do not count each other's requests, and waiting for what a visitor sees.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';

declare global {
  interface Window {
    DEMO_INSTANCE: string;
  }
}

export const DEMO = window.DEMO_INSTANCE;
let counter = 0;

/** An instance URL with its own request counters, plus knobs (`fault=http500,faults=1`, `version=4.0.2`…). */
export function scoped(knobs = ''): { url: string; scope: string } {
  const scope = [`id=${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`, knobs]
    .filter(Boolean)
    .join(',');
  return { url: `${DEMO}/_k/${scope}`, scope };
}

export interface Stats {
  api: number;
  operations: Record<string, number>;
  requests: Array<{ method: string; path: string; operationName?: string }>;
}

export async function stats(scope: string): Promise<Stats> {
  const response = await fetch(`${DEMO}/_demo/stats?scope=${encodeURIComponent(scope)}`);
  return response.json();
}

/** Text of the element's shadow root elements matching `selector`. */
export const texts = (el: Element, selector: string): string[] =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Waits until the element shows events, an empty state or an error. */
export async function settled(el: Element, what: 'events' | 'empty' | 'error' = 'events', timeout = 10_000): Promise<void> {
  const selector = { events: '[part~="event"]', empty: '.empty', error: '.error' }[what];
  await openWcWaitUntil(
    () => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]'),
    `no ${what} shown`,
    { timeout },
  );
}

/**
 * open-wc's waitUntil, waiting 5 s by default instead of 1 s: on a loaded two-core machine a re-render
 * after a key press can take over a second, and a wait that only fails when the machine is busy
 * says nothing about the element.
 */
export const waitUntil = (predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> =>
  openWcWaitUntil(predicate, message, { timeout: 5_000, ...options });

/** Short timeouts so the timeout fault is quick to test. */
MobilizonClient.defaults.timeout = 2_000;

/** Records the calls to a method (window.alert, console.warn…) instead of running it; restore() puts it back. */
export function spyOn<T extends object, K extends keyof T>(target: T, method: K): { calls: unknown[][]; restore: () => void } {
  const original = target[method];
  const calls: unknown[][] = [];
  target[method] = ((...args: unknown[]) => void calls.push(args)) as T[K];
  return { calls, restore: () => (target[method] = original) };
}
