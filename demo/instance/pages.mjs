// Minimal HTML pages for the links widgets make (Mobilizon's front-end routes), so clicking around the
// demo leads somewhere. Everything from the data is escaped; no scripts (the CSP forbids inline ones).
import { htmlToText } from './ics.mjs';
import { displayName } from './feeds.mjs';
import { confirmParticipation, joinEvent, leaveEvent, participantCount } from './participation.mjs';
import { actorUrl, eventUrl, postUrl } from './resolvers.mjs';
import { formatInTimeZone, isValidTimeZone } from './time.mjs';
import { escapeHtml as h } from './util.mjs';

export const PAGE_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
a{color:#1e7d97}header{border-bottom:1px solid #ddd;margin-bottom:1rem}.muted{color:#666}.badge{background:#ffd599;padding:0 .4em;border-radius:.3em}
form{display:grid;gap:.5rem;max-width:24rem}input,textarea,button{font:inherit;padding:.3rem}.notice{padding:.5rem 1rem;background:#eef7f9;border-left:4px solid #1e7d97}`;

/** A link only for http(s) URLs (hostile data carries javascript: ones); otherwise plain text. */
function link(url, labelHtml, rel = '') {
  return /^https?:\/\//i.test(url ?? '') ? `<a href="${h(url)}"${rel ? ` rel="${rel}"` : ''}>${labelHtml}</a>` : labelHtml;
}

function layout(ctx, title, body) {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)} · ${h(ctx.instance.name)}</title>
<link rel="stylesheet" href="${h(ctx.base)}/_demo/page.css"></head>
<body><header><p><a href="${h(ctx.base)}/">${h(ctx.instance.name)}</a> <span class="muted">(démo Mobilizon ${h(ctx.version)})</span></p></header>
<main>${body}</main></body></html>`;
}

function when(e) {
  const tz = [e.options.timezone, e.physicalAddress?.timezone].find((z) => z && isValidTimeZone(z)) ?? 'UTC';
  const start = formatInTimeZone(e.beginsOn, tz, 'yyyy-MM-dd HH:mm');
  const end = e.endsOn ? formatInTimeZone(e.endsOn, tz, 'yyyy-MM-dd HH:mm') : null;
  return `${start}${end ? ` → ${end}` : ''} (${tz})`;
}

function textBlock(html) {
  return (htmlToText(html) ?? '')
    .split(/\n\r?/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${h(line)}</p>`)
    .join('');
}

function eventList(ctx, events) {
  if (!events.length) return '<p class="muted">Aucun événement.</p>';
  return `<ul>${events
    .map((e) => `<li>${link(eventUrl(ctx, e), h(e.title))} — ${h(when(e))}${e.status !== 'CONFIRMED' ? ` <span class="badge">${h(e.status)}</span>` : ''}</li>`)
    .join('')}</ul>`;
}

const page = (ctx, status, title, body) => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: layout(ctx, title, body) });
const notFound = (ctx) => page(ctx, 404, 'Page introuvable', '<h1>Page introuvable</h1>');

/** Returns {status, headers, body} for a page path, or null. `form` is the parsed POST body, if any. */
export function pageResponse(ctx, method, path, form) {
  if (path === '/' || path === '') return home(ctx);
  let m = /^\/events\/([0-9a-fA-F-]{36})(\/participate(\/without-account)?)?$/.exec(path);
  if (m) {
    const e = ctx.view.publicEvent(m[1].toLowerCase());
    if (!e) return notFound(ctx);
    if (!m[2]) return eventPage(ctx, e);
    if (!m[3]) return page(ctx, 200, e.title, `<h1>${h(e.title)}</h1><p>${link(`${eventUrl(ctx, e)}/participate/without-account`, 'Participer sans compte')}</p>`);
    return withoutAccount(ctx, e, method, form);
  }
  m = /^\/@([^/]+)(\/events)?$/.exec(path);
  if (m) return actorPage(ctx, decodeURIComponent(m[1]), Boolean(m[2]));
  m = /^\/p\/([^/]+)$/.exec(path);
  if (m) {
    const p = ctx.view.publicPost(decodeURIComponent(m[1]));
    if (!p) return notFound(ctx);
    const group = ctx.view.actorsById.get(p.groupId);
    return page(ctx, 200, p.title, `<article><h1>${h(p.title)}</h1><p class="muted">${h(displayName(group))}</p>${textBlock(p.body.replaceAll('{{base}}', ctx.base))}</article>`);
  }
  m = /^\/participation\/email\/confirm\/([^/]+)$/.exec(path);
  if (m) return confirmPage(ctx, decodeURIComponent(m[1]));
  m = /^\/participation\/email\/cancel\/([^/]+)\/([^/]+)$/.exec(path);
  if (m) return cancelPage(ctx, method, decodeURIComponent(m[1]), decodeURIComponent(m[2]));
  return null;
}

function home(ctx) {
  const groups = ctx.view.groups.filter((g) => g.local && !g.suspended);
  const upcoming = ctx.view.listEvents({ page: 1, limit: 20, orderBy: 'BEGINS_ON', direction: 'ASC' }, ctx).elements;
  return page(
    ctx,
    200,
    'Accueil',
    `<h1>${h(ctx.instance.name)}</h1><p>${h(ctx.instance.slogan)}</p>
<h2>Groupes</h2><ul>${groups.map((g) => `<li>${link(actorUrl(ctx, g), h(g.name))} <span class="muted">@${h(g.preferredUsername)}</span></li>`).join('')}</ul>
<h2>Prochains événements</h2>${eventList(ctx, upcoming)}
<p><a href="${h(ctx.base)}/feed/instance/ics">iCal</a> · <a href="${h(ctx.base)}/feed/instance/atom">Atom</a></p>`,
  );
}

function eventPage(ctx, e) {
  const owner = ctx.view.actorsById.get(e.groupId ?? e.organizerId);
  const a = e.physicalAddress;
  const capacity = e.options.maximumAttendeeCapacity;
  const count = participantCount(ctx, e);
  let participation;
  if (e.joinOptions === 'EXTERNAL') {
    participation = `<p>${link(e.externalParticipationUrl, 'Participer sur le site externe', 'noopener')} (${h(e.externalParticipationUrl)})</p>`;
  }
  else if (e.joinOptions === 'INVITE') participation = '<p class="muted">Sur invitation uniquement.</p>';
  else if (!e.local) participation = `<p>${link(`${eventUrl(ctx, e)}/participate/without-account`, 'Participer sur l’instance d’origine')}</p>`;
  else if (e.options.anonymousParticipation && ctx.knobs.participation) participation = `<p>${link(`${eventUrl(ctx, e)}/participate/without-account`, 'Participer sans compte')}</p>`;
  else participation = '<p class="muted">Connectez-vous pour participer.</p>';
  return page(
    ctx,
    200,
    e.title,
    `<article><h1>${h(e.title)}</h1>${e.status !== 'CONFIRMED' ? `<p class="badge">${h(e.status)}</p>` : ''}
<p>${h(when(e))}</p>
${owner ? `<p>Organisé par ${link(actorUrl(ctx, owner), h(displayName(owner)))}</p>` : ''}
${a ? `<p>${h([a.description, a.street, a.postalCode, a.locality, a.country].filter(Boolean).join(', '))}</p>` : ''}
${e.options.isOnline && e.onlineAddress ? `<p>En ligne : ${h(e.onlineAddress)}</p>` : ''}
${e.options.hideNumberOfParticipants ? '' : `<p>${count} participant·es${capacity ? ` / ${capacity}` : ''}</p>`}
${participation}
${textBlock(e.description.replaceAll('{{base}}', ctx.base))}
<p><a href="${h(ctx.base)}/events/${h(e.uuid)}/export/ics">Ajouter à mon agenda (.ics)</a></p></article>`,
  );
}

function withoutAccount(ctx, e, method, form) {
  const formHtml = `<form method="post"><label>E-mail <input type="email" name="email" required></label>
<label>Message <textarea name="message"></textarea></label><button>Participer</button></form>`;
  if (method !== 'POST') return page(ctx, 200, e.title, `<h1>${h(e.title)}</h1><p>${h(when(e))}</p>${formHtml}`);
  try {
    const p = joinEvent(ctx, {
      eventId: e.id,
      actorId: ctx.view.person('anonymous')?.id ?? '1',
      email: form?.get('email') ?? null,
      message: form?.get('message') || null,
      locale: 'fr',
      timezone: null,
    });
    const text = p.role === 'NOT_CONFIRMED' ? 'Vérifiez vos e-mails pour confirmer votre participation.' : 'Votre participation est enregistrée.';
    return page(ctx, 200, e.title, `<h1>${h(e.title)}</h1><p class="notice">${h(text)}</p>`);
  } catch (error) {
    return page(ctx, 422, e.title, `<h1>${h(e.title)}</h1><p class="notice">${h(error.message)}</p>${formHtml}`);
  }
}

function actorPage(ctx, name, eventsOnly) {
  const actor = ctx.view.actorByHandle(name, ctx.host);
  if (!actor || actor.suspended || actor.preferredUsername === 'anonymous') return notFound(ctx);
  const isGroup = actor.kind === 'GROUP';
  const all = isGroup
    ? ctx.view.organizedEvents(actor, { page: 1, limit: 500 }, ctx).elements
    : ctx.view.events.filter((e) => e.organizerId === actor.id && !e.groupId && e.visibility === 'PUBLIC' && !e.draft);
  const upcoming = all.filter((e) => (e.endsOn ?? e.beginsOn) >= ctx.now);
  const past = all.filter((e) => (e.endsOn ?? e.beginsOn) < ctx.now).reverse();
  const posts = isGroup ? ctx.view.groupPosts(actor, { page: 1, limit: 20 }).elements : [];
  const handle = actor.domain ? `${actor.preferredUsername}@${actor.domain}` : actor.preferredUsername;
  const feeds = `<p><a href="${h(ctx.base)}/@${h(handle)}/feed/ics">iCal</a> · <a href="${h(ctx.base)}/@${h(handle)}/feed/atom">Atom</a></p>`;
  const body = eventsOnly
    ? `<h1>${h(displayName(actor))} — événements</h1><h2>À venir</h2>${eventList(ctx, upcoming)}<h2>Passés</h2>${eventList(ctx, past)}`
    : `<h1>${h(displayName(actor))}</h1><p class="muted">@${h(actor.preferredUsername)}${actor.domain ? `@${h(actor.domain)}` : ''}</p>${textBlock(actor.summary ?? '')}
<h2>Événements à venir</h2>${eventList(ctx, upcoming.slice(0, 10))}<p><a href="${h(ctx.base)}/@${h(handle)}/events">Tous les événements</a></p>
${posts.length ? `<h2>Billets</h2><ul>${posts.map((p) => `<li>${link(postUrl(ctx, p), h(p.title))}</li>`).join('')}</ul>` : ''}${feeds}`;
  return page(ctx, 200, displayName(actor), body);
}

function confirmPage(ctx, token) {
  try {
    const p = confirmParticipation(ctx, token);
    const e = ctx.view.eventsById.get(p.eventId);
    const text = p.role === 'PARTICIPANT' ? 'Votre participation est confirmée.' : 'Votre participation est confirmée ; elle attend la validation d’un·e organisateur·ice.';
    return page(ctx, 200, 'Participation confirmée', `<h1>Participation confirmée</h1><p class="notice">${h(text)}</p><p>${link(eventUrl(ctx, e), h(e.title))}</p>`);
  } catch (error) {
    return page(ctx, 200, 'Erreur', `<h1>Erreur</h1><p class="notice">${h(error.message)}</p>`);
  }
}

function cancelPage(ctx, method, uuid, token) {
  const e = ctx.view.eventsByUuid.get(uuid.toLowerCase());
  if (!e) return notFound(ctx);
  if (method !== 'POST') {
    return page(ctx, 200, e.title, `<h1>Annuler ma participation</h1><p>${h(e.title)} — ${h(when(e))}</p><form method="post"><button>Annuler ma participation</button></form>`);
  }
  try {
    leaveEvent(ctx, { eventId: e.id, actorId: ctx.view.person('anonymous')?.id ?? '1', token });
    return page(ctx, 200, e.title, `<h1>Participation annulée</h1><p class="notice">Votre participation à « ${h(e.title)} » est annulée.</p>`);
  } catch (error) {
    return page(ctx, 200, e.title, `<h1>Erreur</h1><p class="notice">${h(error.message)}</p>`);
  }
}
