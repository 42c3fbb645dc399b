import { describe, expect, it } from 'vitest';
import { httpUrl } from './url.js';

describe('httpUrl', () => {
  it('keeps absolute http and https URLs as they are', () => {
    for (const url of ['https://cdn.example/logo.png', 'http://localhost:4010/files/1?sig=a%20b&exp=1#x', 'HTTPS://EXAMPLE.COM', 'https://user@host.example/path']) expect(httpUrl(url)).toBe(url);
  });

  it('refuses every other scheme, relative URLs, odd text and non-strings', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' https://example.com',
      'https://example.com/a b',
      'https://exa\nmple.com',
      'https://example.com/\u0000',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'data:image/png;base64,AAAA',
      'blob:https://example.com/1',
      'intent://x#Intent;end',
      'mailto:a@b.c',
      '//example.com/logo.png',
      '/logo.png',
      'https://',
      'https:///path',
      'https:\\\\example.com',
      'https:example.com',
      '',
      null,
      undefined,
      42,
      { href: 'https://example.com' },
    ]) expect(httpUrl(url), String(url)).toBeUndefined();
  });
});
