import { createHmac } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import Echo from 'laravel-echo';
import { WebSocket } from 'ws';
import {
  PusherErrorCode,
  PusherServer,
  authorizeChannel,
  isValidChannelName,
  isValidSocketId,
  signChannel,
  verifyChannelSignature,
} from '../src/realtime/index.js';
import {
  CHANNEL,
  KEY,
  Pusher,
  PusherForEcho,
  RawClient,
  SECRET,
  localAuthorization,
  pusherClient,
  pusherState,
  sleep,
  pusher,
  raw,
  server,
  startServer,
  waitFor,
  type Frame,
  type Harness,
  type PusherClient,
} from './realtime-helpers.js';

const MESSAGE = {
  id: 77,
  direction: 'outbound',
  type: 'text',
  content: 'Hello from an agent',
  created_at: '2025-01-01T10:00:00Z',
};

/** Collects `event` on a pusher-js channel. */
function collect(p: PusherClient, channel: string, event: string): unknown[] {
  const got: unknown[] = [];
  p.subscribe(channel).bind(event, (data: unknown) => got.push(data));
  return got;
}

function subscribed(p: PusherClient, channel: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ch = p.channel(channel) ?? p.subscribe(channel);
    if (ch.subscribed) return resolve();
    ch.bind('pusher:subscription_succeeded', () => resolve());
    ch.bind('pusher:subscription_error', (e: unknown) => reject(new Error(JSON.stringify(e))));
  });
}

describe('signatures', () => {
  it('matches the Pusher documentation vectors', () => {
    expect(authorizeChannel('278d425bdf160c739803', '7ad3773142a6692b25b8', '1234.1234', 'private-foobar')).toEqual({
      auth: '278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4',
    });
    const channelData = '{"user_id":10,"user_info":{"name":"Mr. Channels"}}';
    const expected = createHmac('sha256', '7ad3773142a6692b25b8')
      .update(`1234.1234:presence-foobar:${channelData}`)
      .digest('hex');
    expect(signChannel('7ad3773142a6692b25b8', '1234.1234', 'presence-foobar', channelData)).toBe(expected);
  });

  it('verifies and refuses with a reason', () => {
    const base = { appKey: KEY, appSecret: SECRET, socketId: '1.2', channelName: CHANNEL };
    const good = `${KEY}:${signChannel(SECRET, '1.2', CHANNEL)}`;
    expect(verifyChannelSignature({ ...base, auth: good })).toEqual({ ok: true });
    expect(verifyChannelSignature({ ...base, auth: undefined }).ok).toBe(false);
    expect(verifyChannelSignature({ ...base, auth: 'nocolon' }).ok).toBe(false);
    expect(verifyChannelSignature({ ...base, auth: good.replace(KEY, 'other') }).ok).toBe(false);
    expect(verifyChannelSignature({ ...base, socketId: '1.3', auth: good }).ok).toBe(false);
    expect(verifyChannelSignature({ ...base, channelName: 'private-x', auth: good }).ok).toBe(false);
    expect(verifyChannelSignature({ ...base, auth: `${KEY}:zz` }).ok).toBe(false);
  });

  it('validates socket ids and channel names', () => {
    expect(isValidSocketId('123.456')).toBe(true);
    expect(isValidSocketId('123')).toBe(false);
    expect(isValidSocketId(12.3)).toBe(false);
    expect(isValidChannelName(CHANNEL)).toBe(true);
    expect(isValidChannelName('a b')).toBe(false);
    expect(isValidChannelName('x'.repeat(165))).toBe(false);
    expect(isValidChannelName('')).toBe(false);
  });

  it('rejects bad options', () => {
    expect(() => new PusherServer({ appKey: '', appSecret: 's' })).toThrow(TypeError);
    expect(() => new PusherServer({ appKey: 'k', appSecret: 's', activityTimeoutSeconds: 0 })).toThrow(RangeError);
  });
});

describe('pusher-js (unmodified)', () => {
  it('connects, subscribes to a private channel and receives MessageCreated', async () => {
    const h = await server();
    const p = pusher(h);
    const got = collect(p, CHANNEL, 'MessageCreated');
    await subscribed(p, CHANNEL);
    expect(p.connection.state).toBe('connected');
    expect(isValidSocketId(p.connection.socket_id)).toBe(true);
    expect(h.realtime.stats().subscriptions).toEqual({ [CHANNEL]: 1 });
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE)).toBe(1);
    await waitFor(() => got.length === 1);
    expect(got[0]).toEqual(MESSAGE);
  });

  it('answers its pings and keeps the socket', async () => {
    const h = await server();
    // a generous pong timeout: a loaded machine may stall past a tight one before reading the pong
    const p = pusher(h, { activityTimeout: 150, pongTimeout: 2000 });
    await pusherState(p, 'connected');
    const id = p.connection.socket_id;
    const before = h.realtime.stats().framesIn;
    // on one socket a ping follows the previous one's pong; one left unanswered replaces the socket (checked below)
    await waitFor(() => h.realtime.stats().framesIn - before >= 2, 10_000, 'two pings');
    expect(p.connection.state).toBe('connected');
    expect(p.connection.socket_id).toBe(id);
  });

  it('gets pusher:subscription_error for a signature of another socket, and no broadcast', async () => {
    const h = await server();
    const p = pusher(h, {
      channelAuthorization: localAuthorization((_socketId, channelName) =>
        authorizeChannel(KEY, SECRET, '1.1', channelName),
      ),
    });
    const ch = p.subscribe(CHANNEL);
    const errors: unknown[] = [];
    const got: unknown[] = [];
    ch.bind('pusher:subscription_error', (e: unknown) => errors.push(e));
    ch.bind('MessageCreated', (d: unknown) => got.push(d));
    await waitFor(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ type: 'AuthError', status: 401 });
    expect(ch.subscribed).toBe(false);
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE)).toBe(0);
    await sleep(100);
    expect(got).toEqual([]);
    expect(h.realtime.stats().authFailures).toBe(1);
  });

  it('is refused a signature made for another channel', async () => {
    const h = await server();
    const p = pusher(h, {
      channelAuthorization: localAuthorization((socketId) =>
        authorizeChannel(KEY, SECRET, socketId, 'private-chat.session.905'),
      ),
    });
    const ch = p.subscribe(CHANNEL);
    const errors: unknown[] = [];
    ch.bind('pusher:subscription_error', (e: unknown) => errors.push(e));
    await waitFor(() => errors.length === 1);
    expect(h.realtime.stats().subscriptions).toEqual({});
  });

  it('is refused a signature made with another secret', async () => {
    const h = await server();
    const p = pusher(h, {}, 'not-the-secret');
    const ch = p.subscribe(CHANNEL);
    const errors: unknown[] = [];
    ch.bind('pusher:subscription_error', (e: unknown) => errors.push(e));
    await waitFor(() => errors.length === 1);
  });

  it('sees Reverb-style pusher:error 4009 when authFailureStyle is pusher_error', async () => {
    const h = await server({ faults: { authFailureStyle: 'pusher_error' } });
    const p = pusher(h, {}, 'not-the-secret');
    const errors: { data?: { code?: number } }[] = [];
    p.connection.bind('error', (e: { data?: { code?: number } }) => errors.push(e));
    p.subscribe(CHANNEL);
    await waitFor(() => errors.some((e) => e.data?.code === PusherErrorCode.Unauthorized));
    expect(p.connection.state).toBe('connected');
  });

  it('is refused with 4001 for an unknown app key and does not reconnect', async () => {
    const h = await server();
    const p = new Pusher('wrong-key', {
      wsHost: '127.0.0.1',
      wsPort: h.port,
      forceTLS: false,
      enabledTransports: ['ws'],
      cluster: 'mt1',
    });
    onTestFinished(() => p.disconnect());
    const errors: unknown[] = [];
    p.connection.bind('error', (e: unknown) => errors.push(e));
    await waitFor(() => h.realtime.stats().unknownAppKey === 1);
    await pusherState(p, 'disconnected');
    expect(JSON.stringify(errors)).toContain('4001');
    await sleep(1200);
    expect(h.realtime.stats().unknownAppKey).toBe(1);
  });

  it('has client events refused with 4301', async () => {
    const h = await server();
    const p = pusher(h);
    await subscribed(p, CHANNEL);
    const errors: { data?: { code?: number } }[] = [];
    p.connection.bind('error', (e: { data?: { code?: number } }) => errors.push(e));
    p.channel(CHANNEL).trigger('client-typing', { typing: true });
    await waitFor(() => errors.some((e) => e.data?.code === 4301));
    expect(h.realtime.stats().clientEventsRefused).toBe(1);
  });
});

describe('laravel-echo (unmodified)', () => {
  function echo(h: Harness, broadcaster: 'reverb' | 'pusher') {
    const common = {
      key: KEY,
      wsHost: '127.0.0.1',
      wsPort: h.port,
      forceTLS: false,
      enabledTransports: ['ws' as const],
      withoutInterceptors: true,
      Pusher: PusherForEcho,
      channelAuthorization: localAuthorization(),
    };
    // Reverb's connector clears `cluster`; the pusher one needs it.
    const e =
      broadcaster === 'reverb'
        ? new Echo({ broadcaster: 'reverb', ...common })
        : new Echo({ broadcaster: 'pusher', cluster: 'mt1', ...common });
    onTestFinished(() => e.disconnect());
    return e;
  }

  it.each(['reverb', 'pusher'] as const)('broadcaster %s: .private().listen(".MessageCreated")', async (kind) => {
    const h = await server();
    const e = echo(h, kind);
    const got: unknown[] = [];
    let ok = false;
    e.private('chat.session.904')
      .subscribed(() => {
        ok = true;
      })
      .listen('.MessageCreated', (m: unknown) => got.push(m));
    await waitFor(() => ok);
    expect(e.socketId()).toMatch(/^\d+\.\d+$/);
    h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE);
    await waitFor(() => got.length === 1);
    expect(got[0]).toEqual(MESSAGE);
  });

  it('gets the refusal through .error()', async () => {
    const h = await server();
    const e = new Echo({
      broadcaster: 'reverb',
      key: KEY,
      wsHost: '127.0.0.1',
      wsPort: h.port,
      forceTLS: false,
      enabledTransports: ['ws'],
      withoutInterceptors: true,
      Pusher: PusherForEcho,
      channelAuthorization: localAuthorization(() => ({ auth: `${KEY}:${'0'.repeat(64)}` })),
    });
    onTestFinished(() => e.disconnect());
    const errors: unknown[] = [];
    e.private('chat.session.904').error((err: unknown) => errors.push(err));
    await waitFor(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ type: 'AuthError', status: 401 });
  });
});

describe('protocol over a raw socket', () => {
  it('sends connection_established with a JSON string', async () => {
    const h = await server();
    const c = raw(h);
    const f = await c.next();
    expect(f.event).toBe('pusher:connection_established');
    expect(typeof f.rawData).toBe('string');
    expect(f.data).toEqual({ socket_id: expect.stringMatching(/^\d+\.\d+$/), activity_timeout: 30 });
  });

  it('refuses an unknown app key with pusher:error 4001 and close 4001', async () => {
    const h = await server();
    const c = raw(h, '/app/nope?protocol=7');
    const f = await c.next();
    expect(f).toMatchObject({ event: 'pusher:error', data: { code: 4001 } });
    expect((await c.closed).code).toBe(4001);
  });

  it.each([
    ['no protocol', '', 4008],
    ['protocol 6', '?protocol=6', 4007],
    ['protocol 8', '?protocol=8&client=js', 4007],
    ['a non-number', '?protocol=seven', 4006],
    ['a 300-digit number', `?protocol=${'9'.repeat(300)}`, 4007],
  ])('refuses %s with %i', async (_label, query, code) => {
    const h = await server();
    const c = raw(h, `/app/${KEY}${query}`);
    expect(await c.next()).toMatchObject({ event: 'pusher:error', data: { code } });
    expect((await c.closed).code).toBe(code);
    expect(h.realtime.stats().protocolRejected).toBe(1);
  });

  it('answers 404 to upgrades on other paths, and leaves them to another upgrade listener', async () => {
    const h = await server();
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.port}/elsewhere`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
    expect(status).toBe(404);
    expect(h.realtime.stats().badPath).toBe(1);
    h.http.on('upgrade', (req, socket) => {
      if (req.url === '/other-ws') socket.end('HTTP/1.1 418 I am a teapot\r\nContent-Length: 0\r\n\r\n');
    });
    const other = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.port}/other-ws`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
    expect(other).toBe(418);
    const c = raw(h);
    await c.connected();
  });

  it('answers pusher:ping with pusher:pong', async () => {
    const h = await server();
    const c = raw(h);
    await c.connected();
    c.send({ event: 'pusher:ping', data: {} });
    expect((await c.next()).event).toBe('pusher:pong');
    c.send('{"event":"pusher:ping"}');
    expect((await c.next()).event).toBe('pusher:pong');
  });

  it('pings an idle socket and closes it with 4201 when no pong comes', async () => {
    const h = await server({ activityTimeoutSeconds: 0.2, pongTimeoutMs: 200 });
    const c = raw(h);
    const established = await c.next();
    expect(established.data).toMatchObject({ activity_timeout: 0.2 });
    expect((await c.next()).event).toBe('pusher:ping');
    const closed = await c.closed;
    expect(closed.code).toBe(4201);
    expect(h.realtime.stats().idleDisconnects).toBe(1);
    await waitFor(() => h.realtime.stats().connections === 0);
  });

  it('keeps an idle socket that answers the pings', async () => {
    // the pong timeout is generous: a loaded test machine can stall this process (server and client
    // both) past a tight one before the answered pong is read, which is not what this test is about
    const h = await server({ activityTimeoutSeconds: 0.1, pongTimeoutMs: 2000 });
    const c = raw(h);
    c.ws.on('message', (m) => {
      if (String(m).includes('"pusher:ping"')) c.send({ event: 'pusher:pong', data: {} });
    });
    await c.connected();
    // three pings, each sent only after the previous one was answered
    await waitFor(() => h.realtime.stats().pingsSent >= 3 || h.realtime.stats().idleDisconnects > 0, 5000);
    expect(h.realtime.stats().idleDisconnects).toBe(0);
    expect(h.realtime.stats().pingsSent).toBeGreaterThanOrEqual(3);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('subscribes public channels without auth, and unsubscribes', async () => {
    const h = await server();
    const c = raw(h);
    const id = await c.connected();
    expect(await c.subscribe(id, 'public-news')).toMatchObject({
      event: 'pusher_internal:subscription_succeeded',
      data: {},
      rawData: '{}',
    });
    expect(h.realtime.broadcast('public-news', 'Headline', { a: 1 })).toBe(1);
    expect(await c.next()).toEqual({ event: 'Headline', channel: 'public-news', data: { a: 1 }, rawData: '{"a":1}' });
    c.send({ event: 'pusher:unsubscribe', data: { channel: 'public-news' } });
    await c.roundTrip();
    expect(h.realtime.broadcast('public-news', 'Headline', { a: 2 })).toBe(0);
    expect(h.realtime.stats().channels).toBe(0);
  });

  it('refuses a private channel with no auth, accepts data as a JSON string', async () => {
    const h = await server();
    const c = raw(h);
    const id = await c.connected();
    c.send({ event: 'pusher:subscribe', data: { channel: CHANNEL } });
    expect(await c.next()).toMatchObject({
      event: 'pusher:subscription_error',
      channel: CHANNEL,
      data: { type: 'AuthError', status: 401 },
    });
    c.send({
      event: 'pusher:subscribe',
      data: JSON.stringify({ channel: CHANNEL, auth: `${KEY}:${signChannel(SECRET, id, CHANNEL)}` }),
    });
    expect((await c.next()).event).toBe('pusher_internal:subscription_succeeded');
  });

  it('skips the sender with exceptSocketId', async () => {
    const h = await server();
    const a = raw(h);
    const b = raw(h);
    const [ida, idb] = await Promise.all([a.connected(), b.connected()]);
    await a.subscribe(ida, CHANNEL);
    await b.subscribe(idb, CHANNEL);
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE, { exceptSocketId: ida })).toBe(1);
    expect((await b.next()).event).toBe('MessageCreated');
    expect(await a.roundTrip()).toEqual([]);
  });

  it('supports presence channels minimally', async () => {
    const h = await server();
    const a = raw(h);
    const b = raw(h);
    const [ida, idb] = await Promise.all([a.connected(), b.connected()]);
    const room = 'presence-room.1';
    const join = async (c: RawClient, id: string, user: number) => {
      const channelData = JSON.stringify({ user_id: user, user_info: { name: `u${user}` } });
      c.send({
        event: 'pusher:subscribe',
        data: { channel: room, channel_data: channelData, auth: authorizeChannel(KEY, SECRET, id, room, channelData).auth },
      });
      return c.next((f) => f.channel === room);
    };
    expect((await join(a, ida, 1)).data).toEqual({ presence: { ids: ['1'], hash: { 1: { name: 'u1' } }, count: 1 } });
    expect((await join(b, idb, 2)).data).toMatchObject({ presence: { count: 2 } });
    expect(await a.next()).toMatchObject({ event: 'pusher_internal:member_added', data: { user_id: '2' } });
    await b.close();
    expect(await a.next()).toMatchObject({ event: 'pusher_internal:member_removed', data: { user_id: '2' } });
    // Missing channel_data is an auth failure.
    a.send({ event: 'pusher:subscribe', data: { channel: 'presence-other', auth: 'x' } });
    expect((await a.next()).event).toBe('pusher:subscription_error');
  });

  it('answers garbage with pusher:error and keeps serving', async () => {
    const h = await server();
    const bystander = raw(h);
    const bid = await bystander.connected();
    await bystander.subscribe(bid, CHANNEL);
    const c = raw(h);
    const id = await c.connected();
    const garbage: (string | Buffer)[] = [
      'not json',
      Buffer.from([0, 1, 2, 3]),
      JSON.stringify({ event: 'pusher:ping', pad: 'x'.repeat(20_000) }),
      '{}',
      '[]',
      'null',
      '42',
      '{"event":42}',
      '{"event":""}',
      '{"event":"pusher:nope"}',
      '{"event":"pusher:subscribe"}',
      '{"event":"pusher:subscribe","data":"{broken"}',
      '{"event":"pusher:subscribe","data":{"channel":"bad name!"}}',
      '{"event":"pusher:unsubscribe","data":{}}',
      '{"event":"something-else"}',
    ];
    for (const g of garbage) {
      if (Buffer.isBuffer(g)) c.ws.send(g, { binary: true });
      else c.send(g);
      const answers = await c.roundTrip();
      expect(answers, String(g).slice(0, 40)).toHaveLength(1);
      expect(answers[0]).toMatchObject({ event: 'pusher:error', data: { code: PusherErrorCode.Reconnect } });
    }
    // Ignored like Reverb does: a non-client event with a channel.
    c.send('{"event":"something-else","channel":"x"}');
    expect(await c.roundTrip()).toEqual([]);
    const s = h.realtime.stats();
    expect(s.garbledFrames).toBe(garbage.length);
    expect(s.internalErrors).toBe(0);
    // The same socket and the bystander still work.
    expect((await c.subscribe(id, CHANNEL)).event).toBe('pusher_internal:subscription_succeeded');
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE)).toBe(2);
    expect((await bystander.next()).event).toBe('MessageCreated');
  });

  it('closes a socket sending frames beyond the hard cap (1009) and keeps serving others', async () => {
    const h = await server();
    const other = raw(h);
    await other.connected();
    const c = raw(h);
    await c.connected();
    c.send('x'.repeat(2 * 1024 * 1024));
    expect((await c.closed).code).toBe(1009);
    expect(await other.roundTrip()).toEqual([]);
  });

  it('refuses client events with 4301 and does not relay them', async () => {
    const h = await server();
    const a = raw(h);
    const b = raw(h);
    const [ida, idb] = await Promise.all([a.connected(), b.connected()]);
    await a.subscribe(ida, CHANNEL);
    await b.subscribe(idb, CHANNEL);
    a.send({ event: 'client-typing', channel: CHANNEL, data: { typing: true } });
    expect(await a.next()).toMatchObject({ event: 'pusher:error', data: { code: 4301 } });
    expect(await b.roundTrip()).toEqual([]);
  });

  it('reports stats and host events; a throwing listener does not break it', async () => {
    const listenerErrors: string[] = [];
    const h = await server({ onListenerError: (err, event) => listenerErrors.push(`${event}: ${String(err)}`) });
    const log: string[] = [];
    h.realtime.on('connect', (id) => log.push(`connect ${id}`));
    h.realtime.on('subscribe', (id, ch) => log.push(`subscribe ${id} ${ch}`));
    h.realtime.on('unsubscribe', (id, ch) => log.push(`unsubscribe ${id} ${ch}`));
    h.realtime.on('disconnect', (id, code) => log.push(`disconnect ${id} ${code}`));
    const off = h.realtime.on('subscribe', () => {
      throw new Error('listener bug');
    });
    const c = raw(h);
    const id = await c.connected();
    await c.subscribe(id, CHANNEL);
    await c.subscribe(id, 'public-a');
    off();
    let s = h.realtime.stats();
    expect(s).toMatchObject({ connections: 1, channels: 2, subscriptionsTotal: 2, subscribes: 2 });
    expect(s.subscriptions).toEqual({ [CHANNEL]: 1, 'public-a': 1 });
    expect(h.realtime.socketIds()).toEqual([id]);
    await c.close();
    await waitFor(() => h.realtime.stats().connections === 0);
    s = h.realtime.stats();
    expect(s.framesIn).toBe(2);
    expect(s.channels).toBe(0);
    expect(log).toEqual([
      `connect ${id}`,
      `subscribe ${id} ${CHANNEL}`,
      `subscribe ${id} public-a`,
      `unsubscribe ${id} ${CHANNEL}`,
      `unsubscribe ${id} public-a`,
      `disconnect ${id} 1005`,
    ]);
    expect(listenerErrors).toEqual(['subscribe: Error: listener bug', 'subscribe: Error: listener bug']);
  });

  it('close() closes sockets with 1001 and refuses new upgrades', async () => {
    const h = await startServer();
    const c = new RawClient(h.port);
    await c.connected();
    await h.realtime.close();
    expect((await c.closed).code).toBe(1001);
    expect(h.realtime.broadcast(CHANNEL, 'x', {})).toBe(0);
    await h.close();
  });
});

describe('frame shapes', () => {
  it('broadcast frames carry event, channel and string data', async () => {
    const h = await server();
    const c = raw(h);
    const id = await c.connected();
    await c.subscribe(id, CHANNEL);
    const seen: string[] = [];
    c.ws.on('message', (m) => seen.push(String(m)));
    h.realtime.broadcast(CHANNEL, 'MessageCreated', MESSAGE);
    await waitFor(() => seen.length === 1);
    const parsed = JSON.parse(seen[0]!) as Frame;
    expect(parsed).toEqual({ event: 'MessageCreated', channel: CHANNEL, data: JSON.stringify(MESSAGE) });
  });

  it.each([
    ['short', 5],
    ['16-bit length', 300],
    ['64-bit length', 70_000],
  ])('frames %s payloads and UTF-8 text correctly', async (_label, size) => {
    const h = await server();
    const c = raw(h);
    const id = await c.connected();
    await c.subscribe(id, CHANNEL);
    const content = 'é€😀'.repeat(Math.ceil(size / 9)).slice(0, size);
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { ...MESSAGE, content });
    const f = await c.next();
    expect(f.data).toEqual({ ...MESSAGE, content });
  });
});
