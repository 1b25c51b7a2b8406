// Loads data for an element when its inputs change: aborts the previous load, keeps the last value
// while the next one is pending (so a page change does not flash a skeleton), and puts failures
// into words before showing them. (@lit/task does most of this but costs the list entry ~1 KB.)
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../../sources/mobilizon/errors.js';
import type { ErrorDescription } from './errors.js';

export type LoadState<T> =
  | { status: 'initial' }
  | { status: 'pending'; last?: T }
  | { status: 'complete'; value: T }
  | { status: 'error'; error: unknown; description: ErrorDescription; last?: T };

export class Loader<T, A extends readonly unknown[]> implements ReactiveController {
  state: LoadState<T> = { status: 'initial' };
  /** Settles when the latest load has. */
  done: Promise<void> = Promise.resolve();
  private key = '';
  private connected = false;
  private controller?: AbortController;
  private last?: T;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly args: () => A,
    private readonly load: (args: A, signal: AbortSignal) => Promise<T>,
    private readonly explain: (error: unknown) => Promise<ErrorDescription>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Back in the page after leaving it: load again (what was loading then was cancelled).
    if (!this.key) this.host.requestUpdate();
  }

  hostUpdate(): void {
    // A removed element may still update (its words arriving): it asks for nothing then.
    if (!this.connected) return;
    const args = this.args();
    const key = JSON.stringify(args);
    if (key !== this.key) {
      this.key = key;
      this.run(args);
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.controller?.abort();
    this.key = '';
  }

  /** Loads again with the current inputs (retry, or fresher data available). */
  run(args: A = this.args()): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.state = { status: 'pending', last: this.last };
    this.host.requestUpdate();
    return (this.done = this.settle(args, controller.signal));
  }

  private async settle(args: A, signal: AbortSignal): Promise<void> {
    let next: LoadState<T>;
    try {
      const value = await this.load(args, signal);
      this.last = value;
      next = { status: 'complete', value };
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      next = { status: 'error', error, description: await this.explain(error), last: this.last };
    }
    if (signal.aborted) return;
    this.state = next;
    this.host.requestUpdate();
  }
}

export interface LoadViews<T, R> {
  /** The data; `busy` while a newer load is pending (the last data stays, dimmed). */
  value: (value: T, busy: boolean) => R;
  error: (description: ErrorDescription) => R;
  /** Nothing to show yet. */
  waiting: () => R;
}

/** The one switch over a load's state that every element renders through. */
export function renderLoad<T, R>(state: LoadState<T>, views: LoadViews<T, R>): R {
  switch (state.status) {
    case 'complete':
      return views.value(state.value, false);
    case 'error':
      return views.error(state.description);
    case 'pending':
      if (state.last !== undefined) return views.value(state.last, true);
  }
  return views.waiting();
}
