// Deterministic demo data placed relative to `now`: the same `now` always gives the same dataset,
// fixture uuids never depend on `now`, and wall-clock times are chosen in each event's own zone.
import { CITIES, GROUPS, PERSONS, POSTS, REMOTE_GROUPS, TAGS, WORDS } from './seed-catalog.mjs';
import { addDays, lastWeekdayOfMonth, localDate, nextOffsetChange, weekday, zonedInstant } from './time.mjs';
import { prng, sha256hex, shortUuid, slugify, stableUuid } from './util.mjs';

const DAY = 86_400_000;
/** config.durationOfLongEvent (days): Mobilizon's default. */
export const DURATION_OF_LONG_EVENT = 30;

export function buildSeed({ now = Date.now() } = {}) {
  const b = new SeedBuilder(now);
  b.actors();
  b.veloLyon();
  b.montrealMakers();
  b.otherGroups();
  b.personEvents();
  b.remoteEvents();
  b.hiddenEvents();
  b.globalOnly();
  b.groupPosts();
  return b.dataset();
}

class SeedBuilder {
  constructor(now) {
    this.now = now;
    this.rnd = prng('mobilizon-demo-seed');
    this.media = [];
    this.persons = [];
    this.groups = [];
    this.events = [];
    this.posts = [];
    this.globalEvents = [];
    this.globalGroups = [];
    this.tags = new Map();
    this.nextId = { event: 1, actor: 1, address: 1, media: 1, tag: 1 };
  }

  id(kind) {
    return String(this.nextId[kind]++);
  }

  dataset() {
    return {
      now: this.now,
      media: this.media,
      persons: this.persons,
      groups: this.groups,
      events: this.events,
      posts: this.posts,
      globalEvents: this.globalEvents,
      globalGroups: this.globalGroups,
    };
  }

  // ------------------------------------------------------------------ building blocks

  picture(kind, key, name, alt = null) {
    const sizes = { event: [800, 450], banner: [1500, 500], avatar: [256, 256], post: [800, 450] };
    const [width, height] = sizes[kind];
    const media = {
      id: this.id('media'),
      sha: sha256hex(`media:${kind}:${key}`),
      kind,
      key,
      name,
      alt,
      width,
      height,
      contentType: 'image/png',
    };
    this.media.push(media);
    return media.id;
  }

  tag(title) {
    if (!this.tags.has(title)) this.tags.set(title, { id: this.id('tag'), slug: slugify(title) || title, title });
    return this.tags.get(title);
  }

  address(cityKey, venueKey) {
    const city = CITIES[cityKey];
    const venue = city.venues[venueKey];
    return {
      id: this.id('address'),
      description: venue.description,
      street: venue.street,
      postalCode: venue.postalCode,
      locality: venue.locality ?? city.locality,
      region: venue.region ?? city.region,
      country: city.country,
      geom: `${venue.lon};${venue.lat}`,
      timezone: city.timezone,
      type: 'poi',
      url: `https://nominatim.example/${cityKey}/${venueKey}`,
      originId: `nominatim:${Math.abs(hashCode(`${cityKey}/${venueKey}`))}`,
      pictureInfo: null,
    };
  }

  description(language, title, rnd, { rich = true, imageSha = null } = {}) {
    const w = WORDS[language] ?? WORDS.en;
    const intro = rnd.pick(w.intro).replace('{title}', escapeText(title));
    if (!rich) return `<p>${intro}</p>`;
    const items = w.items.filter(() => rnd.chance(0.7)).slice(0, 4);
    const parts = [`<p>${intro}</p>`, `<h3>${w.programme}</h3>`, `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`];
    if (rnd.chance(0.5)) parts.push(`<blockquote><p>${w.quote}</p></blockquote>`);
    if (imageSha && rnd.chance(0.5)) parts.push(`<p><img src="{{base}}/media/${imageSha}.png" alt=""></p>`);
    parts.push(`<p>${w.link}</p>`, `<p>${w.outro}</p>`);
    return parts.join('');
  }

  /** Today's date in a zone, shifted by `days`. */
  day(timeZone, days) {
    return addDays(localDate(this.now, timeZone), days);
  }

  /**
   * Adds an event. `date` is a calendar date in `timeZone`; `start`/`end` are wall-clock "HH:mm"
   * (end on `endDate` when given, for overnight and multi-day events; end null = no end time).
   */
  event(spec) {
    const rnd = prng(`event:${spec.key}`);
    const timeZone = spec.timeZone;
    const beginsOn = zonedInstant(spec.date, spec.start, timeZone);
    const endsOn = spec.end == null ? null : zonedInstant(spec.endDate ?? spec.date, spec.end, timeZone);
    const language = spec.language ?? 'fr';
    const pictureId = spec.picture === false ? null : this.picture('event', spec.key, `${slugify(spec.title) || 'event'}.png`, spec.pictureAlt ?? null);
    const pictureSha = pictureId ? this.media.at(-1).sha : null;
    const publishAt = Math.min(this.now - rnd.int(1, 40) * DAY, beginsOn - rnd.int(7, 60) * DAY);
    const event = {
      key: spec.key,
      id: this.id('event'),
      uuid: stableUuid(`event:${spec.key}`),
      slug: slugify(spec.title) || 'event',
      title: spec.title,
      description: spec.description ?? this.description(language, spec.title, rnd, { rich: spec.rich ?? true, imageSha: pictureSha }),
      beginsOn,
      endsOn,
      status: spec.status ?? 'CONFIRMED',
      visibility: spec.visibility ?? 'PUBLIC',
      joinOptions: spec.joinOptions ?? 'FREE',
      externalParticipationUrl: spec.externalParticipationUrl ?? null,
      draft: spec.draft ?? false,
      language,
      category: spec.category ?? 'MEETING',
      pictureId,
      publishAt,
      insertedAt: publishAt - rnd.int(0, 3) * DAY - rnd.int(0, 3600) * 1000,
      updatedAt: Math.min(this.now - 3600_000, publishAt + rnd.int(0, 5) * DAY),
      onlineAddress: spec.onlineAddress ?? null,
      phoneAddress: spec.phoneAddress ?? null,
      physicalAddress: spec.venue ? this.address(spec.city, spec.venue) : null,
      groupId: spec.group ? this.groupId(spec.group) : null,
      organizerId: this.personId(spec.organizer ?? 'camille'),
      contactIds: (spec.contacts ?? []).map((k) => this.personId(k)),
      tags: (spec.tags ?? []).map((t) => this.tag(t)),
      options: {
        maximumAttendeeCapacity: spec.capacity ?? 0,
        // Stored by the creator's client, not computed: Mobilizon's own front end sends 0.
        remainingAttendeeCapacity: 0,
        showRemainingAttendeeCapacity: spec.showRemaining ?? Boolean(spec.capacity),
        anonymousParticipation: spec.anonymous ?? true,
        hideNumberOfParticipants: spec.hideNumberOfParticipants ?? false,
        showStartTime: spec.showStartTime ?? true,
        showEndTime: spec.showEndTime ?? true,
        timezone: spec.optionsTimezone === undefined ? timeZone : spec.optionsTimezone,
        offers: spec.offers ?? [],
        participationConditions: spec.participationConditions ?? [],
        attendees: [],
        program: null,
        commentModeration: 'ALLOW_ALL',
        showParticipationPrice: Boolean(spec.offers?.length),
        hideOrganizerWhenGroupEvent: false,
        isOnline: spec.isOnline ?? false,
      },
      metadata: spec.metadata ?? [],
      local: spec.local ?? true,
      // Remote events keep their origin URL; local ones get one built from the request's base URL.
      url: spec.url ?? null,
      followed: spec.followed ?? true,
      participants: spec.participants ?? rnd.int(0, 35),
    };
    if (spec.addressTimezone === null && event.physicalAddress) event.physicalAddress.timezone = null;
    if (event.options.maximumAttendeeCapacity && event.participants > event.options.maximumAttendeeCapacity) {
      event.participants = event.options.maximumAttendeeCapacity - 3;
    }
    this.events.push(event);
    return event;
  }

  groupId(key) {
    const g = this.groups.find((x) => x.key === key);
    if (!g) throw new Error(`unknown group ${key}`);
    return g.id;
  }

  personId(key) {
    const p = this.persons.find((x) => x.key === key);
    if (!p) throw new Error(`unknown person ${key}`);
    return p.id;
  }

  // ------------------------------------------------------------------ actors

  actors() {
    for (const p of PERSONS) {
      this.persons.push({
        kind: 'PERSON',
        key: p.key,
        id: this.id('actor'),
        preferredUsername: p.key,
        name: p.name,
        summary: p.summary,
        domain: null,
        local: true,
        avatarId: p.avatar ? this.picture('avatar', `person:${p.key}`, `${p.key}.png`) : null,
        bannerId: null,
        suspended: false,
        manuallyApprovesFollowers: p.key === 'anonymous',
        followersCount: 0,
        followingCount: 0,
      });
    }
    for (const g of GROUPS) this.groups.push(this.groupRecord(g, null));
    for (const g of REMOTE_GROUPS) this.groups.push(this.groupRecord(g, g.domain));
  }

  groupRecord(g, domain) {
    const city = CITIES[g.city];
    const rnd = prng(`group:${g.key}`);
    return {
      kind: 'GROUP',
      key: domain ? `${g.key}@${domain}` : g.key,
      id: this.id('actor'),
      preferredUsername: g.key,
      name: g.name,
      summary: g.summary,
      domain,
      local: !domain,
      url: domain ? `https://${domain}/@${g.key}` : null,
      language: g.language,
      timeZone: city.timezone,
      city: g.city,
      avatarId: g.noPictures ? null : this.picture('avatar', `group:${g.key}`, `${g.key}-avatar.png`),
      bannerId: g.noPictures ? null : this.picture('banner', `group:${g.key}`, `${g.key}-banner.png`),
      physicalAddress: g.venue ? this.address(g.city, g.venue) : null,
      openness: g.openness,
      visibility: 'PUBLIC',
      manuallyApprovesFollowers: g.manuallyApprovesFollowers ?? false,
      suspended: g.suspended ?? false,
      membersCount: g.members,
      followersCount: g.followers,
      followingCount: 0,
      author: g.author,
      insertedAt: this.now - rnd.int(200, 900) * DAY,
    };
  }

  // ------------------------------------------------------------------ Vélo Lyon: most named fixtures

  veloLyon() {
    const tz = 'Europe/Paris';
    const base = { group: 'velo_lyon', city: 'lyon', timeZone: tz, language: 'fr', organizer: 'thomas' };
    const today = localDate(this.now, tz);

    // 1. weekly ride: 26 Sundays from the first Sunday after today, more when needed so that the
    // series runs past the next DST switch (summer time lasts ~30 weeks).
    const firstSunday = addDays(today, 7 - weekday(today) || 7);
    const switchAt = nextOffsetChange(tz, this.now);
    let rides = 26;
    while (switchAt && zonedInstant(addDays(firstSunday, (rides - 1) * 7), '10:00', tz) < switchAt) rides++;
    for (let i = 1; i <= rides; i++) {
      this.event({
        ...base,
        key: `velo_lyon/sortie-velo-du-dimanche/${i}`,
        title: 'Sortie vélo du dimanche',
        date: addDays(firstSunday, (i - 1) * 7),
        start: '10:00',
        end: '12:00',
        venue: 'bellecour',
        category: 'SPORTS',
        tags: ['vélo', 'balade'],
        status: i === 3 ? 'CANCELLED' : i === 4 ? 'TENTATIVE' : 'CONFIRMED',
        rich: i % 2 === 1,
        picture: i % 3 !== 0,
      });
    }

    // 2. the two European DST switch days (last Sunday of March / October), whichever comes next.
    for (const [month, title, key] of [[3, "Passage à l'heure d'été", 'heure-ete'], [10, "Passage à l'heure d'hiver", 'heure-hiver']]) {
      let date = lastWeekdayOfMonth(today.y, month, 0);
      if (zonedInstant(date, '10:00', tz) <= this.now) date = lastWeekdayOfMonth(today.y + 1, month, 0);
      this.event({ ...base, key: `velo_lyon/${key}`, title, date, start: '10:00', end: '11:00', venue: 'teteDor', category: 'OUTDOORS_ADVENTURE', tags: ['balade'] });
    }

    // 3. crosses midnight
    const nuit = this.day(tz, 10);
    this.event({
      ...base, key: 'velo_lyon/nuit-des-etoiles', title: 'Nuit des étoiles', date: nuit, start: '23:30', endDate: addDays(nuit, 1), end: '01:30',
      venue: 'observatoire', category: 'OUTDOORS_ADVENTURE', tags: ['astronomie', 'balade'],
    });

    // 5. participation fixtures
    const fixtures = [
      { key: 'atelier-ouvert', title: 'Atelier ouvert à tous', days: 5, start: '14:00', end: '17:00', venue: 'maisonVelo', category: 'LEARNING', tags: ['atelier', 'réparation'] },
      { key: 'atelier-inscription', title: 'Atelier sur inscription', days: 12, start: '18:30', end: '20:30', venue: 'maisonVelo', category: 'LEARNING', joinOptions: 'RESTRICTED', hideNumberOfParticipants: true, tags: ['atelier'] },
      { key: 'reunion-bureau', title: 'Réunion du bureau', days: 8, start: '19:00', end: '21:00', venue: 'associations', category: 'MEETING', joinOptions: 'INVITE', picture: false },
      {
        key: 'concert-transbordeur', title: 'Concert au Transbordeur', days: 20, start: '20:00', end: '23:30', venue: 'transbordeur', category: 'MUSIC', joinOptions: 'EXTERNAL',
        externalParticipationUrl: 'https://tickets.example/transbordeur/concert-velo-lyon', tags: ['concert'],
        offers: [{ price: 15, priceCurrency: 'EUR', url: 'https://tickets.example/transbordeur/concert-velo-lyon' }],
        metadata: [{ key: 'mz:ticket:external_url', title: 'Billetterie', value: 'https://tickets.example/transbordeur/concert-velo-lyon', type: 'STRING' }],
      },
      { key: 'assemblee-generale', title: 'Assemblée générale', days: 25, start: '18:00', end: '20:00', venue: 'associations', category: 'MEETING', anonymous: false, contacts: ['camille'] },
      { key: 'atelier-complet', title: 'Atelier complet', days: 6, start: '10:00', end: '12:00', venue: 'maisonVelo', category: 'LEARNING', capacity: 12, participants: 12 },
      { key: 'presque-complet', title: 'Presque complet', days: 9, start: '10:00', end: '12:00', venue: 'maisonVelo', category: 'LEARNING', capacity: 20, participants: 19 },
      { key: 'soiree-annulee', title: 'Soirée annulée', days: 15, start: '19:00', end: '23:00', venue: 'croixRousse', category: 'PARTY', status: 'CANCELLED' },
      // long event (> durationOfLongEvent days), already running: "ongoing" events are upcoming for `events`
      { key: 'exposition', title: 'Exposition « Lyon à vélo »', days: -10, endDays: 35, start: '10:00', end: '18:00', venue: 'associations', category: 'ARTS', tags: ['exposition'] },
      { key: 'sortie-nocturne', title: 'Sortie nocturne (horaire à confirmer)', days: 17, start: '21:00', end: '23:00', venue: 'bellecour', category: 'SPORTS', showStartTime: false, showEndTime: false, tags: ['vélo'] },
      { key: 'bourse-printemps', title: 'Bourse aux vélos', days: 33, start: '09:00', end: '13:00', venue: 'croixRousse', category: 'COMMUNITY', showEndTime: false, tags: ['vélo'] },
      // past
      { key: 'sortie-rentree', title: 'Sortie vélo de la rentrée', days: -40, start: '10:00', end: '12:30', venue: 'bellecour', category: 'SPORTS', tags: ['vélo'] },
      { key: 'atelier-passe', title: 'Atelier freins et dérailleurs', days: -12, start: '14:00', end: '17:00', venue: 'maisonVelo', category: 'LEARNING' },
      { key: 'bourse-automne', title: "Bourse aux vélos d'automne", days: -70, start: '09:00', end: '13:00', venue: 'croixRousse', category: 'COMMUNITY', tags: ['vélo'] },
      { key: 'balade-estivale', title: 'Balade estivale au bord du Rhône', days: -100, start: '19:00', end: '21:30', venue: 'bellecour', category: 'SPORTS', tags: ['balade'] },
    ];
    for (const f of fixtures) {
      const date = this.day(tz, f.days);
      this.event({ ...base, ...f, key: `velo_lyon/${f.key}`, date, endDate: f.endDays != null ? this.day(tz, f.endDays) : undefined });
    }

    // "last summer": the last Saturday of July that is at least a month ago
    let picnic = lastWeekdayOfMonth(today.y, 7, 6);
    if (zonedInstant(picnic, '12:00', tz) > this.now - 30 * DAY) picnic = lastWeekdayOfMonth(today.y - 1, 7, 6);
    this.event({
      ...base, key: 'velo_lyon/pique-nique', title: "Pique-nique de l'été dernier", date: picnic, start: '12:00', end: '16:00',
      venue: 'teteDor', category: 'FOOD_DRINK', tags: ['pique-nique'], participants: 23,
    });
  }

  // ------------------------------------------------------------------ Montréal Makers

  montrealMakers() {
    const tz = 'America/Montreal';
    const base = { group: 'montreal_makers', city: 'montreal', timeZone: tz, language: 'en', organizer: 'sophie' };
    const today = localDate(this.now, tz);
    const firstSaturday = addDays(today, (6 - weekday(today) + 7) % 7 || 7);
    // 12 Saturdays, extended so the series runs at least two weeks past the next DST switch.
    const change = nextOffsetChange(tz, this.now);
    let count = 12;
    while (change && zonedInstant(addDays(firstSaturday, (count - 1) * 7), '13:00', tz) < change + 14 * DAY) count++;
    for (let i = 1; i <= count; i++) {
      this.event({
        ...base, key: `montreal_makers/repair-cafe/${i}`, title: 'Repair Café', date: addDays(firstSaturday, (i - 1) * 7), start: '13:00', end: '16:00',
        venue: i % 2 ? 'mileEnd' : 'jeanTalon', category: 'CRAFTS', tags: ['repair', 'makers'], rich: i === 1, picture: i <= 2,
      });
    }
    const list = [
      {
        key: 'conference-hybride', title: 'Conférence hybride', days: 18, start: '18:00', end: '20:00', venue: 'fablab', category: 'SCIENCE_TECH', language: 'fr',
        isOnline: true, onlineAddress: 'https://meet.example/conference-hybride', tags: ['makers'],
        metadata: [{ key: 'mz:visio:jitsi_meet', title: 'Jitsi Meet', value: 'https://meet.jit.si/ConferenceHybrideMakers', type: 'STRING' }],
      },
      { key: 'soldering-101', title: 'Soldering 101', days: 4, start: '19:00', end: '21:00', venue: 'fablab', category: 'LEARNING', joinOptions: 'RESTRICTED', capacity: 8, tags: ['électronique'] },
      { key: 'printing-lab', title: '3D Printing Open Lab', days: 11, start: '18:00', end: '21:00', venue: 'fablab', category: 'SCIENCE_TECH' },
      { key: 'hackathon', title: 'Hackathon: Civic Tech', days: 30, endDays: 32, start: '18:00', end: '17:00', venue: 'fablab', category: 'SCIENCE_TECH', tags: ['makers'] },
      { key: 'open-house', title: 'Open House', days: -20, start: '14:00', end: '18:00', venue: 'fablab', category: 'COMMUNITY' },
      { key: 'winter-fix', title: 'Winter Bike Fix-up', days: -90, start: '10:00', end: '15:00', venue: 'jeanTalon', category: 'CRAFTS', tags: ['repair'] },
      { key: 'arduino-night', title: 'Arduino Night', days: -45, start: '19:00', end: '22:00', venue: 'fablab', category: 'SCIENCE_TECH', tags: ['électronique'] },
    ];
    for (const f of list) this.event({ ...base, ...f, key: `montreal_makers/${f.key}`, date: this.day(tz, f.days), endDate: f.endDays != null ? this.day(tz, f.endDays) : undefined });
  }

  // ------------------------------------------------------------------ the other groups

  otherGroups() {
    const plans = {
      berliner_chor: {
        organizer: 'jonas', category: 'MUSIC',
        list: [
          ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ key: `chorprobe/${i}`, title: 'Chorprobe', weekly: [2, i], start: '19:00', end: '21:30', venue: 'kulturbrauerei', rich: i === 1, picture: i === 1 })),
          { key: 'konzert', title: 'Konzert in der Gethsemanekirche', days: 24, start: '19:30', end: '21:30', venue: 'gethsemane', tags: ['Konzert'], capacity: 200 },
          { key: 'stimmbildung', title: 'Stimmbildung-Workshop', days: 13, start: '10:00', end: '16:00', venue: 'kulturbrauerei', joinOptions: 'RESTRICTED', category: 'LEARNING' },
          { key: 'sommerfest', title: 'Sommerfest auf dem Tempelhofer Feld', days: 41, start: '15:00', end: null, venue: 'tempelhof', category: 'PARTY' },
          { key: 'fruehjahrskonzert', title: 'Frühjahrskonzert', days: -60, start: '19:30', end: '21:30', venue: 'gethsemane' },
          { key: 'chorfahrt', title: 'Chorfahrt nach Leipzig', days: -30, endDays: -28, start: '08:00', end: '20:00', venue: 'kulturbrauerei', category: 'COMMUNITY' },
        ],
      },
      tokyo_hikers: {
        organizer: 'kenji', category: 'OUTDOORS_ADVENTURE',
        list: [
          { key: 'takao', title: 'Mt. Takao Day Hike', days: 6, start: '08:00', end: '15:00', venue: 'takao' },
          { key: 'kamakura', title: 'Kamakura Coastal Trail', days: 13, start: '09:00', end: '16:00', venue: 'kamakura' },
          { key: 'okutama', title: 'Okutama Overnight Trek', days: 20, endDays: 21, start: '07:00', end: '17:00', venue: 'okutama', capacity: 15 },
          { key: 'gear-swap', title: 'Hiking Gear Swap', days: 9, start: '14:00', end: '17:00', venue: 'yoyogi', category: 'COMMUNITY' },
          { key: 'fuji-planning', title: 'Mt. Fuji Planning Meetup', days: 3, start: '20:00', end: '21:00', venue: null, isOnline: true, onlineAddress: 'https://meet.example/fuji-planning', category: 'MEETING' },
          { key: 'hakone-sunrise', title: 'Sunrise Hike in Hakone', days: 27, start: '04:30', end: '10:00', venue: 'hakone' },
          { key: 'yoyogi-walk', title: 'Evening Walk in Yoyogi', days: 2, start: '18:30', end: null, venue: 'yoyogi' },
          { key: 'autumn-leaves', title: 'Autumn Leaves Walk', days: -25, start: '09:00', end: '14:00', venue: 'takao' },
          { key: 'new-year-hike', title: 'First Hike of the Year', days: -50, start: '06:00', end: '11:00', venue: 'takao' },
        ],
      },
      auckland_trampers: {
        organizer: 'aroha', category: 'OUTDOORS_ADVENTURE',
        list: [
          { key: 'waitakere', title: 'Waitākere Ranges Tramp', days: 5, start: '08:30', end: '15:30', venue: 'arataki' },
          { key: 'rangitoto', title: 'Rangitoto Island Summit', days: 12, start: '09:15', end: '15:00', venue: 'ferry' },
          { key: 'tongariro', title: 'Tongariro Alpine Crossing', days: 26, endDays: 27, start: '06:00', end: '18:00', venue: 'mangatepopo', capacity: 12 },
          { key: 'planning-night', title: 'Te Araroa Planning Night', days: 8, start: '19:00', end: '21:00', venue: 'library', category: 'MEETING' },
          { key: 'hunua', title: 'Hunua Falls Loop', days: 19, start: '09:00', end: '13:00', venue: 'hunua' },
          { key: 'piha-cleanup', title: 'Beach Clean-up at Piha', days: 33, start: '10:00', end: '13:00', venue: 'piha', category: 'CAUSES' },
          { key: 'winter-tramp', title: 'Winter Tramp Debrief', days: -35, start: '18:30', end: '20:30', venue: 'library', category: 'MEETING' },
          { key: 'karekare', title: 'Karekare Falls Walk', days: -14, start: '09:00', end: '12:00', venue: 'piha' },
        ],
      },
      sao_paulo_cultura: {
        organizer: 'ana', category: 'LANGUAGE_CULTURE',
        list: [
          { key: 'sarau', title: 'Sarau de Poesia', days: 4, start: '19:00', end: '22:00', venue: 'casaRosas', category: 'ARTS' },
          { key: 'roda-samba', title: 'Roda de Samba', days: 10, start: '16:00', end: '21:00', venue: 'ccsp', category: 'MUSIC' },
          { key: 'grafite', title: 'Oficina de Grafite', days: 15, start: '10:00', end: '13:00', venue: 'batman', category: 'ARTS', joinOptions: 'RESTRICTED', capacity: 20 },
          { key: 'cine-debate', title: 'Cine Debate', days: 21, start: '19:30', end: '22:30', venue: 'ccsp', category: 'FILM_MEDIA' },
          { key: 'feira-livros', title: 'Feira de Livros Independentes', days: 28, endDays: 30, start: '10:00', end: '18:00', venue: 'ccsp', category: 'BOOK_CLUBS' },
          { key: 'masp', title: 'Visita guiada ao MASP', days: 7, start: '14:00', end: '16:00', venue: 'masp', category: 'ARTS' },
          { key: 'festa-junina', title: 'Festa Junina Cultural', days: -40, start: '17:00', end: '23:00', venue: 'ccsp', category: 'PARTY' },
          { key: 'slam', title: 'Slam das Minas', days: -9, start: '20:00', end: '23:00', venue: 'casaRosas', category: 'ARTS' },
        ],
      },
      tunis_culture: {
        organizer: 'amira', category: 'LANGUAGE_CULTURE',
        list: [
          { key: 'amsiya', title: 'أمسية شعرية', days: 6, start: '18:00', end: '21:00', venue: 'darLasram', category: 'ARTS' },
          { key: 'khatt', title: 'معرض الخط العربي', days: -5, endDays: 40, start: '10:00', end: '18:00', venue: 'darLasram', category: 'ARTS' },
          { key: 'musiqa', title: 'ورشة الموسيقى التقليدية', days: 11, start: '16:00', end: '19:00', venue: 'theatre', category: 'MUSIC', joinOptions: 'RESTRICTED' },
          { key: 'jawla', title: 'جولة في المدينة العتيقة', days: 3, start: '09:30', end: '12:00', venue: 'medina', category: 'OUTDOORS_ADVENTURE' },
          { key: 'qiraa', title: 'نادي القراءة', days: 16, start: '18:30', end: '20:30', venue: 'darLasram', category: 'BOOK_CLUBS' },
          { key: 'cinema', title: 'عرض سينمائي: أفلام تونسية قصيرة', days: 22, start: '20:00', end: '22:30', venue: 'theatre', category: 'FILM_MEDIA' },
          { key: 'malouf', title: 'سهرة المالوف', days: -18, start: '20:00', end: '23:00', venue: 'theatre', category: 'MUSIC' },
          { key: 'ramadan', title: 'ليالي المدينة', days: -60, start: '21:00', end: '23:30', venue: 'medina', category: 'LANGUAGE_CULTURE' },
        ],
      },
    };
    for (const [groupKey, plan] of Object.entries(plans)) {
      const group = GROUPS.find((g) => g.key === groupKey);
      const tz = CITIES[group.city].timezone;
      const today = localDate(this.now, tz);
      for (const f of plan.list) {
        let date;
        if (f.weekly) {
          const [dow, n] = f.weekly;
          date = addDays(today, ((dow - weekday(today) + 7) % 7 || 7) + (n - 1) * 7);
        } else date = this.day(tz, f.days);
        this.event({
          group: groupKey, city: group.city, timeZone: tz, language: group.language, organizer: plan.organizer, category: plan.category,
          tags: TAGS[groupKey].slice(0, 1 + (hashCode(f.key) & 1)),
          ...f,
          key: `${groupKey}/${f.key}`,
          date,
          endDate: f.endDays != null ? this.day(tz, f.endDays) : undefined,
        });
      }
    }
  }

  // ------------------------------------------------------------------ person-organised events (organizerActor set, attributedTo null)

  personEvents() {
    const tz = 'Europe/Paris';
    const base = { city: 'lyon', timeZone: tz, language: 'fr', organizer: 'camille' };
    this.event({
      ...base, key: 'camille/webinaire-mobilizon', title: 'Webinaire Mobilizon', date: this.day(tz, 7), start: '18:00', end: '19:30', venue: null,
      isOnline: true, onlineAddress: 'https://meet.example/webinaire-mobilizon', phoneAddress: '+33 1 23 45 67 89', category: 'LEARNING', tags: ['Mobilizon', 'fediverse'],
      metadata: [
        { key: 'mz:live:peertube:url', title: 'PeerTube live', value: 'https://peertube.example/w/9c8f3kLmQx', type: 'STRING' },
        { key: 'mz:visio:jitsi_meet', title: 'Jitsi Meet', value: 'https://meet.jit.si/WebinaireMobilizonDemo', type: 'STRING' },
        { key: 'mz:accessibility:live:subtitle', title: 'Sous-titres en direct', value: 'true', type: 'BOOLEAN' },
      ],
    });
    this.event({ ...base, key: 'camille/permanence-ouverte', title: 'Permanence ouverte', date: this.day(tz, 3), start: '14:00', end: null, venue: 'associations', category: 'COMMUNITY', tags: ['Mobilizon'] });
    const fest = this.day(tz, 40);
    this.event({
      ...base, key: 'camille/festival-des-lumieres', title: 'Festival des Lumières', date: fest, endDate: addDays(fest, 2), start: '18:00', end: '23:00',
      venue: 'bellecour', category: 'ARTS', tags: ['lumières', 'festival'],
    });
    this.event({ ...base, key: 'camille/atelier-mobilizon', title: 'Atelier Mobilizon (passé)', date: this.day(tz, -15), start: '14:00', end: '16:00', venue: 'associations', category: 'LEARNING' });
    this.event({
      key: 'kenji/photo-walk', title: 'Night Photo Walk in Shinjuku', organizer: 'kenji', city: 'tokyo', venue: 'yoyogi', timeZone: 'Asia/Tokyo', language: 'en',
      date: this.day('Asia/Tokyo', 14), start: '19:00', end: '21:30', category: 'PHOTOGRAPHY', tags: ['photo'],
    });
    this.event({
      key: 'jonas/offenes-singen', title: 'Offenes Singen im Park', organizer: 'jonas', city: 'berlin', venue: 'tempelhof', timeZone: 'Europe/Berlin', language: 'de',
      date: this.day('Europe/Berlin', 23), start: '17:00', end: '19:00', category: 'MUSIC', joinOptions: 'FREE',
    });
  }

  // ------------------------------------------------------------------ remote events (local false)

  remoteEvents() {
    const tz = 'Europe/Paris';
    const remote = (key, spec) => {
      const uuid = stableUuid(`event:${key}`);
      return this.event({
        city: 'nantes', timeZone: tz, language: 'fr', organizer: 'camille', category: 'MEETING', local: false,
        url: `https://${spec.domain ?? 'other.example'}/events/${uuid}`,
        ...spec,
        key,
      });
    };
    const g = 'remote_collective@other.example';
    remote('remote_collective/rencontre-federee', { group: g, title: 'Rencontre fédérée', date: this.day(tz, 16), start: '18:00', end: '20:00', venue: 'lieuUnique', tags: ['fediverse'] });
    // Old/remote events may miss options.timezone (the address still has one) — and one has neither.
    remote('remote_collective/atelier-federe', { group: g, title: 'Atelier fédéré', date: this.day(tz, 9), start: '14:00', end: '17:00', venue: 'ileNantes', optionsTimezone: null, category: 'LEARNING' });
    remote('remote_collective/sans-fuseau', { group: g, title: 'Rendez-vous sans fuseau', date: this.day(tz, 22), start: '19:00', end: '21:00', venue: 'lieuUnique', optionsTimezone: null, addressTimezone: null });
    remote('remote_collective/apero-federe', { group: g, title: 'Apéro du fédivers', date: this.day(tz, 30), start: '18:30', end: null, venue: 'lieuUnique', category: 'PARTY', optionsTimezone: null });
    remote('remote_collective/passe', { group: g, title: 'Rencontre fédérée de printemps', date: this.day(tz, -50), start: '18:00', end: '20:00', venue: 'lieuUnique' });
    // Known to this instance (fetched once) but not shared by a followed instance: invisible to anonymous callers.
    remote('unfollowed/evenement-distant', {
      title: 'Événement distant non suivi', domain: 'unfollowed.example', date: this.day(tz, 11), start: '18:00', end: '20:00', venue: 'ileNantes', followed: false,
    });
  }

  // ------------------------------------------------------------------ events nobody but an organiser may see

  hiddenEvents() {
    const tz = 'Europe/Paris';
    const base = { group: 'velo_lyon', city: 'lyon', venue: 'associations', timeZone: tz, language: 'fr', organizer: 'thomas' };
    this.event({ ...base, key: 'velo_lyon/brouillon', title: 'Brouillon : sortie secrète', date: this.day(tz, 19), start: '10:00', end: '12:00', draft: true });
    this.event({ ...base, key: 'velo_lyon/prive', title: 'Apéro privé du bureau', date: this.day(tz, 14), start: '19:00', end: '22:00', visibility: 'PRIVATE' });
    this.event({ ...base, key: 'velo_lyon/non-liste', title: 'Sortie surprise (lien privé)', date: this.day(tz, 14), start: '10:00', end: '13:00', visibility: 'UNLISTED', venue: 'bellecour' });
  }

  // ------------------------------------------------------------------ global search index (other instances)

  globalOnly() {
    const entries = [
      ['events.example.org', 'Fête du vélo à Lille', 'lille', 'gareSaintSauveur', 8, '14:00', '18:00', 'SPORTS', 'fr', ['vélo']],
      ['events.example.org', 'Linux Install Party', 'lille', 'gareSaintSauveur', 13, '10:00', '17:00', 'SCIENCE_TECH', 'fr', ['linux', 'logiciel libre']],
      ['events.example.org', 'Repair Café Lille', 'lille', 'gareSaintSauveur', 20, '14:00', '17:00', 'CRAFTS', 'fr', ['repair']],
      ['events.example.org', 'Soirée jeux de société', 'lille', 'gareSaintSauveur', -3, '19:00', '23:00', 'GAMES', 'fr', ['jeux']],
      ['mobilizon.example.net', 'Vélorution Bruxelles', 'bruxelles', 'flagey', 11, '18:00', '20:00', 'MOVEMENTS_POLITICS', 'fr', ['vélo']],
      ['mobilizon.example.net', 'Klimastreik Wien', 'wien', 'heldenplatz', 17, '12:00', '15:00', 'CAUSES', 'de', ['Klima']],
      ['mobilizon.example.net', 'Chorprobe offen für alle', 'wien', 'heldenplatz', 6, '19:00', '21:00', 'MUSIC', 'de', ['Chor']],
      ['mobilizon.example.net', 'Bike Kitchen Brussels', 'bruxelles', 'flagey', 24, '17:00', '20:00', 'CRAFTS', 'en', ['vélo', 'repair']],
      ['agenda.example.com', 'Trobada de Mobilizon', 'barcelona', 'ateneu', 9, '18:30', '20:30', 'NETWORKING', 'ca', ['Mobilizon']],
      ['agenda.example.com', 'Concert de cambra', 'barcelona', 'ateneu', 27, '20:00', '22:00', 'MUSIC', 'ca', ['música']],
      ['agenda.example.com', 'Hiking the Collserola', 'barcelona', 'ateneu', 15, '09:00', '15:00', 'OUTDOORS_ADVENTURE', 'en', ['hiking']],
      ['agenda.example.com', 'Fediverse Day Barcelona', 'barcelona', 'ateneu', 34, '10:00', '18:00', 'SCIENCE_TECH', 'en', ['fediverse', 'Mobilizon']],
    ];
    for (const [domain, title, city, venue, days, start, end, category, language, tags] of entries) {
      const tz = CITIES[city].timezone;
      const key = `global/${domain}/${slugify(title)}`;
      const rnd = prng(key);
      const uuid = stableUuid(`event:${key}`);
      const date = this.day(tz, days);
      this.globalEvents.push({
        key,
        id: String(900_000 + this.globalEvents.length),
        uuid,
        title,
        url: `https://${domain}/events/${uuid}`,
        domain,
        beginsOn: zonedInstant(date, start, tz),
        endsOn: zonedInstant(date, end, tz),
        status: 'CONFIRMED',
        category,
        language,
        publishAt: this.now - rnd.int(2, 30) * DAY,
        pictureId: rnd.chance(0.7) ? this.picture('event', key, `${slugify(title)}.png`) : null,
        physicalAddress: this.address(city, venue),
        organizer: { id: String(800_000 + this.globalEvents.length), name: `${CITIES[city].locality} organiser`, preferredUsername: `orga_${city}` },
        tags,
        participants: rnd.int(0, 60),
      });
    }
    for (const [domain, key, name, city] of [
      ['events.example.org', 'lille_velo', 'Lille à Vélo', 'lille'],
      ['mobilizon.example.net', 'bike_kitchen', 'Bike Kitchen Brussels', 'bruxelles'],
      ['agenda.example.com', 'fedi_bcn', 'Fediverse Barcelona', 'barcelona'],
    ]) {
      this.globalGroups.push({
        id: String(700_000 + this.globalGroups.length),
        key: `${key}@${domain}`,
        preferredUsername: key,
        name,
        domain,
        url: `https://${domain}/@${key}`,
        summary: `<p>${name}</p>`,
        membersCount: 10 + this.globalGroups.length * 7,
        avatarId: this.picture('avatar', `global-group:${key}`, `${key}.png`),
        physicalAddress: this.address(city, Object.keys(CITIES[city].venues)[0]),
      });
    }
  }

  // ------------------------------------------------------------------ posts

  groupPosts() {
    for (const [groupKey, list] of Object.entries(POSTS)) {
      const group = this.groups.find((g) => g.preferredUsername === groupKey);
      list.forEach(([title, language], i) => {
        const key = `post:${groupKey}:${i}`;
        const rnd = prng(key);
        const id = stableUuid(key);
        const publishAt = this.now - (i * 23 + rnd.int(3, 20)) * DAY;
        const w = WORDS[language] ?? WORDS.en;
        const pictureId = i === 0 ? this.picture('post', key, `${slugify(title) || 'post'}.png`) : null;
        this.posts.push({
          key,
          id,
          slug: `${slugify(title, { lower: false }) || 'post'}-${shortUuid(id)}`,
          title,
          body: `<p>${rnd.pick(w.intro).replace('{title}', escapeText(title))}</p><h3>${w.programme}</h3><ul>${w.items.slice(0, 3).map((x) => `<li>${x}</li>`).join('')}</ul><blockquote><p>${w.quote}</p></blockquote><p>${w.link}</p>`,
          groupId: group.id,
          authorId: group.author ? this.personId(group.author) : this.personId('camille'),
          draft: false,
          visibility: 'PUBLIC',
          language,
          pictureId,
          tags: i === 0 ? [this.tag(TAGS[groupKey]?.[0] ?? 'fediverse')] : [],
          publishAt,
          insertedAt: publishAt - 3600_000,
          updatedAt: publishAt + rnd.int(0, 48) * 3600_000,
          local: group.local,
        });
      });
    }
    // never shown to anonymous callers
    const velo = this.groups.find((g) => g.key === 'velo_lyon');
    const hidden = [
      ['post:velo_lyon:draft', 'Brouillon de billet', { draft: true, visibility: 'PUBLIC' }],
      ['post:velo_lyon:private', 'Billet réservé aux membres', { draft: false, visibility: 'PRIVATE' }],
      ['post:velo_lyon:unlisted', 'Billet non listé', { draft: false, visibility: 'UNLISTED' }],
    ];
    for (const [key, title, extra] of hidden) {
      const id = stableUuid(key);
      this.posts.push({
        key, id, slug: `${slugify(title, { lower: false })}-${shortUuid(id)}`, title, body: `<p>${escapeText(title)}</p>`,
        groupId: velo.id, authorId: this.personId('thomas'), language: 'fr', pictureId: null, tags: [],
        publishAt: this.now - 2 * DAY, insertedAt: this.now - 2 * DAY, updatedAt: this.now - 2 * DAY, local: true, ...extra,
      });
    }
  }
}

function escapeText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function hashCode(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** The uuid of a seeded event, from its seed key (independent of `now`). */
export const fixtureUuid = (key) => stableUuid(`event:${key}`);

/** Named events documented in README.md (browser tests rely on these). `key` → uuid via fixtureUuid. */
export const FIXTURES = [
  ['velo_lyon/sortie-velo-du-dimanche/1', 'Sortie vélo du dimanche', 'velo_lyon', 'occurrence 1 of 26+ (keys …/1 … …/26, up to …/31 when the next DST change is further away): Sundays 10:00–12:00 Europe/Paris from the first Sunday after now; #3 CANCELLED, #4 TENTATIVE'],
  ['velo_lyon/heure-ete', "Passage à l'heure d'été", 'velo_lyon', 'next last Sunday of March, 10:00–11:00 Europe/Paris'],
  ['velo_lyon/heure-hiver', "Passage à l'heure d'hiver", 'velo_lyon', 'next last Sunday of October, 10:00–11:00 Europe/Paris'],
  ['velo_lyon/nuit-des-etoiles', 'Nuit des étoiles', 'velo_lyon', 'today+10 days 23:30 → next day 01:30 Europe/Paris'],
  ['velo_lyon/atelier-ouvert', 'Atelier ouvert à tous', 'velo_lyon', 'FREE, anonymous participation on, +5 days'],
  ['velo_lyon/atelier-inscription', 'Atelier sur inscription', 'velo_lyon', 'RESTRICTED, anonymous on, hideNumberOfParticipants'],
  ['velo_lyon/reunion-bureau', 'Réunion du bureau', 'velo_lyon', 'INVITE, no picture'],
  ['velo_lyon/concert-transbordeur', 'Concert au Transbordeur', 'velo_lyon', 'EXTERNAL → https://tickets.example/transbordeur/concert-velo-lyon, offers'],
  ['velo_lyon/assemblee-generale', 'Assemblée générale', 'velo_lyon', 'anonymous participation OFF, one contact'],
  ['velo_lyon/atelier-complet', 'Atelier complet', 'velo_lyon', 'capacity 12, 12 participants'],
  ['velo_lyon/presque-complet', 'Presque complet', 'velo_lyon', 'capacity 20, 19 participants'],
  ['velo_lyon/soiree-annulee', 'Soirée annulée', 'velo_lyon', 'CANCELLED, future'],
  ['velo_lyon/pique-nique', "Pique-nique de l'été dernier", 'velo_lyon', 'past (last Saturday of July ≥ 30 days ago)'],
  ['velo_lyon/exposition', 'Exposition « Lyon à vélo »', 'velo_lyon', 'long event (45 days), ongoing'],
  ['velo_lyon/sortie-nocturne', 'Sortie nocturne (horaire à confirmer)', 'velo_lyon', 'showStartTime and showEndTime false'],
  ['velo_lyon/non-liste', 'Sortie surprise (lien privé)', 'velo_lyon', 'UNLISTED: only by uuid'],
  ['velo_lyon/brouillon', 'Brouillon : sortie secrète', 'velo_lyon', 'draft: never returned'],
  ['velo_lyon/prive', 'Apéro privé du bureau', 'velo_lyon', 'PRIVATE: never returned'],
  ['remote_collective/rencontre-federee', 'Rencontre fédérée', 'remote_collective@other.example', 'remote (local false), shared by a followed instance'],
  ['remote_collective/atelier-federe', 'Atelier fédéré', 'remote_collective@other.example', 'remote, options.timezone null (address has one)'],
  ['remote_collective/sans-fuseau', 'Rendez-vous sans fuseau', 'remote_collective@other.example', 'remote, options.timezone and physicalAddress.timezone null'],
  ['unfollowed/evenement-distant', 'Événement distant non suivi', 'unfollowed.example', 'remote, NOT followed: event(uuid) → event_not_found'],
  ['montreal_makers/repair-cafe/1', 'Repair Café', 'montreal_makers', 'occurrence 1 of ≥12 (…/1, …/2, …): Saturdays 13:00–16:00 America/Montreal, runs ≥2 weeks past the next DST change'],
  ['montreal_makers/conference-hybride', 'Conférence hybride', 'montreal_makers', 'isOnline + physical address + onlineAddress, metadata'],
  ['montreal_makers/hackathon', 'Hackathon: Civic Tech', 'montreal_makers', 'multi-day (Fri → Sun)'],
  ['camille/webinaire-mobilizon', 'Webinaire Mobilizon', 'camille (person)', 'online only, no address, metadata (PeerTube live, Jitsi)'],
  ['camille/permanence-ouverte', 'Permanence ouverte', 'camille (person)', 'no end time'],
  ['camille/festival-des-lumieres', 'Festival des Lumières', 'camille (person)', '3 days'],
  ['tunis_culture/khatt', 'معرض الخط العربي', 'tunis_culture', 'Arabic, long event (45 days), ongoing'],
];

