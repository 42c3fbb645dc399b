import { useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { resolveLocale, timeOfDay, type ChatScreen, type ChatStrings, type ScreenState } from '@tickki/chat-ui';
import { en } from '@tickki/chat-ui/strings/en';
import type { WidgetHost } from '../types.js';
import { loadedTable, loadTable, parseStrings } from '../words.js';
import { FULL_SCREEN } from './viewport.js';

/** What only the full-screen panel does, a chunk of its own (loaded as soon as the screen is small enough for it). */
const fullScreen = () => import('./full-screen.js');

/** The screen's state; re-renders on every change. */
export function useScreen(screen: ChatScreen): ScreenState {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => screen.subscribe(() => bump(1)), [screen]);
  return screen.state;
}

/** What the panel says and how: the strings (a table loaded by language, overrides on top), the time of day, the locale. */
export interface Words {
  s: ChatStrings;
  time: (d: Date) => string;
  /** The resolved locale (`resolveLocale`'s `locale`): dates of the day separators. */
  locale: string;
}

/** The table `base` for `locale` with the `strings` overrides on top. */
const merge = (base: ChatStrings, locale: string, overrides: string | null): ChatStrings => ({
  ...base,
  // the page's own locale when it is the table's language (`ar-EG`): its digits, as the times have
  ...(locale.split('-')[0] === base.locale.split('-')[0] && { locale }),
  ...parseStrings(overrides),
});

/** The `locale` attribute (else the browser's language) resolved by `resolveLocale` (`en_US`, `pt-br`, garbage: never throws). */
const localeOf = (host: WidgetHost) => resolveLocale(host.attr('locale') || navigator.language);

/**
 * The strings now, outside rendering (announcing a reply with the panel closed): the table of the
 * host's locale loaded so far (English until its chunk is in, and for good when it cannot load),
 * with the `strings` overrides.
 */
export function wordsNow(host: WidgetHost): ChatStrings {
  const { locale, language } = localeOf(host);
  return merge(loadedTable(language) ?? en, locale, host.attr('strings'));
}

/** The panel's words: loads the language's table (re-rendering once it is in) and sets the panel's direction (`dir` attribute, else the locale's). */
export function useWords(host: WidgetHost): Words {
  const { locale, language, dir } = localeOf(host);
  const overrides = host.attr('strings');
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!loadedTable(language)) void loadTable(language).then(() => bump(1));
  }, [language]);
  const base = loadedTable(language) ?? en;
  const s = useMemo(() => merge(base, locale, overrides), [base, locale, overrides]);
  const time = useMemo(() => timeOfDay(locale), [locale]);
  const direction = host.attr('dir') || dir;
  useLayoutEffect(() => host.frame.setAttribute('dir', direction), [direction]);
  return useMemo(() => ({ s, time, locale }), [s, time, locale]);
}

/** Whether the panel is full screen (the panel-css breakpoint): then it is modal. */
export function useFullScreen(): boolean {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const media = matchMedia(FULL_SCREEN);
    const update = () => {
      setFull(media.matches);
      if (media.matches) void fullScreen(); // in before the visitor opens the panel
    };
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return full;
}

/**
 * Full screen and open, the page behind is inert (no focus, no clicks, no screen-reader cursor):
 * every sibling on the way from the element up to `<body>`, as the page had it before. It does not
 * scroll either, and the panel follows `visualViewport` (the on-screen keyboard). What does it is
 * `full-screen.ts`, loaded as soon as the screen is small enough (`useFullScreen`). A layout effect:
 * the page is given back in the same commit that hides the panel, not a frame later.
 */
export function useInertPage(element: HTMLElement, frame: HTMLElement, active: boolean): void {
  useLayoutEffect(() => {
    if (!active) return;
    let stops: (() => void)[] = [];
    let gone = false;
    void fullScreen().then((m) => gone || (stops = [m.inertPage(element), m.followViewport(frame), m.lockPageScroll()]));
    return () => {
      gone = true;
      for (const stop of stops) stop();
    };
  }, [active]);
}
