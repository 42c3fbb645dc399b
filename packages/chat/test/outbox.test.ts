import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type StorageAdapter } from '../src/index.js';
import { chatFor, sandbox, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

/** Memory storage that counts the reads and writes of the outbox. */
function counting(): StorageAdapter & { reads: number; writes: number } {
  const inner = memoryStorage();
  const s = {
    reads: 0,
    writes: 0,
    getItem: (key: string) => {
      if (key.endsWith(':outbox')) s.reads++;
      return inner.getItem(key);
    },
    setItem: (key: string, value: string) => {
      if (key.endsWith(':outbox')) s.writes++;
      return inner.setItem(key, value);
    },
    removeItem: (key: string) => {
      if (key.endsWith(':outbox')) s.writes++;
      return inner.removeItem(key);
    },
  };
  return s;
}

describe('durable outbox', () => {
  it('a burst of sends is stored once before the first leaves, then once per outcome', async () => {
    const storage = counting();
    const chat = chatFor(sb, { storage });
    try {
      const session = await chat.startSession({ visitorId: 'v_outbox_burst' });
      await session.ready;
      const before = { reads: storage.reads, writes: storage.writes };
      const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => session.send(`burst ${i}`)));
      expect(sent.every((m) => m.status === 'sent')).toBe(true);
      // 1 write before the first leaves (it stores all 10) + 1 per outcome; it was 2 per send
      expect(storage.writes - before.writes).toBe(11);
      expect(storage.reads - before.reads).toBe(11);
      expect(await storage.getItem(`tickki:${sb.demoKey}:v_outbox_burst:outbox`)).toBeUndefined(); // all sent: nothing left
    } finally {
      chat.dispose();
    }
  });
});
