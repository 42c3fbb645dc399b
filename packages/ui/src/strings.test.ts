import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar, chatStrings, de, en, fr, he, ja, languages, pl, pt, ru, zh } from './languages.js';
import { LANGUAGES, resolveLocale } from './locale.js';
import { format, isRtlLocale, type ChatStrings } from './strings.js';

const messages = (table: ChatStrings) => Object.entries(table).filter(([key]) => key !== 'locale');

/** The placeholder names of a message, plural ones included (`{count, plural, …}` → `count`), sorted. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?=[},])/g)].map((m) => m[1]))].sort();

/** The plural blocks of a message: the variable and the categories of its forms. */
function plurals(text: string): { name: string; forms: string[] }[] {
  return [...text.matchAll(/\{(\w+),\s*plural,((?:\s*=?\w+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g)].map((m) => ({
    name: m[1]!,
    forms: [...m[2]!.matchAll(/(=?\w+)\s*\{/g)].map((f) => f[1]!),
  }));
}

describe('string tables', () => {
  const tables = Object.entries(languages);

  it('has every language of LANGUAGES, and at least 15 of them', () => {
    expect(Object.keys(languages).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(tables)('%s has exactly the keys of English, none empty', (_, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
  });

  it.each(tables)('%s has the placeholders of English in every message', (_, table) => {
    for (const [key, value] of messages(table)) expect(placeholders(value), key).toEqual(placeholders(en[key as keyof ChatStrings]));
  });

  it.each(tables)('%s: its locale is a tag Intl takes that resolves to this table', (language, table) => {
    expect(Intl.getCanonicalLocales(table.locale)).toEqual([table.locale]);
    expect(resolveLocale(table.locale).language).toBe(language);
    expect(new Intl.PluralRules(table.locale).resolvedOptions().locale.split('-')[0]).toBe(table.locale.split('-')[0]);
  });

  it.each(tables)('%s: every plural has an `other` form and only forms its plural rules give', (_, table) => {
    const categories = new Intl.PluralRules(table.locale).resolvedOptions().pluralCategories as string[];
    for (const [key, value] of messages(table)) {
      // a brace left over would be a plural the format does not read (a typo in its syntax)
      expect(value.replace(/\{(\w+),\s*plural,((?:\s*=?\w+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g, '').replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      for (const { forms } of plurals(value)) {
        expect(forms, key).toContain('other');
        for (const form of forms) if (!form.startsWith('=')) expect(categories, `${key}: ${form}`).toContain(form);
      }
    }
  });

  it('every table is a subpath export of the package and an entry of its build', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; typesVersions: { '*': Record<string, unknown> } };
    const build = readFileSync(new URL('../tsdown.config.ts', import.meta.url), 'utf8');
    const subpaths = Object.keys(pkg.exports).filter((path) => path.startsWith('./strings/'));
    expect(subpaths.sort()).toEqual(LANGUAGES.map((language) => `./strings/${language}`).sort());
    for (const language of LANGUAGES) {
      expect(pkg.typesVersions['*']).toHaveProperty([`strings/${language}`]);
      expect(build).toContain(`'${language}'`);
    }
  });
});

describe('chatStrings', () => {
  it('picks the language of a locale, falls back to English, applies overrides', () => {
    expect(chatStrings('fr-CA').send).toBe('Envoyer');
    expect(chatStrings('xx').send).toBe('Send');
    expect(chatStrings('de_DE').send).toBe('Senden');
    for (const odd of ['', 'x y', '123', 'en_US']) expect(chatStrings(odd).send).toBe('Send');
    expect(chatStrings('de', { send: 'Los' })).toMatchObject({ send: 'Los', close: 'Chat schließen' });
    expect(chatStrings('pt_BR').send).toBe(pt.send);
    expect(chatStrings('pt-PT').send).toBe(pt.send);
    expect(chatStrings('zh-SG').send).toBe(zh.send);
    expect(chatStrings('zh-TW').send).toBe('Send');
    expect(chatStrings('iw').send).toBe(he.send);
  });

  it("keeps the locale given when it is the table's language: its digits, as its dates have", () => {
    expect(['ar-EG', 'pt-PT', 'zh-SG', 'en-IN', 'zh-TW', 'sv', 'x y'].map((l) => chatStrings(l).locale)).toEqual(['ar-EG', 'pt-PT', 'zh-SG', 'en-IN', 'en', 'en', 'en']);
    const egypt = chatStrings('ar_EG');
    expect(format(egypt.tooLong, { max: 30 }, egypt.locale)).toBe('يمكن أن تحتوي الرسالة على ٣٠ حرفًا كحد أقصى.');
    expect(chatStrings('fr-CH', { locale: 'fr' }).locale).toBe('fr');
  });

  it('takes a whole new language as overrides, with its plural rules', () => {
    const uk = { ...en, locale: 'uk', unread: '({count, plural, one {# непрочитане} few {# непрочитані} many {# непрочитаних} other {# непрочитаних}})' };
    const s = chatStrings('uk', uk);
    expect(format(s.unread, { count: 3 }, s.locale)).toBe('(3 непрочитані)');
    expect(format(s.unread, { count: 11 }, s.locale)).toBe('(11 непрочитаних)');
  });
});

describe('format', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fills placeholders and keeps unknown ones', () => {
    expect(format(en.typing, { name: 'Ana' })).toBe('Ana is typing…');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(format('{count, plural, one {# x} other {# y}}', {})).toBe('{count, plural, one {# x} other {# y}}');
    // a value is not read again: `#` or braces in it stay as given
    expect(format('{n, plural, one {# by {name}} other {# by {name}}}', { n: 2, name: '#{n}' })).toBe('2 by #{n}');
  });

  it('writes numbers in the locale when it is given, as before without one', () => {
    expect(format(en.tooLong, { max: 4000 })).toBe('Messages can be at most 4000 characters.');
    expect(format(en.tooLong, { max: 4000 }, 'en')).toBe('Messages can be at most 4,000 characters.');
    expect(format(de.tooLong, { max: 4000 }, de.locale)).toBe('Nachrichten haben höchstens 4.000 Zeichen.');
    expect(format(fr.tooLong, { max: 1 }, fr.locale)).toBe('Un message compte au plus 1 caractère.');
    expect(format(en.tooLong, { max: 1 }, 'en')).toBe('Messages can be at most 1 character.');
    expect(format(en.uploading, { name: 'a.pdf', percent: 40 }, 'en')).toBe('Uploading a.pdf… 40%');
  });

  it('picks Russian forms: 1, 2, 5, 11, 21, 22', () => {
    const unread = (n: number) => format(ru.unread, { count: n }, ru.locale);
    expect([1, 2, 5, 11, 21, 22].map(unread)).toEqual(['(1 непрочитанное)', '(2 непрочитанных)', '(5 непрочитанных)', '(11 непрочитанных)', '(21 непрочитанное)', '(22 непрочитанных)']);
    const left = (n: number) => format(ru.charsLeft, { count: n }, ru.locale);
    expect([1, 2, 5, 21].map(left)).toEqual(['Остался 1 символ', 'Осталось 2 символа', 'Осталось 5 символов', 'Остался 21 символ']);
    expect(format(ru.tooLong, { max: 21 }, ru.locale)).toBe('Сообщение может содержать не более 21 символа.');
  });

  it('picks Polish forms: 1, 2, 5, 12, 22', () => {
    const left = (n: number) => format(pl.charsLeft, { count: n }, pl.locale);
    expect([1, 2, 5, 12, 22].map(left)).toEqual(['Pozostał 1 znak', 'Pozostały 2 znaki', 'Pozostało 5 znaków', 'Pozostało 12 znaków', 'Pozostały 22 znaki']);
    expect(format(pl.unread, { count: 3 }, pl.locale)).toBe('(3 nieprzeczytane)');
  });

  it('picks Arabic forms: 0, 1, 2, 3, 11, 100', () => {
    const max = (n: number) => format(ar.tooLong, { max: n }, ar.locale).replace(/^يمكن أن تحتوي الرسالة على (.*) كحد أقصى\.$/, '$1');
    expect([1, 2, 3, 11, 100].map(max)).toEqual(['حرف واحد', 'حرفين', '3 أحرف', '11 حرفًا', '100 حرف']);
    const unread = (n: number) => format(ar.unread, { count: n }, ar.locale);
    expect([0, 1, 2, 3, 11, 100].map(unread)).toEqual([
      '(0 رسالة غير مقروءة)', // no `zero` form: `other`
      '(رسالة غير مقروءة)',
      '(رسالتان غير مقروءتين)',
      '(3 رسائل غير مقروءة)',
      '(11 رسالة غير مقروءة)',
      '(100 رسالة غير مقروءة)',
    ]);
  });

  it('has one form for Japanese, and exact matches before categories', () => {
    expect(format(ja.unread, { count: 1 }, ja.locale)).toBe('(未読1件)');
    expect(format('{n, plural, other {#件}}', { n: 2 }, 'ja')).toBe('2件');
    const exact = '{n, plural, =0 {none} one {# one} other {# more}}';
    expect([0, 1, 2].map((n) => format(exact, { n }, 'en'))).toEqual(['none', '1 one', '2 more']);
  });

  it('never throws: a locale Intl refuses takes English rules, no Intl.PluralRules takes 1 for one', () => {
    expect(format(en.tooLong, { max: 1 }, 'en_US')).toBe('Messages can be at most 1 character.');
    expect(format(en.tooLong, { max: 3 }, '!!')).toBe('Messages can be at most 3 characters.');
    expect(format(en.tooLong, { max: 3 }, '__proto__')).toBe('Messages can be at most 3 characters.');
    vi.stubGlobal('Intl', { NumberFormat: Intl.NumberFormat }); // Hermes
    expect(format(ru.charsLeft, { count: 1 }, 'ru-RU')).toBe('Остался 1 символ');
    expect(format(ru.charsLeft, { count: 7 }, 'ru-RU')).toBe('Осталось 7 символов');
    vi.stubGlobal('Intl', undefined);
    expect(format(en.tooLong, { max: 2000 }, 'en-GB')).toBe('Messages can be at most 2000 characters.');
  });
});

describe('isRtlLocale', () => {
  it('knows right-to-left languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur_PK'].map(isRtlLocale)).toEqual([true, true, true, true]);
    expect(['en', 'fr', 'arn', 'de'].map(isRtlLocale)).toEqual([false, false, false, false]);
    // a script subtag decides
    expect(['az-Arab', 'pa-Arab-PK', 'ku_Arab'].map(isRtlLocale)).toEqual([true, true, true]);
    expect(['sd-Deva', 'az-Latn', 'ar-Latn', 'en-u-nu-arab'].map(isRtlLocale)).toEqual([false, false, false, false]);
    // the tables' own
    expect(Object.entries(languages).filter(([, t]) => isRtlLocale(t.locale)).map(([l]) => l).sort()).toEqual(['ar', 'he']);
  });
});
