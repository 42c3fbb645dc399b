import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecoveryCause } from '../src/index.js';
import { chatFor, manualLifecycle, sandbox, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());
afterEach(() => {
  vi.useRealTimers();
  sb.control.clearFaults();
});

const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;

describe('replies whose broadcast never comes (a stalled broadcast queue)', () => {
  it('reach an open chat within 90 s with the default settings, reported once as missed broadcasts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // the chat's clocks; sockets and requests run for real
    const warnings: unknown[][] = [];
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle, logger: { warn: (...args) => warnings.push(args) } });
    try {
      const session = await chat.startSession({ visitorId: 'v_missed_broadcasts' });
      await session.ready;
      await waitFor(() => session.syncState.status === 'synced', 'synced');
      const recovered: { count: number; cause: RecoveryCause }[] = [];
      session.on('recovered', (r) => recovered.push(r));
      sb.control.setFaults({ realtime: { dropBroadcastRate: 1 } }); // stored, never broadcast
      sb.control.reply(session.conversationId, 'stuck in the queue');
      await sleep(300);
      expect(session.messages.some((m) => m.content === 'stuck in the queue')).toBe(false);
      expect(session.connectionState).toBe('connected'); // the socket is fine; the broadcast never came
      for (let s = 0; s < 90 && !session.messages.some((m) => m.content === 'stuck in the queue'); s += 5) {
        vi.advanceTimersByTime(5000);
        await sleep(30);
      }
      // 90 s of the chat's (fake) clocks at most; the check's request itself takes real time, however long on a loaded machine
      await waitFor(() => session.messages.some((m) => m.content === 'stuck in the queue'), 'the reply, within 90 s');
      expect(recovered).toEqual([{ count: 1, cause: 'missed_broadcasts' }]);
      expect(warnings.filter(([m]) => String(m).includes('broadcasts missing while connected'))).toHaveLength(1);
      // a second one is recovered too, without a second warning
      sb.control.reply(session.conversationId, 'still stuck');
      vi.advanceTimersByTime(90_000);
      await waitFor(() => session.messages.some((m) => m.content === 'still stuck'), 'the second reply');
      expect(warnings.filter(([m]) => String(m).includes('broadcasts missing while connected'))).toHaveLength(1);
    } finally {
      chat.dispose();
    }
  });

  it('costs at most one request a minute while visible and silent, none while hidden or while broadcasts flow', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    try {
      const session = await chat.startSession({ visitorId: 'v_missed_cost' });
      await session.ready;
      await waitFor(() => session.syncState.status === 'synced', 'synced');
      await sleep(50);
      let before = lists();
      for (let minute = 0; minute < 10; minute++) {
        vi.advanceTimersByTime(60_000);
        // each silent minute checks once; wait for that check to finish however slow the machine
        await waitFor(() => lists() - before >= minute + 1 && session.syncState.status === 'synced', `the check of minute ${minute + 1}`);
      }
      await sleep(50);
      expect(lists() - before).toBe(10); // silent and visible: one a minute, no more
      lifecycle.emit('hidden');
      await sleep(50);
      before = lists();
      vi.advanceTimersByTime(600_000);
      await sleep(50);
      expect(lists()).toBe(before); // hidden: nothing
      lifecycle.emit('visible'); // back: one gap fill
      await waitFor(() => lists() === before + 1 && session.syncState.status === 'synced', 'the fill on return');
      before = lists();
      for (let i = 0; i < 20; i++) {
        sb.control.reply(session.conversationId, `live ${i}`); // broadcasts flow: no check needed
        vi.advanceTimersByTime(15_000);
        await waitFor(() => session.messages.some((m) => m.content === `live ${i}`), `live ${i}`);
      }
      expect(lists()).toBe(before);
    } finally {
      chat.dispose();
    }
  });

  it('can be turned off', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const chat = chatFor(sb, { lifecycle: manualLifecycle(), reconcileIntervalMs: 0 });
    try {
      const session = await chat.startSession({ visitorId: 'v_missed_off' });
      await session.ready;
      await waitFor(() => session.syncState.status === 'synced', 'synced');
      await sleep(50);
      const before = lists();
      vi.advanceTimersByTime(600_000);
      await sleep(50);
      expect(lists()).toBe(before);
    } finally {
      chat.dispose();
    }
  });
});
