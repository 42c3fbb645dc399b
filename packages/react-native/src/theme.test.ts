import { describe, expect, it } from 'vitest';
import { chatTheme, parseHex, readableOn } from './theme.js';

describe('theme', () => {
  it('reads #rgb and #rrggbb, nothing else', () => {
    expect(parseHex('#0F766E')).toEqual([15, 118, 110]);
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    for (const bad of ['red', '#12345', 'rgb(0,0,0)', '', '#GGGGGG', 'javascript:alert(1)']) expect(parseHex(bad)).toBeUndefined();
  });

  it('puts white text on dark brand colors and dark text on light ones', () => {
    expect(readableOn('#4F46E5')).toBe('#FFFFFF');
    expect(readableOn('#111827')).toBe('#FFFFFF');
    expect(readableOn('#FDE047')).toBe('#111827');
    expect(readableOn('#FFFFFF')).toBe('#111827');
  });

  it('falls back to the default brand color for anything that is not a hex color', () => {
    expect(chatTheme('url(x)', false).primary).toBe('#4F46E5');
    expect(chatTheme(undefined, true).primary).toBe('#4F46E5');
    expect(chatTheme('#FDE047', true)).toMatchObject({ dark: true, primary: '#FDE047', onPrimary: '#111827' });
  });
});
