/**
 * Colors of the screen: the business's branding (`/chat/config`) over a light or dark base, with
 * readable text on the brand color whatever the brand picked.
 */

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

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` / `#rrggbb` → [r, g, b] (0..255); `undefined` for anything else. */
export function parseHex(color: string): [number, number, number] | undefined {
  if (!HEX.test(color)) return undefined;
  const hex = color.length === 4 ? [...color.slice(1)].map((c) => c + c).join('') : color.slice(1);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of an sRGB color. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two luminances. */
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Black or white, whichever reads better on `background`. */
export function readableOn(background: string): string {
  const rgb = parseHex(background);
  if (!rgb) return '#FFFFFF';
  const l = luminance(rgb);
  return contrast(l, 1) >= contrast(l, 0) ? '#FFFFFF' : '#111827';
}

/** The theme for a brand color (invalid colors fall back to the default indigo) in light or dark mode. */
export function chatTheme(primaryColor: string | undefined, dark: boolean): ChatTheme {
  const primary = primaryColor && parseHex(primaryColor) ? primaryColor : '#4F46E5';
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
