/// <reference types="vite/client" />
// The demo page: a configurator that builds the tag to paste for any of the four elements, with a
// live preview. Its fields come from configurator.json (checked against custom-elements.json).
import '../src/index.js';
import config from './configurator.json';
import pkg from '../package.json';

interface Field {
  name: string;
  label: string;
  kind: 'text' | 'select' | 'number' | 'bool' | 'date';
  hint?: string;
  value?: string;
  default?: string | number | boolean;
  options?: string[][];
  suggestions?: string[];
  min?: number;
  max?: number;
  /** Hidden while another field has one of these values. */
  hideWhen?: Record<string, string[]>;
  /** Shown only while this other field is filled in. */
  showWhen?: string;
}

const instance = import.meta.env.VITE_DEMO_INSTANCE as string;
const CDN = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/mobilizon-embed.js`;
const form = document.querySelector<HTMLFormElement>('#configurator')!;
const chooser = form.querySelector<HTMLSelectElement>('select[name="element"]')!;
const selfPath = form.querySelector<HTMLInputElement>('input[name="script-path"]')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const snippet = document.querySelector<HTMLElement>('#snippet')!;
const snippetSelf = document.querySelector<HTMLElement>('#snippet-self')!;
const elements = config.elements as Record<string, Field[]>;

const flaky = document.querySelector('#flaky');
flaky?.setAttribute('instance', `${instance}/_k/id=demo-flaky-${Date.now()},fault=http500,faults=1`);

/** One fieldset per element, common fields included: switching element keeps what was typed. */
const fieldsets = new Map<string, HTMLFieldSetElement>();
for (const [tag, own] of Object.entries(elements)) {
  const fieldset = document.createElement('fieldset');
  fieldset.dataset.element = tag;
  const legend = document.createElement('legend');
  legend.textContent = `<${tag}>`;
  fieldset.append(legend, ...[...(config.common as Field[]), ...own].map((f) => control(tag, f)));
  fieldsets.set(tag, fieldset);
  chooser.closest('label')!.after(fieldset);
}

function control(tag: string, field: Field): HTMLElement {
  const label = document.createElement('label');
  label.dataset.field = field.name;
  const input = field.kind === 'select' ? document.createElement('select') : document.createElement('input');
  input.name = field.name;
  input.id = `${tag}-${field.name}`;
  if (input instanceof HTMLSelectElement) {
    for (const [value, text] of field.options ?? []) input.add(new Option(text, value));
    input.value = field.value ?? String(field.default ?? '');
  } else {
    input.type = field.kind === 'bool' ? 'checkbox' : field.kind;
    if (field.min !== undefined) input.min = String(field.min);
    if (field.max !== undefined) input.max = String(field.max);
    if (field.kind === 'bool') input.checked = field.default === true;
    else input.value = (field.value ?? '').replace('%INSTANCE%', instance);
    if (field.suggestions) {
      const list = document.createElement('datalist');
      list.id = `${input.id}-list`;
      list.append(...field.suggestions.map((s) => new Option(s)));
      input.setAttribute('list', list.id);
      label.append(list);
    }
  }
  if (field.kind === 'bool') {
    label.className = 'check';
    label.append(input, ` ${field.label}`);
  } else {
    label.append(field.label, ' ');
    if (field.hint) label.append(Object.assign(document.createElement('small'), { textContent: `(${field.hint})` }), ' ');
    label.append(input);
  }
  return label;
}

/** A number kept within its field's range (limit 1–99): what is typed outside is brought back in. */
function clamp(field: Field, text: string): string {
  if (text === '' || Number.isNaN(Number(text))) return '';
  let n = Math.round(Number(text));
  if (field.min !== undefined) n = Math.max(field.min, n);
  if (field.max !== undefined) n = Math.min(field.max, n);
  return String(n);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function update(): void {
  const tag = chooser.value;
  const fields = [...(config.common as Field[]), ...elements[tag]];
  for (const [name, fieldset] of fieldsets) fieldset.hidden = fieldset.disabled = name !== tag;
  const fieldset = fieldsets.get(tag)!;
  const input = (name: string) => fieldset.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  const attributes: Array<[string, string | true]> = [];
  for (const field of fields) {
    const el = input(field.name);
    // Options that mean nothing for the other choices made are hidden, and left out of the tag.
    const hidden =
      Object.entries(field.hideWhen ?? {}).some(([other, values]) => values.includes(input(other).value)) ||
      (field.showWhen !== undefined && !input(field.showWhen).value.trim());
    el.closest('label')!.hidden = hidden;
    el.disabled = hidden;
    if (hidden) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.checked) attributes.push([field.name, true]);
      continue;
    }
    const text = field.kind === 'number' ? clamp(field, el.value) : el.value.trim();
    if (field.name === 'instance' || (text && text !== String(field.default ?? ''))) attributes.push([field.name, text]);
  }
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : value);
  preview.replaceChildren(element);
  const markup = `<${tag}${attributes.map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${escape(v)}"`)).join('')}></${tag}>`;
  snippet.textContent = `<script type="module" src="${CDN}"></script>\n${markup}`;
  snippetSelf.textContent = `<script type="module" src="${escape(selfPath.value.trim() || '/mobilizon-embed/mobilizon-embed.js')}"></script>\n${markup}`;
}

// `?element=mobilizon-group`: the reference pages (docs/) open the configurator on their element.
const asked = new URLSearchParams(location.search).get('element');
if (asked && fieldsets.has(asked)) chooser.value = asked;

form.addEventListener('input', update);
// Out-of-range numbers are corrected in the field itself once the visitor leaves it.
form.addEventListener('change', (event) => {
  const el = event.target;
  if (!(el instanceof HTMLInputElement) || el.type !== 'number') return;
  const field = [...(config.common as Field[]), ...elements[chooser.value]].find((f) => f.name === el.name);
  if (field && el.value !== '') el.value = clamp(field, el.value);
});
update();
