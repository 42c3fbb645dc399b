/**
 * Builds `dist/pusher-websocket.js` (`@tickki/chat-realtime/pusher-websocket`): pusher-js from its
 * published sources with the websocket-only runtime (see `build/pusher-websocket-only.ts`). Not
 * minified: the app's bundler does that, as for the rest of `dist`.
 */
import { copyFileSync } from 'node:fs';
import { rolldown } from 'rolldown';
import { pusherDefines, pusherWebsocketOnly } from './build/pusher-websocket-only.ts';

const build = await rolldown({
  input: 'build/pusher-websocket-entry.js',
  platform: 'browser',
  logLevel: 'warn',
  plugins: [pusherWebsocketOnly()],
  transform: { define: pusherDefines },
});
await build.write({ file: 'dist/pusher-websocket.js', format: 'esm', codeSplitting: false, comments: { legal: false } });
await build.close();
copyFileSync('build/pusher-websocket.d.ts', 'dist/pusher-websocket.d.ts');
