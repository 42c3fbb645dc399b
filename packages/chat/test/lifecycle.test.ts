import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appStateLifecycle, getAnalytics } from '../src/index.js';
import { chatFor, manualLifecycle, sandbox, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());
afterEach(() => vi.useRealTimers());

const heartbeats = () => sb.control.requests().filter((r) => r.operation === 'sendHeartbeat').length;
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('lifecycle', () => {
  it('sends a heartbeat every 30 s while visible, pauses while hidden, beats again on return', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    const session = await chat.startSession({ visitorId: 'v_heartbeat' });
    await session.ready;
    const start = heartbeats();
    vi.advanceTimersByTime(30_000);
    await waitFor(() => heartbeats() === start + 1, 'the first heartbeat');
    vi.advanceTimersByTime(30_000);
    await waitFor(() => heartbeats() === start + 2, 'the second heartbeat');
    lifecycle.emit('hidden');
    vi.advanceTimersByTime(120_000);
    await sleep(50);
    expect(heartbeats()).toBe(start + 2);
    lifecycle.emit('visible'); // at once, then every 30 s
    await waitFor(() => heartbeats() === start + 3, 'the heartbeat on return');
    vi.advanceTimersByTime(30_000);
    await waitFor(() => heartbeats() === start + 4, 'the heartbeat after return');
    chat.dispose();
    vi.advanceTimersByTime(120_000);
    await sleep(50);
    expect(heartbeats()).toBe(start + 4);
  });

  it('reconnects and fills the gap when the network comes back', async () => {
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    const session = await chat.startSession({ visitorId: 'v_offline' });
    await session.ready;
    lifecycle.emit('offline');
    expect(session.connectionState).toBe('offline');
    sb.control.dropConnections();
    sb.control.reply(session.conversationId, 'sent while offline');
    lifecycle.emit('online');
    try {
      await waitFor(() => session.connectionState === 'connected', 'the reconnect');
      await waitFor(() => session.messages.some((m) => m.content === 'sent while offline'), 'the gap fill after online');
    } finally {
      chat.dispose();
    }
  });

  it('replaces a socket that went half-open while hidden: live replies flow again on return', async () => {
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    const session = await chat.startSession({ visitorId: 'v_half_open' });
    await session.ready;
    const states: string[] = [];
    session.on('connection', (c) => states.push(`${c.to} (${c.reason})`));
    lifecycle.emit('hidden');
    expect(sb.control.stallConnections()).toBeGreaterThan(0); // the phone slept; the socket still looks open
    sb.control.reply(session.conversationId, 'sent while asleep');
    lifecycle.emit('visible');
    try {
      // the gap fill on return brings what the dead socket missed…
      await waitFor(() => session.messages.some((m) => m.content === 'sent while asleep'), 'the gap fill on return');
      // …and the unanswered ping replaces the socket, so live events come again
      await waitFor(() => states.includes('connected (channel resubscribed)'), 'a new socket', 8000).catch((e) => {
        throw new Error(`${e.message}; states: ${states.join(', ')}; ${JSON.stringify(sb.control.realtimeStats())}`);
      });
      expect(states[0]).toBe('reconnecting (no answer to a ping)');
      await waitFor(() => session.syncState.status === 'synced', 'the gap fill after the resubscription');
      const historyCalls = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;
      const before = historyCalls();
      sb.control.reply(session.conversationId, 'live again');
      await waitFor(() => session.messages.some((m) => m.content === 'live again'), 'a live reply on the new socket', 2000);
      expect(historyCalls()).toBe(before); // it came over the socket, not from history
    } finally {
      chat.dispose();
    }
  });

  it('polls history while websockets are blocked, so replies still arrive; stops once the socket is back', async () => {
    sb.realtime.setFaults({ refuseConnections: true }); // a proxy that lets no websocket through
    const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;
    const chat = chatFor(sb, { lifecycle: manualLifecycle(), pollIntervalMs: 200 });
    try {
      const session = await chat.startSession({ visitorId: 'v_no_websocket' });
      await waitFor(() => session.connectionState === 'offline' || undefined, 'the socket given up for now');
      sb.control.reply(session.conversationId, 'through the poll');
      await waitFor(() => session.messages.find((m) => m.content === 'through the poll'), 'the reply, polled');
      expect(session.connectionState).not.toBe('connected');
      sb.realtime.setFaults({ refuseConnections: false });
      // connected and the fill after subscribing done (a poll in flight joins it): no request is pending
      await waitFor(() => (session.connectionState === 'connected' && session.syncState.status === 'synced') || undefined, 'the socket, synced', 20_000);
      const after = lists();
      await sleep(700); // several poll intervals
      expect(lists()).toBe(after);
      sb.control.reply(session.conversationId, 'over the socket');
      await waitFor(() => session.messages.find((m) => m.content === 'over the socket'), 'a live reply');
    } finally {
      sb.realtime.setFaults({ refuseConnections: false });
      chat.dispose();
    }
  });

  it('is ready without a socket once history is loaded and polling delivers', async () => {
    sb.realtime.setFaults({ refuseConnections: true });
    const chat = chatFor(sb, { lifecycle: manualLifecycle(), pollIntervalMs: 200 });
    try {
      const session = await chat.startSession({ visitorId: 'v_ready_polling' });
      const ready = await Promise.race([session.ready.then(() => 'ready'), sleep(10_000).then(() => 'still pending')]);
      expect(ready).toBe('ready');
      expect(session.connectionState).not.toBe('connected');
      expect(session.syncState.status).toBe('synced');
    } finally {
      sb.realtime.setFaults({ refuseConnections: false });
      chat.dispose();
    }
  });

  it('maps React Native AppState to visible/hidden', () => {
    let listener: ((s: string) => void) | undefined;
    const removed: boolean[] = [];
    const appState = {
      currentState: 'active',
      addEventListener: (_: 'change', l: (s: string) => void) => {
        listener = l;
        return { remove: () => removed.push(true) };
      },
    };
    const lifecycle = appStateLifecycle(appState);
    const events: string[] = [];
    const stop = lifecycle.subscribe((e) => events.push(e));
    listener!('background');
    listener!('inactive');
    listener!('active');
    expect(events).toEqual(['hidden', 'visible']);
    expect(lifecycle.visible?.()).toBe(true);
    appState.currentState = 'background';
    expect(lifecycle.visible?.()).toBe(false);
    stop();
    expect(removed).toEqual([true]);
  });

  it('dispose() leaves no timer and no socket behind', async () => {
    await sleep(50);
    const before = timeouts();
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    const session = await chat.startSession({ visitorId: 'v_dispose' });
    await session.ready;
    getAnalytics(chat).track('e');
    session.typing();
    await session.send('bye');
    expect(timeouts()).toBeGreaterThan(before);
    chat.dispose();
    await expect(session.ready).resolves.toBeUndefined();
    await waitFor(() => sb.control.realtimeStats().connections === 0, 'the socket to close');
    await waitFor(() => timeouts() <= before, 'every timer to be cleared', 3000);
    expect(session.connectionState).toBe('closed');
  });

  it('disposed chats are garbage-collected, sessions, stores and sockets included', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // in a function of its own, so that no frame of the test keeps the last one
    const cycle = async (i: number): Promise<WeakRef<object>[]> => {
      const chat = chatFor(sb, { lifecycle: manualLifecycle() });
      const session = await chat.startSession({ visitorId: `v_collected_${i}` });
      await session.ready;
      await session.send(`message ${i}`);
      chat.dispose();
      return [new WeakRef(chat), new WeakRef(session)];
    };
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 5; i++) refs.push(...(await cycle(i)));
    // until collected, however long the sockets take to finish closing on a loaded machine
    for (const end = Date.now() + 15_000; refs.some((r) => r.deref()) && Date.now() < end; ) {
      await sleep(50); // WeakRefs hold until the current job ends; sockets finish closing
      gc();
    }
    expect(refs.filter((r) => r.deref()).length).toBe(0);
  });
});
