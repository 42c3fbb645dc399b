/**
 * The UI's words by the page's language, shared by the launcher and the panel. English is built in;
 * every other language of `LANGUAGES` (`@tickki/chat-ui`) is a chunk of its own that only a page
 * showing it loads. The loader imports this module only on a page that is not in English or that
 * overrides strings (`wordsOf`, the `words` chunk of `defineTickkiChat`), to label the launcher
 * before the chat loads.
 */
import { format, resolveLocale, type ChatStrings } from '@tickki/chat-ui';
import { en } from '@tickki/chat-ui/strings/en';
import type { LauncherWords } from './launcher.js';

/** A module exports its table under its language's name. */
const TABLES: Record<string, () => Promise<Record<string, ChatStrings>>> = {
  fr: () => import('@tickki/chat-ui/strings/fr'),
  de: () => import('@tickki/chat-ui/strings/de'),
  es: () => import('@tickki/chat-ui/strings/es'),
  pt: () => import('@tickki/chat-ui/strings/pt'),
  it: () => import('@tickki/chat-ui/strings/it'),
  nl: () => import('@tickki/chat-ui/strings/nl'),
  pl: () => import('@tickki/chat-ui/strings/pl'),
  tr: () => import('@tickki/chat-ui/strings/tr'),
  ru: () => import('@tickki/chat-ui/strings/ru'),
  ja: () => import('@tickki/chat-ui/strings/ja'),
  zh: () => import('@tickki/chat-ui/strings/zh'),
  ko: () => import('@tickki/chat-ui/strings/ko'),
  hi: () => import('@tickki/chat-ui/strings/hi'),
  id: () => import('@tickki/chat-ui/strings/id'),
  ar: () => import('@tickki/chat-ui/strings/ar'),
  he: () => import('@tickki/chat-ui/strings/he'),
};

/** The tables loaded so far, by language: a panel drawn again shows its language at once. */
const loaded: Record<string, ChatStrings | undefined> = { en };

/** The table of `language` if it has loaded (English always has). */
export const loadedTable = (language: string): ChatStrings | undefined => loaded[language];

const loading: Record<string, Promise<ChatStrings>> = {};

/** Loads the table of `language` (once a page: the launcher and the panel share it); English when there is none or it cannot load (offline, blocked). */
export function loadTable(language: string): Promise<ChatStrings> {
  return (loading[language] ??= (TABLES[language]?.() ?? Promise.reject()).then(
    (m) => (loaded[language] = m[language]) ?? en,
    () => en,
  ));
}

/** Overrides from the `strings` attribute (JSON); ignored when it is not an object of strings. */
export function parseStrings(json: string | null): Partial<ChatStrings> {
  try {
    const value: unknown = json ? JSON.parse(json) : {};
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Partial<ChatStrings>;
  } catch {
    return {};
  }
}

/**
 * The launcher's words for `element`'s `locale` (else the browser's language) and `strings`;
 * `undefined` when either changed while they loaded (the element asked again: its newer call has them).
 */
export async function wordsOf(element: Element): Promise<LauncherWords | undefined> {
  const settings = () => [element.getAttribute('locale') || navigator.language || 'en', element.getAttribute('strings')] as const;
  const [locale, overrides] = settings();
  const words = await launcherWords(locale, overrides);
  const [now, nowOverrides] = settings();
  return now === locale && nowOverrides === overrides ? words : undefined;
}

/** The launcher's words for `locale` (resolved as the panel resolves it) with the `strings` attribute's overrides. */
export async function launcherWords(locale: string, overrides: string | null): Promise<LauncherWords> {
  const { language, locale: tag } = resolveLocale(locale);
  const s = { ...(await loadTable(language)), ...parseStrings(overrides) };
  return { open: s.open, close: s.close, unread: (count) => format(s.unread, { count }, tag), failed: s.unavailable, consentNeeded: s.consentNeeded };
}
