import { luminance, textOn as chatUiTextOn } from '@tickki/chat-ui';
import { describe, expect, it } from 'vitest';
import { textOn } from './launcher.js';

/** `textOn` of `@tickki/chat-ui`, with its white written as the loader writes it. */
const expected = (color: string) => (chatUiTextOn(color) === '#ffffff' ? '#fff' : chatUiTextOn(color));
const hex = (n: number, digits: number) => '#' + n.toString(16).padStart(digits, '0');

describe("the loader's textOn", () => {
  it('picks the text colour of @tickki/chat-ui on every #rgb colour, on a grid of #rrggbb colours and on the greys', () => {
    const colors: string[] = [];
    for (let n = 0; n < 1 << 12; n++) colors.push(hex(n, 3));
    for (let r = 0; r < 256; r += 15) for (let g = 0; g < 256; g += 15) for (let b = 0; b < 256; b += 15) colors.push(hex((r << 16) | (g << 8) | b, 6));
    for (let v = 0; v < 256; v++) colors.push(hex(v * 0x10101, 6));
    for (const color of colors) expect(textOn(color), color).toBe(expected(color));
  });

  it('on every #rrggbb colour near the threshold, where its shorter constant could differ', () => {
    // the colours whose luminance is within 0.0005 of where the two text colours meet: a few
    // thousand of the 16,777,216 (all of them were compared once: the same choice on each)
    const near: string[] = [];
    for (let n = 0; n < 1 << 24; n++) {
      const l = luminance([n >> 16, (n >> 8) & 255, n & 255]);
      if (Math.abs(l - 0.1993) < 0.0005) near.push(hex(n, 6));
    }
    expect(near.length).toBeGreaterThan(1000);
    for (const color of near) expect(textOn(color), color).toBe(expected(color));
  });

  it('takes only a hex colour, as @tickki/chat-ui does', () => {
    for (const color of ['', '#', 'red', '#12345', '#1234567', '#ggg', '#abcd', 'abc', ' #0f766e ', '#0F766E', 'rgb(0,0,0)']) expect(textOn(color), color).toBe(expected(color));
    expect(textOn(undefined)).toBeUndefined();
    expect(textOn(42)).toBeUndefined();
  });
});
