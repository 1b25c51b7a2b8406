import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/group.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import type { MobilizonGroup } from '../../src/elements/group/mobilizon-group.js';
import { $, DEMO, scoped, settled, spyOn, stats, texts, waitUntil } from './helpers.js';

const HOST = new URL(DEMO).host;

/** Waits until the group is shown (and its posts are not changing page), or an error. */
async function shown(el: MobilizonGroup, what: 'group' | 'error' = 'group'): Promise<void> {
  const selector = what === 'group' ? '[part="header"]' : '.error';
  await waitUntil(() => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]'), `no ${what} shown`, {
    timeout: 10_000,
  });
}

const group = async (handle: string, extra: { instance?: string; sections?: string; limit?: number; locale?: string } = {}) => {
  const el = await fixture<MobilizonGroup>(
    html`<mobilizon-group
      instance=${extra.instance ?? DEMO}
      group=${handle}
      sections=${extra.sections ?? 'about,events,past,posts'}
      limit=${extra.limit ?? 5}
      locale=${extra.locale ?? 'en'}
    ></mobilizon-group>`,
  );
  await shown(el);
  return el;
};

const list = (el: MobilizonGroup, period: 'upcoming' | 'past') => $<MobilizonEvents>(el, `mobilizon-events[period="${period}"]`)!;
const links = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>(selector)];
const action = (el: MobilizonGroup, label: string) => links(el, '.actions a').find((a) => a.textContent!.trim() === label);

describe('<mobilizon-group> header', () => {
  it('shows the banner, avatar, name, handle, counts, place and a link to the group', async () => {
    const el = await group('velo_lyon');
    expect(texts(el, 'h2')[0]).to.equal('Vélo Lyon');
    expect(texts(el, '.names .muted')[0]).to.equal(`@velo_lyon@${HOST}`);
    const avatar = $<HTMLImageElement>(el, 'img[part="avatar"]')!;
    expect(avatar.alt).to.equal('Avatar of Vélo Lyon');
    expect(avatar.src).to.match(/^http:\/\/.*\/media\/.*velo_lyon-avatar\.png$/);
    expect(texts(el, '.counts')[0]).to.equal('86 members · 214 followers');
    expect(texts(el, '[part="header"]').join(' ')).to.contain('Maison du Vélo, Lyon');
    const title = $<HTMLAnchorElement>(el, 'h2 a')!;
    expect(new URL(title.href).pathname).to.equal('/@velo_lyon');
  });

  it('reserves the banner’s space before the picture arrives (3:1, no layout jump)', async () => {
    const { url } = scoped('latency=300');
    const el = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${url} group="velo_lyon" locale="en"></mobilizon-group>`);
    const skeleton = $(el, '.banner')!;
    const before = skeleton.getBoundingClientRect();
    expect(before.height).to.be.closeTo(before.width / 3, 1);
    await shown(el);
    const banner = $(el, '[part="banner"]')!;
    const img = banner.querySelector('img')!;
    expect(img.alt, 'decorative').to.equal('');
    const rect = banner.getBoundingClientRect();
    expect(rect.height).to.be.closeTo(rect.width / 3, 1);
    expect(rect.height).to.be.closeTo(before.height, 1);
    await waitUntil(() => img.complete);
    expect(banner.getBoundingClientRect().height).to.be.closeTo(rect.height, 1);
  });

  it('renders the summary’s HTML through the sanitizer', async () => {
    const el = await group('velo_lyon');
    await waitUntil(() => $(el, '[part="summary"] strong'), 'summary filled');
    expect($(el, '[part="summary"] strong')!.textContent).to.equal('vélo au quotidien');
    expect(texts(el, '[part="summary"]')[0]).to.contain('Association lyonnaise');
  });

  it('speaks the visitor’s language, with plural words', async () => {
    const el = await group('velo_lyon', { locale: 'fr' });
    await waitUntil(() => action(el, 'Rejoindre'), 'French actions');
    expect(texts(el, '.counts')[0]).to.equal('86 membres · 214 abonnés');
    expect(texts(el, 'h3')).to.deep.equal(['Événements à venir', 'Événements passés', 'Billets']);
  });
});

describe('<mobilizon-group> actions', () => {
  it('OPEN: join, follow and contact on the instance, saying an account is needed', async () => {
    const el = await group('velo_lyon');
    const join = action(el, 'Join')!;
    expect(new URL(join.href).pathname).to.equal('/@velo_lyon');
    expect(action(el, 'Follow')!.href).to.equal(join.href);
    expect(action(el, 'Contact')!.href).to.equal(join.href);
    const hint = $(el, `#${join.getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).to.contain(`on ${HOST}, with an account there`);
    expect(texts(el, '.actions')[0]).to.not.contain('invitation');
  });

  it('MODERATED: asks to join', async () => {
    const el = await group('montreal_makers');
    expect(action(el, 'Join')).to.equal(undefined);
    expect(new URL(action(el, 'Ask to join')!.href).pathname).to.equal('/@montreal_makers');
    expect(action(el, 'Follow')).to.not.equal(undefined);
  });

  it('INVITE_ONLY: says joining is by invitation, with no join link, and still offers Follow', async () => {
    const el = await group('berliner_chor');
    expect(texts(el, '.actions')[0]).to.contain('Joining is by invitation');
    expect(action(el, 'Join')).to.equal(undefined);
    expect(action(el, 'Ask to join')).to.equal(undefined);
    expect(new URL(action(el, 'Follow')!.href).pathname).to.equal('/@berliner_chor');
    expect(action(el, 'Contact')).to.not.equal(undefined);
  });

  it('offers the group’s iCal feed (webcal and file) and its Atom feed, which the instance serves', async () => {
    const { url } = scoped();
    const el = await group('velo_lyon', { instance: url });
    const [webcal, ics, atom] = links(el, '.feeds a');
    const base = url.replace(/^http:/, '');
    expect(webcal.getAttribute('href')).to.equal(`webcal:${base}/@velo_lyon/feed/ics`);
    expect(ics.href).to.equal(`${url}/@velo_lyon/feed/ics`);
    expect(atom.href).to.equal(`${url}/@velo_lyon/feed/atom`);
    const [calendar, feed] = await Promise.all([fetch(ics.href), fetch(atom.href)]);
    expect(calendar.status).to.equal(200);
    expect(await calendar.text()).to.contain('BEGIN:VCALENDAR');
    expect(feed.status).to.equal(200);
    expect(await feed.text()).to.contain('<feed');
  });
});

describe('<mobilizon-group> events', () => {
  it('pages through the upcoming events with the embedded <mobilizon-events>', async () => {
    const el = await group('velo_lyon', { limit: 3 });
    const upcoming = list(el, 'upcoming');
    expect(upcoming.getAttribute('group')).to.equal('velo_lyon');
    expect(upcoming.getAttribute('instance')).to.equal(DEMO);
    expect(upcoming.getAttribute('limit')).to.equal('3');
    expect(upcoming.getAttribute('locale')).to.equal('en');
    await settled(upcoming);
    const first = texts(upcoming, '.title');
    expect(first).to.have.length(3);
    expect(texts(upcoming, '.pagination span')[0]).to.match(/^Page 1 of \d+$/);
    $<HTMLButtonElement>(upcoming, '.pagination button:last-of-type')!.click();
    await waitUntil(() => texts(upcoming, '.pagination span')[0]?.startsWith('Page 2 of'), 'page 2');
    await settled(upcoming);
    const second = [...upcoming.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!);
    expect(second).to.have.length(3);
    expect(texts(upcoming, '.title')).to.not.deep.equal(first);
    expect(second.every((s) => Date.parse(s) > Date.now())).to.equal(true);
  });

  it('pages through past events, most recent first, with badges from the same list renderer', async () => {
    const el = await group('velo_lyon', { limit: 1 });
    const past = list(el, 'past');
    await settled(past);
    const seen: string[] = [];
    seen.push(past.shadowRoot!.querySelector('time')!.getAttribute('datetime')!);
    expect(texts(past, '.pagination span')[0]).to.match(/^Page 1 of [2-9]$/);
    $<HTMLButtonElement>(past, '.pagination button:last-of-type')!.click();
    await waitUntil(() => texts(past, '.pagination span')[0]?.startsWith('Page 2 of'), 'page 2');
    await settled(past);
    seen.push(past.shadowRoot!.querySelector('time')!.getAttribute('datetime')!);
    expect(seen.every((s) => Date.parse(s) < Date.now())).to.equal(true);
    expect(Date.parse(seen[0])).to.be.greaterThan(Date.parse(seen[1]));
    // The one list renderer, not a copy of it.
    expect(past).to.be.instanceOf(customElements.get('mobilizon-events')!);
  });

  it('hides the event lists when sections leaves them out', async () => {
    const el = await group('velo_lyon', { sections: 'about,posts' });
    expect(el.shadowRoot!.querySelector('mobilizon-events')).to.equal(null);
    expect($(el, '[part="posts"]')).to.not.equal(null);
    expect($(el, '[part="summary"]')).to.not.equal(null);
  });

  it('leaves the summary out without "about", and the posts without "posts"', async () => {
    const { url, scope } = scoped();
    const el = await group('velo_lyon', { sections: 'events', instance: url });
    expect($(el, '[part="summary"]')).to.equal(null);
    expect($(el, '[part="posts"]')).to.equal(null);
    expect(list(el, 'upcoming')).to.not.equal(null);
    expect(list(el, 'past')).to.equal(null);
    await settled(list(el, 'upcoming'));
    expect((await stats(scope)).operations.GroupPosts ?? 0).to.equal(0);
  });
});

describe('<mobilizon-group> posts', () => {
  it('lists posts with title, date, author, picture and a short excerpt, newest first', async () => {
    const el = await group('velo_lyon');
    const posts = [...el.shadowRoot!.querySelectorAll('[part="post"]')];
    expect(posts).to.have.length(3);
    expect(posts[0].querySelector('h4')!.textContent!.trim()).to.equal('Bienvenue au club !');
    const time = posts[0].querySelector('time')!;
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(time.dateTime)));
    const dates = posts.map((p) => Date.parse(p.querySelector('time')!.dateTime));
    expect([...dates].sort((a, b) => b - a)).to.deep.equal(dates);
    expect(posts[0].querySelector('.meta')!.textContent).to.contain('by Thomas Girard');
    expect(posts[0].querySelector('img')!.src).to.match(/bienvenue-au-club\.png$/);
    const excerpt = posts[0].querySelector('p:last-child')!.textContent!;
    expect(excerpt).to.contain('On vous attend nombreuses et nombreux');
    expect(excerpt).to.not.contain('<');
    expect(excerpt.length).to.be.at.most(201);
    expect(posts[0].querySelector('a')!.href).to.match(/\/p\/Bienvenue-au-club-dZkjo9THJ6tFdMEbd5AQDG$/);
  });

  it('pages through the posts', async () => {
    const el = await group('velo_lyon', { limit: 2, sections: 'posts' });
    const loads: unknown[] = [];
    el.addEventListener('mobilizon-load', (e) => loads.push(e));
    expect(texts(el, '[part="post"] h4')).to.have.length(2);
    expect(texts(el, '.posts .pagination span')[0]).to.equal('Page 1 of 2');
    const firstPage = texts(el, '[part="post"] h4');
    $<HTMLButtonElement>(el, '.posts .pagination button:last-of-type')!.click();
    await waitUntil(() => texts(el, '.posts .pagination span')[0] === 'Page 2 of 2', 'page 2');
    await shown(el);
    const secondPage = texts(el, '[part="post"] h4');
    expect(secondPage).to.have.length(1);
    expect(firstPage).to.not.include(secondPage[0]);
    expect(el.shadowRoot!.activeElement?.closest('[part="post"]')).to.not.equal(null);
    expect(loads, 'announced once per group, not per page').to.have.length(0);
  });

  it('shows another group when the attribute changes, from its first page', async () => {
    const el = await group('velo_lyon', { limit: 2, sections: 'posts' });
    $<HTMLButtonElement>(el, '.posts .pagination button:last-of-type')!.click();
    await waitUntil(() => texts(el, '.posts .pagination span')[0] === 'Page 2 of 2', 'page 2');
    const loaded = oneEvent(el, 'mobilizon-load');
    el.group = 'montreal_makers';
    expect((await loaded).detail.group.name).to.equal('Montréal Makers');
    await shown(el);
    expect(texts(el, 'h2')[0]).to.equal('Montréal Makers');
    expect(texts(el, '.posts .pagination span')[0]).to.equal('Page 1 of 2');
  });

  it('opens a post in a dialog with its sanitized body; Escape closes it and focus returns', async () => {
    const el = await group('velo_lyon', { sections: 'posts' });
    const link = $<HTMLAnchorElement>(el, '[part="post"] h4 a')!;
    link.focus();
    link.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.getAttribute('part')).to.equal('dialog');
    expect(dialog.querySelector('h2')!.textContent).to.equal('Bienvenue au club !');
    await waitUntil(() => dialog.querySelector('.body h3'), 'body filled');
    expect(dialog.querySelector('.body h3')!.textContent).to.equal('Au programme');
    expect(dialog.querySelectorAll('.body li')).to.have.length(3);
    const out = dialog.querySelector<HTMLAnchorElement>('.body a')!;
    expect(out.href).to.equal('https://example.org/velo-lyon');
    expect(out.rel).to.contain('noopener');
    const instanceLink = [...dialog.querySelectorAll<HTMLAnchorElement>('.actions a')].at(-1)!;
    expect(instanceLink.href).to.equal(link.href);
    expect(instanceLink.textContent!.trim()).to.equal(`Read it on ${HOST}`);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog'), 'dialog closed');
    expect(el.shadowRoot!.activeElement).to.equal(link);
  });

  it('closes the dialog with its Close button too', async () => {
    const el = await group('berliner_chor', { sections: 'posts' });
    const link = $<HTMLAnchorElement>(el, '[part="post"] h4 a')!;
    link.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
    $<HTMLButtonElement>(el, 'dialog .close')!.click();
    await waitUntil(() => !$(el, 'dialog'), 'dialog closed');
    expect(el.shadowRoot!.activeElement).to.equal(link);
  });
});

describe('<mobilizon-group> of another instance', () => {
  it('shows a remote group as Mobilizon resolves it, linking to its own instance', async () => {
    const el = await group('remote_collective@other.example');
    expect(texts(el, 'h2')[0]).to.equal('Remote Collective');
    expect(texts(el, '.names .muted')[0]).to.equal('@remote_collective@other.example');
    expect($<HTMLAnchorElement>(el, 'h2 a')!.href).to.equal('https://other.example/@remote_collective');
    expect(action(el, 'Join')!.href).to.equal('https://other.example/@remote_collective');
    expect(texts(el, '#account')[0]).to.contain('on other.example');
    expect(links(el, '.feeds a')[1].href).to.equal(`${DEMO}/@remote_collective@other.example/feed/ics`);
    const upcoming = list(el, 'upcoming');
    expect(upcoming.getAttribute('group')).to.equal('remote_collective@other.example');
    await settled(upcoming);
    expect(texts(upcoming, '.title')).to.include('Rencontre fédérée');
  });
});

describe('<mobilizon-group> states', () => {
  for (const [handle, why] of [
    ['no_such_group', 'unknown'],
    ['suspended_group', 'suspended'],
  ]) {
    it(`says clearly that the group does not exist (${why})`, async () => {
      const el = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group=${handle} locale="en"></mobilizon-group>`);
      const { detail } = await oneEvent(el, 'mobilizon-error');
      expect(detail.code).to.equal('group_not_found');
      await shown(el, 'error');
      expect(texts(el, '.error p')[0]).to.equal(`The group “${handle}” does not exist on ${HOST}.`);
      expect($(el, '.error button'), 'no pointless retry').to.equal(null);
      expect(el.shadowRoot!.querySelector('mobilizon-events')).to.equal(null);
    });
  }

  it('shows a failure with a retry that recovers (fault=http500,faults=1)', async () => {
    const { url } = scoped('fault=http500,faults=1');
    const el = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${url} group="velo_lyon" locale="en"></mobilizon-group>`);
    await shown(el, 'error');
    expect(texts(el, '.error p')[0]).to.equal(`${HOST} answered with an error (HTTP 500).`);
    expect($(el, '.error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.error button')!.click();
    await shown(el);
    expect(texts(el, 'h2')[0]).to.equal('Vélo Lyon');
    await settled(list(el, 'upcoming'));
  });

  it('shows a header skeleton while loading, then fires mobilizon-load', async () => {
    const { url } = scoped('latency=300');
    const el = document.createElement('mobilizon-group');
    el.setAttribute('instance', url);
    el.setAttribute('group', 'velo_lyon');
    el.setAttribute('locale', 'en');
    const loaded = oneEvent(el, 'mobilizon-load');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect($(el, '[aria-hidden="true"] .banner')).to.not.equal(null);
      expect($(el, '[role="status"]')!.textContent, 'never a key').to.not.contain('loadingGroup');
      await waitUntil(() => $(el, '[role="status"]')!.textContent === 'Loading the group…', 'announced');
      const { detail } = await loaded;
    expect(detail.group.name).to.equal('Vélo Lyon');
      expect(detail.group.handle).to.equal('velo_lyon');
    } finally {
      el.remove();
    }
  });

  it('says there are no events and no posts yet for an empty group', async () => {
    const el = await group('empty_group');
    const upcoming = list(el, 'upcoming');
    await settled(upcoming, 'empty');
    const slot = upcoming.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('No events yet.');
    await settled(list(el, 'past'), 'empty');
    expect(texts(el, '.posts .empty')[0]).to.equal('No posts yet.');
    expect($(el, 'img[part="avatar"]')).to.equal(null);
    expect(texts(el, '[part="avatar"]')[0]).to.equal('E');
    expect(texts(el, '.counts')[0]).to.equal('1 member · 0 followers');
  });

  it('asks for a group when there is none, and names the sections it knows', async () => {
    const none = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} locale="en"></mobilizon-group>`);
    await shown(none, 'error');
    expect(texts(none, '.error p')[0]).to.contain('needs a group');
    const bad = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group="velo_lyon" sections="about,members" locale="en"></mobilizon-group>`);
    await shown(bad, 'error');
    expect(texts(bad, '.error p')[0]).to.equal('Unknown sections “members”. Use one of: about, events, past, posts.');
  });
});

describe('<mobilizon-group> accessibility', () => {

  it('is accessible loaded', async () => {
    const el = await group('velo_lyon', { limit: 3 });
    await settled(list(el, 'upcoming'));
    await settled(list(el, 'past'));
    await waitUntil(() => $(el, '[part="summary"] p'), 'summary filled');
    await expect(el).to.be.accessible();
  });

  it('is accessible with a post open', async () => {
    const el = await group('velo_lyon', { sections: 'posts' });
    $<HTMLAnchorElement>(el, '[part="post"] h4 a')!.click();
    await waitUntil(() => $(el, 'dialog .body p'), 'body filled');
    await expect(el).to.be.accessible();
  });

  it('is accessible empty', async () => {
    const el = await group('empty_group');
    await settled(list(el, 'upcoming'), 'empty');
    await settled(list(el, 'past'), 'empty');
    await expect(el).to.be.accessible();
  });

  it('is accessible failed', async () => {
    const el = await fixture<MobilizonGroup>(html`<mobilizon-group instance=${DEMO} group="no_such_group" locale="en"></mobilizon-group>`);
    await shown(el, 'error');
    await expect(el).to.be.accessible();
  });

  it('is accessible right to left, in Arabic', async () => {
    const el = await group('tunis_culture', { locale: 'ar' });
    await waitUntil(() => $(el, '.root')!.getAttribute('dir') === 'rtl', 'rtl');
    await settled(list(el, 'upcoming'));
    await expect(el).to.be.accessible();
  });
});

describe('<mobilizon-group> with hostile data (hostile=1)', () => {
  /** Every element in the shadow root and in the shadow roots inside it. */
  const deep = (root: ShadowRoot): Element[] =>
    [...root.querySelectorAll('*')].flatMap((node) => [node, ...(node.shadowRoot ? deep(node.shadowRoot) : [])]);

  it('renders the summary, names and a post body without running or restyling anything', async () => {
    const spies = [spyOn(window, 'alert'), spyOn(window, 'confirm'), spyOn(window, 'prompt')];
    try {
      const { url } = scoped('hostile=1');
      const el = await group('velo_lyon', { instance: url });
      await waitUntil(() => $(el, '[part="summary"] p'), 'summary filled');
      $<HTMLAnchorElement>(el, '[part="post"] h4 a')!.click();
      await waitUntil(() => $(el, 'dialog .body p'), 'post body filled');
      await settled(list(el, 'upcoming'));
      await new Promise((r) => setTimeout(r, 300));

      const root = el.shadowRoot!;
      const nodes = deep(root);
      expect(nodes.filter((n) => /^(script|style|iframe|object|embed|form|svg|math|base|meta|link)$/i.test(n.localName)).map((n) => n.localName)).to.deep.equal([]);
      const handlers = nodes.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc').map((a) => `${n.localName}[${a.name}]`));
      expect(handlers).to.deep.equal([]);
      for (const a of nodes.filter((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.hasAttribute('href'))) {
        expect(a.protocol, a.getAttribute('href')!).to.match(/^(https?|webcal):$/);
      }
      // (The sanitizer drops a bad src and keeps the harmless <img> without one.)
    for (const img of nodes.filter((n): n is HTMLImageElement => n instanceof HTMLImageElement && n.hasAttribute('src'))) {
      expect(img.src).to.match(/^https?:/);
    }
      // The name is text, shown as sent; nothing escaped the element or restyled the page.
      expect(texts(el, 'h2')[0]).to.contain('<img src=x onerror=alert(1)>');
      expect(getComputedStyle(el).display).to.equal('block');
      expect(getComputedStyle(document.body).backgroundColor).to.not.equal('rgb(255, 0, 0)');
      expect(getComputedStyle($(el, '[part="summary"]')!).color).to.not.equal('rgb(255, 0, 0)');
      expect(document.querySelector('base')).to.equal(null);
      expect(spies.flatMap((spy) => spy.calls), 'alert, confirm or prompt called').to.deep.equal([]);
    } finally {
      spies.forEach((spy) => spy.restore());
    }
  });
});
