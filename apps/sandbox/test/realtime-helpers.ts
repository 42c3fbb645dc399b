/** Test helpers for the realtime server: a real http.Server, raw ws clients, pusher-js clients. */
import { onTestFinished } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PusherModule from 'pusher-js';
import type { ChannelAuthorizationHandler, Options as PusherOptions } from 'pusher-js';
import { WebSocket, type RawData } from 'ws';
import {
  PusherServer,
  authorizeChannel,
  signChannel,
  type ChannelAuthorization,
  type PusherServerOptions,
} from '../src/realtime/index.js';

export const KEY = 'sandbox-key';
export const SECRET = 'sandbox-secret';
export const CHANNEL = 'private-chat.session.904';

/** pusher-js's types describe an ES module default; on Node the CJS export *is* the class. */
export const Pusher = PusherModule as unknown as typeof PusherModule.default;
export type PusherClient = InstanceType<typeof Pusher>;
/** The same class, typed the way laravel-echo's `Pusher` option expects it. */
export const PusherForEcho = PusherModule;

/**
 * pusher-js `channelAuthorization` options that sign locally instead of calling an endpoint;
 * `sign` decides what the "auth endpoint" answers (default: a correct signature).
 */
export function localAuthorization(
  sign: (socketId: string, channelName: string) => ChannelAuthorization = (socketId, channelName) =>
    authorizeChannel(KEY, SECRET, socketId, channelName),
): { endpoint: string; transport: 'ajax'; customHandler: ChannelAuthorizationHandler } {
  return {
    endpoint: '/unused',
    transport: 'ajax',
    customHandler: (params, callback) => callback(null, sign(params.socketId, params.channelName)),
  };
}

export interface Harness {
  http: Server;
  realtime: PusherServer;
  port: number;
  close(): Promise<void>;
}

/** Starts an http.Server on 127.0.0.1:0 with a PusherServer attached. */
export async function startServer(options: Partial<PusherServerOptions> = {}): Promise<Harness> {
  const http = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const realtime = new PusherServer({ appKey: KEY, appSecret: SECRET, seed: 1, ...options });
  realtime.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    http,
    realtime,
    port,
    async close() {
      await realtime.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Resolves when `check` returns true, polling; rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A decoded server frame; `data` is parsed once if it is a JSON string. */
export interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
  /** The raw `data` field as received. */
  rawData?: unknown;
}

/** A plain `ws` client speaking the Pusher protocol by hand; records every frame. */
export class RawClient {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #cursor = 0;
  #wake: (() => void) | undefined;

  constructor(port: number, path = `/app/${KEY}?protocol=7&client=raw&version=1`) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
    this.ws.on('error', () => {});
    this.ws.on('message', (raw: RawData) => {
      const msg = JSON.parse(String(raw)) as { event: string; channel?: string; data?: unknown };
      let data = msg.data;
      if (typeof data === 'string') {
        try {
          data = JSON.parse(data);
        } catch {
          /* keep the string */
        }
      }
      const frame: Frame = { event: msg.event, data, rawData: msg.data };
      if (msg.channel !== undefined) frame.channel = msg.channel;
      this.frames.push(frame);
      const wake = this.#wake;
      this.#wake = undefined;
      wake?.();
    });
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
  }

  /** Waits for the next frame (after the ones already taken) matching `match`. */
  async next(match: (f: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#cursor < this.frames.length) {
        const f = this.frames[this.#cursor++]!;
        if (match(f)) return f;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame');
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
  }

  /** Frames received after the last one taken by `next`, consumed. */
  drain(): Frame[] {
    const out = this.frames.slice(this.#cursor);
    this.#cursor = this.frames.length;
    return out;
  }

  /** Waits for `connection_established` and returns the socket id. */
  async connected(): Promise<string> {
    const f = await this.next((x) => x.event === 'pusher:connection_established');
    return (f.data as { socket_id: string }).socket_id;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  /** Subscribes (signing private channels with `SECRET` unless `auth` is given) and waits for the answer. */
  async subscribe(socketId: string, channel: string, auth?: string): Promise<Frame> {
    const payload: Record<string, unknown> = { channel };
    if (auth !== undefined) payload.auth = auth;
    else if (channel.startsWith('private-')) payload.auth = `${KEY}:${signChannel(SECRET, socketId, channel)}`;
    this.send({ event: 'pusher:subscribe', data: payload });
    return this.next(
      (f) =>
        f.channel === channel &&
        (f.event === 'pusher_internal:subscription_succeeded' || f.event === 'pusher:subscription_error'),
    );
  }

  /** Sends `pusher:ping` and returns every frame received before the matching pong. */
  async roundTrip(timeoutMs = 3000): Promise<Frame[]> {
    const before = this.frames.length;
    this.#cursor = before;
    this.send({ event: 'pusher:ping', data: {} });
    const pong = await this.next((f) => f.event === 'pusher:pong', timeoutMs);
    const idx = this.frames.lastIndexOf(pong);
    return this.frames.slice(before, idx);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    if (this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.terminate();
    } else {
      this.ws.close();
      const t = setTimeout(() => this.ws.terminate(), 500);
      await this.closed;
      clearTimeout(t);
      return;
    }
    await this.closed;
  }
}

/** An unmodified pusher-js client pointed at the sandbox, signing private channels locally. */
export function pusherClient(port: number, extra: Partial<PusherOptions> = {}, secret = SECRET): PusherClient {
  return new Pusher(KEY, {
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    channelAuthorization: localAuthorization((socketId, channelName) => ({
      auth: `${KEY}:${signChannel(secret, socketId, channelName)}`,
    })),
    ...extra,
  });
}

/** Resolves when a pusher-js client reaches `state`. */
export function pusherState(client: PusherClient, state: string, timeoutMs = 8000): Promise<void> {
  return waitFor(() => client.connection.state === state, timeoutMs, `pusher-js state ${state}`);
}

/** Runs `close(resource)` when the current test finishes, passed or failed; returns `resource`. */
export function closeAfterTest<T>(resource: T, close: (resource: T) => unknown): T {
  onTestFinished(async () => {
    await close(resource);
  });
  return resource;
}

/** A PusherServer on a free port, closed when the test finishes. */
export async function server(options: Partial<PusherServerOptions> = {}): Promise<Harness> {
  return closeAfterTest(await startServer(options), (h) => h.close());
}

/** A raw protocol client, closed when the test finishes. */
export function raw(h: Harness, path?: string): RawClient {
  return closeAfterTest(new RawClient(h.port, path), (c) => c.close());
}

/** An unmodified pusher-js client, disconnected when the test finishes. */
export function pusher(h: Harness, extra: Partial<PusherOptions> = {}, secret?: string): PusherClient {
  return closeAfterTest(pusherClient(h.port, extra, secret), (p) => p.disconnect());
}
