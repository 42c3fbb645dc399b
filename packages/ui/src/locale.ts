/**
 * Locale resolution for every face: whatever tag a page or an app gives (`en_US` from WordPress's
 * `get_locale()`, `pt-br`, `EN`, `''`, garbage), a tag `Intl` accepts, the string table to show and
 * the text direction. Nothing here throws.
 */
import { isRtlLocale } from './strings.js';

/**
 * The languages of the built-in string tables (`@tickki/chat-ui/strings/<language>`): `pt` is
 * Brazilian Portuguese (as CLDR's `pt`), `zh` is Simplified Chinese.
 */
export const LANGUAGES: readonly string[] = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'ru', 'ja', 'zh', 'ko', 'hi', 'id', 'ar', 'he'];

/** What {@link resolveLocale} found. */
export interface ResolvedLocale {
  /** A valid BCP 47 tag, safe to give `Intl` (`'en-US'` for `'en_US'`; `'en'` when the input was not a tag). */
  locale: string;
  /** The key in `available` of the table to show. */
  language: string;
  /** Text direction of `locale`. */
  dir: 'ltr' | 'rtl';
}

/** The canonical form of `tag`, or `undefined` when it is not a well-formed BCP 47 tag. */
function canonical(tag: string): string | undefined {
  try {
    if (typeof Intl !== 'undefined' && typeof Intl.getCanonicalLocales === 'function') return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  // an engine without Intl: language, optional script and region, cased by hand
  const m = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i.exec(tag);
  if (!m) return undefined;
  const [, language, script, region] = m as unknown as [string, string, string | undefined, string | undefined];
  return [language.toLowerCase(), script && script[0]!.toUpperCase() + script.slice(1).toLowerCase(), region?.toUpperCase()].filter(Boolean).join('-');
}

/**
 * `sr-Latn-RS` → `['sr-Latn-RS', 'sr-Latn', 'sr-RS', 'sr']`: the tag, then ever less precise. Chinese
 * gets its script when the tag has none (`Hant` in Taiwan, Hong Kong and Macao, else `Hans`), and
 * Traditional Chinese stops before `zh`, the Simplified table: `zh-TW` → `['zh-TW', 'zh-Hant']`.
 */
function chain(tag: string): string[] {
  // subtags before the first singleton (extensions, private use): language, script, region, variants
  const subtags = tag.split('-');
  const end = subtags.findIndex((s, i) => i > 0 && s.length === 1);
  const [language = '', ...rest] = end < 0 ? subtags : subtags.slice(0, end);
  let script = rest.find((s, i) => i === 0 && /^[a-z]{4}$/i.test(s));
  const region = rest.find((s, i) => i === (script ? 1 : 0) && /^([a-z]{2}|\d{3})$/i.test(s));
  if (language === 'zh') script ??= /^(TW|HK|MO)$/i.test(region ?? '') ? 'Hant' : 'Hans';
  const out = [tag, script && `${language}-${script}`, region && `${language}-${region}`, !/^zh-hant/i.test(`${language}-${script}`) && language];
  return [...new Set(out.filter((t): t is string => !!t))];
}

/**
 * Resolves `tag` against the string tables in `available`: `_` becomes `-`, the tag is
 * canonicalized (`pt-br` → `pt-BR`, `EN` → `en`, `iw` → `he`, `in` → `id`), then the first table found
 * along the chain full tag → language-script → language-region → language → `'en'` is picked (tables
 * match case-insensitively; `available[0]` when there is no `'en'`). Chinese without a script is
 * Simplified (`zh`, `zh-CN`, `zh-SG` → `zh`) except in Taiwan, Hong Kong and Macao; Traditional
 * Chinese (`zh-TW`, `zh-Hant`, `zh-HK`) never takes the Simplified `zh` table: English unless
 * `available` has `zh-Hant` (or the exact tag). A tag that is not well formed (`''`, `'x y'`, `'123'`)
 * resolves as `'en'`. Never throws.
 *
 * ```ts
 * resolveLocale('en_US');      // { locale: 'en-US', language: 'en', dir: 'ltr' }
 * resolveLocale('pt-PT');      // { locale: 'pt-PT', language: 'pt', dir: 'ltr' }: Brazilian words, Portuguese dates
 * resolveLocale('ar-EG');      // { locale: 'ar-EG', language: 'ar', dir: 'rtl' }
 * resolveLocale('sv');         // { locale: 'sv', language: 'en', dir: 'ltr' }: no Swedish table, Swedish dates
 * ```
 */
export function resolveLocale(tag: string | null | undefined, available: readonly string[] = LANGUAGES): ResolvedLocale {
  const locale = (typeof tag === 'string' && canonical(tag.trim().replace(/_/g, '-'))) || 'en';
  const keys = new Map(available.map((key) => [key.toLowerCase(), key] as const));
  const language = [...chain(locale), 'en'].map((t) => keys.get(t.toLowerCase())).find((key) => key !== undefined) ?? available[0] ?? 'en';
  return { locale, language, dir: isRtlLocale(locale) ? 'rtl' : 'ltr' };
}

/** `new Intl.DateTimeFormat(locale, options)`, in English when `locale` is refused; `undefined` without `Intl`. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | undefined {
  for (const tag of [locale, 'en']) {
    try {
      return new Intl.DateTimeFormat(tag, options);
    } catch {
      // the next tag
    }
  }
  return undefined;
}

/**
 * A message's time as a chat shows it: the time of day for today, the date and time before
 * (`14:05`, `3 mars, 14:05`). Falls back to English when `Intl` refuses `locale`, to `HH:MM` without
 * `Intl`, and to `''` for an invalid date: the function returned never throws. Its `Intl` formats are
 * made on the first time it formats (a page's first `Intl.DateTimeFormat` loads the locale's data,
 * tens of milliseconds on a phone: a chat loaded in the background, never opened, does not pay it).
 */
export function timeFormatter(locale: string, now: () => Date = () => new Date()): (d: Date) => string {
  let time: Intl.DateTimeFormat | undefined | null;
  let day: Intl.DateTimeFormat | undefined | null;
  return (d) => {
    try {
      if (Number.isNaN(d.getTime())) return '';
      const f =
        d.toDateString() === now().toDateString()
          ? (time ??= dateFormat(locale, { hour: 'numeric', minute: '2-digit' }) ?? null)
          : (day ??= dateFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }) ?? null);
      return f ? f.format(d) : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    } catch {
      return '';
    }
  };
}
