import type { Message } from '@tickki/chat-realtime';
import { describe, expect, it } from 'vitest';
import { TickkiChatError } from './errors.js';
import { MessageStore } from './store.js';

const T0 = Date.parse('2026-11-29T10:00:00Z');
const msg = (id: number, at = id, extra: Partial<Message> = {}): Message => ({
  id,
  direction: 'outbound',
  type: 'text',
  content: `m${id}`,
  createdAt: new Date(T0 + at * 1000),
  attachments: [],
  isFromAgent: true,
  ...extra,
});
const ids = (store: MessageStore) => store.snapshot().map((m) => m.id ?? m.key);
const flush = () => new Promise<void>((r) => queueMicrotask(r));

describe('MessageStore', () => {
  it('puts a new message last even when the device clock runs behind the server', () => {
    const store = new MessageStore();
    store.merge([msg(1, 600), msg(2, 605)]); // the server's times, 10 minutes ahead of this device
    const pending = store.addPending('c1', 'typed now', T0);
    expect(ids(store)).toEqual([1, 2, 'c1']);
    expect(pending.createdAt.getTime()).toBe(T0 + 605_001);
    store.confirm('c1', msg(3, 610, { content: 'typed now', direction: 'inbound' })); // then the server's time
    expect(store.snapshot().at(-1)).toMatchObject({ id: 3, key: 'c1', createdAt: new Date(T0 + 610_000) });
  });

  it('orders by createdAt, then id, whatever the arrival order', () => {
    const store = new MessageStore();
    store.merge([msg(3), msg(1)]);
    store.merge([msg(2)]);
    store.merge([msg(5, 4), msg(4, 4)]); // same time: by id
    store.merge([msg(0, 10)]); // later time wins over a lower id
    expect(ids(store)).toEqual([1, 2, 3, 4, 5, 0]);
  });

  it('de-duplicates by id, within a batch and across batches, and fills in missing attachments', () => {
    const store = new MessageStore();
    expect(store.merge([msg(1), msg(1), msg(2)])).toBe(2);
    expect(store.merge([msg(2), msg(1)])).toBe(0);
    const att = { id: 7, fileName: 'a.png', mimeType: 'image/png', fileSize: 3, signedUrl: 'http://x' };
    store.merge([msg(2, 2, { attachments: [att] })]);
    expect(store.size).toBe(2);
    expect(store.get(2)?.attachments).toEqual([att]);
    // a REST page without attachments does not erase them
    store.merge([msg(2)]);
    expect(store.get(2)?.attachments).toEqual([att]);
  });

  it('keeps the snapshot identical until something changes, and notifies once per burst', async () => {
    const store = new MessageStore();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.length));
    store.merge([msg(1)]);
    store.merge([msg(2)]);
    store.merge([msg(2)]);
    const a = store.snapshot();
    expect(store.snapshot()).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    await flush();
    expect(seen).toEqual([2]);
    store.merge([msg(1)]); // no change: no notification
    await flush();
    expect(seen).toEqual([2]);
    expect(store.snapshot()).toBe(a);
  });

  it('reconciles a pending message with the REST answer (pending → sent, one entry, stable key)', () => {
    const store = new MessageStore();
    store.merge([msg(1)]);
    const pending = store.addPending('c1', 'hello');
    expect(pending).toMatchObject({ status: 'pending', id: undefined, key: 'c1', clientId: 'c1' });
    const sent = store.confirm('c1', msg(2, 2, { direction: 'inbound', content: 'hello', isFromAgent: false }));
    expect(sent).toMatchObject({ status: 'sent', id: 2, key: 'c1', clientId: 'c1' });
    expect(store.size).toBe(2);
    // the broadcast echo afterwards changes nothing
    expect(store.merge([msg(2, 2, { direction: 'inbound', content: 'hello' })])).toBe(0);
    expect(ids(store)).toEqual([1, 2]);
  });

  it('a second confirmation of the same message (echo, then the answer) notifies nobody', async () => {
    const store = new MessageStore();
    store.addPending('c1', 'hi');
    const first = store.confirm('c1', msg(9, 1, { direction: 'inbound', content: 'hi' }));
    await flush();
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.confirm('c1', msg(9, 1, { direction: 'inbound', content: 'hi' }))).toBe(first);
    await flush();
    expect(calls).toBe(0);
    // attachments that only the later one carries are filled in
    const file = { id: 1, fileName: 'a.png', mimeType: 'image/png', fileSize: 3, signedUrl: 'https://files.example/a.png' };
    const filled = store.confirm('c1', msg(9, 1, { direction: 'inbound', content: 'hi', attachments: [file] }));
    expect(filled.attachments).toEqual([file]);
    await flush();
    expect(calls).toBe(1);
  });

  it('reconciles when the echo came first', () => {
    const store = new MessageStore();
    store.addPending('c1', 'hi');
    store.merge([msg(9, 1, { direction: 'inbound', content: 'hi' })]); // echo, not recognised
    expect(store.size).toBe(2);
    const m = store.confirm('c1', msg(9, 1, { direction: 'inbound', content: 'hi' }));
    expect(store.size).toBe(1);
    expect(m).toMatchObject({ id: 9, key: 'c1', status: 'sent' });
    expect(store.byClientId('c1')).toBe(m);
    expect(store.get(9)).toBe(m);
  });

  it('releases a wrongly matched echo when the answer names another id', () => {
    const store = new MessageStore();
    store.addPending('c1', 'ok');
    store.confirm('c1', msg(5, 1, { content: 'ok' })); // matched early to another tab's "ok"
    store.confirm('c1', msg(6, 2, { content: 'ok' })); // the answer says 6
    expect(store.snapshot().map((m) => [m.id, m.clientId])).toEqual([
      [5, undefined],
      [6, 'c1'],
    ]);
  });

  it('keeps failed messages with their text; retry and discard', () => {
    const store = new MessageStore();
    store.addPending('c1', 'keep me');
    const error = new TickkiChatError('network', 'down');
    const failed = store.setFailed('c1', error);
    expect(failed).toMatchObject({ status: 'failed', content: 'keep me', error });
    expect(store.setFailed('c1', undefined)).toMatchObject({ status: 'pending', error: undefined });
    store.setFailed('c1', error);
    expect(store.discard('c1')).toBe(true);
    expect(store.size).toBe(0);
    expect(store.discard('c1')).toBe(false);
  });

  it('orders pending messages after each other even within one millisecond', () => {
    const store = new MessageStore();
    const at = Date.now();
    for (let i = 0; i < 5; i++) store.addPending(`z${i}`, `t${i}`, at);
    expect(store.snapshot().map((m) => m.content)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('merges 10,000 messages (shuffled, 10 % duplicates) into one ordered list (speed: `npm run bench`)', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => msg(i + 1));
    const incoming = [...all, ...all.slice(0, 1000)].sort(() => Math.random() - 0.5);
    const store = new MessageStore();
    for (const m of incoming) store.merge([m]);
    expect(store.size).toBe(10_000);
    expect(ids(store)).toEqual(all.map((m) => m.id));
  });

  it('appends an in-order message with one comparison (O(1)), not a search', () => {
    let reads = 0;
    class CountingDate extends Date {
      override getTime(): number {
        reads++;
        return super.getTime();
      }
    }
    const store = new MessageStore();
    for (let i = 1; i <= 10_000; i++) store.merge([{ ...msg(i), createdAt: new CountingDate(T0 + i * 1000) }]);
    expect(store.snapshot()).toHaveLength(10_000);
    // one comparison reads two times; a binary search would take about 14 comparisons per message
    expect(reads / 10_000).toBeLessThanOrEqual(2);
  });
});

describe('MessageStore listeners', () => {
  it('a listener that throws is reported, and the listeners after it are still called', async () => {
    const reported: unknown[] = [];
    const store = new MessageStore((error) => reported.push(error));
    const heard: number[] = [];
    store.subscribe(() => {
      throw new Error('app bug');
    });
    store.subscribe((messages) => heard.push(messages.length));
    store.merge([msg(1)]);
    await flush();
    expect(heard).toEqual([1]);
    expect(reported).toEqual([new Error('app bug')]);
    store.merge([msg(2)]); // and it keeps going
    await flush();
    expect(heard).toEqual([1, 2]);
  });
});
