/**
 * Builds `dist/pusher-websocket.js` (`@tickki/chat-realtime/pusher-websocket`): pusher-js from its
 * published sources with the websocket-only runtime (see `build/pusher-websocket-only.ts`). Not
 * minified: the app's bundler does that, as for the rest of `dist`. Also `dist/pusher.js` and
 * `dist/pusher.cjs`, what the package's `#pusher` import is outside browser builds.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { rolldown } from 'rolldown';
import { pusherDefines, pusherTypescript, pusherWebsocketOnly } from './build/pusher-websocket-only.ts';

const build = await rolldown({
  input: 'build/pusher-websocket-entry.js',
  platform: 'browser',
  logLevel: 'warn',
  plugins: [pusherWebsocketOnly()],
  transform: { define: pusherDefines, typescript: pusherTypescript },
});
await build.write({ file: 'dist/pusher-websocket.js', format: 'esm', codeSplitting: false, comments: { legal: false } });
await build.close();
copyFileSync('build/pusher-websocket.d.ts', 'dist/pusher-websocket.d.ts');

// what `#pusher` (package.json `imports`) is where the `browser` condition is not set: pusher-js
// itself, whose own fields pick its Node or React Native build. Files of this package rather than
// `"default": "pusher-js"`: some bundlers mishandle an `imports` target that is another package.
writeFileSync('dist/pusher.js', "export { default } from 'pusher-js';\n");
writeFileSync('dist/pusher.cjs', "module.exports = require('pusher-js');\n");
