import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './linkify.js';

describe('linkify', () => {
  it('makes http(s), www., mailto and e-mail addresses links, without trailing punctuation', () => {
    expect(linkify('See https://example.com/a?b=1, or www.tickki.com. Mail me@x.io!')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ', or ' },
      { text: 'www.tickki.com', href: 'https://www.tickki.com/' },
      { text: '. Mail ' },
      { text: 'me@x.io', href: 'mailto:me@x.io' },
      { text: '!' },
    ]);
  });

  it('leaves other schemes as text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'JaVaScRiPt:alert(1)', 'file:///etc/passwd']) {
      expect(linkify(text).every((s) => s.href === undefined)).toBe(true);
      expect(linkify(text).map((s) => s.text).join('')).toBe(text);
    }
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });

  it('keeps every character of the text', () => {
    const text = 'a <b>https://x.y/"onmouseover="alert(1)</b> mailto:q@r.s\u202Eevil';
    expect(linkify(text).map((s) => s.text).join('')).toBe(text);
  });
});
