/**
 * Colors of the screen: the business's branding (`/chat/config`) over a light or dark base, with
 * readable text on the brand color whatever the brand picked.
 */
import { textOn } from '@tickki/chat-ui';

/** The colors the screen paints with. */
export interface ChatTheme {
  dark: boolean;
  /** Screen background. */
  background: string;
  /** Header, composer and agent bubbles. */
  surface: string;
  /** Borders and separators. */
  border: string;
  /** Body text. */
  text: string;
  /** Secondary text (status lines, timestamps). */
  muted: string;
  /** The brand color: header, visitor bubbles, send button. */
  primary: string;
  /** Text on {@link primary}. */
  onPrimary: string;
  /** Failures. */
  danger: string;
  /** Banner background. */
  banner: string;
  /** Banner text. */
  onBanner: string;
}

/**
 * The text color on `background`: white or near-black, whichever has the higher WCAG contrast (the
 * one rule of every face, `textOn` of `@tickki/chat-ui`); white for anything that is not a hex color.
 */
export function readableOn(background: string): string {
  return textOn(background) ?? '#ffffff';
}

/** The theme for a brand color (invalid colors fall back to the default indigo) in light or dark mode. */
export function chatTheme(primaryColor: string | undefined, dark: boolean): ChatTheme {
  const primary = primaryColor && textOn(primaryColor) ? primaryColor.trim() : '#4F46E5';
  return dark
    ? {
        dark,
        background: '#0B0F19',
        surface: '#1F2937',
        border: '#374151',
        text: '#F3F4F6',
        muted: '#9CA3AF',
        primary,
        onPrimary: readableOn(primary),
        danger: '#F87171',
        banner: '#78350F',
        onBanner: '#FEF3C7',
      }
    : {
        dark,
        background: '#F9FAFB',
        surface: '#FFFFFF',
        border: '#E5E7EB',
        text: '#111827',
        muted: '#6B7280',
        primary,
        onPrimary: readableOn(primary),
        danger: '#B91C1C',
        banner: '#FEF3C7',
        onBanner: '#78350F',
      };
}

/** The reading column: full width on phones, centered and at most 720 wide on tablets and desktop browsers. */
export const COLUMN = { width: '100%', maxWidth: 720, alignSelf: 'center' } as const;
