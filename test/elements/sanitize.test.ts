// The one HTML sanitizer (src/format/sanitize.ts) and the text of remote HTML (src/format/html-text.ts), in Chromium.
import { expect } from '@open-wc/testing';
import { htmlToText } from '../../src/format/html-text.js';
import { sanitizeHtml } from '../../src/format/sanitize.js';

const imgs = (fragment: DocumentFragment) => [...fragment.querySelectorAll('img')];

describe('sanitizeHtml: pictures in remote HTML', () => {
  it('keeps http(s) pictures, lazy, decoded async and without referrer', async () => {
    const safe = await sanitizeHtml('<p><img src="https://example.org/a.png" alt="A"><img src=" http://example.org/b.png"></p>');
    const [a, b] = imgs(safe);
    expect(imgs(safe)).to.have.length(2);
    expect(a.getAttribute('src')).to.equal('https://example.org/a.png');
    for (const img of [a, b]) {
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
    }
  });

  it('drops pictures from data:, blob:, relative or other addresses, and keeps the text around them', async () => {
    const safe = await sanitizeHtml(
      '<p>Before <img src="data:image/png;base64,iVBORw0KGgo="> <img src="blob:https://example.org/1"> <img src="x.png"> <img src="mailto:a@b.c"> <img alt="none"> after</p>',
    );
    expect(imgs(safe)).to.have.length(0);
    expect(safe.textContent!.replace(/\s+/g, ' ')).to.equal('Before after');
  });

  it('never writes a style attribute nor keeps one', async () => {
    const safe = await sanitizeHtml('<p style="color:red">Red <span style="position:fixed">fixed</span></p>');
    expect(safe.querySelectorAll('[style]')).to.have.length(0);
  });
});

describe('htmlToText', () => {
  it('gives the text with paragraphs as line breaks', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four</p>')).to.equal('One & two\nThree\nfour');
  });
});
