/**
 * What an app's bundler leaves out of `@tickki/chat` (the published build): a chat UI that never
 * calls `getAnalytics` (the widget, the React Native screen) carries no analytics code.
 */
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';

async function bundle(source: string): Promise<string> {
  const entry = 'virtual:entry';
  const build = await rolldown({
    input: entry,
    platform: 'browser',
    logLevel: 'silent',
    external: [/^@tickki\/chat-(api|realtime)/],
    plugins: [{ name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) }],
    resolve: { alias: { '@tickki/chat': fileURLToPath(new URL('../dist/index.js', import.meta.url)) } },
  });
  const { output } = await build.generate({ format: 'esm' });
  await build.close();
  return output[0].code;
}

describe('tree shaking of the published build', () => {
  it('drops analytics from a chat that never calls getAnalytics, and keeps it for one that does', async () => {
    const without = await bundle(`import { TickkiChat } from '@tickki/chat'; globalThis.chat = new TickkiChat({ publishableKey: 'pk' });`);
    const withIt = await bundle(
      `import { TickkiChat, getAnalytics } from '@tickki/chat'; getAnalytics(new TickkiChat({ publishableKey: 'pk' })).screen('Home');`,
    );
    expect(without).toContain('startSession(options)');
    for (const code of [without, withIt]) expect(code.includes('screen_view') && code.includes('droppedCount')).toBe(code === withIt);
  });
});
