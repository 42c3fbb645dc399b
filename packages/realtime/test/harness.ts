/**
 * A real stand-in for Tickki: an `http.Server` on 127.0.0.1 that answers the broadcasting-auth call
 * and, on the same port, the sandbox's Pusher protocol 7 server. Tests only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTickkiClient, type Client, type RealtimeConfig } from '@tickki/chat-api';
// Tests only: the package source never imports the sandbox.
import { PusherServer, signChannel } from '../../../apps/sandbox/src/realtime/index.js';
import { afterEach, beforeEach } from 'vitest';
import { RealtimeConnection, type ConnectionState, type RealtimeConnectionOptions, type RealtimeEvents } from '../src/index.js';

export const APP_KEY = 'reverb-test-key';
export const APP_SECRET = 'reverb-test-secret';
export const PUBLISHABLE_KEY = 'pk_test_harness';
export const CHANNEL = 'private-chat.session.904';
export const AUTH_PATH = '/api/v1/chat/broadcasting/auth';

/** One call the auth endpoint received. */
export interface AuthCall {
  socketId: string;
  channel: string;
  token: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
}

/** An upgrade request the http server saw: where pusher-js really connected. */
export interface Upgrade {
  host: string | undefined;
  url: string | undefined;
  /** When the server saw it (`performance.now()`), to measure the pace of retries. */
  at: number;
}

export interface Harness {
  port: number;
  pusher: PusherServer;
  realtime: RealtimeConfig;
  /** A client whose own base URL is dead: only the absolute `auth_endpoint` can work. */
  client: Client;
  /** The token the client sends (read on every request). */
  clientToken: string;
  /** The token the server accepts. */
  validToken: string;
  /** When set, the auth endpoint answers this status with an error body. */
  authStatus: number | undefined;
  /** When set, the auth endpoint signs with this secret (the Pusher server then refuses it). */
  signingSecret: string;
  authCalls: AuthCall[];
  upgrades: Upgrade[];
  broadcast(event: string, payload: unknown): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

export async function startHarness(port = 0): Promise<Harness> {
  const server = createServer((req, res) => void handle(req, res));
  const pusher = new PusherServer({ appKey: APP_KEY, appSecret: APP_SECRET, activityTimeoutSeconds: 30 });
  const h = {
    clientToken: 'session-token-1',
    validToken: 'session-token-1',
    authStatus: undefined,
    signingSecret: APP_SECRET,
    authCalls: [],
    upgrades: [],
    pusher,
  } as unknown as Harness;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== AUTH_PATH) return json(res, 404, { error: 'not_found', message: 'no' });
    const form = new URLSearchParams(await readBody(req));
    const call: AuthCall = {
      socketId: form.get('socket_id') ?? '',
      channel: form.get('channel_name') ?? '',
      token: req.headers['x-tickki-session'] as string | undefined,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
    };
    h.authCalls.push(call);
    if (h.authStatus !== undefined) return json(res, h.authStatus, { error: 'server_error', message: 'forced' });
    if (call.authorization !== `Bearer ${PUBLISHABLE_KEY}`) return json(res, 401, { error: 'invalid_api_key', message: 'Bad key.' });
    if (call.token !== h.validToken) return json(res, 401, { error: 'invalid_session', message: 'Unknown session.' });
    json(res, 200, { auth: `${APP_KEY}:${signChannel(h.signingSecret, call.socketId, call.channel)}` });
  }

  server.on('upgrade', (req: IncomingMessage) => h.upgrades.push({ host: req.headers.host, url: req.url, at: performance.now() }));
  pusher.attach(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  h.port = (server.address() as AddressInfo).port;
  h.realtime = {
    key: APP_KEY,
    host: '127.0.0.1',
    port: h.port,
    scheme: 'http',
    channel: CHANNEL,
    auth_endpoint: `http://127.0.0.1:${h.port}${AUTH_PATH}`,
    event: 'MessageCreated',
  };
  h.client = createTickkiClient({
    publishableKey: PUBLISHABLE_KEY,
    baseUrl: 'http://127.0.0.1:9', // nothing listens here
    sessionToken: () => h.clientToken,
  });
  h.broadcast = (event, payload) => pusher.broadcast(CHANNEL, event, payload);
  h.close = async () => {
    await pusher.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return h;
}

/** A well-formed wire message. */
export const wireMessage = (id: number, content = `message ${id}`) => ({
  id,
  direction: 'outbound',
  type: 'text',
  content,
  created_at: '2025-05-01T10:00:00Z',
});

/** Resolves with the next `event` payload that satisfies `predicate`. */
export function next<K extends keyof RealtimeEvents>(
  rt: RealtimeConnection,
  event: K,
  predicate: (value: RealtimeEvents[K]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<RealtimeEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${String(event)}`));
    }, timeoutMs);
    const off = rt.on(event, (value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}

/** Resolves when `rt` is in `state` (at once if it already is). */
export function until(rt: RealtimeConnection, state: ConnectionState, timeoutMs = 10_000): Promise<void> {
  if (rt.state === state) return Promise.resolve();
  return next(rt, 'state', (c) => c.to === state, timeoutMs).then(() => undefined);
}

/** Records every state change of `rt` as `"from→to"`. */
export function recordStates(rt: RealtimeConnection): string[] {
  const seen: string[] = [];
  rt.on('state', (c) => seen.push(`${c.from}→${c.to}`));
  return seen;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A fresh harness for each test of the calling file, and the connection a test opens: disposed and
 * the harness closed after each test. `t.h` is the current test's harness.
 */
export function connectionPerTest() {
  let rt: RealtimeConnection | undefined;
  const t = {
    h: undefined as unknown as Harness,
    /** A connection to the harness (not connected yet), disposed after the test. */
    open(extra: Partial<RealtimeConnectionOptions> = {}): RealtimeConnection {
      rt = new RealtimeConnection({ realtime: t.h.realtime, client: t.h.client, ...extra });
      return rt;
    },
    /** A connection that has subscribed its channel. */
    async connected(extra: Partial<RealtimeConnectionOptions> = {}): Promise<RealtimeConnection> {
      const c = t.open(extra);
      const subscribed = next(c, 'subscribed');
      c.connect();
      await subscribed;
      return c;
    },
  };
  beforeEach(async () => {
    t.h = await startHarness();
  });
  afterEach(async () => {
    rt?.dispose();
    rt = undefined;
    await t.h.close();
  });
  return t;
}
