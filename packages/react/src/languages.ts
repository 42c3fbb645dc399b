/**
 * `@tickki/chat-react/strings`: the built-in UI string tables (English, French, German) and
 * {@link chatStrings}, which picks one by locale and applies overrides.
 *
 * @module
 */
import { de } from './lang/de.js';
import { en } from './lang/en.js';
import { fr } from './lang/fr.js';
import type { ChatStrings } from './strings.js';

export { en, fr, de };

/** The built-in tables by language code. */
export const languages: Readonly<Record<string, ChatStrings>> = { en, fr, de };

/**
 * The strings for `locale` (a BCP 47 tag such as `fr-CA`; its language is used, English when
 * unknown), with `overrides` applied on top.
 */
export function chatStrings(locale = 'en', overrides: Partial<ChatStrings> = {}): ChatStrings {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return { ...(languages[language] ?? en), ...overrides };
}
