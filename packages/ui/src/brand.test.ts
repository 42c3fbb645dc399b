import { describe, expect, it } from 'vitest';
import { contrast, DARK_TEXT, LIGHT_TEXT, luminance, parseHex, textOn } from './brand.js';

describe('brand colours', () => {
  it('reads #rgb and #rrggbb, nothing else', () => {
    expect(parseHex('#0F766E')).toEqual([15, 118, 110]);
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex(' #4f46e5 ')).toEqual([79, 70, 229]);
    for (const bad of ['red', '#12345', 'rgb(0,0,0)', '', '#GGGGGG', 'javascript:alert(1)', '#ffff', 'fff']) expect(parseHex(bad)).toBeUndefined();
  });

  it('measures WCAG luminance and contrast', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBe(1);
    expect(contrast(1, 0)).toBe(21);
    expect(contrast(0.5, 0.5)).toBe(1);
  });

  it.each([
    // colour, text: the one with the higher contrast
    ['#4F46E5', LIGHT_TEXT], // the default indigo
    ['#111827', LIGHT_TEXT],
    ['#000000', LIGHT_TEXT],
    ['#0F766E', LIGHT_TEXT],
    ['#DC2626', LIGHT_TEXT],
    ['#787878', LIGHT_TEXT], // the grey: 4.41 with white, 4.02 with #111827
    ['#7F7F7F', DARK_TEXT],
    ['#808080', DARK_TEXT],
    ['#FDE047', DARK_TEXT],
    ['#22C55E', DARK_TEXT],
    ['#F59E0B', DARK_TEXT],
    ['#FFFFFF', DARK_TEXT],
    ['#fff', DARK_TEXT],
  ])('%s takes %s', (color, text) => {
    expect(textOn(color)).toBe(text);
    const l = luminance(parseHex(color)!);
    const other = text === LIGHT_TEXT ? DARK_TEXT : LIGHT_TEXT;
    expect(contrast(l, luminance(parseHex(text)!))).toBeGreaterThanOrEqual(contrast(l, luminance(parseHex(other)!)));
  });

  it('has no text colour for what is not a hex colour', () => {
    expect(textOn('url(x)')).toBeUndefined();
    expect(textOn('')).toBeUndefined();
  });

  it('picks as comparing the two contrasts does: every grey and a grid of colours', () => {
    const dark = luminance(parseHex(DARK_TEXT)!);
    const hex = (r: number, g: number, b: number) => '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
    const steps = [...Array(52).keys()].map((i) => i * 5); // 0, 5, …, 255
    const colours = [...Array(256).keys()].map((c) => hex(c, c, c));
    for (const r of steps) for (const g of steps) for (const b of steps) colours.push(hex(r, g, b));
    for (const colour of colours) {
      const l = luminance(parseHex(colour)!);
      expect(textOn(colour), colour).toBe(contrast(l, 1) >= contrast(l, dark) ? LIGHT_TEXT : DARK_TEXT);
    }
  });
});
