import PusherModule, { type Channel, type ChannelAuthorizationHandler, type ConnectionManager, type Options } from 'pusher-js';
import type { RealtimeConfig } from '@tickki/chat-api';

/**
 * The one place where platforms differ. `pusher-js` ships one build per platform and bundlers pick
 * it by its package.json fields: `main` (Node), `browser` (web), `react-native` (Metro). Web
 * workers need `pusher-js/worker`, which no field selects: pass it as `Pusher`.
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
 * `pusher-js/react-native`.
 */
export type PusherConstructor = new (key: string, options: Options) => PusherLike;

// pusher-js is CommonJS whose types declare an ES default export: Node's ESM gives the class
// itself, bundlers may give `{ default: class }`. Accept both.
const DefaultPusher = ((PusherModule as unknown as { default?: PusherConstructor }).default ??
  PusherModule) as unknown as PusherConstructor;

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
 * Creates a pusher-js client for `realtime` with `Pusher` (default: the platform build of
 * `pusher-js`). Note that pusher-js connects at once when constructed in Node.
 */
export function createPusher(
  realtime: RealtimeConfig,
  authorize: ChannelAuthorizationHandler,
  Pusher: PusherConstructor = DefaultPusher,
  extra?: Partial<Options>,
): PusherLike {
  return new Pusher(realtime.key, pusherOptions(realtime, authorize, extra));
}

/** Removes `pusher` from pusher-js's global instance list, which otherwise keeps every client ever made. */
export function forgetPusher(pusher: PusherLike, Pusher: PusherConstructor = DefaultPusher): void {
  const instances = (Pusher as { instances?: unknown[] }).instances;
  const i = instances ? instances.indexOf(pusher) : -1;
  if (i >= 0) instances!.splice(i, 1);
}
