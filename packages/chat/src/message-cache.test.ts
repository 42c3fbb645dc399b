import type { Message } from '@tickki/chat-realtime';
import { describe, expect, it } from 'vitest';
import { keptMessages, MessageCache, KEEP } from './message-cache.js';
import { memoryStorage, type StorageAdapter } from './storage.js';
import { MessageStore } from './store.js';

const T0 = Date.parse('2026-11-29T10:00:00Z');
const msg = (id: number): Message => ({ id, direction: 'outbound', type: 'text', content: `m${id}`, createdAt: new Date(T0 + id * 1000), attachments: [], isFromAgent: true });

/** An async storage whose first write is slow: an unchained second write would land before it. */
function slowFirstWrite(): StorageAdapter & { writes: number } {
  const inner = memoryStorage();
  let n = 0;
  const s = {
    writes: 0,
    getItem: (key: string) => inner.getItem(key),
    setItem: async (key: string, value: string) => {
      const delay = n++ === 0 ? 100 : 1;
      await new Promise((r) => setTimeout(r, delay));
      s.writes++;
      await inner.setItem(key, value);
    },
    removeItem: (key: string) => inner.removeItem(key),
  };
  return s;
}

describe('MessageCache', () => {
  it('writes land in order with asynchronous storage: the newest snapshot is the one kept', async () => {
    const storage = slowFirstWrite();
    const store = new MessageStore();
    // the sync point as the gap fill would have it: the newest id held
    const gap = {
      get syncedId() {
        return store.newestId;
      },
      cursor: null,
    };
    const cache = new MessageCache({ store, storage, key: 'k', gap });
    store.merge([msg(1)]);
    const first = cache.save(); // slow
    await new Promise((r) => setTimeout(r, 5)); // the slow write has started
    store.merge([msg(2)]);
    const second = cache.save();
    store.merge([msg(3)]);
    const third = cache.save(); // joins the queued one
    await Promise.all([first, second, third]);
    const kept = keptMessages(JSON.parse((await storage.getItem('k'))!));
    expect(kept?.messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(kept?.syncedId).toBe(3);
    expect(storage.writes).toBe(2);
  });

  it(`keeps the newest ${KEEP} sent messages, and the older-page cursor only when it kept them all`, async () => {
    const storage = memoryStorage();
    const store = new MessageStore();
    const cache = new MessageCache({ store, storage, key: 'k', gap: { syncedId: 7, cursor: 'older' } });
    store.merge(Array.from({ length: KEEP + 5 }, (_, i) => msg(i + 1)));
    store.addPending('c1', 'not sent yet');
    await cache.save();
    const kept = keptMessages(JSON.parse((await storage.getItem('k'))!))!;
    expect(kept.messages).toHaveLength(KEEP);
    expect(kept.messages[0]!.id).toBe(6);
    expect(kept.cursor).toBeUndefined(); // older messages were left out: the cursor would skip them
    expect(kept).toMatchObject({ syncedId: 7 });
  });
});
