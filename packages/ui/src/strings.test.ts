import { describe, expect, it } from 'vitest';
import { chatStrings, de, en, fr } from './languages.js';
import { format, isRtlLocale } from './strings.js';

describe('strings', () => {
  it('has every key in every language', () => {
    for (const table of [fr, de]) expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const table of [en, fr, de]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('picks the language of a locale, falls back to English, applies overrides', () => {
    expect(chatStrings('fr-CA').send).toBe('Envoyer');
    expect(chatStrings('xx').send).toBe('Send');
    expect(chatStrings('de_DE').send).toBe('Senden');
    for (const odd of ['', 'x y', '123', 'en_US']) expect(chatStrings(odd).send).toBe('Send');
    expect(chatStrings('de', { send: 'Los' })).toMatchObject({ send: 'Los', close: 'Chat schließen' });
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(format(en.typing, { name: 'Ana' })).toBe('Ana is typing…');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur_PK'].map(isRtlLocale)).toEqual([true, true, true, true]);
    expect(['en', 'fr', 'arn', 'de'].map(isRtlLocale)).toEqual([false, false, false, false]);
    // a script subtag decides
    expect(['az-Arab', 'pa-Arab-PK', 'ku_Arab'].map(isRtlLocale)).toEqual([true, true, true]);
    expect(['sd-Deva', 'az-Latn', 'ar-Latn', 'en-u-nu-arab'].map(isRtlLocale)).toEqual([false, false, false, false]);
  });
});
