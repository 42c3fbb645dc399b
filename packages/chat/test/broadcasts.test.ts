import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFor, manualLifecycle, sandbox, serverIds, sleep, storeIds, unique, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

describe('broadcast faults', () => {
  for (const eventNameStyle of ['dotted', 'classPath'] as const) {
    it(`duplicated, reordered, double-encoded broadcasts named the Laravel way (${eventNameStyle}) → each message once, in order`, async () => {
      const chat = chatFor(sb);
      const session = await chat.startSession({ visitorId: `v_bc_${eventNameStyle}` });
      await session.ready;
      sb.control.setFaults({ realtime: { duplicateBroadcastRate: 0.5, reorderWindowMs: 40, doubleEncodeData: true, eventNameStyle } });
      try {
        for (let i = 0; i < 200; i++) sb.control.reply(session.conversationId, `m${i}`);
        await waitFor(() => session.messages.length === 200, 'all 200 broadcasts');
        await sleep(100);
      } finally {
        sb.control.clearFaults();
      }
      expect(sb.control.faults().counters.broadcasts_duplicated).toBeGreaterThan(0);
      expect(session.messages).toHaveLength(200);
      expect(unique(storeIds(session))).toBe(true);
      expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
      chat.dispose();
    });
  }

  it('dropped broadcasts are recovered by the gap fill when the app comes back', async () => {
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    const session = await chat.startSession({ visitorId: 'v_bc_drop' });
    await session.ready;
    await waitFor(() => session.syncState.status === 'synced', 'synced');
    const recovered: number[] = [];
    session.on('recovered', ({ count }) => recovered.push(count));
    const dropped = () => sb.control.faults().counters.broadcasts_dropped!;
    const droppedBefore = dropped();
    sb.control.setFaults({ realtime: { dropBroadcastRate: 0.3 } });
    for (let i = 0; i < 60; i++) sb.control.reply(session.conversationId, `m${i}`);
    sb.control.clearFaults();
    // the server decides at once which it drops; the others may still be on their way
    const missing = dropped() - droppedBefore;
    expect(missing).toBeGreaterThan(0);
    await waitFor(() => session.messages.length === 60 - missing, 'every broadcast not dropped');
    lifecycle.emit('hidden');
    lifecycle.emit('visible');
    await waitFor(() => session.messages.length === 60, 'the gap fill');
    expect(recovered.at(-1)).toBe(missing);
    expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
    chat.dispose();
  });

  it('a failed gap fill is reported, retried with backoff, and recovers what was missed', async () => {
    const chat = chatFor(sb, { retry: { retries: 1, baseMs: 20, maxMs: 100 } });
    const session = await chat.startSession({ visitorId: 'v_bc_syncfail' });
    await session.ready;
    await waitFor(() => session.syncState.status === 'synced', 'synced');
    const states: string[] = [];
    session.on('sync', (s) => states.push(s.status));
    sb.control.setFaults({ http: { error_rate: 1, operations: ['listMessages'] } });
    sb.control.dropConnections();
    for (let i = 0; i < 5; i++) sb.control.reply(session.conversationId, `while down ${i}`);
    try {
      await waitFor(() => session.syncState.status === 'failed', 'the failed gap fill');
      expect(session.syncState).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
      expect(session.syncState.reason).toBeTruthy();
    } finally {
      sb.control.clearFaults();
    }
    await waitFor(() => session.syncState.status === 'synced' && session.messages.length === 5, 'the retried gap fill');
    expect(states).toContain('failed');
    expect(states.at(-1)).toBe('synced');
    expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
    chat.dispose();
  });
});
