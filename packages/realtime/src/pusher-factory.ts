import PusherModule from '#pusher';
import type { Channel, ChannelAuthorizationHandler, ConnectionManager, Options } from 'pusher-js';
import type { RealtimeConfig } from '@tickki/chat-api';

/**
 * The one place where platforms differ. `#pusher` (this package's `imports`) is, for a bundler
 * building for browsers (the `browser` condition: Vite, webpack, Turbopack, esbuild, rolldown),
 * `dist/pusher-websocket.js`, pusher-js built with the websocket transport alone (Tickki's realtime
 * server speaks nothing else); elsewhere it re-exports `pusher-js`, whose package.json fields pick
 * its build: `main` (Node), `react-native` (Metro). Web workers need `pusher-js/worker`, which no
 * field selects: pass it as `Pusher`.
 */

/** The part of a pusher-js client this package uses. */
export interface PusherLike {
  /** The connection manager: state, socket id and its events. */
  readonly connection: Pick<ConnectionManager, 'state' | 'socket_id' | 'bind' | 'unbind'>;
  /** Opens the socket (no-op when open or opening). */
  connect(): void;
  /** Closes the socket and stops retrying. */
  disconnect(): void;
  /** Subscribes to a channel, now or as soon as the socket is connected, and on every new socket. */
  subscribe(channelName: string): Channel;
  /** Sends a frame on the socket (here only `pusher:ping`). */
  send_event(eventName: string, data: unknown, channel?: string): boolean;
}

/**
 * A pusher-js constructor: the default export of `pusher-js`, `pusher-js/worker` or
 * `pusher-js/react-native` (a module object wrapping it, as some interops give, is unwrapped).
 */
export type PusherConstructor = new (key: string, options: Options) => PusherLike;

/**
 * The constructor inside whatever a module interop made of a pusher-js build. pusher-js is CommonJS
 * whose types declare an ES default export: Node's ESM gives the class itself, bundlers may give
 * `{ default: class }`, and the React Native build exports `{ Pusher: class }`, so that Metro's
 * `import Pusher from 'pusher-js/react-native'` yields that object, not the class.
 */
export function pusherConstructor(module: unknown): PusherConstructor {
  let m = module as { default?: unknown; Pusher?: unknown } | undefined;
  for (let i = 0; i < 3 && m && typeof m === 'object'; i++) m = (m.Pusher ?? m.default) as typeof m;
  return m as unknown as PusherConstructor;
}

const DefaultPusher = pusherConstructor(PusherModule);

/** A placeholder pusher-js requires; unused because `wsHost` is always set (never Pusher's cloud). */
const PLACEHOLDER_CLUSTER = 'tickki';

/**
 * The pusher-js options for a session's `realtime` block: Tickki's own host, port and scheme,
 * websockets only, no stats, channel authorization by `authorize`. `extra` may tune timeouts but
 * cannot change where the socket goes.
 */
export function pusherOptions(
  realtime: RealtimeConfig,
  authorize: ChannelAuthorizationHandler,
  extra?: Partial<Options>,
): Options {
  return {
    ...extra,
    cluster: PLACEHOLDER_CLUSTER,
    wsHost: realtime.host,
    wsPort: realtime.port,
    wssPort: realtime.port,
    forceTLS: realtime.scheme === 'https',
    enabledTransports: ['ws', 'wss'],
    disableStats: true,
    channelAuthorization: { customHandler: authorize },
  };
}

/**
 * pusher-js's runtime network monitor (`Pusher.Runtime.getNetwork()`). Every pusher-js client binds
 * `online`/`offline` listeners on it in its constructor and never unbinds them, so without help a
 * disconnected client, and everything its callbacks reach, stays in memory for good.
 */
interface NetworkLike {
  callbacks?: { get(name: string): { fn: unknown }[] | undefined };
  unbind(name: string, callback: unknown): void;
}

const NETWORK_EVENTS = ['online', 'offline'];

/**
 * Creates a pusher-js client for `realtime` with `Pusher` (default: the platform build of
 * `pusher-js`). Note that pusher-js connects at once when constructed in Node. `forget` lets the
 * client, once disconnected, be garbage-collected: it removes it from pusher-js's global instance
 * list and its listeners from the runtime's network monitor, which otherwise keep every client ever
 * made.
 */
export function createPusher(
  realtime: RealtimeConfig,
  authorize: ChannelAuthorizationHandler,
  Pusher?: PusherConstructor,
  extra?: Partial<Options>,
): { pusher: PusherLike; forget(): void } {
  const P = (Pusher ? pusherConstructor(Pusher) : DefaultPusher) as PusherConstructor & { instances?: unknown[]; Runtime?: { getNetwork?(): NetworkLike } };
  const network = P.Runtime?.getNetwork?.();
  const bound = (): unknown[][] => NETWORK_EVENTS.map((name) => (network?.callbacks?.get(name) ?? []).map((b) => b.fn));
  const before = bound();
  const pusher = new P(realtime.key, pusherOptions(realtime, authorize, extra));
  const added = bound().map((fns, i) => fns.filter((fn) => !before[i]!.includes(fn)));
  const forget = (): void => {
    const i = P.instances?.indexOf(pusher) ?? -1;
    if (i >= 0) P.instances!.splice(i, 1);
    added.forEach((fns, i) => fns.forEach((fn) => network!.unbind(NETWORK_EVENTS[i]!, fn)));
  };
  return { pusher, forget };
}
