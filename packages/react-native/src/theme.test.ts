import { describe, expect, it } from 'vitest';
import { textOn } from '@tickki/chat-ui';
import { chatTheme, readableOn } from './theme.js';

describe('theme', () => {
  it('puts white text on dark brand colors and dark text on light ones', () => {
    expect(readableOn('#4F46E5')).toBe('#ffffff');
    expect(readableOn('#111827')).toBe('#ffffff');
    expect(readableOn('#FDE047')).toBe('#111827');
    expect(readableOn('#FFFFFF')).toBe('#111827');
    expect(readableOn('not a color')).toBe('#ffffff');
  });

  it("uses the widget's rule: #787878 gets white text on both faces (it got dark text here before)", () => {
    for (const color of ['#787878', '#7F7F7F', '#4F46E5', '#FDE047', '#0F766E', '#22C55E', '#DC2626', '#F59E0B', '#000', '#fff']) {
      expect(readableOn(color), color).toBe(textOn(color));
      expect(chatTheme(color, false).onPrimary, color).toBe(textOn(color));
    }
    expect(chatTheme('#787878', true).onPrimary).toBe('#ffffff');
  });

  it('falls back to the default brand color for anything that is not a hex color', () => {
    expect(chatTheme('url(x)', false).primary).toBe('#4F46E5');
    expect(chatTheme(undefined, true).primary).toBe('#4F46E5');
    expect(chatTheme('#FDE047', true)).toMatchObject({ dark: true, primary: '#FDE047', onPrimary: '#111827' });
  });
});
