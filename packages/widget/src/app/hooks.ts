import { useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { resolveLocale, timeFormatter, type ChatScreen, type ChatStrings, type ScreenState } from '@tickki/chat-ui';
import { en } from '@tickki/chat-ui/strings/en';
import type { WidgetHost } from '../types.js';
import { followViewport, FULL_SCREEN, lockPageScroll } from './viewport.js';

/** The screen's state; re-renders on every change. */
export function useScreen(screen: ChatScreen): ScreenState {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => screen.subscribe(() => bump(1)), [screen]);
  return screen.state;
}

/**
 * The UI languages besides English: every one of `LANGUAGES` (`@tickki/chat-ui`), which `resolveLocale`
 * picks from. Each is a chunk of its own that only a page showing it loads; a module exports its
 * table under its language's name.
 */
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

/** Overrides from the `strings` attribute (JSON); ignored when it is not an object of strings. */
function parseStrings(json: string | null): Partial<ChatStrings> {
  try {
    const value: unknown = json ? JSON.parse(json) : {};
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Partial<ChatStrings>;
  } catch {
    return {};
  }
}

/** What the panel says and how: the strings (a table loaded by language, overrides on top), the time format, the direction. */
export interface Words {
  s: ChatStrings;
  time: (d: Date) => string;
}

/**
 * The strings for the `locale` attribute (else the browser's language), resolved by
 * `resolveLocale` (`en_US`, `pt-br`, garbage: never throws); sets the panel's direction (`dir`
 * attribute, else the locale's).
 */
export function useWords(host: WidgetHost): Words {
  const { locale, language, dir } = resolveLocale(host.attr('locale') || navigator.language);
  const overrides = host.attr('strings');
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    // English until the chunk is in, and for good when it cannot load (offline, blocked)
    if (!loaded[language]) TABLES[language]?.().then((m) => bump((loaded[language] = m[language]) ? 1 : 0), () => undefined);
  }, [language]);
  const base = loaded[language] ?? en;
  // the page's own locale when it is the table's language (`ar-EG`): its digits, as the times have
  const s = useMemo(() => ({ ...base, ...(locale.split('-')[0] === base.locale.split('-')[0] && { locale }), ...parseStrings(overrides) }), [base, locale, overrides]);
  const time = useMemo(() => timeFormatter(locale), [locale]);
  const direction = host.attr('dir') || dir;
  useLayoutEffect(() => host.frame.setAttribute('dir', direction), [direction]);
  return useMemo(() => ({ s, time }), [s, time]);
}

/** Whether the panel is full screen (the panel-css breakpoint): then it is modal. */
export function useFullScreen(): boolean {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const media = matchMedia(FULL_SCREEN);
    const update = () => setFull(media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return full;
}

/**
 * Full screen and open, the page behind is inert (no focus, no clicks, no screen-reader cursor):
 * every sibling on the way from the element up to `<body>`, as the page had it before. It does not
 * scroll either, and the panel follows `visualViewport` (the on-screen keyboard). A layout effect:
 * the page is given back in the same commit that hides the panel, not a frame later.
 */
export function useInertPage(element: HTMLElement, frame: HTMLElement, active: boolean): void {
  useLayoutEffect(() => {
    if (!active) return;
    const made: Element[] = [];
    for (let el: Element = element; el !== document.body && el.parentElement; el = el.parentElement) {
      for (const other of el.parentElement.children) if (other !== el && !other.hasAttribute('inert')) made.push(other);
    }
    for (const other of made) other.setAttribute('inert', '');
    // the panel follows the visible viewport (the on-screen keyboard), the page behind does not scroll
    const stops = [followViewport(frame), lockPageScroll()];
    return () => {
      made.forEach((other) => other.removeAttribute('inert'));
      for (const stop of stops) stop();
    };
  }, [active]);
}
