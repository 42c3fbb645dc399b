import { describe, expect, it, onTestFinished } from 'vitest';
import Echo from 'laravel-echo';
import { WebSocket } from 'ws';
import {
  DEFAULT_FAULTS,
  PusherServer,
  createRandom,
  styleEventName,
} from '../src/realtime/index.js';
import {
  CHANNEL,
  KEY,
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
  type Harness,
  type PusherClient,
} from './realtime-helpers.js';

/** A raw client subscribed to CHANNEL. */
async function subscriber(h: Harness): Promise<RawClient> {
  const c = raw(h);
  const id = await c.connected();
  await c.subscribe(id, CHANNEL);
  return c;
}

/** Broadcasts `n` numbered messages and returns the `seq`s one client got, after a ping round trip. */
async function sendNumbered(h: Harness, c: RawClient, n: number, settleMs = 0): Promise<number[]> {
  const start = c.frames.length;
  for (let seq = 0; seq < n; seq++) h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: seq, seq });
  if (settleMs) await sleep(settleMs);
  await c.roundTrip();
  return c.frames
    .slice(start)
    .filter((f) => f.event === 'MessageCreated').map((f) => (f.data as { seq: number }).seq);
}

describe('fault knobs', () => {
  it('validates knobs and leaves them unchanged on error', async () => {
    const h = await server();
    expect(h.realtime.faults).toEqual(DEFAULT_FAULTS);
    expect(() => h.realtime.setFaults({ dropBroadcastRate: 1.5 })).toThrow(RangeError);
    expect(() => h.realtime.setFaults({ reorderWindowMs: -1 })).toThrow(RangeError);
    expect(() => h.realtime.setFaults({ eventNameStyle: 'weird' as never })).toThrow(RangeError);
    expect(() => h.realtime.setFaults({ doubleEncodeData: 'yes' as never })).toThrow(TypeError);
    expect(() => h.realtime.setFaults({ refuseConnections: 'maybe' as never })).toThrow(RangeError);
    expect(h.realtime.faults).toEqual(DEFAULT_FAULTS);
    h.realtime.setFaults({ refuseConnections: true });
    expect(h.realtime.faults.refuseConnections).toBe('pusher');
    h.realtime.resetFaults();
    expect(h.realtime.faults).toEqual(DEFAULT_FAULTS);
    expect(() => h.realtime.dropConnections({ code: 1006 })).toThrow(RangeError);
    expect(() => h.realtime.dropConnections({ code: 4200, reason: 'x'.repeat(124) })).toThrow(RangeError);
  });

  it('uses a seedable random source: the same seed drops the same broadcasts', async () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);

    const pattern = async (seed: number) => {
      const h = await server({ seed, faults: { dropBroadcastRate: 0.5 } });
      const c = await subscriber(h);
      return sendNumbered(h, c, 40);
    };
    const first = await pattern(7);
    expect(await pattern(7)).toEqual(first);
    expect(await pattern(8)).not.toEqual(first);
  });

  it('dropBroadcastRate: 1 drops everything, 0.5 about half', async () => {
    const h = await server({ faults: { dropBroadcastRate: 1 } });
    const c = await subscriber(h);
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 1 })).toBe(0);
    expect(await sendNumbered(h, c, 10)).toEqual([]);
    h.realtime.setFaults({ dropBroadcastRate: 0.5 });
    const got = await sendNumbered(h, c, 200);
    const s = h.realtime.stats();
    expect(got.length).toBe(200 - (s.broadcastsDropped - 11));
    expect(got.length).toBeGreaterThan(60);
    expect(got.length).toBeLessThan(140);
    // What arrives still arrives in order.
    expect([...got].sort((x, y) => x - y)).toEqual(got);
  });

  it('duplicateBroadcastRate: 1 sends every broadcast twice', async () => {
    const h = await server({ faults: { duplicateBroadcastRate: 1 } });
    const c = await subscriber(h);
    expect(await sendNumbered(h, c, 5)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    h.realtime.setFaults({ duplicateBroadcastRate: 0.3 });
    const got = await sendNumbered(h, c, 100);
    expect(got.length).toBe(100 + h.realtime.stats().broadcastsDuplicated - 5);
    expect(new Set(got).size).toBe(100);
  });

  it('reorderWindowMs: every broadcast arrives, not in the sent order', async () => {
    const h = await server({ faults: { reorderWindowMs: 40 } });
    const c = await subscriber(h);
    for (let seq = 0; seq < 30; seq++) h.realtime.broadcast(CHANNEL, 'MessageCreated', { seq });
    const got: number[] = [];
    while (got.length < 30) got.push(((await c.next((f) => f.event === 'MessageCreated')).data as { seq: number }).seq);
    expect([...got].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(got).not.toEqual([...got].sort((x, y) => x - y));
    expect(h.realtime.stats().broadcastsDelayed).toBe(30);
  });

  it('reorder + duplicate + drop together still deliver only known messages', async () => {
    const h = await server({ faults: { reorderWindowMs: 20, duplicateBroadcastRate: 0.3, dropBroadcastRate: 0.2 } });
    const c = await subscriber(h);
    const got = await sendNumbered(h, c, 60, 60);
    const s = h.realtime.stats();
    expect(got.length).toBe(60 - s.broadcastsDropped + s.broadcastsDuplicated);
    expect(got.every((x) => x >= 0 && x < 60)).toBe(true);
  });

  it('close() cancels broadcasts held by the reorder window', async () => {
    const h = await startServer({ faults: { reorderWindowMs: 10_000 } });
    const c = new RawClient(h.port);
    const id = await c.connected();
    await c.subscribe(id, CHANNEL);
    expect(h.realtime.broadcast(CHANNEL, 'MessageCreated', {})).toBe(1);
    await h.close();
    await c.closed;
  });

  it('doubleEncodeData: data is a JSON string of a JSON string (pusher-js hands over a string)', async () => {
    const h = await server({ faults: { doubleEncodeData: true } });
    const c = await subscriber(h);
    const p = pusher(h);
    const got: unknown[] = [];
    const ch = p.subscribe(CHANNEL);
    ch.bind('MessageCreated', (d: unknown) => got.push(d));
    await waitFor(() => ch.subscribed);
    const message = { id: 5, content: 'twice "quoted"' };
    h.realtime.broadcast(CHANNEL, 'MessageCreated', message);
    const f = await c.next();
    expect(typeof f.rawData).toBe('string');
    expect(typeof f.data).toBe('string');
    expect(JSON.parse(f.data as string)).toEqual(message);
    await waitFor(() => got.length === 1);
    expect(typeof got[0]).toBe('string');
    expect(JSON.parse(got[0] as string)).toEqual(message);
  });

  it('eventNameStyle names the event plain, dotted or by class path', async () => {
    expect(styleEventName('MessageCreated', 'plain')).toBe('MessageCreated');
    expect(styleEventName('MessageCreated', 'dotted')).toBe('.MessageCreated');
    expect(styleEventName('.MessageCreated', 'dotted')).toBe('.MessageCreated');
    expect(styleEventName('MessageCreated', 'classPath')).toBe('App\\Events\\MessageCreated');
    const h = await server();
    const c = await subscriber(h);
    const names: string[] = [];
    for (const style of ['plain', 'dotted', 'classPath'] as const) {
      h.realtime.setFaults({ eventNameStyle: style });
      h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 1 });
      names.push((await c.next()).event);
    }
    expect(names).toEqual(['MessageCreated', '.MessageCreated', 'App\\Events\\MessageCreated']);
  });

  it('laravel-echo hears the class-path name through its namespace and the plain one with a dot', async () => {
    const h = await server({ faults: { eventNameStyle: 'classPath' } });
    const echo = new Echo({
      broadcaster: 'reverb',
      key: KEY,
      wsHost: '127.0.0.1',
      wsPort: h.port,
      forceTLS: false,
      enabledTransports: ['ws'],
      withoutInterceptors: true,
      Pusher: PusherForEcho,
      channelAuthorization: localAuthorization(),
    });
    onTestFinished(() => echo.disconnect());
    const byNamespace: unknown[] = [];
    const byDot: unknown[] = [];
    let ok = false;
    echo
      .private('chat.session.904')
      .subscribed(() => {
        ok = true;
      })
      .listen('MessageCreated', (m: unknown) => byNamespace.push(m))
      .listen('.MessageCreated', (m: unknown) => byDot.push(m));
    await waitFor(() => ok);
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 1 });
    await waitFor(() => byNamespace.length === 1);
    h.realtime.setFaults({ eventNameStyle: 'plain' });
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 2 });
    await waitFor(() => byDot.length === 1);
    expect(byNamespace).toEqual([{ id: 1 }]);
    expect(byDot).toEqual([{ id: 2 }]);
  });

  it.each([
    ['abruptly (terminate)', undefined],
    ['with close code 4200', 4200],
  ])('dropConnections %s: pusher-js reconnects, resubscribes and gets later broadcasts', async (_label, code) => {
    const h = await server();
    const p = pusher(h);
    const got: unknown[] = [];
    const ch = p.subscribe(CHANNEL);
    ch.bind('MessageCreated', (d: unknown) => got.push(d));
    await waitFor(() => ch.subscribed);
    const firstId = p.connection.socket_id;
    const states: string[] = [];
    p.connection.bind('state_change', (s: { current: string }) => states.push(s.current));

    const options = code === undefined ? {} : { code };
    expect(h.realtime.dropConnections(options)).toBe(1);
    expect(h.realtime.stats().subscriptionsTotal).toBe(0);
    // Broadcast while it is down: Reverb keeps no replay, so this one is lost.
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 'lost' });
    await waitFor(() => states.includes('connecting'), 5000, 'reconnecting');
    await waitFor(() => p.connection.state === 'connected' && p.connection.socket_id !== firstId, 8000);
    await waitFor(() => h.realtime.stats().subscriptions[CHANNEL] === 1, 5000, 'resubscribed');
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 'after' });
    await waitFor(() => got.length === 1);
    expect(got).toEqual([{ id: 'after' }]);
    expect(h.realtime.stats().connectionsDropped).toBe(1);
  });

  it('stallConnections leaves sockets half-open: nothing flows either way, nothing is closed, new sockets are healthy', async () => {
    // short keep-alive timers: a stalled socket must be neither pinged nor closed by them
    const h = await server({ activityTimeoutSeconds: 1, pongTimeoutMs: 200 });
    const stalled = await subscriber(h);
    const seen = stalled.frames.length;
    expect(h.realtime.stallConnections()).toBe(1);
    expect(h.realtime.stallConnections()).toBe(0); // already stalled
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 1 });
    await expect(stalled.roundTrip(300)).rejects.toThrow('timed out');
    await sleep(1600); // past activity timeout + pong timeout
    expect(stalled.ws.readyState).toBe(WebSocket.OPEN);
    expect(stalled.frames.length).toBe(seen);
    const stats = h.realtime.stats();
    expect(stats).toMatchObject({ connections: 1, connectionsStalled: 1, idleDisconnects: 0 });

    const fresh = await subscriber(h);
    h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 2 });
    expect((await fresh.next((f) => f.event === 'MessageCreated')).data).toEqual({ id: 2 });
    expect(stalled.frames.length).toBe(seen);
  });

  it('refuseConnections (pusher mode): pusher-js keeps retrying and connects once allowed', async () => {
    const h = await server({ faults: { refuseConnections: true } });
    const p = pusher(h);
    const errors: unknown[] = [];
    p.connection.bind('error', (e: unknown) => errors.push(e));
    await waitFor(() => h.realtime.stats().connectionsRefused >= 2, 6000, 'two refusals');
    expect(p.connection.state).not.toBe('connected');
    expect(JSON.stringify(errors)).toContain('4100');
    h.realtime.setFaults({ refuseConnections: false });
    await pusherState(p, 'connected', 6000);
  });

  it('refuseConnections http / drop: a raw client sees 503 / an abrupt close', async () => {
    const h = await server({ faults: { refuseConnections: 'http' } });
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.port}/app/${KEY}?protocol=7`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
    expect(status).toBe(503);
    h.realtime.setFaults({ refuseConnections: 'drop' });
    const c = new RawClient(h.port);
    expect((await c.closed).code).toBe(1006);
    expect(c.frames).toEqual([]);
    expect(h.realtime.stats()).toMatchObject({ connectionsRefused: 2, connections: 0 });
    h.realtime.setFaults({ refuseConnections: false });
    const ok = raw(h);
    await ok.connected();
  });

  it('a server without a seed still works (Math.random)', async () => {
    const realtime = new PusherServer({ appKey: KEY, appSecret: SECRET, faults: { dropBroadcastRate: 1 } });
    expect(realtime.broadcast(CHANNEL, 'x', {})).toBe(0);
    expect(realtime.stats().broadcastsDropped).toBe(1);
    await realtime.close();
  });
});
