// scripts/literals-plugin.mjs: the build squeezes whitespace out of Lit's css`` and html`` literals,
// and must leave alone what carries meaning: CSS strings, single-line text and attribute values,
// every ${} expression, other tags, files outside src/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { litLiterals, squeezeCss, squeezeHtml } from '../../scripts/literals-plugin.mjs';

const transform = (code, id = '/work/project/src/elements/sample.ts') => litLiterals().transform(code, id);

describe('squeezeCss', () => {
  it('drops comments, indentation and the spaces around punctuation', () => {
    const css = '\n  :host {\n    display: block; /* a comment */\n    margin: 0.5em  1em;\n  }\n\n  .a,\n  .b > .c { color: red; }\n';
    assert.equal(squeezeCss(css), ' :host{display:block;margin:.5em 1em}.a,.b > .c{color:red}');
  });

  it('keeps quoted strings as written', () => {
    const css = "a::before { content: \", \"; }\nb { font-family: 'Segoe  UI', sans-serif; }\n[title='x; y'] { content: '/* not a comment */ 0.5'; }";
    assert.equal(
      squeezeCss(css),
      "a::before{content:\", \"}b{font-family:'Segoe  UI',sans-serif}[title='x; y']{content:'/* not a comment */ 0.5'}",
    );
  });
});

describe('squeezeHtml', () => {
  it('turns each line break and its indentation into one space, and keeps spaces within a line', () => {
    assert.equal(squeezeHtml('\n  <p title="a  b">\n    two  spaces\n  </p>\n'), ' <p title="a  b"> two  spaces </p> ');
  });
});

describe('the Vite plugin', () => {
  it('squeezes the static parts of css`` and html`` literals and keeps ${} expressions intact', () => {
    const code = [
      "import { css, html } from 'lit';",
      'const styles = css`',
      '  :host {',
      '    gap: ${unit};',
      '  }',
      '`;',
      'const view = (items, name) => html`',
      '  <ul class="list">',
      "    ${items.map((item) => html`<li>\n        ${item}\n      </li>`)}",
      "    ${'keep   these   spaces\\n   and this'}",
      '  </ul>',
      '  <p>${ name  +  "  " }</p>',
      '`;',
      'const other = String.raw`',
      '  untouched',
      '`;',
    ].join('\n');
    const out = transform(code).code;
    assert.ok(out.includes("css` :host{gap:${unit}}`"), out);
    assert.match(out, /html` <ul class="list"> \$\{items\.map\(\(item\) => html`<li> \$\{item\} <\/li>`\)\} /);
    assert.ok(out.includes("${'keep   these   spaces\\n   and this'}"), out);
    assert.ok(out.includes('<p>${ name  +  "  " }</p> `'), out);
    assert.ok(out.includes('String.raw`\n  untouched\n`'), out);
    // The result is still JavaScript that builds the same values.
    const run = (source) => new Function('css', 'html', 'unit', `${source.replace(/^import.*\n/, '')}; return [styles, view(['x'], 'n')];`);
    const tag = (strings, ...values) => strings.raw.map((s, i) => s + (i < values.length ? values[i] : '')).join('');
    const [styles, view] = run(out)(tag, tag, '4px');
    assert.equal(styles, " :host{gap:4px}");
    assert.equal(view, ' <ul class="list"> <li> x </li> keep   these   spaces\n   and this </ul> <p>n  </p> ');
  });

  it('leaves files outside src/, and sources without such literals, alone', () => {
    const code = "import { html } from 'lit';\nexport const t = html`\n  <b>x</b>\n`;\n";
    assert.equal(transform(code, '/work/project/test/elements/sample.ts'), null);
    assert.equal(transform('export const x = `\n  a\n`;\n'), null);
    assert.notEqual(transform(code), null);
  });
});
