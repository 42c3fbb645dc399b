/**
 * A pusher-js runtime with the websocket transport alone, for `@tickki/chat-realtime/pusher-websocket`.
 *
 * pusher-js's own builds pick a platform by swapping one module, `runtime` (see
 * `pusher-js/src/runtimes/interface.ts`). Its web and worker runtimes carry XHR streaming and
 * polling fallbacks, a stats sender and built-in HTTP authorizers. Tickki's realtime server
 * (Laravel Reverb) speaks websockets only, and `@tickki/chat-realtime` already pins
 * `enabledTransports: ['ws', 'wss']`, `disableStats: true` and its own channel authorizer, so none
 * of that code can run for a Tickki chat. This runtime keeps everything that can: pusher-js's
 * connection manager, handshake, protocol, channels, ping/pong, backoff, and the browser's
 * online/offline events. Imports are resolved like pusher-js's own build (`core/…` under its
 * `src/`); see `pusher-websocket-only.ts`.
 */
import Transport from 'core/transports/transport';
import * as URLSchemes from 'core/transports/url_schemes';
import TransportManager from 'core/transports/transport_manager';
import SequentialStrategy from 'core/strategies/sequential_strategy';
import FirstConnectedStrategy from 'core/strategies/first_connected_strategy';
import transportConnectionInitializer from 'isomorphic/transports/transport_connection_initializer';
import { Network } from 'web/net_info';

/** The one transport: the browser's WebSocket (pusher-js's own `ws` transport hooks). */
const ws = new Transport({
  urls: URLSchemes.ws,
  handlesActivityChecks: false,
  supportsPing: false,
  isInitialized: () => true,
  isSupported: () => typeof WebSocket === 'function',
  getSocket: (url) => new WebSocket(url),
});

/** What a connection attempt does with no fallback to wait for: try, time out, try again (as pusher-js's `ws_loop`). */
const ATTEMPT_TIMEOUTS = { loop: true, timeout: 15000, timeoutLimit: 60000 };

const notInThisBuild = (what) => () => {
  throw new Error(`pusher-js: ${what} is not part of this build`);
};

export default {
  Transports: { ws },
  transportConnectionInitializer,
  setup(PusherClass) {
    PusherClass.ready();
  },
  // as pusher-js's web runtime: a page on https always uses TLS
  getProtocol: () => globalThis.location?.protocol ?? 'http:',
  getAuthorizers: () => ({}),
  getLocalStorage: () => undefined,
  TimelineTransport: { name: 'none', getAgent: () => undefined },
  getNetwork: () => Network,
  getWebSocketAPI: () => WebSocket,
  addUnloadListener() {},
  removeUnloadListener() {},
  isXHRSupported: () => false,
  createXHR: notInThisBuild('XHR'),
  createSocketRequest: notInThisBuild('HTTP transports'),
  getXHRAPI: notInThisBuild('XHR'),
  /** An unbiased random integer in [0, max), as pusher-js's worker runtime draws it. */
  randomInt(max) {
    const limit = Math.floor(2 ** 32 / max) * max;
    let random;
    do random = crypto.getRandomValues(new Uint32Array(1))[0];
    while (random >= limit);
    return random % max;
  },
  /**
   * The `ws` loop of pusher-js's default strategy (`wss` when TLS is on), without the HTTP
   * fallbacks behind it and without caching which transport worked (there is one).
   */
  getDefaultStrategy(config, baseOptions, defineTransport) {
    const name = baseOptions.useTLS ? 'wss' : 'ws';
    const options = {
      ...baseOptions,
      hostNonTLS: `${config.wsHost}:${config.wsPort}`,
      hostTLS: `${config.wsHost}:${config.wssPort}`,
      httpPath: config.wsPath,
    };
    const manager = new TransportManager({ minPingDelay: 10000, maxPingDelay: config.activityTimeout });
    const transport = defineTransport(config, name, 'ws', 3, options, manager);
    return new FirstConnectedStrategy(new SequentialStrategy([transport], ATTEMPT_TIMEOUTS));
  },
};
