import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type StorageAdapter } from '../src/index.js';
import { chatFor, sandbox, serverIds, storeIds, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

/** A storage whose writes of the outbox, once held, wait until released (a slow AsyncStorage, as slow as the test needs). */
function heldOutbox(): { storage: StorageAdapter; hold(): void; release(): void } {
  const inner = memoryStorage();
  let gate: Promise<void> | undefined;
  let open = () => {};
  return {
    storage: {
      getItem: (key) => inner.getItem(key),
      setItem: async (key, value) => {
        if (gate && key.endsWith(':outbox')) await gate;
        await inner.setItem(key, value);
      },
      removeItem: (key) => inner.removeItem(key),
    },
    hold: () => void (gate = new Promise((resolve) => (open = resolve))),
    release: () => {
      open();
      gate = undefined;
    },
  };
}

describe('echo de-duplication', () => {
  it('two tabs sending the same text at once: neither takes the other tab’s message for its own', async () => {
    const slow = heldOutbox();
    const a = chatFor(sb, { storage: slow.storage });
    const b = chatFor(sb);
    try {
      const sa = await a.startSession({ visitorId: 'v_two_tabs' });
      const sb2 = await b.startSession({ visitorId: 'v_two_tabs' });
      await Promise.all([sa.ready, sb2.ready]);
      slow.hold();
      const sentByA = sa.send('same text'); // stored first (slowly: until released), then sent
      const own = sa.messages.at(-1)!;
      const other = await sb2.send('same text'); // the other tab's, sent and broadcast meanwhile
      await waitFor(() => sa.messages.some((m) => m.id === other.id), "the other tab's message, over the socket");
      // A's own message is still on its way: it is not the other tab's message
      expect(sa.messages.find((m) => m.key === own.key)).toMatchObject({ status: 'pending', id: undefined });
      slow.release();
      const mine = await sentByA;
      expect(mine.id).not.toBe(other.id);
      await waitFor(() => sa.messages.length === 2, 'both messages');
      expect(storeIds(sa)).toEqual(serverIds(sb, sa.conversationId));
      expect(sa.messages.find((m) => m.key === own.key)?.id).toBe(mine.id);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('the echo of the send in flight, arriving before its answer, is one message, not two', async () => {
    const chat = chatFor(sb);
    try {
      const session = await chat.startSession({ visitorId: 'v_echo_first' });
      await session.ready;
      sb.control.setFaults({ http: { latency_ms: 300, operations: ['sendMessage'] } }); // the answer comes after the broadcast
      const sending = session.send('hello');
      await waitFor(() => session.messages[0]?.status === 'sent', 'the echo');
      expect(session.messages).toHaveLength(1);
      const sent = await sending;
      expect(session.messages).toEqual([sent]);
    } finally {
      sb.control.clearFaults();
      chat.dispose();
    }
  });
});
