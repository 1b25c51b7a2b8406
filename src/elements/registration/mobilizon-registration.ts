import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { canonicalLocale, translations, type RegistrationKey } from '../../format/i18n.js';
import { viewerZone } from '../../format/dates.js';
import type { EventModel } from '../../model/event.js';
import type { MobilizonClient } from '../../sources/mobilizon/client.js';
import { MobilizonError } from '../../sources/mobilizon/errors.js';
import { getEvent, isUuid, parseEventUrl } from '../../sources/mobilizon/event.js';
import {
  joinEvent,
  leaveEvent,
  maskEmail,
  participationFailure,
  registrationRule,
  type ClosedReason,
  type RegistrationRule,
} from '../../sources/mobilizon/registration.js';
import type { RawConfig } from '../../sources/mobilizon/types.js';
import { MobilizonElement } from '../shared/base.js';
import { resolveClient } from '../shared/client.js';
import { fieldStyles } from '../shared/forms.js';
import type { ErrorDescription } from '../shared/errors.js';
import { Loader, renderLoad } from '../shared/loader.js';
import { renderSkeleton, renderWaiting, stateStyles } from '../shared/states.js';
import { tokens } from '../shared/tokens.js';
import { forgetParticipation, readParticipation, storeParticipation, type StoredParticipation } from './storage.js';

interface Loaded {
  client: MobilizonClient;
  event: EventModel;
  config: RawConfig;
  rule: RegistrationRule;
}

type Field = 'email' | 'message' | 'consent';

interface Ui {
  values: { email: string; message: string; consent: boolean; trap: string };
  /** Fields found wrong at the last submit, with what to say. */
  invalid: Partial<Record<Field, RegistrationKey>>;
  phase: 'form' | 'sending' | 'done' | 'confirm-cancel' | 'cancelling';
  /** The last join or leave failure, in words; `retry` repeats that very request. */
  failure?: { message: string; retry: 'join' | 'leave' | null; field?: Field };
  /** What the instance answered to the join (the full address, for "check your e-mail"). */
  done?: { role: string; email: string };
  /** The live region's sentence. */
  status: string;
}

const EMPTY: Ui['values'] = { email: '', message: '', consent: false, trap: '' };
const fresh = (status = ''): Ui => ({ values: { ...EMPTY }, invalid: {}, phase: 'form', status });

/** No usable event in the attributes (neither uuid nor url). */
class NoEvent extends Error {}

const CLOSED: Record<ClosedReason, [text: RegistrationKey, link: RegistrationKey]> = {
  cancelled: ['regClosedCancelled', 'regLinkEvent'],
  over: ['regClosedOver', 'regLinkEvent'],
  full: ['regClosedFull', 'regLinkEvent'],
  invite: ['regClosedInvite', 'regLinkEvent'],
  external: ['regClosedExternal', 'regLinkExternal'],
  remote: ['regClosedRemote', 'regLinkRemote'],
  'event-account': ['regClosedAccount', 'regLinkAccount'],
  'instance-account': ['regClosedAccount', 'regLinkAccount'],
  unsupported: ['regClosedUnsupported', 'regLinkEvent'],
};

/**
 * Registration to one Mobilizon event without an account, following Mobilizon's own rule: the
 * form when the event takes anonymous participants, otherwise why not and where to go instead.
 * The confirmation e-mail's link opens the instance; the cancellation token stays in this site's
 * localStorage so the visitor can cancel later from here.
 *
 * @tagname mobilizon-registration
 * @summary The registration form of a Mobilizon event, or the reason there is none.
 * @event {CustomEvent<MobilizonRegisteredDetail>} mobilizon-registered - The instance took the registration; `detail.uuid`, `detail.role` (NOT_CONFIRMED, PARTICIPANT or NOT_APPROVED).
 * @event {CustomEvent<MobilizonRegistrationCancelledDetail>} mobilizon-registration-cancelled - The participation was cancelled; `detail.uuid`.
 * @event {CustomEvent<MobilizonErrorDetail>} mobilizon-error - Loading failed; `detail.code` and `detail.message` say why.
 * @slot - Fallback content (e.g. server-rendered HTML), shown until the event is loaded.
 * @slot error - Replaces the loading error message (the retry button stays).
 * @csspart form - The registration form.
 * @csspart input - Its fields.
 * @csspart button - Buttons, and links shown as buttons.
 * @csspart error - Error messages.
 * @csspart notice - Why there is no form.
 * @csspart status - What happened (sent, registered, cancelled).
 * @csspart retry - The "Try again" button of the error state (also a `button`).
 */
export class MobilizonRegistration extends MobilizonElement<'registration'> {
  static override styles = [
    tokens,
    stateStyles,
    fieldStyles,
    css`
      .root {
        display: block;
      }
      p {
        margin: 0;
      }
      form {
        display: grid;
        gap: calc(var(--_spacing) * 0.75);
        position: relative;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      label {
        font-weight: 600;
      }
      .hint {
        color: var(--_muted);
        font-weight: normal;
      }
      input:not([type='checkbox']),
      textarea {
        inline-size: 100%;
      }
      textarea {
        resize: vertical;
        min-block-size: 4.5em;
      }
      [aria-invalid='true'] {
        border-color: var(--_danger);
        outline-color: var(--_danger);
      }
      .check {
        display: flex;
        align-items: flex-start;
        gap: 0.5em;
      }
      .check input {
        margin-block: 0.25em 0;
        margin-inline: 0;
        inline-size: 1.1em;
        block-size: 1.1em;
        flex: none;
        accent-color: var(--_accent);
      }
      .check label {
        font-weight: normal;
      }
      .field-error {
        color: var(--_danger);
        font-size: 0.9em;
      }
      /* Out of sight without moving it off-page (an offset would widen right-to-left pages). */
      .trap {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
        opacity: 0;
      }
      .notice,
      .alert,
      .registered {
        padding: var(--_spacing);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        display: grid;
        gap: 0.5em;
        justify-items: start;
      }
      .alert {
        border-color: var(--_danger);
      }
      .status:not(:empty) {
        margin-block-end: calc(var(--_spacing) * 0.75);
        font-weight: 600;
      }
      .status:focus {
        outline: none;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
    `,
  ];

  static override properties = {
    ...MobilizonElement.properties,
    uuid: { reflect: true },
    url: {},
    event: { attribute: false },
    ui: { state: true },
  };

  /** The event's uuid on `instance`. */
  declare uuid?: string;
  /** The event's full URL on any instance (instance and uuid are read from it). */
  declare url?: string;
  /** An event already fetched (by `<mobilizon-event>`): used instead of fetching it again when its uuid is `uuid`'s. */
  event: EventModel | null = null;

  private ui: Ui = fresh();
  /** Set synchronously on submit: a second click before the re-render never sends twice. */
  private busy = false;
  /** The address of the last join whose answer never came: the instance may have registered it. */
  private unanswered?: string;

  private readonly loader = new Loader(
    this,
    () => [this.url ?? null, this.instance, this.endpoint, this.uuid ?? null, this.event?.uuid ?? null, this.event?.source.kind === 'mobilizon' ? this.event.source.id : null] as const,
    (_args, signal) => this.load(signal),
    (error) => this.describe(error),
  );

  override connectedCallback(): void {
    // Asked for before the base loads its words, so that one load brings both sets.
    void this.useMessages('registration');
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (['uuid', 'url', 'instance', 'endpoint'] as const).some((p) => changed.has(p))) {
      this.ui = fresh();
      this.busy = false;
    }
  }

  /** The client and uuid the attributes (or the given event) designate. */
  private target(): { client: MobilizonClient; uuid: string } {
    const url = this.url?.trim();
    if (url) {
      const parsed = parseEventUrl(url);
      if (!parsed) throw new NoEvent();
      return { client: resolveClient(this, parsed.instance), uuid: parsed.uuid };
    }
    const source = this.event?.source.kind === 'mobilizon' ? this.event.source : null;
    const uuid = (this.uuid?.trim() || (source ? this.event!.uuid : '')).toLowerCase();
    if (!isUuid(uuid)) throw new NoEvent();
    return { client: resolveClient(this, this.instance?.trim() ? null : source?.instance), uuid };
  }

  private async load(signal: AbortSignal): Promise<Loaded> {
    const { client, uuid } = this.target();
    const given = this.event;
    const known = given && given.uuid.toLowerCase() === uuid && given.source.kind === 'mobilizon' ? given : null;
    const [event, config] = await Promise.all([
      known ?? getEvent(client, uuid, { signal }),
      client.config(signal),
      translations('registration', this.resolvedLocale),
    ]);
    return { client, event, config, rule: registrationRule(event, config) };
  }

  /** Loading failures in words: a missing or unknown event here, the rest as every element says it. */
  private async describe(error: unknown): Promise<ErrorDescription> {
    const notFound = error instanceof MobilizonError && error.graphqlCode === 'event_not_found';
    if (!(error instanceof NoEvent) && !notFound) return this.explain(error);
    const t = await translations('registration', this.resolvedLocale);
    const host = notFound ? (error.details.instance ?? '') : '';
    const description = {
      code: notFound ? 'event_not_found' : 'configuration',
      message: t.t(notFound ? 'regNotFound' : 'regNoEvent', { host }),
      retry: false,
    };
    await this.loadErrors();
    return this.announceError(description);
  }

  override render(): TemplateResult {
    const { i18n } = this;
    const state = this.loader.state;
    const waiting = () => renderWaiting(this, () => renderSkeleton(2));
    const body = renderLoad(state, {
      // The form waits for its words (the base loads the registration set beside the main one).
      value: (loaded) => (i18n.has('registration') ? this.renderLoaded(loaded) : waiting()),
      error: (d) => this.errors!.renderError(d.message, i18n, d.retry ? () => void this.loader.run() : undefined),
      waiting,
    });
    // The live region stays in place (first, so a result reads before what follows it).
    return html`<div class="root" dir=${i18n.dir} lang=${i18n.locale}>
      <div class="status" part="status" role="status" aria-live="polite" tabindex="-1">${this.ui.status || nothing}</div>
      ${body}
    </div>`;
  }

  private renderLoaded(loaded: Loaded): TemplateResult {
    const { ui } = this;
    const { rule } = loaded;
    const stored = this.stored(loaded);
    if (ui.phase === 'done') return this.renderCancel(stored);
    // A participation made from here stays cancellable, even once the event has filled up.
    if (stored && (rule.open || !['cancelled', 'over', 'remote', 'unsupported'].includes(rule.reason))) {
      return this.renderCancel(stored);
    }
    if (!rule.open) return this.renderClosed(rule);
    return this.renderForm(loaded, rule.restricted);
  }

  private renderClosed(rule: Extract<RegistrationRule, { open: false }>): TemplateResult {
    const { i18n } = this;
    const [text, link] = CLOSED[rule.reason];
    const host = rule.host ?? '';
    // For these, the event's page adds nothing the visitor can act on.
    const href = ['cancelled', 'over', 'full', 'invite'].includes(rule.reason) ? null : rule.href;
    return html`<div class="notice" part="notice">
      <p>${i18n.t(text, { host })}</p>
      ${href ? html`<a class="button" part="button" href=${href} rel="noopener">${i18n.t(link, { host })}</a>` : nothing}
    </div>`;
  }

  private renderForm(loaded: Loaded, restricted: boolean): TemplateResult {
    const { i18n, ui } = this;
    const { values, invalid, failure } = ui;
    const host = loaded.client.host;
    const sending = ui.phase === 'sending';
    const describedBy = (field: Field, extra?: string) =>
      [invalid[field] ? `${field}-error` : '', failure?.field === field ? 'failure' : '', extra ?? ''].filter(Boolean).join(' ') || nothing;
    const wrong = (field: Field) => (invalid[field] || failure?.field === field ? 'true' : 'false');
    const fieldError = (field: Field) =>
      invalid[field] ? html`<p class="field-error" id="${field}-error" part="error">${i18n.t(invalid[field]!, { host })}</p>` : nothing;
    const set = (patch: Partial<Ui['values']>, field?: Field) => {
      const invalidNow = { ...this.ui.invalid };
      if (field) delete invalidNow[field];
      this.ui = { ...this.ui, values: { ...this.ui.values, ...patch }, invalid: invalidNow };
    };
    return html`<form part="form" novalidate aria-label=${i18n.t('regFormLabel', { name: loaded.event.name })} @submit=${this.onSubmit}>
        <p class="intro" id="intro">${i18n.t('regIntro')}${restricted ? html` ${i18n.t('regRestricted')}` : nothing}</p>
        <div class="field">
          <label for="email">${i18n.t('regEmail')} <span class="hint">${i18n.t('regRequired')}</span></label>
          <input id="email" name="email" part="input" type="email" autocomplete="email" inputmode="email" spellcheck="false"
            required aria-invalid=${wrong('email')} aria-describedby=${describedBy('email')}
            .value=${values.email} @input=${(e: Event) => set({ email: (e.target as HTMLInputElement).value }, 'email')} />
          ${fieldError('email')}
        </div>
        <div class="field">
          <label for="message">${i18n.t('regMessage')} <span class="hint">${i18n.t(restricted ? 'regRequired' : 'regOptional')}</span></label>
          <textarea id="message" name="message" part="input" rows="3" ?required=${restricted}
            aria-invalid=${wrong('message')} aria-describedby=${describedBy('message')}
            .value=${values.message} @input=${(e: Event) => set({ message: (e.target as HTMLTextAreaElement).value }, 'message')}></textarea>
          ${fieldError('message')}
        </div>
        <div class="field">
          <div class="check">
            <input id="consent" name="consent" part="input" type="checkbox" required
              aria-invalid=${wrong('consent')} aria-describedby=${describedBy('consent')}
              .checked=${values.consent} @change=${(e: Event) => set({ consent: (e.target as HTMLInputElement).checked }, 'consent')} />
            <label for="consent">${i18n.t('regConsent', { host })}</label>
          </div>
          ${fieldError('consent')}
        </div>
        <div class="trap" aria-hidden="true">
          <label for="extra">${i18n.t('regHoneypot')}</label>
          <input id="extra" name="mz-extra" type="text" tabindex="-1" autocomplete="off"
            .value=${values.trap} @input=${(e: Event) => set({ trap: (e.target as HTMLInputElement).value })} />
        </div>
        ${failure ? this.renderFailure(failure) : nothing}
        <div class="actions">
          <button part="button" type="submit" ?disabled=${sending} aria-describedby="intro">${i18n.t('regSubmit')}</button>
        </div>
      </form>`;
  }

  private renderFailure(failure: NonNullable<Ui['failure']>): TemplateResult {
    const retry = failure.retry;
    return html`<div class="alert" part="error" role="alert" id="failure">
      <p>${failure.message}</p>
      ${retry
        ? html`<button part="button retry" type="button" class="secondary" ?disabled=${this.busy}
            @click=${() => void (retry === 'join' ? this.submit() : this.leave())}>${this.i18n.t('regRetry')}</button>`
        : nothing}
    </div>`;
  }

  /** After registering, or on a later visit: who registered, and a way to cancel (confirmed inline). */
  private renderCancel(stored: StoredParticipation | null): TemplateResult {
    const { i18n, ui } = this;
    const { failure } = ui;
    const confirming = ui.phase === 'confirm-cancel' || ui.phase === 'cancelling';
    if (!stored) return html`${failure ? this.renderFailure(failure) : nothing}`;
    return html`<div class="registered">
      ${ui.phase === 'done' ? nothing : html`<p>${i18n.t('regRegisteredWith', { email: stored.email })}</p>`}
      ${confirming
        ? html`<div class="actions" role="group" aria-labelledby="sure">
            <p id="sure">${i18n.t('regCancelSure')}</p>
            <button part="button" class="yes" ?disabled=${ui.phase === 'cancelling'} @click=${() => void this.leave()}>${i18n.t('regCancelYes')}</button>
            <button part="button" class="secondary keep" ?disabled=${ui.phase === 'cancelling'} @click=${() => this.keep()}>${i18n.t('regCancelKeep')}</button>
          </div>`
        : html`<button part="button" class="secondary cancel" @click=${() => this.askCancel()}>${i18n.t('regCancel')}</button>`}
      ${failure ? this.renderFailure(failure) : nothing}
    </div>`;
  }

  private stored(loaded: Loaded): StoredParticipation | null {
    return readParticipation(loaded.client.base, loaded.event.uuid);
  }

  private get loaded(): Loaded | null {
    const state = this.loader.state;
    return state.status === 'complete' ? state.value : null;
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.submit();
  };

  /** Checks the fields, then sends the registration once. */
  private async submit(): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || !loaded.rule.open || this.busy) return;
    const restricted = loaded.rule.restricted;
    const field = <T extends HTMLInputElement | HTMLTextAreaElement>(id: string) => this.renderRoot.querySelector<T>(`#${id}`);
    // What the fields hold now is the truth (autofill and scripts do not always fire input events).
    const emailInput = field<HTMLInputElement>('email');
    const values: Ui['values'] = {
      email: emailInput?.value ?? this.ui.values.email,
      message: field<HTMLTextAreaElement>('message')?.value ?? this.ui.values.message,
      consent: field<HTMLInputElement>('consent')?.checked ?? this.ui.values.consent,
      trap: field<HTMLInputElement>('extra')?.value ?? this.ui.values.trap,
    };
    this.ui = { ...this.ui, values };
    const email = values.email.trim();
    const invalid: Ui['invalid'] = {};
    if (!email) invalid.email = 'regEmailMissing';
    // The browser's own e-mail syntax (what type=email accepts), in the visitor's language rather than its tooltip.
    else if (emailInput?.validity.typeMismatch) invalid.email = 'regEmailInvalid';
    if (restricted && !values.message.trim()) invalid.message = 'regMessageMissing';
    if (!values.consent) invalid.consent = 'regConsentMissing';
    const first = (['email', 'message', 'consent'] as const).find((f) => invalid[f]);
    if (first) {
      this.ui = { ...this.ui, invalid, failure: undefined, status: '' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const host = loaded.client.host;
    // The honeypot: a robot filled the hidden field. Look as if it worked; send nothing.
    if (values.trap) {
      const confirm = loaded.config.anonymous?.participation?.validation?.email?.confirmationRequired !== false;
      return this.finish({ role: confirm ? 'NOT_CONFIRMED' : 'PARTICIPANT', email }, host);
    }
    this.busy = true;
    this.ui = { ...this.ui, invalid: {}, failure: undefined, phase: 'sending', status: this.i18n.t('regSending') };
    try {
      const participation = await joinEvent(loaded.client, loaded.event, loaded.config, {
        email,
        message: values.message.trim() || null,
        locale: canonicalLocale(this.resolvedLocale).split('-')[0].toLowerCase(),
        timezone: viewerZone(),
      });
      if (participation.cancellationToken) {
        storeParticipation(loaded.client.base, loaded.event.uuid, {
          token: participation.cancellationToken,
          email: maskEmail(email),
          role: participation.role,
          date: new Date().toISOString(),
        });
      }
      this.unanswered = undefined;
      this.emit('mobilizon-registered', { uuid: loaded.event.uuid, role: participation.role });
      // The element may show another event by now: say nothing about this one there.
      if (this.loaded === loaded) await this.finish({ role: participation.role, email }, host);
    } catch (error) {
      const kind = participationFailure(error);
      if (kind === 'already' && this.unanswered === email) {
        // The first try went through but its answer was lost: the visitor is registered (without a
        // cancellation token here; the e-mail has the link).
        this.unanswered = undefined;
        const confirm = loaded.config.anonymous?.participation?.validation?.email?.confirmationRequired !== false;
        const role = loaded.rule.open && loaded.rule.restricted ? 'NOT_APPROVED' : confirm ? 'NOT_CONFIRMED' : 'PARTICIPANT';
        this.emit('mobilizon-registered', { uuid: loaded.event.uuid, role });
        if (this.loaded === loaded) await this.finish({ role, email }, host);
        return;
      }
      // No answer, or one that cannot be read: the instance may have registered this address.
      if (error instanceof MobilizonError && error.code !== 'graphql') this.unanswered = email;
      if (this.loaded === loaded) await this.fail(error, 'join', host);
    } finally {
      this.busy = false;
      this.requestUpdate();
    }
  }

  private async finish(done: { role: string; email: string }, host: string): Promise<void> {
    const key: RegistrationKey =
      done.role === 'NOT_CONFIRMED' ? 'regNotConfirmed' : done.role === 'NOT_APPROVED' ? 'regNotApproved' : 'regParticipant';
    this.ui = { ...this.ui, phase: 'done', done, failure: undefined, status: this.i18n.t(key, { email: done.email, host }) };
    await this.updateComplete;
    // The form is gone: keyboard and screen reader users land on what happened.
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  private async fail(error: unknown, during: 'join' | 'leave', host: string): Promise<void> {
    const kind = participationFailure(error);
    const text = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const t = this.i18n;
    let failure: NonNullable<Ui['failure']>;
    if (kind === 'network' || kind === 'timeout') {
      const key: RegistrationKey = kind === 'timeout' ? 'regErrorTimeout' : during === 'join' ? 'regErrorNetwork' : 'regErrorCancelNetwork';
      failure = { message: t.t(key, { host }), retry: during };
    } else if (during === 'leave') {
      failure = { message: t.t('regErrorCancel', { message: text }), retry: null };
    } else if (kind === 'already') {
      failure = { message: t.t('regErrorAlready'), retry: null, field: 'email' };
    } else if (kind === 'full') {
      failure = { message: t.t('regErrorFull'), retry: null };
    } else if (kind === 'anonymous-off') {
      failure = { message: t.t('regErrorAnonymousOff', { host }), retry: null };
    } else if (kind === 'email') {
      failure = { message: t.t('regErrorEmail', { host }), retry: null, field: 'email' };
    } else {
      failure = { message: t.t('regErrorOther', { host, message: text }), retry: error instanceof MobilizonError && error.code !== 'graphql' ? during : null };
    }
    this.ui = { ...this.ui, phase: during === 'join' ? 'form' : 'confirm-cancel', failure, status: '' };
    await this.updateComplete;
    if (failure.field) this.renderRoot.querySelector<HTMLElement>(`#${failure.field}`)?.focus();
  }

  private async askCancel(): Promise<void> {
    this.ui = { ...this.ui, phase: 'confirm-cancel', failure: undefined };
    await this.updateComplete;
    // "Keep it" first under the finger: a second Enter never cancels by accident.
    this.renderRoot.querySelector<HTMLElement>('.keep')?.focus();
  }

  private async keep(): Promise<void> {
    this.ui = { ...this.ui, phase: this.ui.done ? 'done' : 'form', failure: undefined };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
  }

  /** Cancels the stored participation with its token, then offers the form again. */
  private async leave(): Promise<void> {
    const loaded = this.loaded;
    const stored = loaded && this.stored(loaded);
    if (!loaded || !stored || this.busy || loaded.event.source.kind !== 'mobilizon') return;
    this.busy = true;
    this.ui = { ...this.ui, phase: 'cancelling', failure: undefined, status: this.i18n.t('regCancelling') };
    try {
      await leaveEvent(loaded.client, loaded.event.source.id, loaded.config, stored.token).catch((error) => {
        // Already cancelled (from the e-mail's link): what the visitor wanted.
        if (participationFailure(error) !== 'not-found') throw error;
      });
      forgetParticipation(loaded.client.base, loaded.event.uuid);
      this.emit('mobilizon-registration-cancelled', { uuid: loaded.event.uuid });
      this.ui = fresh(this.i18n.t('regCancelled'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(loaded.rule.open ? '#email' : '.status')?.focus();
    } catch (error) {
      await this.fail(error, 'leave', loaded.client.host);
    } finally {
      this.busy = false;
      this.requestUpdate();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobilizon-registration': MobilizonRegistration;
  }
}
