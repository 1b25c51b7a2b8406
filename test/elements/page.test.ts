// Several widgets on one page, as a site owner puts them: distinct landmarks, headings in order, and
// right-to-left text laid out right to left down to the nested lists.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import type { MobilizonGroup } from '../../src/elements/group/mobilizon-group.js';
import { $, DEMO, settled, waitUntil } from './helpers.js';

const nested = (el: MobilizonGroup, period: string) => $<MobilizonEvents>(el, `mobilizon-events[period="${period}"]`)!;

/** Accessible names of the landmarks inside an element's shadow roots (nested ones included). */
function landmarks(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('*')].flatMap((node) => [
    ...(node.matches('section[aria-label], nav[aria-label], form[role="search"]') ? [node.getAttribute('aria-label')!] : []),
    ...(node.shadowRoot ? landmarks(node.shadowRoot) : []),
  ]);
}

describe('several widgets on one page', () => {
  it('two lists and a group page under an <h1>: landmarks named apart, headings in order', async () => {
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Our events</h1>
      <mobilizon-events instance=${DEMO} group="velo_lyon" limit="2" filters locale="en"></mobilizon-events>
      <mobilizon-events instance=${DEMO} term="concert" limit="2" filters locale="en"></mobilizon-events>
      <mobilizon-group instance=${DEMO} group="tokyo_hikers" heading-level="2" limit="2" locale="en"></mobilizon-group>
    </main>`);
    const [velo, concerts] = page.querySelectorAll<MobilizonEvents>('mobilizon-events');
    const group = page.querySelector<MobilizonGroup>('mobilizon-group')!;
    await settled(velo);
    await settled(concerts);
    await waitUntil(() => group.shadowRoot!.querySelector('[part="header"]'), 'the group');
    await settled(nested(group, 'upcoming'));
    await settled(nested(group, 'past'));
    await waitUntil(() => $(velo, 'form.filters') && $(concerts, 'form.filters'), 'the filter bars');
    const names = [velo, concerts, group].flatMap((el) => landmarks(el.shadowRoot!));
    expect(names).to.include('Upcoming events · Vélo Lyon');
    expect(names).to.include('Upcoming events · concert');
    expect(names).to.include('Past events · Tokyo Hikers');
    expect(names).to.include('Posts · Tokyo Hikers');
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    await expect(page).to.be.accessible();
  });

  it('heading-level sets the heading ranks: the element’s own title, its lists below it (a list’s own headings at that rank)', async () => {
    const group = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group="velo_lyon" heading-level="3" limit="2" locale="en"></mobilizon-group>`);
    await waitUntil(() => group.shadowRoot!.querySelector('[part="header"]'), 'the group');
    const upcoming = nested(group, 'upcoming');
    await settled(upcoming);
    const level = (el: Element | null) => Number(el!.getAttribute('aria-level') ?? el!.localName.slice(1));
    expect(level($(group, '[part="header"] h2'))).to.equal(3);
    expect(level($(group, '.events-section h3'))).to.equal(4);
    expect(level($(upcoming, '.title'))).to.equal(5);
    const list = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" view="agenda" heading-level="1" limit="2" locale="en"></mobilizon-events>`);
    await settled(list);
    expect(level($(list, '.agenda-day h2'))).to.equal(1);
    expect(level($(list, '.agenda-item .title'))).to.equal(2);
  });

  for (const how of ['locale="ar"', 'lang="ar" on the page']) {
  it(`an Arabic group page (${how}) lays out every text right to left, the nested list’s empty message included`, async () => {
    const page = await fixture<HTMLElement>(
      how.startsWith('lang')
        ? html`<div lang="ar"><mobilizon-group instance=${DEMO} group="empty_group"></mobilizon-group></div>`
        : html`<div><mobilizon-group instance=${DEMO} group="empty_group" locale="ar"></mobilizon-group></div>`,
    );
    const group = page.querySelector<MobilizonGroup>('mobilizon-group')!;
    await waitUntil(() => group.shadowRoot!.querySelector('[part="header"]'), 'the group');
    const upcoming = nested(group, 'upcoming');
    await settled(upcoming, 'empty');
    await waitUntil(() => group.shadowRoot!.querySelector('p[slot="empty"]')?.textContent === 'لا توجد أحداث بعد.', 'the Arabic message');
    const message = group.shadowRoot!.querySelector<HTMLElement>('p[slot="empty"]')!;
    expect(getComputedStyle(message).direction).to.equal('rtl');
    expect(message.matches(':dir(rtl)')).to.equal(true);
    // The sentence starts at the right edge, and its full stop ends it on the left.
    const text = [...message.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    const at = (start: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 1);
      return range.getBoundingClientRect();
    };
    const length = text.textContent!.length;
    expect(at(length - 1).left).to.be.lessThan(at(0).left);
    expect(Math.abs(at(0).right - message.getBoundingClientRect().right)).to.be.lessThan(2);
  });
}
});
