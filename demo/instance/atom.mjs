// Atom feeds shaped like Mobilizon's (lib/service/export/feed.ex with Atomex): events then posts,
// HTML content in CDATA, one <category> per tag.

const xml = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s) => `<![CDATA[${String(s ?? '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const date = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * `feed`: {id, title, updated, selfUrl, alternateUrl, author?: {name, uri}, generator: {name, uri, version},
 * icon?, logo?, entries: [{id, title, updated, url, html, published, categories: [{term, label}], author?}]}
 */
export function renderAtom(feed) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">'];
  out.push(`  <id>${xml(feed.id)}</id>`, `  <title>${xml(feed.title)}</title>`, `  <updated>${date(feed.updated)}</updated>`);
  if (feed.author) out.push(`  <author>`, `    <name>${xml(feed.author.name)}</name>`, `    <uri>${xml(feed.author.uri)}</uri>`, `  </author>`);
  out.push(`  <link href="${xml(feed.selfUrl)}" rel="self"/>`);
  if (feed.alternateUrl) out.push(`  <link href="${xml(feed.alternateUrl)}" rel="alternate"/>`);
  out.push(`  <generator uri="${xml(feed.generator.uri)}" version="${xml(feed.generator.version)}">${xml(feed.generator.name)}</generator>`);
  if (feed.icon) out.push(`  <icon>${xml(feed.icon)}</icon>`);
  if (feed.logo) out.push(`  <logo>${xml(feed.logo)}</logo>`);
  for (const e of feed.entries) {
    out.push('  <entry>', `    <id>${xml(e.id)}</id>`, `    <title>${xml(e.title)}</title>`, `    <updated>${date(e.updated)}</updated>`);
    out.push(`    <link href="${xml(e.url)}" rel="alternate" type="text/html"/>`);
    out.push(`    <content type="html">${cdata(e.html)}</content>`, `    <published>${date(e.published)}</published>`);
    for (const c of e.categories) out.push(`    <category term="${xml(c.term)}" label="${xml(c.label)}"/>`);
    if (e.author) out.push('    <author>', `      <name>${xml(e.author)}</name>`, '    </author>');
    out.push('  </entry>');
  }
  out.push('</feed>');
  return `${out.join('\n')}\n`;
}
