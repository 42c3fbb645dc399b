/**
 * Builds pusher-js from its published sources (`pusher-js/src`) with a websocket-only runtime
 * (`pusher-runtime.js`) into `@tickki/chat-realtime/pusher-websocket` (`build-pusher.ts`). Same
 * connection code as pusher-js's web build (its connection manager, handshake, protocol, channels,
 * ping/pong, backoff), about 10 KB (min+gzip) lighter; see `pusher-runtime.js` for why the rest cannot run
 * for a Tickki chat. The sources' layout is pusher-js's, not an API: the test of
 * `test/pusher-websocket.test.ts` is what says a new pusher-js version still builds right.
 *
 * Besides the runtime, the modules that a Tickki chat never reaches are replaced by code that throws
 * if reached ({@link NOT_BUILT}): encrypted and presence channels (Tickki uses one private channel),
 * user sign-in (`pusher.signin()`), the built-in HTTP channel and user authorizers and the deprecated
 * `authorizer` option (`@tickki/chat-realtime` always passes its own `customHandler`), the stats
 * sender (`disableStats` is pinned) and the strategy builder and transport manager (the runtime builds
 * its one strategy itself). Many that it does reach are shorter here ({@link SHORTER}): the same
 * behaviour written for ES2022, and of pusher-js's helper objects (`Util`, `Factory`, the URL schemes)
 * only what the build calls (`test/pusher-shorter-modules.test.ts` holds them to pusher-js's own).
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

const notBuilt = (what: string, verb = 'is') => `throw new Error('pusher-js: ${what} ${verb} not part of this build');`;

/** Modules replaced by a throwing stand-in, keyed by their path under `pusher-js/src`. */
export const NOT_BUILT: Record<string, string> = {
  'core/channels/encrypted_channel': `export default class EncryptedChannel { constructor() { ${notBuilt('encrypted channels', 'are')} } }`,
  'core/channels/presence_channel': `export default class PresenceChannel { constructor() { ${notBuilt('presence channels', 'are')} } }`,
  'core/user': `export default class UserFacade { signin() { ${notBuilt('user sign-in')} } }`,
  'core/auth/user_authenticator': `export default () => () => { ${notBuilt('the built-in user authenticator')} };`,
  'core/auth/channel_authorizer': `export default () => () => { ${notBuilt('the built-in channel authorizer')} };`,
  'core/auth/deprecated_channel_authorizer': `export const ChannelAuthorizerProxy = () => { ${notBuilt('the deprecated `authorizer` option')} };`,
  'core/timeline/timeline_sender': `export default class TimelineSender { constructor() { ${notBuilt('stats (`enableStats`)', 'are')} } }`,
  // the stats' and HTTP transports' query strings
  'core/base64': `export default () => { ${notBuilt('base64')} };`,
  'core/strategies/strategy_builder': `export const defineTransport = () => { ${notBuilt('the strategy builder')} };`,
  'core/transports/assistant_to_the_transport_manager': `export default class AssistantToTheTransportManager { constructor() { ${notBuilt('the transport manager')} } }`,
};

/** Modules replaced by shorter ones that do what a Tickki chat needs of them, keyed by their path under `pusher-js/src`. */
export const SHORTER: Record<string, string> = {
  // what a connection went through, kept for the stats sender alone (stats are off); its ids number the connections
  'core/timeline/timeline': `export default class Timeline { uniqueID = 0; log() {} error() {} info() {} debug() {} isEmpty() { return true; } generateUniqueID() { return ++this.uniqueID; } }`,
  // links to pusher.com's docs in log and error messages
  'core/utils/url_store': `export default { buildLogSuffix: () => '' };`,
  'core/logger': readFileSync(join(import.meta.dirname, 'pusher-logger.js'), 'utf8'),
  'core/errors': readFileSync(join(import.meta.dirname, 'pusher-errors.js'), 'utf8'),
  'core/events/dispatcher': readFileSync(join(import.meta.dirname, 'pusher-events.js'), 'utf8'),
  'core/utils/collections': readFileSync(join(import.meta.dirname, 'pusher-collections.js'), 'utf8'),
  'core/config': readFileSync(join(import.meta.dirname, 'pusher-config.js'), 'utf8'),
  'core/connection/protocol/protocol': readFileSync(join(import.meta.dirname, 'pusher-protocol.js'), 'utf8'),
  'core/connection/connection': readFileSync(join(import.meta.dirname, 'pusher-connection.js'), 'utf8'),
  'core/connection/handshake': readFileSync(join(import.meta.dirname, 'pusher-handshake.js'), 'utf8'),
  'core/utils/timers': readFileSync(join(import.meta.dirname, 'pusher-timers.js'), 'utf8'),
  // `Util.defer`, the one helper of pusher-js's `core/util` this build calls
  'core/util': `import { OneOffTimer } from 'core/utils/timers'; export default { defer: (callback) => new OneOffTimer(0, callback) };`,
  'core/channels/channels': readFileSync(join(import.meta.dirname, 'pusher-channels.js'), 'utf8'),
  'core/strategies/transport_strategy': readFileSync(join(import.meta.dirname, 'pusher-transport-strategy.js'), 'utf8'),
  // the makers that `core/pusher` calls (this build's channel table and transport strategy make their channels and handshakes themselves)
  'core/utils/factory': [
    "import Channels from 'core/channels/channels';",
    "import ConnectionManager from 'core/connection/connection_manager';",
    "import TimelineSender from 'core/timeline/timeline_sender';",
    'export default {',
    '  createChannels: () => new Channels(),',
    '  createConnectionManager: (key, options) => new ConnectionManager(key, options),',
    '  createTimelineSender: (timeline, options) => new TimelineSender(timeline, options),',
    '};',
  ].join('\n'),
  'runtimes/web/net_info': readFileSync(join(import.meta.dirname, 'pusher-net-info.js'), 'utf8'),
  // the transport's initializer, without its timeline line (this build's timeline keeps nothing)
  'runtimes/isomorphic/transports/transport_connection_initializer': `export default function () { if (this.hooks.isInitialized()) this.changeState('initialized'); else this.onClose(); }`,
  // the `ws` URL scheme alone, the same URL (the HTTP ones are for the transports this build leaves out)
  'core/transports/url_schemes': [
    "import Defaults from 'core/defaults';",
    'export const ws = {',
    "  getInitial: (key, params) => 'ws' + (params.useTLS ? 's://' + params.hostTLS : '://' + params.hostNonTLS) + (params.httpPath || '') + '/app/' + key + '?protocol=' + Defaults.PROTOCOL + '&client=js&version=' + Defaults.VERSION + '&flash=false',",
    '};',
  ].join('\n'),
  'core/defaults': readFileSync(join(import.meta.dirname, 'pusher-defaults.js'), 'utf8'),
};

const VIRTUAL = '\0pusher-websocket-only:';

/** The constants pusher-js's webpack build defines. */
export const pusherDefines: Record<string, string> = {
  VERSION: JSON.stringify(PUSHER_VERSION),
  CDN_HTTP: JSON.stringify(''),
  CDN_HTTPS: JSON.stringify(''),
  DEPENDENCY_SUFFIX: JSON.stringify(''),
  RUNTIME: JSON.stringify('web'),
  global: 'globalThis',
};

/**
 * How pusher-js's TypeScript is compiled, as its own build does: its `tsconfig.json` targets ES6, so
 * TypeScript's `useDefineForClassFields` is off and a field declared without a value (`key: string;`)
 * emits nothing. Compiled for ES2022 with the define semantics, each such field would be set to
 * `undefined` after `super()` (and cost its bytes: 0.19 KB gzipped over about 60 fields).
 */
export const pusherTypescript = { removeClassFieldsWithoutInitializer: true };

const underSrc = (file: string) => file.startsWith(PUSHER_SRC) || file === RUNTIME || file.startsWith(VIRTUAL);

/**
 * A rolldown plugin: `import Pusher from 'pusher-js'` becomes pusher-js's core built with the
 * websocket-only runtime. Bundle with `transform: { define: pusherDefines, typescript: pusherTypescript }`.
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
      // a folder's `index` by the folder's path, as pusher-js imports it
      const key = file.slice(PUSHER_SRC.length + 1).replace(/\.ts$/, '').replace(/\/index$/, '');
      if (key in NOT_BUILT || key in SHORTER) return VIRTUAL + key;
      return (await this.resolve(file, importer)) ?? null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const key = id.slice(VIRTUAL.length);
      return NOT_BUILT[key] ?? SHORTER[key];
    },
  };
}
