// Lit's css`` and html`` templates keep their source indentation, which every visitor would download.
// This squeezes the whitespace (and CSS comments) in the static parts of those literals at build
// time, found through the syntax tree, so expressions and nested templates are never touched.
import { parseAst } from 'vite';

/** Quoted CSS strings, kept as they are: their spaces, commas and semicolons are content. */
const CSS_STRING = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;

function squeezeCssCode(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([\w-]):\s+/g, '$1:')
    .replace(/\b0\.(\d)/g, '.$1')
    .replace(/;}/g, '}');
}

function squeezeCss(text) {
  // Comments go first (but not a comment-like run inside a string); then everything outside strings is squeezed.
  const uncommented = text.replace(new RegExp(`(${CSS_STRING.source})|\\/\\*[\\s\\S]*?\\*\\/`, 'g'), (_m, string) => string ?? '');
  let out = '';
  let last = 0;
  for (const m of uncommented.matchAll(CSS_STRING)) {
    out += squeezeCssCode(uncommented.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + squeezeCssCode(uncommented.slice(last));
}

const squeezeHtml = (text) => text.replace(/\s*\n\s*/g, ' ');

export { squeezeCss, squeezeHtml };

function* taggedTemplates(node) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(css|html|svg)$/.test(node.tag.name)) {
    yield node;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* taggedTemplates(child);
    else if (value && typeof value === 'object') yield* taggedTemplates(value);
  }
}

export function litLiterals() {
  return {
    name: 'mobilizon-lit-literals',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      const edits = [];
      for (const node of taggedTemplates(parseAst(code))) {
        const squeeze = node.tag.name === 'css' ? squeezeCss : squeezeHtml;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const short = squeeze(raw);
          if (short !== raw) edits.push([quasi.start, quasi.end, short]);
        }
      }
      if (!edits.length) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * Rolldown splits what the entry shares with lazy chunks (Lit, the model…) into extra files. Keep
 * everything the entry needs up front together in one chunk, so a page loads two files, not five.
 */
export const UPFRONT = {
  groups: [
    { name: 'core', tags: ['$initial'] },
    // What draws a list's events once they arrive, and the mapper that reads them: one chunk, loaded
    // beside the first request (where the entry does not hold them already, as the full build does).
    {
      name: 'list',
      test: /src[\\/](elements[\\/]shared[\\/](event-list|pagination|links)|elements[\\/]events[\\/]views[\\/]list|format[\\/](address|when)|model[\\/](url|event)|sources[\\/]mobilizon[\\/]mapper)\.ts$/,
    },
    // The iCal parser in a chunk of its own, shared by feeds and calendar export (and measurable apart).
    { name: 'ical', test: /node_modules[\\/]ical\.js[\\/]/ },
  ],
};
