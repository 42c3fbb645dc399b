/**
 * Builds pusher-js from its published sources (`pusher-js/src`) with a websocket-only runtime
 * (`pusher-runtime.js`) into `@tickki/chat-realtime/pusher-websocket` (`build-pusher.ts`). Same
 * connection code as pusher-js's web build, 7.5 KB (min+gzip) lighter; see `pusher-runtime.js` for
 * why the rest cannot run for a Tickki chat. The sources' layout is pusher-js's, not an API: the
 * test of `test/pusher-websocket.test.ts` is what says a new pusher-js version still builds right.
 *
 * Besides the runtime, four modules that a Tickki chat never reaches are replaced by code that
 * throws if reached: encrypted channels (`private-encrypted-*`, which Tickki does not use), user
 * sign-in (`pusher.signin()`), and the built-in HTTP channel and user authorizers
 * (`@tickki/chat-realtime` always passes its own `customHandler`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'rolldown';

const require = createRequire(import.meta.url);
const PUSHER_ROOT = dirname(require.resolve('pusher-js/package.json'));
const PUSHER_SRC = join(PUSHER_ROOT, 'src');
const RUNTIME = join(import.meta.dirname, 'pusher-runtime.js');
const PUSHER_VERSION = (JSON.parse(readFileSync(join(PUSHER_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Modules replaced by a throwing stand-in, keyed by their path under `pusher-js/src`. */
const NOT_BUILT: Record<string, string> = {
  'core/channels/encrypted_channel': `export default class EncryptedChannel { constructor() { throw new Error('pusher-js: encrypted channels are not part of this build'); } }`,
  'core/user': `export default class UserFacade { signin() { throw new Error('pusher-js: user sign-in is not part of this build'); } }`,
  'core/auth/user_authenticator': `export default () => () => { throw new Error('pusher-js: the built-in user authenticator is not part of this build'); };`,
  'core/auth/channel_authorizer': `export default () => () => { throw new Error('pusher-js: the built-in channel authorizer is not part of this build'); };`,
};
const STUB_PREFIX = '\0pusher-not-built:';

/** The constants pusher-js's webpack build defines. */
export const pusherDefines: Record<string, string> = {
  VERSION: JSON.stringify(PUSHER_VERSION),
  CDN_HTTP: JSON.stringify(''),
  CDN_HTTPS: JSON.stringify(''),
  DEPENDENCY_SUFFIX: JSON.stringify(''),
  RUNTIME: JSON.stringify('web'),
  global: 'globalThis',
};

const underSrc = (file: string) => file.startsWith(PUSHER_SRC) || file === RUNTIME;

/**
 * A rolldown plugin: `import Pusher from 'pusher-js'` becomes pusher-js's core built with the
 * websocket-only runtime. Bundle with `transform: { define: pusherDefines }`.
 */
export function pusherWebsocketOnly(): Plugin {
  return {
    name: 'tickki:pusher-websocket-only',
    async resolveId(source, importer) {
      if (source === 'pusher-js') return join(PUSHER_SRC, 'core/pusher.ts');
      if (!importer || !underSrc(importer)) return null;
      if (source === 'runtime') return RUNTIME;
      // pusher-js resolves bare paths from `src/` and `src/runtimes/` (its webpack `resolve.modules`)
      let file: string | null = null;
      if (source.startsWith('.')) file = join(dirname(importer), source);
      else if (/^(core|runtimes)\//.test(source)) file = join(PUSHER_SRC, source);
      else if (/^(isomorphic|web|worker)\//.test(source)) file = join(PUSHER_SRC, 'runtimes', source);
      if (file === null) return null;
      const key = file.slice(PUSHER_SRC.length + 1).replace(/\.ts$/, '');
      if (key in NOT_BUILT) return STUB_PREFIX + key;
      return (await this.resolve(file, importer)) ?? null;
    },
    load(id) {
      return id.startsWith(STUB_PREFIX) ? NOT_BUILT[id.slice(STUB_PREFIX.length)] : null;
    },
  };
}
