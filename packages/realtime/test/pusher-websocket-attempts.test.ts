/**
 * The connection attempts of `@tickki/chat-realtime/pusher-websocket` as shipped
 * (`dist/pusher-websocket.js`), with a scripted `WebSocket` and fake timers: the strategy its
 * runtime builds in place of pusher-js's strategy builder and transport manager behaves as
 * pusher-js's `ws` loop (an attempt has 15 s, then 30 s, then 60 s at most; one that fails sooner
 * waits out its time) and keeps its ping delay (after a socket that died young, the next ones ping
 * every half of its lifespan, 10 s at least).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Client {
  connect(): void;
  disconnect(): void;
  connection: { state: string };
}

/** A `WebSocket` whose every move the test makes. */
class ScriptedSocket {
  static all: ScriptedSocket[] = [];
  onopen?: () => void;
  onerror?: (error: unknown) => void;
  onclose?: (event: { code: number; reason: string; wasClean: boolean }) => void;
  onmessage?: (message: { data: string }) => void;
  readonly openedAt = Date.now();
  readonly sent: { event: string; at: number }[] = [];
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this);
  }
  send(frame: string): void {
    this.sent.push({ event: (JSON.parse(frame) as { event: string }).event, at: Date.now() });
  }
  close(): void {}
  /** Opens and says `pusher:connection_established` (activity timeout 120 s). */
  establish(): void {
    this.onopen?.();
    this.onmessage?.({ data: JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: '1.1', activity_timeout: 120 }) }) });
  }
  drop(): void {
    this.onclose?.({ code: 1006, reason: '', wasClean: false });
  }
}

async function client(): Promise<Client> {
  const { default: Pusher } = (await import('../dist/pusher-websocket.js')) as unknown as { default: new (key: string, options: object) => Client };
  return new Pusher('key', { cluster: 'x', wsHost: '127.0.0.1', wsPort: 6001, forceTLS: false, enabledTransports: ['ws', 'wss'], disableStats: true });
}

describe('@tickki/chat-realtime/pusher-websocket: connection attempts (scripted WebSocket, fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    ScriptedSocket.all = [];
    vi.stubGlobal('WebSocket', ScriptedSocket);
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives an attempt 15 s, then 30 s, then 60 s at most, and waits out one that fails sooner', async () => {
    const pusher = await client();
    const start = Date.now();
    pusher.connect();
    expect(ScriptedSocket.all).toHaveLength(1);
    expect(ScriptedSocket.all[0]!.url).toMatch(/^ws:\/\/127\.0\.0\.1:6001\/app\/key\?protocol=7&client=js&version=[\d.]+&flash=false$/);
    ScriptedSocket.all[0]!.drop(); // refused at once: the next attempt still comes after 15 s
    await vi.advanceTimersByTimeAsync(14_999);
    expect(ScriptedSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(30_000 + 60_000 + 60_000);
    expect(ScriptedSocket.all.map((s) => s.openedAt - start)).toEqual([0, 15_000, 45_000, 105_000, 165_000]);
    ScriptedSocket.all.at(-1)!.establish();
    await vi.advanceTimersByTimeAsync(0);
    expect(pusher.connection.state).toBe('connected');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ScriptedSocket.all).toHaveLength(5); // a handshake ends the loop
    pusher.disconnect();
  });

  it('pings every half of a young socket’s lifespan on the next sockets (10 s at least)', async () => {
    /** When `socket` sent its pings, in seconds after `from` (pusher-js sends a frame a tick later). */
    const pings = (socket: ScriptedSocket, from: number) => socket.sent.filter((f) => f.event === 'pusher:ping').map((f) => Math.round((f.at - from) / 1000));
    const pusher = await client();
    pusher.connect();
    const first = ScriptedSocket.all[0]!;
    const firstAt = Date.now();
    first.establish();
    await vi.advanceTimersByTimeAsync(0);
    expect(pusher.connection.state).toBe('connected');
    await vi.advanceTimersByTimeAsync(130_000);
    expect(pings(first, firstAt)).toEqual([120]); // the handshake's activity timeout
    first.drop(); // died after 130 s, sooner than twice the activity timeout
    await vi.advanceTimersByTimeAsync(1_000); // pusher-js's delay before reconnecting
    const second = ScriptedSocket.all[1]!;
    const secondAt = Date.now();
    second.establish();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(pings(second, secondAt)).toEqual([65]);
    pusher.disconnect();
  });
});
