/**
 * `@tickki/chat-ui/strings`: every built-in UI string table (English, French, German, Spanish,
 * Portuguese (Brazil), Italian, Dutch, Polish, Turkish, Russian, Japanese, Chinese (Simplified),
 * Korean, Hindi, Indonesian, Arabic, Hebrew) and {@link chatStrings}, which picks one by locale and
 * applies overrides. This entry holds them all; one table alone is `@tickki/chat-ui/strings/<language>`
 * (what a web page should import, or load with `import()`, to carry only the language it shows).
 *
 * @module
 */
import { ar } from './lang/ar.js';
import { de } from './lang/de.js';
import { en } from './lang/en.js';
import { es } from './lang/es.js';
import { fr } from './lang/fr.js';
import { he } from './lang/he.js';
import { hi } from './lang/hi.js';
import { id } from './lang/id.js';
import { it } from './lang/it.js';
import { ja } from './lang/ja.js';
import { ko } from './lang/ko.js';
import { nl } from './lang/nl.js';
import { pl } from './lang/pl.js';
import { pt } from './lang/pt.js';
import { ru } from './lang/ru.js';
import { tr } from './lang/tr.js';
import { zh } from './lang/zh.js';
import { resolveLocale } from './locale.js';
import type { ChatStrings } from './strings.js';

export { en, fr, de, es, pt, it, nl, pl, tr, ru, ja, zh, ko, hi, id, ar, he };

/** The built-in tables by language code (`pt`: Brazilian Portuguese; `zh`: Simplified Chinese). */
export const languages: Readonly<Record<string, ChatStrings>> = { en, fr, de, es, pt, it, nl, pl, tr, ru, ja, zh, ko, hi, id, ar, he };

/**
 * The strings for `locale` (any tag `resolveLocale` takes: `fr-CA`, `de_DE`, `pt-br`; English when
 * there is no table for it), with `overrides` applied on top. Their `locale` is the one given when it
 * is the table's language (`ar-EG`: its digits, as its dates have). A language without a built-in
 * table is a full table passed as `overrides` (with its `locale`, for its plural rules).
 */
export function chatStrings(locale = 'en', overrides: Partial<ChatStrings> = {}): ChatStrings {
  const { locale: tag, language } = resolveLocale(locale, Object.keys(languages));
  const table = languages[language]!;
  return { ...table, ...(tag.split('-')[0] === table.locale.split('-')[0] && { locale: tag }), ...overrides };
}
