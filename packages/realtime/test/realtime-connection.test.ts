import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { waitFor } from '@tickki/testkit';
import { describe, expect, it } from 'vitest';
import PusherJs from 'pusher-js';
import type { LifecycleEvent, PusherConstructor, RealtimeConnectionOptions, RealtimeError } from '../src/index.js';
import {
  APP_KEY,
  connectionPerTest,
  startHarness,
  CHANNEL,
  PUBLISHABLE_KEY,
  next,
  recordStates,
  sleep,
  until,
  wireMessage,
} from './harness.js';

const t = connectionPerTest();
const { open, connected } = t;

describe('connecting', () => {
  it("opens the socket on the session's own host, subscribes and goes idle → connecting → connected", async () => {
    const c = open();
    const states = recordStates(c);
    expect(c.state).toBe('idle');
    const subscribed = next(c, 'subscribed');
    c.connect();
    expect(c.state).toBe('connecting');
    const ev = await subscribed;

    expect(c.state).toBe('connected');
    expect(states).toEqual(['idle→connecting', 'connecting→connected']);
    expect(ev).toEqual({ socketId: expect.stringMatching(/^\d+\.\d+$/), resubscribed: false });
    // The URL pusher-js opened: the given host and port, the Reverb app key, protocol 7. Never a cluster host.
    expect(t.h.upgrades).toHaveLength(1);
    expect(t.h.upgrades[0]!.host).toBe(`127.0.0.1:${t.h.port}`);
    expect(t.h.upgrades[0]!.url).toMatch(new RegExp(`^/app/${APP_KEY}\\?protocol=7&`));
  });

  it('authorizes through the generated client at the absolute auth_endpoint, with key and session token', async () => {
    const c = await connected();
    expect(t.h.authCalls).toEqual([
      {
        socketId: c.state === 'connected' ? expect.any(String) : '',
        channel: CHANNEL,
        token: 'session-token-1',
        authorization: `Bearer ${PUBLISHABLE_KEY}`,
        contentType: 'application/x-www-form-urlencoded',
      },
    ]);
    expect(t.h.pusher.stats().subscriptions[CHANNEL]).toBe(1);
  });

  it('receives MessageCreated as a model', async () => {
    const c = await connected();
    const got = next(c, 'message');
    t.h.broadcast('MessageCreated', {
      ...wireMessage(7, 'hello'),
      attachments: [{ id: 1, file_name: 'a.pdf', mime_type: 'application/pdf', file_size: 10, signed_url: 'https://x/a' }],
    });
    expect(await got).toEqual({
      id: 7,
      direction: 'outbound',
      type: 'text',
      content: 'hello',
      createdAt: new Date('2025-05-01T10:00:00Z'),
      attachments: [{ id: 1, fileName: 'a.pdf', mimeType: 'application/pdf', fileSize: 10, signedUrl: 'https://x/a' }],
      isFromAgent: true,
    });
  });

  it.each(['plain', 'dotted', 'classPath'] as const)('matches the event named %s, data encoded once or twice', async (style) => {
    const c = await connected();
    t.h.pusher.setFaults({ eventNameStyle: style });
    const ids: number[] = [];
    c.on('message', (m) => ids.push(m.id));
    const second = next(c, 'message', (m) => m.id === 2);
    t.h.broadcast('MessageCreated', wireMessage(1));
    t.h.pusher.setFaults({ doubleEncodeData: true });
    t.h.broadcast('MessageCreated', wireMessage(2));
    await second;
    expect(ids).toEqual([1, 2]);
  });

  it('delivers the AgentTyping extension event', async () => {
    const c = await connected();
    t.h.pusher.setFaults({ eventNameStyle: 'classPath', doubleEncodeData: true });
    const got = next(c, 'agentTyping');
    t.h.broadcast('AgentTyping', { typing: true, agent_name: 'Ada' });
    expect(await got).toEqual({ typing: true, agentName: 'Ada' });
  });
});

describe('malformed payloads', () => {
  it('reports a garbage payload as parse_error, never throws, and keeps the connection working', async () => {
    const c = await connected();
    const errors: RealtimeError[] = [];
    c.on('error', (e) => errors.push(e));
    const good = next(c, 'message');
    t.h.broadcast('MessageCreated', 'not json {'); // data: a JSON string that is not JSON inside
    t.h.broadcast('MessageCreated', { id: 3, content: 'no direction' }); // wrong shape
    t.h.broadcast('MessageCreated', [1, 2, 3]);
    t.h.broadcast('AgentTyping', { typing: 'maybe' });
    t.h.broadcast('MessageCreated', wireMessage(4));
    expect((await good).id).toBe(4);
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['RealtimeError', 'parse_error'],
      ['RealtimeError', 'parse_error'],
      ['RealtimeError', 'parse_error'],
      ['RealtimeError', 'parse_error'],
    ]);
    expect(errors[1]!.cause).toEqual({ id: 3, content: 'no direction' });
    expect(c.state).toBe('connected');
  });

  it('isolates a listener that throws', async () => {
    const warnings: unknown[] = [];
    const c = await connected({ logger: { warn: (...a) => warnings.push(a) } });
    c.on('message', () => {
      throw new Error('app bug');
    });
    const got = next(c, 'message');
    t.h.broadcast('MessageCreated', wireMessage(5));
    expect((await got).id).toBe(5);
    expect(warnings).toHaveLength(1);
    expect(c.state).toBe('connected');
  });

  it('ignores unrelated events', async () => {
    const c = await connected();
    const errors: RealtimeError[] = [];
    c.on('error', (e) => errors.push(e));
    const got = next(c, 'message');
    t.h.broadcast('SomethingElse', 'garbage');
    t.h.broadcast('MessageCreated', wireMessage(6));
    await got;
    expect(errors).toEqual([]);
  });
});

describe('reconnecting', () => {
  it.each([
    ['abruptly (1006)', {}],
    ['with close code 4200', { code: 4200 }],
  ])('after the server drops the socket %s: reconnecting → connected, re-authorized with the current token', async (_, drop) => {
    const c = await connected();
    const states = recordStates(c);
    const first = t.h.authCalls[0]!.socketId;
    t.h.clientToken = t.h.validToken = 'session-token-2'; // renewed between the two sockets
    const again = next(c, 'subscribed');
    expect(t.h.pusher.dropConnections(drop)).toBe(1);
    const ev = await again;

    expect(ev.resubscribed).toBe(true);
    expect(ev.socketId).not.toBe(first);
    expect(states).toEqual(['connected→reconnecting', 'reconnecting→connected']);
    expect(t.h.authCalls.map((a) => a.token)).toEqual(['session-token-1', 'session-token-2']);
    expect(t.h.authCalls[1]!.socketId).toBe(ev.socketId);

    const got = next(c, 'message');
    t.h.broadcast('MessageCreated', wireMessage(8));
    expect((await got).id).toBe(8);
  });

  it('survives several drops in a row', async () => {
    const c = await connected();
    for (let i = 0; i < 3; i++) {
      const again = next(c, 'subscribed');
      t.h.pusher.dropConnections();
      await again;
    }
    expect(c.state).toBe('connected');
    expect(t.h.authCalls).toHaveLength(4);
    expect(t.h.pusher.stats().subscriptions[CHANNEL]).toBe(1);
  });

  it('reconnect() forces a new socket and a new subscription', async () => {
    const c = await connected();
    const states = recordStates(c);
    const again = next(c, 'subscribed');
    c.reconnect();
    const ev = await again;
    expect(ev.resubscribed).toBe(true);
    expect(states).toEqual(['connected→reconnecting', 'reconnecting→connected']);
    expect(t.h.upgrades).toHaveLength(2);
    expect(t.h.pusher.stats().connections).toBe(1);
  });

  it('keeps trying while the server refuses connections, backing off, offline, then connects', async () => {
    t.h.pusher.setFaults({ refuseConnections: true });
    const c = open();
    const states = recordStates(c);
    c.connect();
    await until(c, 'offline');
    // Paced by the gaps between attempts, not by a count in a time window: timed where the server
    // saw each one, so a slow machine can only lengthen them.
    await waitFor(() => t.h.upgrades.length >= 4, 'four refused attempts', 20_000);
    expect(t.h.pusher.stats().connectionsRefused).toBe(t.h.upgrades.length);
    const gaps = t.h.upgrades.slice(1, 4).map((u, i) => u.at - t.h.upgrades[i]!.at);
    // pusher-js's own retry after 1 s, then ours: 1–2 s, then 2–4 s (pusher-js alone retries every
    // second). A timer may fire a few ms early: Node counts from the event loop's cached time.
    const early = 50;
    expect(gaps[0]).toBeGreaterThanOrEqual(1000 - early);
    expect(gaps[1]).toBeGreaterThanOrEqual(1000 - early);
    expect(gaps[2]).toBeGreaterThanOrEqual(2000 - early);
    t.h.pusher.setFaults({ refuseConnections: false });
    await until(c, 'connected', 20_000); // the next try is 4–8 s away
    expect(states).toEqual(['idle→connecting', 'connecting→offline', 'offline→reconnecting', 'reconnecting→connected']);
  }, 60_000);

  it("goes offline when pusher-js reports the connection unavailable, and dispose() ends the attempt", async () => {
    // A server that accepts TCP and never answers the upgrade.
    const sockets = new Set<Socket>();
    let closed = 0;
    const tarpit = createNetServer((s) => {
      sockets.add(s);
      s.resume().on('close', () => closed++);
    });
    await new Promise<void>((resolve) => tarpit.listen(0, '127.0.0.1', resolve));
    const port = (tarpit.address() as AddressInfo).port;
    const c = open({ realtime: { ...t.h.realtime, port }, pusherOptions: { unavailableTimeout: 300 } });
    const states = recordStates(c);
    c.connect();
    await until(c, 'offline');
    expect(states).toEqual(['idle→connecting', 'connecting→offline']);
    c.dispose();
    expect(sockets.size).toBeGreaterThan(0);
    await waitFor(() => closed === sockets.size, 'the client to close the pending socket');
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => tarpit.close(resolve));
  });

  it('keeps trying after pusher-js reports the connection unavailable (nothing listens), then connects', async () => {
    // A port nobody listens on yet: connection refused at TCP level, which pusher-js reports only
    // as `unavailable` after `unavailableTimeout`.
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const c = open({ realtime: { ...t.h.realtime, port }, pusherOptions: { unavailableTimeout: 300 } });
    const states = recordStates(c);
    c.connect();
    await until(c, 'offline');
    const late = await startHarness(port); // the server comes up on that port
    try {
      const subscribed = next(c, 'subscribed', () => true, 20_000);
      // The first paced retry is 1–2 s after going offline (pusher-js alone would wait 15 s).
      const ev = await subscribed;
      expect(ev.resubscribed).toBe(false);
      expect(states).toEqual(['idle→connecting', 'connecting→offline', 'offline→reconnecting', 'reconnecting→connected']);
      expect(late.pusher.stats().subscriptions[CHANNEL]).toBe(1);
    } finally {
      c.dispose();
      await late.close();
    }
  }, 30_000);

  it('follows the platform lifecycle: offline, then online reconnects at once', async () => {
    let emit: (e: LifecycleEvent) => void = () => {};
    let stopped = false;
    const c = await connected({
      lifecycle: (listener) => {
        emit = listener;
        return () => void (stopped = true);
      },
    });
    const states = recordStates(c);
    emit('offline');
    expect(c.state).toBe('offline');
    const again = next(c, 'subscribed');
    emit('online');
    await again;
    expect(states).toEqual(['connected→offline', 'offline→reconnecting', 'reconnecting→connected']);
    c.dispose();
    expect(stopped).toBe(true);
  });
});

describe('a half-open socket when the app comes back', () => {
  function lifecycle(): { source: RealtimeConnectionOptions['lifecycle']; emit: (e: LifecycleEvent) => void } {
    let listener: (e: LifecycleEvent) => void = () => {};
    return { source: (l) => ((listener = l), () => undefined), emit: (e) => listener(e) };
  }

  it('is replaced when it does not answer a ping: live events flow again on a new socket', async () => {
    const app = lifecycle();
    const c = await connected({ lifecycle: app.source, probeTimeoutMs: 300 });
    const firstSocket = t.h.pusher.socketIds()[0];
    const states = recordStates(c);
    const got: number[] = [];
    c.on('message', (m) => got.push(m.id));
    expect(t.h.pusher.stallConnections()).toBe(1);
    t.h.broadcast('MessageCreated', wireMessage(1)); // lost on the dead socket, as on a phone asleep
    const again = next(c, 'subscribed');
    app.emit('foreground');
    const { resubscribed, socketId } = await again;
    expect(resubscribed).toBe(true);
    expect(socketId).not.toBe(firstSocket);
    expect(states).toEqual(['connected→reconnecting', 'reconnecting→connected']);
    const live = next(c, 'message');
    expect(t.h.broadcast('MessageCreated', wireMessage(2))).toBe(1);
    expect((await live).id).toBe(2);
    expect(got).toEqual([2]);
  });

  it('is kept when it answers: no reconnect, no extra state change', async () => {
    const app = lifecycle();
    // pusher-js as usual, with the pongs its connection hands on counted
    let pongs = 0;
    class Watched extends (PusherJs as unknown as PusherConstructor) {
      constructor(...args: ConstructorParameters<PusherConstructor>) {
        super(...args);
        this.connection.bind('message', (m: { event: string }) => void (m.event === 'pusher:pong' && pongs++));
      }
    }
    const probeTimeoutMs = 2000; // long enough for a loaded machine: the test is about the answer, not its speed
    const c = await connected({ lifecycle: app.source, probeTimeoutMs, Pusher: Watched });
    const states = recordStates(c);
    const before = t.h.pusher.stats().framesIn;
    app.emit('foreground');
    app.emit('foreground'); // one probe at a time
    await waitFor(() => pongs === 1, 'the answer to the ping');
    // past the probe's deadline (its timer was set before this one, so it fires first): a probe the
    // answer did not end would have replaced the socket by now
    await sleep(probeTimeoutMs);
    expect(states).toEqual([]);
    expect(c.state).toBe('connected');
    expect(t.h.pusher.stats().framesIn - before).toBe(1); // the one ping
    expect(t.h.pusher.stats().connections).toBe(1);
  });
});

describe('authorization failures', () => {
  it('surfaces a refused session as auth_failed and goes failed; reconnect() with a valid token recovers', async () => {
    t.h.clientToken = 'stale-token';
    const c = open();
    const states = recordStates(c);
    const failed = next(c, 'error');
    c.connect();
    const error = await failed;

    expect(error.code).toBe('auth_failed');
    expect(error.status).toBe(401);
    expect(error.serverCode).toBe('invalid_session');
    expect(error.retryable).toBe(false);
    expect(c.state).toBe('failed');
    expect(states).toEqual(['idle→connecting', 'connecting→failed']);
    // failed is quiet: the socket was closed
    await waitFor(() => t.h.pusher.stats().connections === 0, 'the server to see the socket closed');

    t.h.clientToken = t.h.validToken;
    const subscribed = next(c, 'subscribed');
    c.reconnect();
    await subscribed;
    expect(c.state).toBe('connected');
    expect(t.h.authCalls.map((a) => a.token)).toEqual(['stale-token', 'session-token-1']);
  });

  it('retries a transient authorization failure (HTTP 500) with backoff', async () => {
    t.h.authStatus = 500;
    const c = open();
    const states = recordStates(c);
    const failed = next(c, 'error');
    c.connect();
    const error = await failed;
    expect(error).toMatchObject({ code: 'auth_failed', status: 500, retryable: true });
    expect(c.state).toBe('reconnecting');
    t.h.authStatus = undefined;
    await until(c, 'connected');
    expect(states).toEqual(['idle→connecting', 'connecting→reconnecting', 'reconnecting→connected']);
    expect(t.h.authCalls).toHaveLength(2);
  });

  it.each(['subscription_error', 'pusher_error'] as const)(
    'reports a signature the server refuses (%s) as subscription_failed and goes failed',
    async (authFailureStyle) => {
      t.h.pusher.setFaults({ authFailureStyle });
      t.h.signingSecret = 'wrong-secret';
      const c = open();
      const failed = next(c, 'error');
      c.connect();
      const error = await failed;
      expect(error.code).toBe('subscription_failed');
      expect(c.state).toBe('failed');
    },
  );

  it('reports an unknown app key as connection_failed', async () => {
    const c = open({ realtime: { ...t.h.realtime, key: 'unknown-key' } });
    const failed = next(c, 'error');
    c.connect();
    expect((await failed).code).toBe('connection_failed');
    expect(c.state).toBe('failed');
  });
});
