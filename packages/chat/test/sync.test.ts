import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFor, manualLifecycle, sandbox, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;

describe('gap fill', () => {
  it('a fill requested from a sync listener, as the last fill ends, still happens', async () => {
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    try {
      const session = await chat.startSession({ visitorId: 'v_sync_listener' });
      await session.ready;
      let before = 0;
      let asked = false;
      session.on('sync', (state) => {
        if (state.status !== 'synced' || asked) return;
        asked = true;
        before = lists();
        // the app comes back just as the fill ends (in a microtask of the `synced` event)
        queueMicrotask(() => lifecycle.emit('visible'));
      });
      sb.control.reply(session.conversationId, 'while away');
      lifecycle.emit('visible');
      await waitFor(() => asked, 'a synced event');
      await waitFor(() => lists() > before, 'the fill asked for after the last one ended', 5000);
      await waitFor(() => session.syncState.status === 'synced', 'synced again');
      // and gap fill keeps working: a later request leads to a later fill
      await sleep(50);
      const after = lists();
      lifecycle.emit('visible');
      await waitFor(() => lists() > after, 'one more fill', 5000);
    } finally {
      chat.dispose();
    }
  });
});

describe('polling and backoff', () => {
  it('poll ticks never cut short the backoff of a failed gap fill', async () => {
    sb.realtime.setFaults({ refuseConnections: true });
    sb.control.setFaults({ http: { error_rate: 1, operations: ['listMessages'] } });
    // each fill is one attempt; a failed one waits 1–2 s before the next; polls would come every 50 ms
    const chat = chatFor(sb, { lifecycle: manualLifecycle(), pollIntervalMs: 50, retry: { retries: 0, baseMs: 2000, maxMs: 2000 } });
    try {
      const session = await chat.startSession({ visitorId: 'v_poll_backoff' });
      await waitFor(() => session.connectionState === 'offline' || undefined, 'the socket given up for now');
      await waitFor(() => session.syncState.status === 'failed', 'a failed fill');
      const before = lists();
      await sleep(1500); // 30 poll intervals
      expect(lists() - before).toBeLessThanOrEqual(2);
    } finally {
      sb.realtime.setFaults({ refuseConnections: false });
      sb.control.clearFaults();
      chat.dispose();
    }
  });
});
