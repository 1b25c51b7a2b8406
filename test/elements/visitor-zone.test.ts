// A visitor in New York: this page's browser is told its zone before any element asks it (viewerZone is asked once).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { DEMO, settled, texts } from './helpers.js';

before(async () => {
  await executeServerCommand('emulate-timezone', { zone: 'America/New_York' });
});

describe('a visitor in another zone', () => {
  it('agenda: a Tokyo event names its zone in the text, not only in a tooltip', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="tokyo_hikers" view="agenda" limit="3" locale="en"></mobilizon-events>`);
    await settled(el);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    const times = texts(el, '.agenda-item time').filter((t) => /\d/.test(t));
    expect(times.length).to.be.greaterThan(0);
    for (const time of times) expect(time, time).to.match(/GMT\+9|JST/);
  });

  it('agenda: a time in the visitor’s own zone stays short', async () => {
    const el = await fixture<MobilizonEvents>(html`<mobilizon-events instance=${DEMO} group="tokyo_hikers" view="agenda" limit="3" timezone="local" locale="en"></mobilizon-events>`);
    await settled(el);
    const times = texts(el, '.agenda-item time').filter((t) => /\d/.test(t));
    expect(times.length).to.be.greaterThan(0);
    for (const time of times) expect(time, time).to.not.match(/GMT|E[SD]T|JST/);
  });
});
