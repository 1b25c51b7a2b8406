// A visitor in New York: this page's browser is told its zone before any element asks it (viewerZone is asked once).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/events.js';
import type { MobilizonEvents } from '../../src/elements/events/mobilizon-events.js';
import { addDays, dayKey } from '../../src/format/zoned.js';
import { buildQuery } from '../../src/model/query.js';
import { loadEvents } from '../../src/sources/events.js';
import { MobilizonClient } from '../../src/sources/mobilizon/client.js';
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

describe('day bounds for a visitor in another zone', () => {
  // Sunrise Hike in Hakone: 04:30–10:00 in Tokyo on day D, that is 14:30–20:00 (or 15:30–21:00) on
  // day D-1 in New York.
  const TITLE = 'Sunrise Hike in Hakone';
  let day: string;
  let eve: string;
  const titles = async (attributes: string): Promise<string[]> => {
    const el = document.createElement('mobilizon-events') as MobilizonEvents;
    for (const attribute of [`instance=${DEMO}`, 'group=tokyo_hikers', 'locale=en', ...attributes.split(' ')]) {
      const [name, value] = attribute.split(/=(.*)/);
      el.setAttribute(name, value);
    }
    await fixture(html`<div>${el}</div>`);
    await Promise.race([settled(el), settled(el, 'empty')]);
    return texts(el, '.event .title');
  };

  before(async () => {
    const query = buildQuery({ group: 'tokyo_hikers', limit: 20 }, { page: 1, proxy: false, dayZone: 'America/New_York', month: '', locale: 'en' });
    const hike = (await loadEvents(MobilizonClient.for(DEMO), query)).events.find((e) => e.name === TITLE)!;
    expect(hike, TITLE).to.not.equal(undefined);
    day = dayKey(hike.startTime, 'Asia/Tokyo');
    eve = addDays(day, -1);
    expect(dayKey(hike.endTime!, 'America/New_York'), 'the hike ends on the day before in New York').to.equal(eve);
  });

  it('each event in its own zone (the default): the hike is on its Tokyo date, as the list shows it', async () => {
    expect(await titles(`from=${day} to=${day}`)).to.include(TITLE);
    expect(await titles(`from=${eve} to=${eve}`)).to.not.include(TITLE);
  });

  it('a zone named by the site owner: the hike is on its date there', async () => {
    expect(await titles(`from=${eve} to=${eve} timezone=America/New_York`)).to.include(TITLE);
    expect(await titles(`from=${day} to=${day} timezone=America/New_York`)).to.not.include(TITLE);
  });
});
