import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/registration.js';
import type { MobilizonRegistration } from '../../src/elements/registration/mobilizon-registration.js';
import type { EventModel } from '../../src/model/event.js';
import { modelEvent } from './model-event.js';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';
import { getEvent } from '../../src/sources/mobilizon/event.js';
import { maskEmail, registrationRule, type ParticipationConfig } from '../../src/sources/mobilizon/registration.js';
import { $, DEMO, scoped, stats, texts, waitUntil } from './helpers.js';

const FREE = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9'; // Atelier ouvert à tous
const RESTRICTED = 'a1f0df04-e762-4130-ba52-943c93c77251'; // Atelier sur inscription
const INVITE = '00177c64-a453-46f8-97df-328c32f4ea15'; // Réunion du bureau
const EXTERNAL = '75644501-2cdd-4000-b37b-67a36df542fc'; // Concert au Transbordeur
const NO_ANONYMOUS = '4ac23f8b-3a73-4291-aaf3-6d0fa7b1be0f'; // Assemblée générale
const FULL = '241b9494-3494-4c52-914f-6032775e87a5'; // Atelier complet
const NEARLY_FULL = '2886e730-2b29-4029-9445-8189ee862cae'; // Presque complet
const CANCELLED = '6ad7844c-79cf-4dae-a637-e3f95139cca3'; // Soirée annulée
const PAST = '8f441f8b-0868-4cc6-9bff-1011efcd331b'; // Pique-nique de l'été dernier
const REMOTE = 'db6d58b4-a5a7-4b42-a7dc-7d4e9f221b4b'; // Rencontre fédérée (other.example)
const UNFOLLOWED = '68aeb7bb-ee25-40c9-a0db-01745bb7a5d8'; // not shown by the instance

const HOST = new URL(DEMO).host;
const PREFIX = 'mobilizon-embed:participation:';

afterEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
});

interface Participant {
  email: string;
  role: string;
  locale: string | null;
  timezone: string | null;
  message: string | null;
  confirmationToken: string | null;
  cancellationToken: string;
}

const participants = async (url: string, uuid: string): Promise<Participant[]> => (await fetch(`${url}/_demo/participants/${uuid}`)).json();

/** The element once it shows its form, its notice, a registration or an error. */
async function shown(el: MobilizonRegistration): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('form, .notice, .registered, .error'), 'nothing shown', { timeout: 10_000 });
}

async function render(url: string, uuid: string, locale = 'en'): Promise<MobilizonRegistration> {
  const el = await fixture<MobilizonRegistration>(html`<mobilizon-registration instance=${url} uuid=${uuid} locale=${locale}></mobilizon-registration>`);
  await shown(el);
  return el;
}

const input = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`)!;
const submitButton = (el: Element) => $<HTMLButtonElement>(el, 'form button[type="submit"]')!;

/** Types like a visitor would (input events), so the element sees each change. */
async function fill(el: MobilizonRegistration, { email = '', message = '', consent = true }: { email?: string; message?: string; consent?: boolean }) {
  const e = input(el, 'email');
  e.value = email;
  e.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const m = $<HTMLTextAreaElement>(el, '#message')!;
  m.value = message;
  m.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const c = input(el, 'consent');
  if (c.checked !== consent) c.click();
  await el.updateComplete;
}

const statusText = (el: Element) => texts(el, '[role="status"]')[0] ?? '';
const alertText = (el: Element) => texts(el, '[role="alert"]')[0] ?? '';

async function submitAndWait(el: MobilizonRegistration, until: 'status' | 'alert' = 'status'): Promise<void> {
  submitButton(el).click();
  if (until === 'status') await waitUntil(() => $(el, '.registered') || ($(el, '[role="status"]') && !$(el, 'form')), 'no result', { timeout: 10_000 });
  else await waitUntil(() => $(el, '[role="alert"]'), 'no error shown', { timeout: 10_000 });
}

/** A join straight to the API, as another visitor on another site would make it. */
async function apiJoin(url: string, uuid: string, email: string): Promise<void> {
  const client = MobilizonClient.for(url);
  const event = await getEvent(client, uuid);
  const response = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation J($e: ID!, $a: ID!, $m: String) { joinEvent(eventId: $e, actorId: $a, email: $m) { role } }',
      variables: { e: event.source.kind === 'mobilizon' ? event.source.id : '', a: '1', m: email },
    }),
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).to.equal(undefined);
}

/** A registration block given an event fetched earlier (so it does not fetch it), in English. */
function mountWithEvent(url: string, uuid: string, event: EventModel): MobilizonRegistration {
  const el = document.createElement('mobilizon-registration');
  el.event = event;
  el.setAttribute('instance', url);
  el.setAttribute('uuid', uuid);
  el.setAttribute('locale', 'en');
  document.body.append(el);
  return el;
}

describe('registrationRule (Mobilizon’s rule for the anonymous form)', () => {
  const config: ParticipationConfig = {
    anonymous: { participation: { allowed: true, validation: { email: { enabled: true } } }, actorId: '1' },
  };
  const now = Date.parse('2030-06-01T12:00:00Z');
  const base = (patch: Partial<EventModel> = {}, source: Partial<EventModel['source']> = {}): EventModel =>
    modelEvent({
      uuid: FREE,
      url: 'https://mobilizon.example/events/' + FREE,
      name: 'Test',
      participantCount: 3,
      anonymousParticipationEnabled: true,
      ...patch,
      source: { kind: 'mobilizon', instance: 'https://mobilizon.example', id: '7', local: true, global: false, ...source } as EventModel['source'],
    });


  it('opens the form only when the event, the instance and the join mode all allow it', () => {
    expect(registrationRule(base(), config, now)).to.deep.equal({ open: true, restricted: false });
    expect(registrationRule(base({ joinMode: 'restricted' }), config, now)).to.deep.equal({ open: true, restricted: true });
    const reason = (event: EventModel, c: ParticipationConfig = config) => {
      const rule = registrationRule(event, c, now);
      return rule.open ? 'open' : rule.reason;
    };
    expect(reason(base({ status: 'CANCELLED' }))).to.equal('cancelled');
    expect(reason(base({ endTime: '2030-06-01T11:00:00.000Z' }))).to.equal('over');
    // Without an end, the start decides.
    expect(reason(base({ startTime: '2030-06-01T11:00:00.000Z', endTime: null }))).to.equal('over');
    // An ongoing event still takes participants.
    expect(reason(base({ startTime: '2030-06-01T11:00:00.000Z' }))).to.equal('open');
    expect(reason(base({ joinMode: 'invite' }))).to.equal('invite');
    expect(reason(base({ joinMode: 'external' }))).to.equal('external');
    expect(reason(base({ maximumAttendeeCapacity: 10, remainingAttendeeCapacity: 0 }))).to.equal('full');
    expect(reason(base({ maximumAttendeeCapacity: 10, remainingAttendeeCapacity: 1 }))).to.equal('open');
    expect(reason(base({ anonymousParticipationEnabled: false }))).to.equal('event-account');
    expect(reason(base(), { anonymous: { ...config.anonymous, participation: { allowed: false } } })).to.equal('instance-account');
    expect(reason(base(), { anonymous: { participation: { allowed: true, validation: { email: { enabled: false } } }, actorId: '1' } })).to.equal(
      'instance-account',
    );
    expect(reason(base({}, { local: false }))).to.equal('remote');
    expect(reason(base({ joinMode: null }, { local: false, global: true }))).to.equal('remote');
    expect(reason(base({ joinMode: 'someday' }))).to.equal('unsupported');
  });

  it('links only to http(s) pages: the external URL, or the event’s own instance', () => {
    const external = registrationRule(base({ joinMode: 'external', externalParticipationUrl: 'https://tickets.example/x' }), config, now);
    expect(external).to.deep.include({ reason: 'external', href: 'https://tickets.example/x', host: 'tickets.example' });
    const hostile = registrationRule(base({ joinMode: 'external', externalParticipationUrl: 'javascript:alert(1)' }), config, now);
    expect(hostile).to.deep.include({ reason: 'external', href: null });
    const remote = registrationRule(base({ url: 'https://other.example/events/' + REMOTE }, { local: false }), config, now);
    expect(remote).to.deep.include({ href: `https://other.example/events/${REMOTE}/participate/without-account`, host: 'other.example' });
    const account = registrationRule(base({ anonymousParticipationEnabled: false }), config, now);
    expect(account).to.deep.include({ href: `https://mobilizon.example/events/${FREE}/participate`, host: 'mobilizon.example' });
  });

  it('masks the e-mail address it keeps', () => {
    expect(maskEmail('jeanne.martin@example.org')).to.equal('j…@example.org');
  });
});

describe('<mobilizon-registration>: what each event offers', () => {
  it('shows the form for a FREE event, with an optional message and the consent naming the instance', async () => {
    const { url } = scoped();
    const el = await render(url, FREE);
    const form = $(el, 'form[part="form"]')!;
    expect(form.getAttribute('aria-label')).to.equal('Register for Atelier ouvert à tous');
    const email = input(el, 'email');
    expect(email.type).to.equal('email');
    expect(email.required).to.equal(true);
    expect(email.autocomplete).to.equal('email');
    expect(email.getAttribute('part')).to.equal('input');
    expect($(el, 'label[for="email"]')!.textContent).to.contain('E-mail address');
    expect($<HTMLTextAreaElement>(el, '#message')!.required).to.equal(false);
    expect($(el, 'label[for="message"]')!.textContent).to.contain('(optional)');
    expect(input(el, 'consent').required).to.equal(true);
    expect($(el, 'label[for="consent"]')!.textContent).to.equal(
      `Your e-mail is sent to and kept by ${HOST} to confirm and manage your participation.`,
    );
    const trap = input(el, 'extra');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect($(el, '.trap')!.getBoundingClientRect().width, 'visually hidden').to.be.at.most(1);
    expect(submitButton(el).getAttribute('part')).to.equal('button');
    await expect(el).to.be.accessible();
  });

  it('requires a message for a RESTRICTED event, and refuses to send without one', async () => {
    const { url, scope } = scoped();
    const el = await render(url, RESTRICTED);
    expect($<HTMLTextAreaElement>(el, '#message')!.required).to.equal(true);
    expect($(el, 'label[for="message"]')!.textContent).to.contain('(required)');
    expect(texts(el, '.intro')[0]).to.contain('The organiser approves each participant.');
    await fill(el, { email: 'visitor@example.org', message: '   ' });
    submitButton(el).click();
    await el.updateComplete;
    await waitUntil(() => $(el, '#message-error'));
    const message = $<HTMLTextAreaElement>(el, '#message')!;
    expect(message.getAttribute('aria-invalid')).to.equal('true');
    expect(message.getAttribute('aria-describedby')).to.contain('message-error');
    expect(texts(el, '#message-error')[0]).to.match(/asks for a message/);
    expect(el.shadowRoot!.activeElement).to.equal(message);
    expect(input(el, 'email').value).to.equal('visitor@example.org');
    await expect(el).to.be.accessible();
    expect((await stats(scope)).operations.JoinEvent ?? 0, 'nothing sent').to.equal(0);

    await fill(el, { email: 'visitor@example.org', message: 'I ride every Sunday.' });
    await submitAndWait(el);
    expect(statusText(el)).to.equal(`Check your e-mail (visitor@example.org) to confirm: the link opens ${HOST}.`);
    const [p] = await participants(url, RESTRICTED);
    expect(p.message).to.equal('I ride every Sunday.');
  });

  it('says an INVITE event is by invitation only, without a form', async () => {
    const el = await render(scoped().url, INVITE);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice p')[0]).to.equal('This event is by invitation only.');
    expect($(el, '.notice a')).to.equal(null);
  });

  it('links an EXTERNAL event to its registration site', async () => {
    const el = await render(scoped().url, EXTERNAL);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice p')[0]).to.equal('Registration for this event happens on another website.');
    const link = $<HTMLAnchorElement>(el, '.notice a')!;
    expect(link.href).to.equal('https://tickets.example/transbordeur/concert-velo-lyon');
    expect(link.rel).to.equal('noopener');
    expect(link.getAttribute('part')).to.equal('button');
    expect(link.textContent).to.equal('Register on tickets.example');
    await expect(el).to.be.accessible();
  });

  it('sends visitors to the instance when the organiser turned anonymous participation off', async () => {
    const { url } = scoped();
    const el = await render(url, NO_ANONYMOUS);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice p')[0]).to.equal(`This event needs an account on ${HOST}.`);
    expect($<HTMLAnchorElement>(el, '.notice a')!.href).to.equal(`${url}/events/${NO_ANONYMOUS}/participate`);
  });

  it('sends visitors to the instance when the instance takes no anonymous participation', async () => {
    const { url } = scoped('participation=off');
    const el = await render(url, FREE);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice p')[0]).to.equal(`This event needs an account on ${HOST}.`);
    expect($<HTMLAnchorElement>(el, '.notice a')!.href).to.equal(`${url}/events/${FREE}/participate`);
  });

  it('links a remote event to its origin’s page for participating without an account', async () => {
    const el = await render(scoped().url, REMOTE);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice p')[0]).to.equal('This event is published on other.example: registration happens there.');
    const link = $<HTMLAnchorElement>(el, '.notice a')!;
    expect(link.href).to.equal(`https://other.example/events/${REMOTE}/participate/without-account`);
    expect(link.rel).to.equal('noopener');
  });

  it('says when the event is cancelled, over or full', async () => {
    const { url } = scoped();
    for (const [uuid, text] of [
      [CANCELLED, 'This event is cancelled.'],
      [PAST, 'This event is over.'],
      [FULL, 'This event is full.'],
    ]) {
      const el = await render(url, uuid);
      expect($(el, 'form'), uuid).to.equal(null);
      expect(texts(el, '.notice p')[0]).to.equal(text);
    }
  });

  it('still shows the form when one seat is left', async () => {
    const el = await render(scoped().url, NEARLY_FULL);
    expect($(el, 'form')).to.not.equal(null);
  });

  it('finds the event from its URL alone', async () => {
    const { url } = scoped();
    const el = await fixture<MobilizonRegistration>(html`<mobilizon-registration url=${`${url}/events/${FREE}`} locale="en"></mobilizon-registration>`);
    await shown(el);
    expect($(el, 'form')).to.not.equal(null);
  });

  it('uses an event given as a property instead of fetching it', async () => {
    const { url, scope } = scoped();
    const event = await getEvent(MobilizonClient.for(scoped().url), FREE);
    const el = mountWithEvent(url, FREE, event);
    try {
      await shown(el);
      expect($(el, 'form')).to.not.equal(null);
      const ops = (await stats(scope)).operations;
      expect(ops.FetchEvent ?? 0).to.equal(0);
      expect(ops.Config).to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('says clearly when the event does not exist', async () => {
    const { url } = scoped();
    const el = document.createElement('mobilizon-registration');
    el.setAttribute('instance', url);
    el.setAttribute('uuid', UNFOLLOWED);
    el.setAttribute('locale', 'en');
    const failed = oneEvent(el, 'mobilizon-error');
    document.body.append(el);
    try {
      const { detail } = await failed;
      expect(detail.code).to.equal('event_not_found');
      await shown(el);
      expect(texts(el, '.error p')[0]).to.equal(`This event does not exist on ${HOST}, or it is not public.`);
      expect($(el, '.error button'), 'no pointless retry').to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('offers to retry when loading fails, then shows the form', async () => {
    const el = await render(scoped('fault=http500,faults=2').url, FREE);
    expect(texts(el, '.error p')[0]).to.contain('HTTP 500');
    $<HTMLButtonElement>(el, '.error button')!.click();
    await waitUntil(() => $(el, 'form'), 'no form after retry', { timeout: 10_000 });
  });

  it('speaks the visitor’s language, right to left in Arabic', async () => {
    const fr = await render(scoped().url, FREE, 'fr');
    expect(submitButton(fr).textContent!.trim()).to.equal('S’inscrire');
    const ar = await render(scoped().url, FREE, 'ar');
    expect($(ar, '.root')!.getAttribute('dir')).to.equal('rtl');
    expect(submitButton(ar).textContent!.trim()).to.equal('سجّلني');
  });
});

describe('<mobilizon-registration>: registering', () => {
  it('registers: the instance records the e-mail, locale and zone; the visitor is told to check their e-mail', async () => {
    const { url } = scoped();
    const el = await render(url, FREE, 'fr');
    await fill(el, { email: 'jeanne@example.org', message: 'À dimanche !' });
    const registered = oneEvent(el, 'mobilizon-registered');
    submitButton(el).click();
    const { detail } = await registered;
    expect(detail).to.deep.equal({ uuid: FREE, role: 'NOT_CONFIRMED' });
    await waitUntil(() => statusText(el));
    expect(statusText(el)).to.equal(`Consultez vos e-mails (jeanne@example.org) pour confirmer : le lien ouvre ${HOST}.`);
    expect($(el, 'form')).to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus on the result').to.equal($(el, '[role="status"]'));
    const [p] = await participants(url, FREE);
    expect(p).to.deep.include({
      email: 'jeanne@example.org',
      role: 'NOT_CONFIRMED',
      locale: 'fr',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      message: 'À dimanche !',
    });
    const stored = JSON.parse(localStorage.getItem(`${PREFIX}${url} ${FREE}`)!);
    expect(stored).to.deep.include({ token: p.cancellationToken, email: 'j…@example.org', role: 'NOT_CONFIRMED' });
    expect(Date.parse(stored.date)).to.be.closeTo(Date.now(), 60_000);
    await expect(el).to.be.accessible();
  });

  it('says “You’re registered” when the instance needs no confirmation', async () => {
    const { url } = scoped('confirm=off');
    const el = await render(url, FREE);
    await fill(el, { email: 'direct@example.org' });
    const registered = oneEvent(el, 'mobilizon-registered');
    submitButton(el).click();
    expect((await registered).detail.role).to.equal('PARTICIPANT');
    await waitUntil(() => statusText(el));
    expect(statusText(el)).to.equal('You’re registered.');
    expect((await participants(url, FREE))[0].role).to.equal('PARTICIPANT');
  });

  it('checks the e-mail address before sending, in words tied to the field', async () => {
    const { url, scope } = scoped();
    const el = await render(url, FREE);
    await fill(el, { email: 'not an address', consent: false });
    submitButton(el).click();
    await waitUntil(() => $(el, '#email-error'));
    const email = input(el, 'email');
    expect(texts(el, '#email-error')[0]).to.equal('This is not an e-mail address. Write it like name@example.org.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('email-error');
    expect(input(el, 'consent').getAttribute('aria-describedby')).to.equal('consent-error');
    expect(el.shadowRoot!.activeElement).to.equal(email);
    expect(email.value).to.equal('not an address');
    await expect(el).to.be.accessible();
    await fill(el, { email: '', consent: true });
    submitButton(el).click();
    await waitUntil(() => texts(el, '#email-error')[0] === 'Enter your e-mail address.');
    expect((await stats(scope)).operations.JoinEvent ?? 0).to.equal(0);
  });

  it('sends once when the button is clicked twice', async () => {
    const { url, scope } = scoped('latency=300');
    const el = await render(url, FREE);
    await fill(el, { email: 'twice@example.org' });
    const button = submitButton(el);
    button.click();
    button.click();
    await el.updateComplete;
    expect(submitButton(el)?.disabled ?? true, 'disabled while sending').to.equal(true);
    button.click();
    await waitUntil(() => statusText(el).startsWith('Check your e-mail'), 'no result', { timeout: 10_000 });
    expect((await stats(scope)).operations.JoinEvent).to.equal(1);
    expect(await participants(url, FREE)).to.have.length(1);
  });

  it('pretends to succeed, sending nothing, when the hidden field is filled', async () => {
    const { url, scope } = scoped();
    const el = await render(url, FREE);
    await fill(el, { email: 'robot@example.org' });
    input(el, 'extra').value = 'http://spam.example';
    await submitAndWait(el);
    expect(statusText(el)).to.equal(`Check your e-mail (robot@example.org) to confirm: the link opens ${HOST}.`);
    expect((await stats(scope)).operations.JoinEvent ?? 0).to.equal(0);
    expect(await participants(url, FREE)).to.deep.equal([]);
  });

  it('registers with the keyboard alone', async () => {
    const { url } = scoped();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <mobilizon-registration instance=${url} uuid=${FREE} locale="en"></mobilizon-registration>
    </div>`);
    const el = wrapper.querySelector('mobilizon-registration')!;
    await shown(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    await sendKeys({ type: 'keys@example.org' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('message');
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    expect(input(el, 'consent').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el).startsWith('Check your e-mail'), 'not registered', { timeout: 10_000 });
    const [p] = await participants(url, FREE);
    expect(p).to.deep.include({ email: 'keys@example.org', message: 'Hello' });
  });

  it('registers when Enter is pressed in the e-mail field', async () => {
    const { url } = scoped();
    const el = await render(url, FREE);
    await fill(el, { email: 'enter@example.org' });
    input(el, 'email').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el).startsWith('Check your e-mail'), 'not registered', { timeout: 10_000 });
  });
});

describe('<mobilizon-registration>: the instance refuses', () => {
  async function expectKept(el: MobilizonRegistration, email: string, message = '') {
    expect($(el, 'form'), 'the form stays').to.not.equal(null);
    expect(input(el, 'email').value).to.equal(email);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal(message);
    expect(input(el, 'consent').checked).to.equal(true);
    expect(submitButton(el).disabled).to.equal(false);
  }

  it('says when the e-mail address is already registered', async () => {
    const { url } = scoped();
    await apiJoin(url, FREE, 'again@example.org');
    const el = await render(url, FREE);
    await fill(el, { email: 'again@example.org', message: 'me again' });
    await submitAndWait(el, 'alert');
    expect(alertText(el)).to.equal('This e-mail address is already registered for this event.');
    expect($(el, '[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '[role="alert"]')!.getAttribute('part')).to.equal('error');
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain('failure');
    await expectKept(el, 'again@example.org', 'me again');
    await expect(el).to.be.accessible();
  });

  it('says when the last seat went while the visitor was typing', async () => {
    const { url } = scoped();
    const el = await render(url, NEARLY_FULL);
    expect($(el, 'form')).to.not.equal(null);
    // Someone else takes the last seat: joins, then confirms from the e-mail's link.
    await apiJoin(url, NEARLY_FULL, 'first@example.org');
    const [other] = await participants(url, NEARLY_FULL);
    expect((await fetch(`${url}/participation/email/confirm/${other.confirmationToken}`)).status).to.equal(200);
    await fill(el, { email: 'second@example.org' });
    await submitAndWait(el, 'alert');
    expect(alertText(el)).to.equal('Sorry, the event has just become full.');
    await expectKept(el, 'second@example.org');
  });

  it('says when the instance no longer takes anonymous participation', async () => {
    // An event fetched earlier, when it still took anonymous participants.
    const { url } = scoped();
    const event = await getEvent(MobilizonClient.for(url), NO_ANONYMOUS);
    const el = mountWithEvent(url, NO_ANONYMOUS, { ...event, anonymousParticipationEnabled: true });
    try {
      await shown(el);
      await fill(el, { email: 'late@example.org' });
      await submitAndWait(el, 'alert');
      expect(alertText(el)).to.equal(`${HOST} no longer takes registrations without an account for this event.`);
      await expectKept(el, 'late@example.org');
    } finally {
      el.remove();
    }
  });

  it('says when the instance refuses the e-mail address the browser accepted', async () => {
    // Mobilizon's e-mail regex knows the typographic apostrophe, not the ASCII one.
    const { url } = scoped();
    const el = await render(url, FREE);
    await fill(el, { email: "o'brien@example.org" });
    await submitAndWait(el, 'alert');
    expect(alertText(el)).to.equal(`${HOST} does not accept this e-mail address. Check it, or use another one.`);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'email'));
    await expectKept(el, "o'brien@example.org");
  });

  it('shows any other refusal with the instance’s own words', async () => {
    const { url } = scoped();
    const event = await getEvent(MobilizonClient.for(url), FREE);
    const el = mountWithEvent(url, FREE, { ...event, source: { ...event.source, id: '999999' } } as EventModel);
    try {
      await shown(el);
      await fill(el, { email: 'ghost@example.org' });
      await submitAndWait(el, 'alert');
      expect(alertText(el)).to.equal(`${HOST} could not register you: Event with this ID "999999" doesn't exist`);
      await expectKept(el, 'ghost@example.org');
    } finally {
      el.remove();
    }
  });

  it('keeps the form when the network fails, and the retry goes through', async () => {
    const { url, scope } = scoped('fault=refused,faults=1');
    // The first request of this scope is refused: let the page already know the instance and the
    // event (the client's session cache, as after an earlier page), so that the refused one is the join.
    const clean = scoped().url;
    const event = await getEvent(MobilizonClient.for(clean), FREE);
    const config = await MobilizonClient.for(clean).config();
    sessionStorage.setItem(`mobilizon-embed:v1:${url}  Config {}`, JSON.stringify({ value: { config }, time: Date.now() }));
    const el = mountWithEvent(url, FREE, event);
    try {
      await shown(el);
      expect((await stats(scope)).api, 'nothing asked yet').to.equal(0);
      await fill(el, { email: 'offline@example.org', message: 'hello' });
      await submitAndWait(el, 'alert');
      expect(alertText(el)).to.match(new RegExp(`^Could not reach ${HOST.replace(/\./g, '\\.')}: you are not registered yet`));
      await expectKept(el, 'offline@example.org', 'hello');
      expect(await participants(url, FREE)).to.deep.equal([]);
      $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
      await waitUntil(() => statusText(el).startsWith('Check your e-mail'), 'retry failed', { timeout: 10_000 });
      expect((await participants(url, FREE))[0].email).to.equal('offline@example.org');
    } finally {
      el.remove();
    }
  });
});

describe('<mobilizon-registration>: cancelling later', () => {
  it('offers to cancel on a later visit, asks first, and removes the participation', async () => {
    const { url } = scoped();
    const first = await render(url, FREE);
    await fill(first, { email: 'later@example.org' });
    await submitAndWait(first);
    first.remove();
    expect(await participants(url, FREE)).to.have.length(1);

    const el = await render(url, FREE);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.registered p')[0]).to.equal('You registered with l…@example.org.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.cancel')!.click();
    await waitUntil(() => $(el, 'button.keep'));
    expect(texts(el, '#sure')[0]).to.equal('Are you sure?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.keep'));
    // "Keep it" changes nothing.
    $<HTMLButtonElement>(el, 'button.keep')!.click();
    await waitUntil(() => $(el, 'button.cancel'));
    expect(await participants(url, FREE)).to.have.length(1);

    $<HTMLButtonElement>(el, 'button.cancel')!.click();
    await waitUntil(() => $(el, 'button.yes'));
    const cancelled = oneEvent(el, 'mobilizon-registration-cancelled');
    $<HTMLButtonElement>(el, 'button.yes')!.click();
    expect((await cancelled).detail).to.deep.equal({ uuid: FREE });
    await waitUntil(() => $(el, 'form'), 'no form after cancelling');
    expect(statusText(el)).to.equal('Your participation is cancelled.');
    expect(await participants(url, FREE)).to.deep.equal([]);
    expect(localStorage.getItem(`${PREFIX}${url} ${FREE}`)).to.equal(null);
  });

  it('cancels right after registering too', async () => {
    const { url } = scoped();
    const el = await render(url, FREE);
    await fill(el, { email: 'oops@example.org' });
    await submitAndWait(el);
    $<HTMLButtonElement>(el, 'button.cancel')!.click();
    await waitUntil(() => $(el, 'button.yes'));
    $<HTMLButtonElement>(el, 'button.yes')!.click();
    await waitUntil(() => $(el, 'form'), 'no form after cancelling');
    expect(await participants(url, FREE)).to.deep.equal([]);
  });

  it('registers without offering to cancel later when the browser keeps nothing', async () => {
    const { url } = scoped();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === localStorage) throw new DOMException('denied', 'SecurityError');
      return setItem.call(this, key, value);
    };
    try {
      const el = await render(url, FREE);
      await fill(el, { email: 'private@example.org' });
      await submitAndWait(el);
      expect(statusText(el)).to.match(/^Check your e-mail/);
      expect($(el, 'button.cancel')).to.equal(null);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

describe('<mobilizon-registration> against a hostile instance', () => {
  it('renders the form and the external link without executing or linking anything dangerous', async () => {
    const { url } = scoped('hostile=1');
    const alerts: unknown[] = [];
    const alert = window.alert;
    window.alert = (message?: unknown) => void alerts.push(message);
    try {
      const form = await render(url, FREE);
      expect($(form, 'form')).to.not.equal(null);
      const external = await render(url, EXTERNAL);
      expect(texts(external, '.notice p')[0]).to.equal('Registration for this event happens on another website.');
      for (const el of [form, external]) {
        expect(el.shadowRoot!.querySelectorAll('script, img, iframe, style, svg, object, embed').length).to.equal(0);
        for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.protocol).to.match(/^https?:$/);
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(alerts).to.deep.equal([]);
      await expect(form).to.be.accessible();
    } finally {
      window.alert = alert;
    }
  });
});
