import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { $, DEMO, settled, texts, waitUntil } from './helpers.js';

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
});

/** What has the focus inside the element, by its text (comparing elements themselves makes failures unreadable). */
const focused = (el: Element) => el.shadowRoot!.activeElement?.textContent ?? null;
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('.event')];

describe('filter attributes', () => {
  it('tags: only events with one of the tags', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} tags="hiking, Chor" limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    const by = texts(el, '.by');
    expect(by.length).to.be.greaterThan(5);
    expect(by.every((t) => /Tokyo Hikers|Berliner Stadtchor|Auckland/.test(t)), by.join('|')).to.equal(true);
  });

  it('tags on a group list are filtered too', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" tags="astronomie" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(texts(el, '.title')).to.deep.equal(['Nuit des étoiles']);
  });

  it('category: only that category', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} category="MUSIC" limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(rows(el).length).to.be.greaterThan(3);
    const titles = texts(el, '.title');
    expect(titles).to.include('Concert au Transbordeur');
    expect(titles).to.not.include('Sortie vélo du dimanche');
  });

  it('type: online events only, or in-person only', async () => {
    const online = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} type="online" limit="50" locale="en"></mobilizon-events>`);
    await settled(online);
    expect(rows(online).length).to.be.greaterThan(1);
    expect(rows(online).every((li) => li.querySelector('.badge.online'))).to.equal(true);
    const inPerson = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} type="in-person" limit="50" locale="en"></mobilizon-events>`);
    await settled(inPerson);
    expect(rows(inPerson).some((li) => li.querySelector('.badge.online'))).to.equal(false);
  });

  it('term: events matching the words, accents ignored', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} term="velo" limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(texts(el, '.title')).to.include('Sortie vélo du dimanche');
  });

  it('from / to: only events on those days (both included), and longer ones still running then', async () => {
    const from = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 34 * 86_400_000).toISOString().slice(0, 10);
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} from=${from} to=${to} limit="99" timezone="UTC" locale="en"></mobilizon-events>`);
    await settled(el);
    const times = [...el.shadowRoot!.querySelectorAll('time')];
    expect(times.length).to.be.greaterThan(5);
    for (const time of times) {
      const day = time.getAttribute('datetime')!.slice(0, 10);
      expect(day <= to, day).to.equal(true);
      // Started before `from`: a multi-day event still running, shown with its date range.
      if (day < from) expect(time.textContent, day).to.match(/–/);
    }
  });

  it('near + radius: only events around the place', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} near="45.76,4.84" radius="30" limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    const places = texts(el, '.where');
    expect(places.length).to.be.greaterThan(3);
    expect(places.every((p) => /Lyon|Villeurbanne|Saint-Genis|Caluire|Vénissieux|Bron/.test(p)), places.join('|')).to.equal(true);
  });

  it('period="all" and period="past" reach past events', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} period="past" limit="5" locale="en"></mobilizon-events>`);
    await settled(el);
    const starts = [...el.shadowRoot!.querySelectorAll('time')].map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(starts.every((s) => s < Date.now())).to.equal(true);
    const all = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" period="all" limit="99" locale="en"></mobilizon-events>`);
    await settled(all);
    const allStarts = [...all.shadowRoot!.querySelectorAll('time')].map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(allStarts.some((s) => s < Date.now()) && allStarts.some((s) => s > Date.now())).to.equal(true);
  });

  it('hide-cancelled leaves cancelled events out of group lists', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="60" hide-cancelled locale="en"></mobilizon-events>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('.badge.cancelled')).to.equal(null);
    expect(texts(el, '.title')).to.include('Sortie vélo du dimanche');
  });

  it('says so when from comes after to', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} from="2027-05-10" to="2027-05-01" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal('The first day (2027-05-10) comes after the last day (2027-05-01).');
  });

  it('says so for a date that is not one', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} from="next tuesday" locale="en"></mobilizon-events>`);
    await settled(el, 'error');
    expect(texts(el, '.error p')[0]).to.contain('is not a date');
  });
});

describe('federated search', () => {
  it('search="global" lists events of other instances, linked to their origin', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} search="global" limit="99" locale="en"></mobilizon-events>`);
    await settled(el);
    const hosts = new Set([...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.title a')].map((a) => new URL(a.href).host));
    expect(hosts.size).to.be.greaterThan(1);
    const remote = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.title a')].find((a) => new URL(a.href).host !== new URL(DEMO).host)!;
    expect(remote.rel).to.equal('noopener');
  });

  it('the filter bar hides what global search ignores (tags, online / in person)', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} search="global" filters limit="5" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(() => $(el, 'form.filters'), 'the filter bar');
    expect($(el, 'form.filters input[type="search"]')).to.not.equal(null);
    expect($(el, 'form.filters input[type="radio"]')).to.equal(null);
    expect($(el, 'form.filters .chips')).to.equal(null);
  });
});

describe('the filter bar', () => {
  it('typing a term and choosing online update the list and the URL hash, which restores them', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events id="agenda" instance=${DEMO} filters limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(() => $(el, 'form.filters'), 'the filter bar');
    const everything = rows(el).length;
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'mobilizon';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => rows(el).length > 0 && rows(el).length < everything, 'fewer events for the term', { timeout: 5000 });
    await settled(el);
    const online = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'online')!;
    online.click();
    await waitUntil(() => location.hash.includes('agenda.type=online'), 'the hash keeps the type');
    await settled(el);
    expect(location.hash).to.contain('agenda.term=mobilizon');
    expect(rows(el).every((li) => li.querySelector('.badge.online'))).to.equal(true);
    const shown = texts(el, '.title');

    el.remove();
    const again = await fixture<MobilizonEvents>(html`<mobilizon-events id="agenda" instance=${DEMO} filters limit="50" locale="en"></mobilizon-events>`);
    await waitUntil(() => $(again, 'form.filters') && rows(again).length, 'restored from the hash');
    await settled(again);
    expect(texts(again, '.title')).to.deep.equal(shown);
    expect($<HTMLInputElement>(again, 'input[type="search"]')!.value).to.equal('mobilizon');
    await expect(again).to.be.accessible();
  });

  it('tag chips narrow the list', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" filters limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.chips button'), 'tag chips');
    const chip = (tag: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chips button')].find((b) => b.textContent === tag)!;
    chip('astronomie').click();
    await waitUntil(() => texts(el, '.title').join() === 'Nuit des étoiles', 'one event left');
    expect(chip('astronomie').getAttribute('aria-pressed')).to.equal('true');
  });

  it('chosen by keyboard, a chip keeps the focus, the other chips stay, and several tags show events of any of them', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" filters limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.chips button'), 'tag chips');
    const chips = () => texts(el, '.chips button');
    const before = chips();
    expect(before).to.include.members(['astronomie', 'concert']);
    const chip = (tag: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chips button')].find((b) => b.textContent === tag)!;
    chip('astronomie').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => texts(el, '.title').join() === 'Nuit des étoiles', 'one event left');
    await settled(el);
    expect(chips()).to.deep.equal(before);
    expect(focused(el)).to.equal('astronomie');
    chip('concert').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash.includes('tags=astronomie%2Cconcert'), 'both tags in the hash');
    await waitUntil(() => texts(el, '.title').length > 1, 'events of either tag');
    await settled(el);
    expect(texts(el, '.title')).to.include('Nuit des étoiles');
    expect(chips()).to.deep.equal(before);
    expect(focused(el)).to.equal('concert');
    expect(chip('concert').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('the chips are one Tab stop, with arrow keys inside', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" filters limit="50" locale="en"></mobilizon-events>`);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.chips button'), 'tag chips');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chips button')];
    const names = buttons.map((b) => b.textContent);
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal(buttons.map((_, i) => (i ? -1 : 0)));
    $<HTMLButtonElement>(el, 'form.filters button.secondary')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(names[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(names[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(names.at(-1));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(names[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Tab' });
    // One more Tab leaves the filter bar.
    expect(Boolean(el.shadowRoot!.activeElement?.closest('form.filters'))).to.equal(false);
  });

  it('date fields speak the element’s locale: French order, typed and read back', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events id="fr" instance=${DEMO} group="velo_lyon" filters from="2027-05-10" limit="5" locale="fr"></mobilizon-events>`);
    await waitUntil(() => $(el, 'input.date'), 'the date fields');
    const [from, to] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input.date');
    expect(from.placeholder).to.equal('jj/mm/aaaa');
    expect(from.value).to.equal('10/05/2027');
    to.value = '20/5/2027';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => location.hash.includes('fr.to=2027-05-20'), 'the day typed, read day first');
    expect(to.validity.valid).to.equal(true);
    to.value = '31/02/2027';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    expect(to.validity.valid).to.equal(false);
    expect(to.validationMessage).to.equal('Écrivez la date sous la forme jj/mm/aaaa.');
    expect(to.getAttribute('aria-invalid')).to.not.equal(null);
  });
});

describe('iCal feeds', () => {
  it('merges a feed with the instance’s events in start order', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="berliner_chor" ics="${DEMO}/@tokyo_hikers/feed/ics" limit="40" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    // The feed's events join the instance's as soon as the feed has answered.
    await waitUntil(() => texts(el, '.title').some((t) => /Yoyogi|Fuji|Takao/.test(t)), 'the feed’s events', { timeout: 10_000 });
    const starts = [...el.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!);
    expect([...starts].sort()).to.deep.equal(starts);
  });

  it('shows a feed alone, without an instance', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events ics="${DEMO}/@velo_lyon/feed/ics" limit="5" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(texts(el, '.title')).to.include('Sortie vélo du dimanche');
  });

  it('a failing feed shows its own notice without hiding the instance’s events', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events instance=${DEMO} group="velo_lyon" ics="${DEMO}/@no_such_group/feed/ics" limit="5" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    expect(rows(el)).to.have.length(5);
    expect(texts(el, '.notice')[0]).to.contain('answered with an error (HTTP 404)');
  });

  it('a feed that answers HTML, or broken iCal, says so', async () => {
    const el = await fixture<MobilizonEvents>(
      html`<mobilizon-events ics="/test/fixtures/ics/not-a-calendar.html /test/fixtures/ics/garbage.ics ${DEMO}/@velo_lyon/feed/ics" limit="3" locale="en"></mobilizon-events>`,
    );
    await settled(el);
    const notices = texts(el, '.notice');
    expect(notices.some((n) => n.includes('is not an iCal feed'))).to.equal(true);
    expect(notices.some((n) => n.includes('damaged'))).to.equal(true);
    expect(rows(el)).to.have.length(3);
  });
});

describe('languages', () => {
  it('an unknown locale falls back to English', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="2" locale="xx-YY"></mobilizon-events>`);
    await settled(el);
    expect($(el, '.pagination span')!.textContent).to.match(/^Page 1 of \d+$/);
  });

  for (const [locale, next] of [['de', 'Weiter'], ['es', 'Siguiente'], ['it', 'Successiva'], ['ar', 'التالي']] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="velo_lyon" limit="2" locale=${locale}></mobilizon-events>`);
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.pagination button:last-of-type')!.textContent!.trim() !== 'Next', `${locale} text`);
      expect($(el, '.pagination button:last-of-type')!.textContent!.trim()).to.equal(next);
      if (locale === 'ar') {
        expect($(el, '.root')!.getAttribute('dir')).to.equal('rtl');
        const tile = $(el, '.tile')!.getBoundingClientRect();
        const title = $(el, '.title')!.getBoundingClientRect();
        expect(tile.left).to.be.greaterThan(title.left); // mirrored: the date tile sits on the right
      }
    });
  }
});
