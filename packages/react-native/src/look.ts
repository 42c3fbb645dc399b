/**
 * How the screen looks and speaks, from the props that every face shares (the web widget's names):
 * `theme`, `locale` (default: the device's), `dir`, `primaryColor`, `strings`.
 */
import { useMemo } from 'react';
import { I18nManager, useColorScheme } from 'react-native';
import type { ChatConfig } from '@tickki/chat';
import { resolveLocale, type ChatStrings } from '@tickki/chat-ui';
import { chatStrings } from '@tickki/chat-ui/strings';
import { chatTheme } from './theme.js';
import type { ChatUi } from './ui-context.js';

/** The shared strings, any of them overridden. */
export type TickkiStrings = Partial<ChatStrings>;

/** Props of the look, the same names as the web widget's options. */
export interface TickkiChatLookProps {
  /** `light`, `dark`, or `auto` (default: follows the device). */
  theme?: 'light' | 'dark' | 'auto';
  /** @deprecated Use `theme` (`'system'` is `'auto'`). */
  colorScheme?: 'light' | 'dark' | 'system';
  /**
   * Language and formats (BCP 47, `en_US` and `pt-br` too); default: the device's. Arabic, Hebrew, …
   * lay out right to left. Every built-in table (`LANGUAGES` of `@tickki/chat-ui`) is in the app's
   * bundle, as Metro has no chunks to load later; other languages show English unless `strings` gives a table.
   */
  locale?: string;
  /** Text direction; default: from `locale`, else React Native's `I18nManager.isRTL`. */
  dir?: 'ltr' | 'rtl';
  /** @deprecated Use `dir`. */
  rtl?: boolean;
  /** The brand colour, over the business's `branding.primary_color`. */
  primaryColor?: string;
  /** Any string overridden (`{ send: 'Go' }`), or a whole table for a language without one (with its `locale`, for plurals). */
  strings?: TickkiStrings;
}

/** The device's locale (`Intl`, which Hermes has), or English. */
export function deviceLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  } catch {
    return 'en';
  }
}

/** The strings, theme and direction for these props and the business's config. */
export function useLook(props: TickkiChatLookProps, config: ChatConfig | undefined): ChatUi & { unavailable: string } {
  const system = useColorScheme();
  const scheme = props.theme ?? (props.colorScheme === 'system' ? 'auto' : props.colorScheme) ?? 'auto';
  const dark = scheme === 'dark' || (scheme === 'auto' && system === 'dark');
  const { locale, dir } = resolveLocale(props.locale ?? deviceLocale());
  const overrides = props.strings;
  const strings = useMemo(() => chatStrings(locale, overrides), [locale, overrides]);
  const rtl = (props.dir ?? (props.rtl === undefined ? undefined : props.rtl ? 'rtl' : 'ltr') ?? (I18nManager.isRTL ? 'rtl' : dir)) === 'rtl';
  const color = props.primaryColor ?? config?.branding.primaryColor;
  const theme = useMemo(() => chatTheme(color, dark), [color, dark]);
  const unavailable = strings.unavailable;
  return useMemo(() => ({ strings, theme, rtl, locale, unavailable }), [strings, theme, rtl, locale, unavailable]);
}
