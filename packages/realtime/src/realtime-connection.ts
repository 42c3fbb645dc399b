import type { Client, RealtimeConfig } from '@tickki/chat-api';
import type { ChannelAuthorizationHandler, Options } from 'pusher-js';
import { requestChannelAuth } from './authorize.js';
import { backoffDelay } from './backoff.js';
import { canTransition, type ConnectionState, type StateChange } from './connection-state.js';
import { decodeEventData, matchesEvent } from './decode.js';
import { Emitter, type Listener } from './emitter.js';
import { RealtimeError } from './errors.js';
import { parseAgentTyping, parseMessage, type AgentTyping, type Message } from './models.js';
import { createPusher, type PusherConstructor, type PusherLike } from './pusher-factory.js';

/** Where diagnostics go. Every method is optional; nothing is logged by default. */
export interface RealtimeLogger {
  /** Noise: state changes, ignored events. */
  debug?(message: string, ...details: unknown[]): void;
  /** Something the app may want to know: a listener threw, a transition was refused. */
  warn?(message: string, ...details: unknown[]): void;
}

/** A platform signal that {@link RealtimeConnection} reacts to. */
export type LifecycleEvent = 'online' | 'offline' | 'foreground';

/**
 * A source of platform signals, e.g. wired to `window` `online`/`offline` and `visibilitychange` in
 * a browser or to `AppState` and NetInfo in React Native. Called once with a listener; returns a
 * function that stops it.
 */
export type LifecycleSource = (listener: (event: LifecycleEvent) => void) => () => void;

/** Options of {@link RealtimeConnection}. */
export interface RealtimeConnectionOptions {
  /** The session's `realtime` block, as returned by `startSession`. */
  realtime: RealtimeConfig;
  /**
   * A client from `createTickkiClient` with the publishable key, the session token (give it as a
   * function: it is read again on every authorization) and, in apps, the bundle id.
   */
  client: Client;
  /** A pusher-js constructor, e.g. from `pusher-js/worker` in a web worker. Default: `#pusher` (websocket-only in a browser build, else `pusher-js`). */
  Pusher?: PusherConstructor;
  /** Platform signals; see {@link LifecycleSource}. */
  lifecycle?: LifecycleSource;
  /** Diagnostics. */
  logger?: RealtimeLogger;
  /** How long one channel authorization may take, in ms. Default 10 000. */
  authTimeoutMs?: number;
  /**
   * How long a socket that still says `connected` when the app comes back (`foreground`) has to
   * answer a ping before it is replaced, in ms. Default 5000.
   */
  probeTimeoutMs?: number;
  /** pusher-js tuning (`activityTimeout`, `pongTimeout`, `unavailableTimeout`); host, TLS and auth cannot be changed. */
  pusherOptions?: Partial<Options>;
}

/** Payload of the `subscribed` event. */
export interface SubscribedEvent {
  /** The socket the channel is now subscribed on. */
  socketId: string;
  /** `false` for the first subscription after `connect()`, `true` after a reconnect. */
  resubscribed: boolean;
}

/** The events of a {@link RealtimeConnection} and their payloads. */
export interface RealtimeEvents {
  /** A `MessageCreated` event (agent reply or echo of the visitor's send); de-duplicate by `id`. */
  message: Message;
  /** *Extension:* an agent started or stopped typing. */
  agentTyping: AgentTyping;
  /**
   * The channel was (re)subscribed: emitted after every subscription, right after the state became
   * `connected`. The server keeps no replay, so fetch what was missed (`listMessages`) here.
   */
  subscribed: SubscribedEvent;
  /** A problem; never thrown. See {@link RealtimeError.code}. */
  error: RealtimeError;
  /** The connection state changed. */
  state: StateChange;
}

/** How our own retries back off: 1 s doubling up to 15 s, with jitter. */
const BACKOFF = { baseMs: 1000, maxMs: 15_000 };
/** Our states in which pusher-js is stopped and its events are ignored. */
const STOPPED_STATES: readonly ConnectionState[] = ['idle', 'failed', 'closed'];
/** The events this connection decodes, by the name it emits them under. */
const PARSERS = { message: parseMessage, agentTyping: parseAgentTyping };

/**
 * The session's realtime connection: one private channel over pusher-js, typed events, one
 * explicit {@link ConnectionState}.
 *
 * ```ts
 * const rt = new RealtimeConnection({ realtime: session.realtime, client });
 * rt.on('message', (m) => render(m));
 * rt.on('subscribed', () => fillGap());
 * rt.connect();
 * ```
 *
 * `connected` means the socket is open *and* the channel is subscribed; `subscribed` follows every
 * (re)subscription. pusher-js reopens a dropped socket after a second and re-authorizes the channel
 * on every new socket (with the session token read afresh). Repeated failures back off
 * exponentially with jitter (1 s … 15 s) and show as `offline`; a transiently failed authorization
 * (network, 5xx, 429) is retried the same way; a refused one ends in `failed`.
 */
export class RealtimeConnection {
  readonly #options: RealtimeConnectionOptions;
  #state: ConnectionState = 'idle';
  readonly #emitter: Emitter<RealtimeEvents>;
  readonly #stopLifecycle: (() => void) | undefined;
  #pusher: PusherLike | undefined;
  /** Lets the pusher-js client be garbage-collected once disposed (see `createPusher`). */
  #forgetPusher: (() => void) | undefined;
  /** `true` while this class itself disconnects pusher-js, so its `disconnected` is not a failure. */
  #stopping = false;
  #subscriptions = 0;
  #authError: RealtimeError | undefined;
  /** Consecutive failed attempts (socket or authorization) since the channel was last subscribed. */
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the liveness probe in flight, if any (see `#probe`). */
  #endProbe: (() => void) | undefined;

  constructor(options: RealtimeConnectionOptions) {
    this.#options = options;
    this.#emitter = new Emitter((error) => this.#log('warn', 'a listener threw', error));
    this.#stopLifecycle = options.lifecycle?.((event) => this.#onLifecycle(event));
  }

  /** The current connection state. */
  get state(): ConnectionState {
    return this.#state;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof RealtimeEvents>(event: K, listener: Listener<RealtimeEvents[K]>): () => void {
    return this.#emitter.on(event, listener);
  }

  /** Opens the socket and subscribes to the channel. No-op unless `idle` or `failed`. */
  connect(): void {
    if (this.#to('connecting', 'connect() called', true)) this.#start();
  }

  /**
   * Drops the current socket, if any, and connects again at once, skipping pusher-js's backoff.
   * Call it when the platform comes back (`online`, app foreground). No-op when `idle` or `closed`.
   * `reason` is the state change's.
   */
  reconnect(reason = 'reconnect() called'): void {
    const state = this.state;
    if (state === 'idle' || state === 'closed') return;
    this.#to(state === 'failed' ? 'connecting' : 'reconnecting', reason);
    // a state listener may have disposed or disconnected it: then nothing new is started
    if (this.#stopped()) return;
    this.#stop();
    this.#start();
  }

  /** Closes the socket and goes `idle`; `connect()` starts again. Listeners stay. */
  disconnect(): void {
    if (this.#to('idle', 'disconnect() called', true)) this.#stop();
  }

  /** Closes the socket, removes every listener and timer, and goes `closed` for good. */
  dispose(): void {
    if (!this.#to('closed', 'disposed', true)) return;
    this.#stop();
    this.#stopLifecycle?.();
    this.#forgetPusher?.();
    this.#pusher = this.#forgetPusher = undefined;
    this.#emitter.clear();
  }

  // ---------------------------------------------------------------- internals

  /**
   * Moves to `state` if the transition table (`TRANSITIONS`) allows it, and reports the change
   * (`state` event, debug log). A refused transition is a bug worth hearing about and is warned,
   * unless `quiet` (the public methods, documented as no-ops in some states) or already there.
   */
  #to(state: ConnectionState, reason: string, quiet = false): boolean {
    const from = this.#state;
    if (!canTransition(from, state)) {
      if (!quiet && from !== state) this.#log('warn', `refused transition ${from} → ${state}: ${reason}`);
      return false;
    }
    this.#state = state;
    this.#log('debug', `state ${from} → ${state}: ${reason}`);
    this.#emitter.emit('state', { from, to: state, reason });
    return true;
  }

  #log(level: keyof RealtimeLogger, message: string, ...details: unknown[]): void {
    this.#options.logger?.[level]?.(`[tickki realtime] ${message}`, ...details);
  }

  /** Whether pusher-js is stopped (our state says so) or being stopped by us: its events are then ignored. */
  #stopped(): boolean {
    return this.#stopping || STOPPED_STATES.includes(this.state);
  }

  #error(error: RealtimeError): void {
    this.#log('debug', error.message);
    this.#emitter.emit('error', error);
  }

  #start(): void {
    // `connect()` and `reconnect()` emit `state` first: a listener may have stopped everything since
    if (this.#stopped()) return;
    this.#attempt = 0;
    try {
      const pusher = (this.#pusher ??= this.#createPusher());
      pusher.subscribe(this.#options.realtime.channel);
      pusher.connect();
    } catch (cause) {
      this.#fail(new RealtimeError('connection_failed', 'pusher-js could not start', { cause }), 'connection failed');
    }
  }

  #stop(): void {
    clearTimeout(this.#retryTimer);
    this.#endProbe?.();
    this.#stopping = true;
    this.#pusher?.disconnect();
    this.#stopping = false;
  }

  #createPusher(): PusherLike {
    const { realtime, Pusher, pusherOptions } = this.#options;
    const { pusher, forget } = createPusher(realtime, this.#authorizer(), Pusher, pusherOptions);
    this.#forgetPusher = forget;
    const connection = pusher.connection;
    connection.bind('state_change', ({ current }: { current: string }) => this.#onPusherState(current));
    connection.bind('connecting_in', () => this.#onRetry());
    connection.bind('error', (error: unknown) => this.#onPusherError(error));
    pusher.subscribe(realtime.channel).bind_global((event: string, data: unknown) => this.#onEvent(event, data));
    return pusher;
  }

  #authorizer(): ChannelAuthorizationHandler {
    const { client, realtime, authTimeoutMs = 10_000 } = this.#options;
    return ({ socketId, channelName }, callback) => {
      // An answer for a socket that is gone would be refused by the server: drop it.
      const current = () => this.#pusher?.connection.socket_id === socketId && !this.#stopped();
      requestChannelAuth(client, realtime.auth_endpoint, socketId, channelName, authTimeoutMs).then(
        (data) => current() && callback(null, data),
        (error: RealtimeError) => {
          if (!current()) return;
          this.#authError = error;
          callback(error, null);
        },
      );
    };
  }

  #onPusherState(pusherState: string): void {
    if (this.#stopped()) return;
    const state = this.state;
    switch (pusherState) {
      case 'connecting': // an immediate retry (pong timeout, close code 42xx), without `connecting_in`
        if (state === 'connected') this.#to('reconnecting', 'socket closed');
        break;
      case 'connected':
        if (state === 'offline') this.#to('reconnecting', 'socket connected, subscribing');
        break;
      case 'unavailable': // no socket for `unavailableTimeout` (10 s)
        this.#offline();
        break;
      case 'failed': // no transport is supported
      case 'disconnected': // the server refused the connection (close code 4000–4099), pusher-js gave up
      {
        const why = pusherState === 'failed' ? 'websocket not supported' : 'connection refused';
        this.#fail(new RealtimeError('connection_failed', why), why);
      }
    }
  }

  /** pusher-js scheduled a retry: a socket closed or an attempt failed. */
  #onRetry(): void {
    if (this.#stopped()) return;
    // pusher-js waits a second before reconnecting a closed socket, still saying `connected`.
    if (this.state === 'connected') return void this.#to('reconnecting', 'socket closed');
    // A failed attempt: let pusher-js retry once, then go offline.
    if (this.#attempt === 0) return void (this.#attempt = 1);
    this.#offline();
  }

  /**
   * Goes `offline` and paces the retries itself, with exponential backoff and jitter: pusher-js
   * alone retries a refused upgrade every second in step with every other client, and an unreachable
   * port only every 15–60 s.
   */
  #offline(): void {
    this.#to('offline', 'connection unavailable');
    // Runs after pusher-js has scheduled its own retry in this tick, so that `#stop()` cancels it.
    void Promise.resolve().then(() => {
      if (this.state !== 'offline') return;
      this.#stop();
      this.#later(() => this.#pusher?.connect());
    });
  }

  #later(retry: () => void): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(retry, backoffDelay(this.#attempt++, BACKOFF));
  }

  #onPusherError(error: unknown): void {
    const e = (error ?? {}) as { type?: string; error?: unknown; data?: { code?: number; message?: string } };
    if (e.type === 'MessageParseError') {
      this.#error(new RealtimeError('parse_error', 'Unreadable websocket frame', { cause: e.error }));
    } else if (e.data?.code === 4009 && this.state !== 'connected') {
      // Laravel Reverb answers a bad channel signature with a connection-level error 4009.
      this.#subscriptionFailed(new RealtimeError('subscription_failed', e.data.message ?? 'Subscription refused', { serverCode: 4009 }));
    } else {
      this.#log('debug', 'pusher-js error', error);
    }
  }

  #onEvent(event: string, data: unknown): void {
    if (this.#stopped()) return;
    if (event === 'pusher:subscription_succeeded') return this.#onSubscribed();
    if (event === 'pusher:subscription_error') {
      const d = (data ?? {}) as { error?: string; status?: number };
      const error = this.#authError ?? new RealtimeError('subscription_failed', d.error ?? 'Subscription refused', { status: d.status });
      this.#authError = undefined;
      return this.#subscriptionFailed(error);
    }
    const kind = matchesEvent(event, this.#options.realtime.event || 'MessageCreated')
      ? 'message'
      : matchesEvent(event, 'AgentTyping')
        ? 'agentTyping'
        : undefined;
    if (!kind) return;
    const value = PARSERS[kind](decodeEventData(data));
    if (value) this.#emitter.emit(kind, value as never);
    else this.#error(new RealtimeError('parse_error', `Malformed ${event} payload`, { cause: data }));
  }

  #onSubscribed(): void {
    clearTimeout(this.#retryTimer);
    this.#attempt = 0;
    const resubscribed = this.#subscriptions++ > 0;
    this.#to('connected', resubscribed ? 'channel resubscribed' : 'channel subscribed');
    this.#emitter.emit('subscribed', { socketId: this.#pusher?.connection.socket_id ?? '', resubscribed });
  }

  #subscriptionFailed(error: RealtimeError): void {
    if (!error.retryable) return this.#fail(error, 'subscription refused');
    this.#error(error);
    this.#to('reconnecting', 'authorization failed, retrying');
    this.#later(() => this.#pusher?.subscribe(this.#options.realtime.channel));
  }

  #fail(error: RealtimeError, reason: string): void {
    this.#to('failed', reason);
    this.#stop();
    this.#error(error);
  }

  #onLifecycle(event: LifecycleEvent): void {
    const state = this.state;
    if (event === 'offline') {
      if (!this.#stopped()) this.#to('offline', 'browser offline');
    } else if (state === 'offline' || state === 'reconnecting') {
      this.reconnect();
    } else if (event === 'foreground' && state === 'connected') {
      this.#probe();
    }
  }

  /**
   * Checks that a socket which says `connected` still carries anything: after the app slept, the
   * OS or a NAT may have dropped it without a close ("connected but receiving nothing"), and
   * pusher-js would only notice after its activity timeout plus pong timeout (a minute or more).
   * Sends `pusher:ping`; any frame back proves the socket alive, none within `probeTimeoutMs`
   * replaces it (`reconnect()`, then the usual resubscription and gap fill).
   */
  #probe(): void {
    const pusher = this.#pusher;
    if (!pusher || this.#endProbe) return;
    const connection = pusher.connection;
    const timer = setTimeout(() => {
      end();
      if (this.state === 'connected') this.reconnect('no answer to a ping');
    }, this.#options.probeTimeoutMs ?? 5000);
    const end = (): void => {
      clearTimeout(timer);
      connection.unbind('message', end);
      this.#endProbe = undefined;
    };
    this.#endProbe = end;
    connection.bind('message', end);
    pusher.send_event('pusher:ping', {});
  }
}
