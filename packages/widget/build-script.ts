/**
 * The script-tag build, self-contained and minified: `dist/tickki-chat.js` (the loader: a classic
 * script that defines `<tickki-chat>` and draws the launcher) and `dist/tickki-chat-app.js` (the chat
 * panel with Preact, `@tickki/chat` and pusher-js, an ES module the loader imports after the page;
 * other UI languages than English and the voice recorder are `tickki-chat-*.js` chunks beside it).
 */
import { rolldown } from 'rolldown';
import { minifyCss } from './build-css.ts';

// the CSS ships minified (`build-css.ts`); and these files are what browsers run, not what a bundler
// reads: no comments at all, `/* @__PURE__ */` annotations included (0.13 KB off the gzipped panel)
const common = { platform: 'browser' as const, logLevel: 'warn' as const, plugins: [minifyCss()] };
const comments = false;

const loader = await rolldown({ ...common, input: 'src/script.ts' });
await loader.write({ file: 'dist/tickki-chat.js', format: 'iife', minify: true, codeSplitting: false, comments });
await loader.close();

// the panel, and each UI language besides English as a chunk of its own next to it; the words
// module (`words.ts`), an entry of its own with a stable name, which the loader imports on a page
// that is not in English, for the launcher's label and the consent note before the panel loads; the
// first visit's brand colour (`config-brand.ts`), an entry of its own too, which the loader imports at
// idle when it has no colour kept (a small file that imports nothing; the panel imports what keeps
// the colour from it); the panel's entry (`app-entry.ts`) is `app/app.tsx` with what the loader leaves
// to it; pusher-js is
// the websocket-only build, which @tickki/chat-realtime's `#pusher` gives a browser build, as it
// does for an app's bundler. The voice recorder is a chunk too, loaded when the visitor presses
// record: what it shares with the panel (Preact, icons, strings helpers) stays in the panel, which
// exports it to the chunk (`allow-extension`), instead of a third file every panel load would wait for
const app = await rolldown({ ...common, input: { 'tickki-chat-app': 'src/app-entry.ts', 'tickki-chat-words': 'src/words.ts', 'tickki-chat-brand': 'src/config-brand.ts' }, preserveEntrySignatures: 'allow-extension' });
await app.write({ dir: 'dist', format: 'esm', minify: true, entryFileNames: '[name].js', chunkFileNames: 'tickki-chat-[name]-[hash].js', comments });
await app.close();
