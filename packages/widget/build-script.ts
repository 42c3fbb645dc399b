/**
 * The script-tag build, self-contained and minified: `dist/tickki-chat.js` (the loader: a classic
 * script that defines `<tickki-chat>` and draws the launcher) and `dist/tickki-chat-app.js` (the chat
 * panel with Preact, `@tickki/chat` and pusher-js, an ES module the loader imports after the page).
 */
import { rolldown } from 'rolldown';

const common = { platform: 'browser' as const, logLevel: 'warn' as const };

async function build(input: string, file: string, format: 'iife' | 'esm'): Promise<void> {
  const bundle = await rolldown({ ...common, input });
  try {
    await bundle.write({ file, format, minify: true, codeSplitting: false, comments: { legal: false } });
  } finally {
    await bundle.close();
  }
}

await build('src/script.ts', 'dist/tickki-chat.js', 'iife');
await build('src/app/app.tsx', 'dist/tickki-chat-app.js', 'esm');
