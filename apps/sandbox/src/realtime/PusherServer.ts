import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomInt } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ChannelRegistry, type Channel, type PresenceMember } from './Channel.js';
import { Connection } from './Connection.js';
import { Listeners, type PusherServerEvents } from './events.js';
import { DEFAULT_FAULTS, mergeFaults, styleEventName, type Faults, type FaultsPatch } from './faults.js';
import {
  PING_FRAME,
  PONG_FRAME,
  PROTOCOL_VERSION,
  PusherErrorCode,
  channelKind,
  connectionEstablishedFrame,
  errorFrame,
  eventFrame,
  frameData,
  isValidChannelName,
  memberAddedFrame,
  memberRemovedFrame,
  parseClientFrame,
  subscriptionErrorFrame,
  subscriptionSucceededFrame,
} from './protocol.js';
import { createRandom, type RandomSource } from './random.js';
import { textFrame } from './wsFrame.js';
import { verifyChannelSignature } from './signature.js';
import { createCounters, type RealtimeCounters, type RealtimeStats } from './stats.js';
import { appKeyFromPath, dropUpgrade, protocolParam, rejectUpgrade } from './upgrade.js';

/** Options of {@link PusherServer}. */
export interface PusherServerOptions {
  /** The Reverb app key clients connect with (`/app/{key}`). */
  appKey: string;
  /** The secret private-channel signatures are made with. */
  appSecret: string;
  /** Seconds of client silence before the server pings; sent in `connection_established`. Default 30. */
  activityTimeoutSeconds?: number;
  /** How long a pinged socket has to answer before it is closed with 4201. Default 30 000 ms. */
  pongTimeoutMs?: number;
  /** Largest client frame accepted, in bytes; bigger ones get a `pusher:error`. Default 10 000 (Reverb's default). */
  maxMessageBytes?: number;
  /** Initial fault knobs; see {@link Faults}. */
  faults?: FaultsPatch;
  /** Random source for the fault knobs; wins over `seed`. Default: seeded from `seed`, else `Math.random`. */
  random?: RandomSource;
  /** Seed for a deterministic random source (see {@link createRandom}). */
  seed?: number;
  /** Called when a listener added with `on()` throws. Default: a process warning. */
  onListenerError?: (error: unknown, event: string) => void;
}

/** Options of {@link PusherServer.broadcast}. */
export interface BroadcastOptions {
  /** Do not send to this socket (Laravel's `->toOthers()`, Pusher's `socket_id` parameter). */
  exceptSocketId?: string | undefined;
}

/** Options of {@link PusherServer.dropConnections}. */
export interface DropConnectionsOptions {
  /**
   * Close with this code (4200 = Pusher "reconnect immediately") after a clean closing
   * handshake. Without a code every socket is terminated abruptly (the client sees 1006).
   */
  code?: number;
  /** Close reason sent with `code`. Default `"reconnect"`. */
  reason?: string;
}

const OPEN = 1;
const SHUTDOWN_GRACE_MS = 500;

/**
 * A Pusher Channels protocol 7 server, a local stand-in for Laravel Reverb. Attach it to an
 * `http.Server` so the HTTP API and the websocket share one port; broadcast with
 * {@link PusherServer.broadcast}; inject faults with {@link PusherServer.setFaults}.
 */
export class PusherServer {
  /** The app key clients must connect with. */
  readonly appKey: string;
  readonly #appSecret: string;
  /** Seconds of silence before a ping; announced to clients as `activity_timeout`. */
  readonly activityTimeoutSeconds: number;
  readonly #activityMs: number;
  readonly #pongTimeoutMs: number;
  readonly #maxMessageBytes: number;
  readonly #wss: WebSocketServer;
  readonly #random: RandomSource;
  readonly #registry = new ChannelRegistry<Connection>();
  readonly #connections = new Set<Connection>();
  readonly #counters: RealtimeCounters = createCounters();
  readonly #listeners: Listeners<PusherServerEvents>;
  readonly #servers = new Map<HttpServer, (req: IncomingMessage, socket: Duplex, head: Buffer) => void>();
  readonly #byId = new Map<string, Connection>();
  readonly #pending = new Set<NodeJS.Timeout>();
  readonly #sweeper: NodeJS.Timeout;
  readonly #idPrefix = randomInt(1, 1_000_000_000);
  #nextId = 0;
  #faults: Faults;
  #closed: Promise<void> | undefined;

  constructor(options: PusherServerOptions) {
    if (!options.appKey) throw new TypeError('appKey is required');
    if (!options.appSecret) throw new TypeError('appSecret is required');
    this.appKey = options.appKey;
    this.#appSecret = options.appSecret;
    this.activityTimeoutSeconds = positive('activityTimeoutSeconds', options.activityTimeoutSeconds ?? 30);
    this.#activityMs = this.activityTimeoutSeconds * 1000;
    this.#pongTimeoutMs = positive('pongTimeoutMs', options.pongTimeoutMs ?? 30_000);
    this.#maxMessageBytes = positive('maxMessageBytes', options.maxMessageBytes ?? 10_000);
    this.#random = options.random ?? (options.seed !== undefined ? createRandom(options.seed) : Math.random);
    this.#faults = mergeFaults(DEFAULT_FAULTS, options.faults ?? {});
    this.#listeners = new Listeners(options.onListenerError);
    this.#wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      clientTracking: false,
      // Frames up to this size are read and answered with a pusher:error; beyond it ws closes with 1009.
      maxPayload: Math.max(1 << 20, this.#maxMessageBytes * 4),
    });
    const sweepMs = Math.min(1000, Math.max(20, Math.min(this.#activityMs, this.#pongTimeoutMs) / 4));
    this.#sweeper = setInterval(() => this.#sweep(), sweepMs);
    this.#sweeper.unref();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Serves websocket upgrades of `server` on `/app/{key}`. Upgrades on other paths get a 404,
   * unless another `upgrade` listener is attached to `server`, which is then left to answer them.
   */
  attach(server: HttpServer): this {
    if (this.#closed) throw new Error('PusherServer is closed');
    if (!this.#servers.has(server)) {
      const handler = (req: IncomingMessage, socket: Duplex, head: Buffer): void =>
        this.#onUpgrade(server, req, socket, head);
      this.#servers.set(server, handler);
      server.on('upgrade', handler);
    }
    return this;
  }

  /** Stops serving `server`'s upgrades; open sockets stay open. */
  detach(server: HttpServer): this {
    const handler = this.#servers.get(server);
    if (handler) server.off('upgrade', handler);
    this.#servers.delete(server);
    return this;
  }

  /**
   * Detaches from every server, cancels held broadcasts and closes every socket (1001,
   * terminated if the client does not finish the closing handshake within 500 ms).
   * The `http.Server`s themselves are left to their owner. Idempotent.
   */
  close(): Promise<void> {
    this.#closed ??= this.#shutdown();
    return this.#closed;
  }

  async #shutdown(): Promise<void> {
    clearInterval(this.#sweeper);
    for (const t of this.#pending) clearTimeout(t);
    this.#pending.clear();
    for (const [server, handler] of this.#servers) server.off('upgrade', handler);
    this.#servers.clear();
    const closing: Promise<void>[] = [];
    for (const conn of this.#connections) {
      closing.push(new Promise((resolve) => conn.ws.once('close', () => resolve())));
      conn.ws.close(1001, 'Server shutting down');
    }
    if (closing.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      });
      await Promise.race([Promise.all(closing), grace]);
      clearTimeout(timer);
      for (const conn of this.#connections) conn.ws.terminate();
      await Promise.all(closing);
    }
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#registry.clear();
    this.#listeners.clear();
  }

  // ---------------------------------------------------------------- host API

  /** Listens to a server event (see {@link PusherServerEvents}); returns a function that stops listening. */
  on<K extends keyof PusherServerEvents>(event: K, listener: PusherServerEvents[K]): () => void {
    return this.#listeners.on(event, listener);
  }

  /** The current fault knobs (a copy; change them with {@link setFaults}). */
  get faults(): Readonly<Faults> {
    return { ...this.#faults };
  }

  /** Changes some fault knobs at runtime; throws on invalid values and then changes none. */
  setFaults(patch: FaultsPatch): void {
    this.#faults = mergeFaults(this.#faults, patch);
  }

  /** Puts every fault knob back to "no faults". */
  resetFaults(): void {
    this.#faults = { ...DEFAULT_FAULTS };
  }

  /**
   * Sends `event` to every socket subscribed to `channel` as
   * `{"event","channel","data": JSON.stringify(payload)}`, the frame serialized once and
   * shared by all subscribers. Fault knobs apply (drop, duplicate, reorder, double
   * encoding, event name style).
   *
   * @returns how many sockets the frame goes to: 0 when dropped or nobody listens; a
   *   duplicated broadcast still counts each socket once; with a reorder window it is the
   *   subscriber count at call time (delivery happens later, to whoever is still subscribed).
   */
  broadcast(channel: string, event: string, payload: unknown, options?: BroadcastOptions): number {
    if (this.#closed) return 0;
    const faults = this.#faults;
    const counters = this.#counters;
    counters.broadcasts++;
    if (faults.dropBroadcastRate > 0 && this.#random() < faults.dropBroadcastRate) {
      counters.broadcastsDropped++;
      return 0;
    }
    const copies = faults.duplicateBroadcastRate > 0 && this.#random() < faults.duplicateBroadcastRate ? 2 : 1;
    if (copies === 2) counters.broadcastsDuplicated++;
    const ch = this.#registry.get(channel);
    if (!ch) return 0;
    let data = JSON.stringify(payload === undefined ? {} : payload);
    if (faults.doubleEncodeData) data = JSON.stringify(data);
    const frame = textFrame(eventFrame(styleEventName(event, faults.eventNameStyle), channel, data));
    const except = options?.exceptSocketId === undefined ? undefined : this.#byId.get(options.exceptSocketId);
    const targets = except && ch.subscribers.has(except) ? ch.subscribers.size - 1 : ch.subscribers.size;
    for (let i = 0; i < copies; i++) {
      if (faults.reorderWindowMs > 0) {
        counters.broadcastsDelayed++;
        const timer = setTimeout(() => {
          this.#pending.delete(timer);
          const live = this.#registry.get(channel);
          if (live) this.#deliver(live, frame, except);
        }, Math.floor(this.#random() * faults.reorderWindowMs));
        this.#pending.add(timer);
      } else {
        this.#deliver(ch, frame, except);
      }
    }
    return targets;
  }

  /**
   * Fault: drops every open socket, abruptly (no close frame, the client sees 1006) or,
   * with `code`, by a clean close with that code (4200 makes pusher-js reconnect at once).
   * @returns the number of sockets dropped.
   */
  dropConnections(options: DropConnectionsOptions = {}): number {
    const { code, reason = 'reconnect' } = options;
    if (code !== undefined && !(code === 1000 || (Number.isInteger(code) && code >= 3000 && code <= 4999))) {
      throw new RangeError(`close code must be 1000 or 3000-4999, got ${code}`);
    }
    if (Buffer.byteLength(reason) > 123) throw new RangeError('close reason must be at most 123 bytes');
    let n = 0;
    for (const conn of this.#connections) {
      if (conn.ws.readyState !== OPEN) continue;
      n++;
      this.#unsubscribeAll(conn);
      if (code === undefined) conn.ws.terminate();
      else conn.ws.close(code, reason);
    }
    this.#counters.connectionsDropped += n;
    return n;
  }

  /**
   * Fault: turns every open socket into a half-open one, as after a phone's radio slept or a NAT
   * forgot the mapping: the socket stays open on both ends, but nothing reaches the client any more
   * (no broadcasts, no pongs, no pings) and what the client sends is ignored. Only a client that
   * checks its socket notices. New sockets are healthy.
   * @returns the number of sockets stalled.
   */
  stallConnections(): number {
    let n = 0;
    for (const conn of this.#connections) {
      if (conn.ws.readyState !== OPEN || conn.stalled) continue;
      conn.stalled = true;
      n++;
    }
    this.#counters.connectionsStalled += n;
    return n;
  }

  /** A snapshot of connections, channels and counters. */
  stats(): RealtimeStats {
    const subscriptions = this.#registry.counts();
    let total = 0;
    for (const name in subscriptions) total += subscriptions[name] ?? 0;
    return {
      ...this.#counters,
      connections: this.#connections.size,
      channels: this.#registry.size,
      subscriptions,
      subscriptionsTotal: total,
    };
  }

  /** Socket ids of the open sockets. */
  socketIds(): string[] {
    return [...this.#byId.keys()];
  }

  // ---------------------------------------------------------------- handshake

  #onUpgrade(server: HttpServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = req.url ?? '/';
    const key = appKeyFromPath(url);
    if (key === undefined) {
      // Someone else may serve this path on the same http.Server.
      if (server.listenerCount('upgrade') > 1) return;
      this.#counters.badPath++;
      rejectUpgrade(socket, 404);
      return;
    }
    if (this.#closed) {
      rejectUpgrade(socket, 503);
      return;
    }
    const refuse = this.#faults.refuseConnections;
    if (refuse !== false) {
      this.#counters.connectionsRefused++;
      if (refuse === 'http') return rejectUpgrade(socket, 503);
      if (refuse === 'drop') return dropUpgrade(socket);
      this.#wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', () => {
          this.#counters.socketErrors++;
        });
        this.#refuse(ws, PusherErrorCode.OverCapacity, 'Over capacity');
      });
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onOpen(ws, socket, key, protocolParam(url)));
  }

  #onOpen(ws: WebSocket, socket: Duplex, key: string, protocol: string | undefined): void {
    this.#counters.connectionsTotal++;
    ws.on('error', () => {
      this.#counters.socketErrors++;
    });
    if (this.#closed) {
      ws.terminate();
      return;
    }
    if (key !== this.appKey) {
      this.#counters.unknownAppKey++;
      this.#refuse(ws, PusherErrorCode.AppNotFound, `Application does not exist`);
      return;
    }
    if (protocol === undefined || protocol === '') {
      this.#counters.protocolRejected++;
      this.#refuse(ws, PusherErrorCode.NoProtocolVersion, 'No protocol version supplied');
      return;
    }
    if (!/^\d+$/.test(protocol)) {
      this.#counters.protocolRejected++;
      this.#refuse(ws, PusherErrorCode.InvalidVersionFormat, 'Invalid version string format');
      return;
    }
    if (Number(protocol) !== PROTOCOL_VERSION) {
      this.#counters.protocolRejected++;
      this.#refuse(ws, PusherErrorCode.UnsupportedProtocol, `Unsupported protocol version ${protocol}`);
      return;
    }
    const conn = new Connection(`${this.#idPrefix}.${++this.#nextId}`, ws, socket, Date.now());
    this.#connections.add(conn);
    this.#byId.set(conn.id, conn);
    ws.on('message', (data, isBinary) => this.#onMessage(conn, data, isBinary));
    ws.on('pong', () => conn.stalled || this.#touch(conn));
    ws.once('close', (code) => this.#onClose(conn, code));
    this.#send(conn, connectionEstablishedFrame(conn.id, this.activityTimeoutSeconds));
    this.#listeners.emit('connect', conn.id);
  }

  /** Sends a `pusher:error` and closes with the same code (handshake failures). */
  #refuse(ws: WebSocket, code: number, message: string): void {
    const text = errorFrame(code, message);
    ws.send(text);
    this.#counters.errorsSent++;
    this.#counters.framesOut++;
    this.#counters.bytesOut += Buffer.byteLength(text);
    // A close reason is limited to 123 bytes.
    ws.close(code, message.length > 100 ? `${message.slice(0, 100)}…` : message);
  }

  #onClose(conn: Connection, code: number): void {
    this.#unsubscribeAll(conn);
    this.#connections.delete(conn);
    this.#byId.delete(conn.id);
    this.#listeners.emit('disconnect', conn.id, code);
  }

  // ---------------------------------------------------------------- frames

  #onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.stalled) return;
    const counters = this.#counters;
    counters.framesIn++;
    this.#touch(conn);
    try {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      counters.bytesIn += buf.length;
      if (isBinary) return this.#garbled(conn, 'Binary frames are not supported');
      if (buf.length > this.#maxMessageBytes) {
        return this.#garbled(conn, `Message too large (max ${this.#maxMessageBytes} bytes)`);
      }
      const parsed = parseClientFrame(buf.toString('utf8'));
      if (!parsed.ok) return this.#garbled(conn, parsed.reason);
      const { event } = parsed.frame;
      switch (event) {
        case 'pusher:ping':
          this.#send(conn, PONG_FRAME);
          return;
        case 'pusher:pong':
          return;
        case 'pusher:subscribe':
          return this.#subscribe(conn, parsed.frame.data);
        case 'pusher:unsubscribe':
          return this.#unsubscribe(conn, parsed.frame.data);
      }
      if (event.startsWith('client-')) {
        counters.clientEventsRefused++;
        this.#sendError(conn, PusherErrorCode.ClientEventsDisabled, 'The app does not have client messaging enabled.');
        return;
      }
      if (event.startsWith('pusher:')) return this.#garbled(conn, `Unknown Pusher event: ${event.slice(0, 64)}`);
      // Like Reverb: other events need a channel and are then ignored.
      if (typeof parsed.frame.channel !== 'string') return this.#garbled(conn, 'Invalid message format');
    } catch (err) {
      counters.internalErrors++;
      this.#sendError(conn, PusherErrorCode.Reconnect, 'Invalid message format');
      process.emitWarning(`PusherServer failed on a frame: ${String(err)}`);
    }
  }

  #garbled(conn: Connection, reason: string): void {
    this.#counters.garbledFrames++;
    this.#sendError(conn, PusherErrorCode.Reconnect, reason);
    if (this.#listeners.has('garbled')) this.#listeners.emit('garbled', conn.id, reason);
  }

  #subscribe(conn: Connection, rawData: unknown): void {
    const data = frameData(rawData);
    const name = data?.channel;
    if (!data || !isValidChannelName(name)) return this.#garbled(conn, 'Invalid channel name');
    const kind = channelKind(name);
    let member: PresenceMember | undefined;
    if (kind !== 'public') {
      const channelData = kind === 'presence' ? data.channel_data : undefined;
      if (kind === 'presence' && typeof channelData !== 'string') {
        return this.#authFailure(conn, name, 'Presence channels need channel_data');
      }
      const verdict = verifyChannelSignature({
        appKey: this.appKey,
        appSecret: this.#appSecret,
        socketId: conn.id,
        channelName: name,
        auth: data.auth,
        channelData: channelData as string | undefined,
      });
      if (!verdict.ok) return this.#authFailure(conn, name, verdict.reason);
      if (kind === 'presence') {
        member = presenceMember(channelData as string);
        if (!member) return this.#authFailure(conn, name, 'channel_data must be JSON with a user_id');
      }
    }
    const ch = this.#registry.getOrCreate(name);
    const already = ch.subscribers.has(conn);
    if (!already) {
      ch.subscribers.add(conn);
      conn.channels.add(ch);
    }
    if (member && ch.members) {
      const isNewUser = !already && ch.socketsOfUser(member.user_id) === 0;
      if (!already) ch.members.set(conn, member);
      this.#send(conn, subscriptionSucceededFrame(name, ch.presenceData()));
      if (isNewUser) this.#sendToOthers(ch, conn, memberAddedFrame(name, member.user_id, member.user_info));
    } else {
      this.#send(conn, subscriptionSucceededFrame(name));
    }
    if (!already) {
      this.#counters.subscribes++;
      this.#listeners.emit('subscribe', conn.id, name);
    }
  }

  #authFailure(conn: Connection, channel: string, reason: string): void {
    this.#counters.authFailures++;
    if (this.#faults.authFailureStyle === 'pusher_error') {
      this.#sendError(conn, PusherErrorCode.Unauthorized, 'Connection is unauthorized');
    } else {
      this.#send(conn, subscriptionErrorFrame(channel, reason, 401));
    }
    this.#listeners.emit('authFailure', conn.id, channel, reason);
  }

  #unsubscribe(conn: Connection, rawData: unknown): void {
    const name = frameData(rawData)?.channel;
    if (typeof name !== 'string') return this.#garbled(conn, 'Invalid channel name');
    this.#counters.unsubscribes++;
    const ch = this.#registry.get(name);
    if (ch && ch.subscribers.has(conn)) this.#leave(conn, ch);
  }

  #unsubscribeAll(conn: Connection): void {
    for (const ch of conn.channels) this.#leave(conn, ch);
  }

  #leave(conn: Connection, ch: Channel<Connection>): void {
    ch.subscribers.delete(conn);
    conn.channels.delete(ch);
    const member = ch.members?.get(conn);
    if (member && ch.members) {
      ch.members.delete(conn);
      if (ch.socketsOfUser(member.user_id) === 0) {
        this.#sendToOthers(ch, conn, memberRemovedFrame(ch.name, member.user_id));
      }
    }
    this.#registry.releaseIfEmpty(ch);
    this.#listeners.emit('unsubscribe', conn.id, ch.name);
  }

  // ---------------------------------------------------------------- sending

  #send(conn: Connection, text: string): void {
    if (conn.ws.readyState !== OPEN || conn.stalled) return;
    conn.ws.send(text);
    this.#counters.framesOut++;
    this.#counters.bytesOut += Buffer.byteLength(text);
  }

  #sendError(conn: Connection, code: number, message: string): void {
    this.#counters.errorsSent++;
    this.#send(conn, errorFrame(code, message));
  }

  #sendToOthers(ch: Channel<Connection>, except: Connection, text: string): void {
    for (const other of ch.subscribers) if (other !== except) this.#send(other, text);
  }

  /**
   * Writes one complete, pre-built websocket frame to every subscriber of `ch`, straight to
   * the TCP socket: no per-socket serialization, framing or allocation. This is safe because
   * ws writes each of its own frames whole and synchronously; it only queues frames while
   * compressing (`perMessageDeflate` is off) or reading a Blob (never sent here); and we
   * write only while the websocket is OPEN, so nothing follows ws's close frame.
   */
  #deliver(ch: Channel<Connection>, frame: Buffer, except: Connection | undefined): number {
    let n = 0;
    for (const conn of ch.subscribers) {
      if (conn === except || conn.ws.readyState !== OPEN || conn.stalled) continue;
      const socket = conn.socket;
      if (!socket.writable) continue;
      socket.write(frame);
      n++;
    }
    this.#counters.framesOut += n;
    this.#counters.bytesOut += n * frame.length;
    return n;
  }

  // ---------------------------------------------------------------- keep-alive

  #touch(conn: Connection): void {
    conn.lastSeen = Date.now();
    conn.pingSentAt = 0;
  }

  /** Pings sockets silent for `activity_timeout`; closes with 4201 those that did not answer in time. */
  #sweep(): void {
    const now = Date.now();
    for (const conn of this.#connections) {
      // a stalled socket is left half-open: closing it would tell the client
      if (conn.ws.readyState !== OPEN || conn.stalled) continue;
      if (conn.pingSentAt !== 0) {
        if (now - conn.pingSentAt >= this.#pongTimeoutMs) {
          this.#counters.idleDisconnects++;
          this.#unsubscribeAll(conn);
          conn.ws.close(PusherErrorCode.PongTimeout, 'Pong reply not received in time');
        }
      } else if (now - conn.lastSeen >= this.#activityMs) {
        conn.pingSentAt = now;
        this.#counters.pingsSent++;
        this.#send(conn, PING_FRAME);
      }
    }
  }
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

function presenceMember(channelData: string): PresenceMember | undefined {
  const parsed = frameData(channelData);
  const id = parsed?.user_id;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  const member: PresenceMember = { user_id: String(id) };
  if (parsed && 'user_info' in parsed) member.user_info = parsed.user_info;
  return member;
}
