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
 * online/offline events. The one strategy it connects with, pusher-js's `ws` loop, it builds
 * itself (`getDefaultStrategy`), with the attempt timeouts and ping delay of pusher-js's strategy
 * builder and transport manager, which are for choosing among many transports and are left out.
 * Imports are resolved like pusher-js's own build (`core/…` under its `src/`); see
 * `pusher-websocket-only.ts`.
 */
import Transport from 'core/transports/transport';
import * as URLSchemes from 'core/transports/url_schemes';
import TransportStrategy from 'core/strategies/transport_strategy';
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

/**
 * The ping delay pusher-js's transport manager keeps for `ws` (its `AssistantToTheTransportManager`,
 * with no limit on lives, as the web runtime's): after a socket that the network closed uncleanly
 * sooner than twice the activity timeout, the next sockets ping every half of that lifespan (10 s at
 * least), for networks that drop idle sockets.
 */
function withPingDelay(transport, maxPingDelay) {
  let pingDelay;
  return {
    isSupported: (environment) => transport.isSupported(environment),
    createConnection(name, priority, key, options) {
      const connection = transport.createConnection(name, priority, key, { ...options, activityTimeout: pingDelay });
      let openedAt;
      const onOpen = () => {
        connection.unbind('open', onOpen);
        connection.bind('closed', onClosed);
        openedAt = Date.now();
      };
      const onClosed = (event) => {
        connection.unbind('closed', onClosed);
        const lifespan = Date.now() - openedAt;
        // 1002 and 1003 (a protocol error) cost pusher-js's transport a life, of which `ws` has no limit
        if (event.code !== 1002 && event.code !== 1003 && !event.wasClean && lifespan < 2 * maxPingDelay) pingDelay = Math.max(lifespan / 2, 10000);
      };
      connection.bind('open', onOpen);
      return connection;
    },
  };
}

/**
 * What pusher-js's `ws_loop` does with no fallback to wait for (its `FirstConnectedStrategy` over a
 * looping `SequentialStrategy` of the one transport): an attempt has 15 s to reach a handshake, then
 * is dropped for a new one with twice the time (60 s at most); an attempt that fails sooner waits out
 * its time, and a handshake ends the loop.
 */
function attemptLoop(strategy) {
  return {
    isSupported: () => strategy.isSupported(),
    connect(minPriority, callback) {
      let timeout = 15000;
      let timer;
      let runner;
      const attempt = () => {
        timer = setTimeout(() => {
          runner.abort();
          timeout = Math.min(timeout * 2, 60000);
          attempt();
        }, timeout);
        runner = strategy.connect(minPriority, (error, handshake) => {
          if (error) return; // the timer tries again
          clearTimeout(timer);
          callback(null, handshake);
        });
      };
      attempt();
      return {
        abort() {
          clearTimeout(timer);
          runner.abort();
        },
        forceMinPriority(priority) {
          minPriority = priority;
          runner.forceMinPriority(priority);
        },
      };
    },
  };
}

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
   * fallbacks behind it and without caching which transport worked (there is one); built here
   * rather than by pusher-js's strategy builder and transport manager, which are for many transports.
   */
  getDefaultStrategy(config, baseOptions) {
    const name = baseOptions.useTLS ? 'wss' : 'ws';
    const enabled = (config.enabledTransports?.includes(name) ?? true) && !config.disabledTransports?.includes(name);
    const options = {
      ignoreNullOrigin: config.ignoreNullOrigin,
      ...baseOptions,
      hostNonTLS: `${config.wsHost}:${config.wsPort}`,
      hostTLS: `${config.wsHost}:${config.wssPort}`,
      httpPath: config.wsPath,
    };
    const transport = enabled ? withPingDelay(ws, config.activityTimeout) : { isSupported: () => false };
    return attemptLoop(new TransportStrategy(name, 3, transport, options));
  },
};
