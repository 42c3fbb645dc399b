/**
 * Brand colours: one rule for the text colour on the business's brand colour, in every face (the
 * widget's launcher and panel, React Native's header, bubbles and send button).
 */

/** `#rgb` / `#rrggbb` → [r, g, b] in 0..255, or `undefined` for anything else. */
export function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance of an sRGB colour (WCAG 2), 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two luminances, 1 to 21. */
export const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The light text colour {@link textOn} picks from. */
export const LIGHT_TEXT = '#ffffff';
/** The dark text colour {@link textOn} picks from (near-black, gray-900). */
export const DARK_TEXT = '#111827';

/**
 * The highest luminance on which {@link LIGHT_TEXT} has at least the contrast of {@link DARK_TEXT}:
 * where the two contrasts meet, √(1.05 × (L(DARK_TEXT) + 0.05)) − 0.05. Below it white wins, above
 * it dark text: the same choice as comparing the two {@link contrast}s, for each of the 16,777,216
 * `#rrggbb` colours (checked once; `brand.test.ts` compares the two on every grey and a grid of
 * colours). A constant, so that `textOn` computes one luminance instead of three and two contrasts.
 */
const LIGHT_TEXT_MAX_LUMINANCE = 0.19929637033181075;

/**
 * The text colour for `color`: {@link LIGHT_TEXT} or {@link DARK_TEXT}, whichever has the higher
 * WCAG contrast on it (white on a tie); `undefined` when `color` is not a hex colour.
 */
export function textOn(color: string): string | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  return luminance(rgb) <= LIGHT_TEXT_MAX_LUMINANCE ? LIGHT_TEXT : DARK_TEXT;
}
