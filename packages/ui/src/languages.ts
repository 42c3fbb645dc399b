/**
 * `@tickki/chat-ui/strings`: the built-in UI string tables (English, French, German) and
 * {@link chatStrings}, which picks one by locale and applies overrides. One table alone is
 * `@tickki/chat-ui/strings/<language>`.
 *
 * @module
 */
import { de } from './lang/de.js';
import { en } from './lang/en.js';
import { fr } from './lang/fr.js';
import { resolveLocale } from './locale.js';
import type { ChatStrings } from './strings.js';

export { en, fr, de };

/** The built-in tables by language code. */
export const languages: Readonly<Record<string, ChatStrings>> = { en, fr, de };

/**
 * The strings for `locale` (any tag `resolveLocale` takes: `fr-CA`, `de_DE`; English when
 * there is no table for it), with `overrides` applied on top.
 */
export function chatStrings(locale = 'en', overrides: Partial<ChatStrings> = {}): ChatStrings {
  return { ...languages[resolveLocale(locale, Object.keys(languages)).language], ...overrides } as ChatStrings;
}
