import { describe, expect, it, vi } from 'vitest';
import { languages } from './languages.js';
import { LANGUAGES, resolveLocale, timeFormatter } from './locale.js';

describe('resolveLocale', () => {
  it.each([
    // tag, locale, language, dir
    ['en_US', 'en-US', 'en', 'ltr'], // WordPress's get_locale()
    ['fr_FR', 'fr-FR', 'fr', 'ltr'],
    ['pt-br', 'pt-BR', 'pt', 'ltr'],
    ['pt_BR', 'pt-BR', 'pt', 'ltr'],
    ['pt', 'pt', 'pt', 'ltr'],
    ['pt-PT', 'pt-PT', 'pt', 'ltr'], // no European table: Brazilian words, Portuguese dates
    ['EN', 'en', 'en', 'ltr'],
    ['DE-at', 'de-AT', 'de', 'ltr'],
    ['es-419', 'es-419', 'es', 'ltr'],
    ['zh', 'zh', 'zh', 'ltr'], // Simplified
    ['zh-CN', 'zh-CN', 'zh', 'ltr'],
    ['zh_cn', 'zh-CN', 'zh', 'ltr'],
    ['zh-SG', 'zh-SG', 'zh', 'ltr'],
    ['zh-Hans', 'zh-Hans', 'zh', 'ltr'],
    ['zh-Hans-HK', 'zh-Hans-HK', 'zh', 'ltr'],
    ['cmn', 'zh', 'zh', 'ltr'],
    ['zh-Hant-TW', 'zh-Hant-TW', 'en', 'ltr'], // Traditional never falls back to Simplified
    ['zh-TW', 'zh-TW', 'en', 'ltr'],
    ['zh-HK', 'zh-HK', 'en', 'ltr'],
    ['zh-MO', 'zh-MO', 'en', 'ltr'],
    ['zh-Hant', 'zh-Hant', 'en', 'ltr'],
    ['ja-JP', 'ja-JP', 'ja', 'ltr'],
    ['ko_KR', 'ko-KR', 'ko', 'ltr'],
    ['in', 'id', 'id', 'ltr'], // the old code of Indonesian
    ['hi-IN', 'hi-IN', 'hi', 'ltr'],
    ['ru-UA', 'ru-UA', 'ru', 'ltr'],
    ['nl-BE', 'nl-BE', 'nl', 'ltr'],
    ['sv', 'sv', 'en', 'ltr'], // no Swedish table: English words, Swedish dates
    ['', 'en', 'en', 'ltr'],
    ['x y', 'en', 'en', 'ltr'],
    ['123', 'en', 'en', 'ltr'],
    ['-', 'en', 'en', 'ltr'],
    ['en-US-u-ca-gregory', 'en-US-u-ca-gregory', 'en', 'ltr'],
    ['  fr-CA ', 'fr-CA', 'fr', 'ltr'],
    ['iw', 'he', 'he', 'rtl'], // the old code of Hebrew
    ['he-IL', 'he-IL', 'he', 'rtl'],
    ['ar', 'ar', 'ar', 'rtl'],
    ['ar_EG', 'ar-EG', 'ar', 'rtl'],
    ['fa-IR', 'fa-IR', 'en', 'rtl'], // no Persian table: English words, right to left
    ['az-Arab', 'az-Arab', 'en', 'rtl'],
  ])('%j → %s, table %s, %s', (tag, locale, language, dir) => {
    expect(resolveLocale(tag)).toEqual({ locale, language, dir });
  });

  it('never throws, whatever it is given', () => {
    for (const tag of [null, undefined, 42, {}, '\u0000', 'en-', '_', 'x-private', 'i-klingon', 'root', 'en-US-'.repeat(50)]) {
      const { locale } = resolveLocale(tag as string);
      expect(() => new Intl.DateTimeFormat(locale)).not.toThrow();
    }
  });

  it('gives a tag Intl takes: en_US no longer throws', () => {
    expect(() => new Intl.DateTimeFormat('en_US')).toThrow(RangeError);
    expect(() => new Intl.DateTimeFormat(resolveLocale('en_US').locale)).not.toThrow();
    expect(new Intl.DateTimeFormat(resolveLocale('en_US').locale).resolvedOptions().locale).toBe('en-US');
  });

  it('falls back along the chain full tag → language-script → language-region → language → en', () => {
    const available = ['en', 'pt', 'pt-BR', 'zh-Hant', 'zh-TW', 'sr-Latn-RS'];
    expect(resolveLocale('pt_br', available).language).toBe('pt-BR');
    expect(resolveLocale('pt-PT', available).language).toBe('pt');
    expect(resolveLocale('zh-Hant-TW', available).language).toBe('zh-Hant');
    expect(resolveLocale('zh-TW', available).language).toBe('zh-TW');
    expect(resolveLocale('sr-latn-rs', available).language).toBe('sr-Latn-RS');
    expect(resolveLocale('sr-Cyrl-RS', available).language).toBe('en');
    expect(resolveLocale('ja', available).language).toBe('en');
    // Chinese: the script a region implies, Traditional never on a bare `zh`
    expect(resolveLocale('zh-HK', available).language).toBe('zh-Hant');
    expect(resolveLocale('zh-TW', ['en', 'zh']).language).toBe('en');
    expect(resolveLocale('zh-CN', ['en', 'zh-Hans']).language).toBe('zh-Hans');
    expect(resolveLocale('zh', ['en', 'zh-Hans', 'zh-Hant']).language).toBe('zh-Hans');
    // without English, the first table
    expect(resolveLocale('ja', ['de', 'fr'])).toEqual({ locale: 'ja', language: 'de', dir: 'ltr' });
    expect(resolveLocale('ja', []).language).toBe('en');
  });

  it('knows the built-in tables', () => {
    expect([...LANGUAGES].sort()).toEqual(Object.keys(languages).sort());
  });
});

describe('timeFormatter', () => {
  const now = () => new Date(2025, 2, 3, 18, 0);

  it('gives the time of day for today, the date and time before', () => {
    const f = timeFormatter('en-US', now);
    expect(f(new Date(2025, 2, 3, 14, 5))).toMatch(/^2:05\sPM$/);
    expect(f(new Date(2025, 2, 1, 14, 5))).toMatch(/^Mar 1, 2:05\sPM$/);
    expect(timeFormatter('de', now)(new Date(2025, 2, 3, 14, 5))).toBe('14:05');
  });

  it('never throws: an odd tag falls back to English, an invalid date is empty', () => {
    for (const tag of ['en_US', '', 'x y', '123']) {
      const f = timeFormatter(tag, now);
      expect(f(new Date(2025, 2, 3, 14, 5))).toMatch(/^2:05\sPM$/);
      expect(f(new Date(Number.NaN))).toBe('');
      expect(f('not a date' as unknown as Date)).toBe('');
    }
  });

  it('makes its Intl formats on first use, once each (a chat never opened pays none)', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      const f = timeFormatter('fr', now);
      expect(made).not.toHaveBeenCalled();
      f(new Date(2025, 2, 3, 14, 5));
      f(new Date(2025, 2, 3, 15, 5));
      expect(made).toHaveBeenCalledTimes(1);
      expect(f(new Date(2025, 2, 1, 14, 5))).toMatch(/^1 mars.*14:05$/);
      expect(made).toHaveBeenCalledTimes(2);
    } finally {
      made.mockRestore();
    }
  });
});
