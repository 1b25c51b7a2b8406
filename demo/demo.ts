/// <reference types="vite/client" />
// The demo page: a configurator that builds the tag to paste, with a live preview.
import '../src/index.js';

const instance = import.meta.env.VITE_DEMO_INSTANCE as string;
const form = document.querySelector<HTMLFormElement>('#configurator')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const snippet = document.querySelector<HTMLElement>('#snippet')!;

const flaky = document.querySelector('#flaky');
flaky?.setAttribute('instance', `${instance}/_k/id=demo-flaky-${Date.now()},fault=http500,faults=1`);

const DEFAULTS: Record<string, string> = { view: 'list', period: 'upcoming', limit: '10', locale: '', timezone: 'event', theme: '' };
const BOOLEAN = new Set(['filters', 'hide-cancelled']);

function update(): void {
  const data = new FormData(form);
  const attributes: Array<[string, string]> = [];
  for (const [name, value] of data.entries()) {
    const text = String(value).trim();
    if (name === 'instance' || BOOLEAN.has(name) || (text && text !== DEFAULTS[name])) attributes.push([name, text]);
  }
  const element = document.createElement('mobilizon-events');
  for (const [name, value] of attributes) element.setAttribute(name, value);
  preview.replaceChildren(element);
  const attrs = attributes
    .map(([n, v]) => (BOOLEAN.has(n) ? ` ${n}` : ` ${n}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`))
    .join('');
  snippet.textContent =
    `<script type="module" src="https://cdn.jsdelivr.net/npm/mobilizon-embed/dist/mobilizon-embed.js"></script>\n` +
    `<mobilizon-events${attrs}></mobilizon-events>`;
}

form.addEventListener('input', update);
update();
