/** Brand colours: a text colour readable on the brand colour (WCAG contrast), chosen at runtime. */

/** `#rgb` / `#rrggbb` → [r, g, b] in 0..255, or `undefined` for anything else. */
export function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two luminances. */
export const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** White or near-black, whichever reads better on `color`; `undefined` when `color` is not a hex colour. */
export function textOn(color: string): string | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  const l = luminance(rgb);
  return contrast(l, 1) >= contrast(l, luminance([17, 24, 39])) ? '#ffffff' : '#111827';
}
