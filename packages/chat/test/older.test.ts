import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type ChatSession } from '../src/index.js';
import { chatFor, sandbox, serverIds, storeIds, unique, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages');

/** A conversation of `count` agent messages for `visitorId`, made before the session under test starts. */
async function conversation(visitorId: string, count: number): Promise<number> {
  const chat = chatFor(sb);
  const session = await chat.startSession({ visitorId });
  for (let i = 0; i < count; i++) sb.control.reply(session.conversationId, `m${i}`);
  chat.dispose();
  return session.conversationId;
}

/** Calls `loadOlder` until it resolves `false`; every call must bring older messages and keep the store whole. */
async function walkDown(session: ChatSession): Promise<number> {
  let calls = 0;
  for (let more = true; more; ) {
    const oldest = session.messages[0]!.id!;
    const held = session.messages.length;
    more = await session.loadOlder();
    calls++;
    expect(session.messages.length, `call ${calls} brought nothing`).toBeGreaterThan(held);
    expect(session.messages[0]!.id!).toBeLessThan(oldest);
    expect(unique(storeIds(session))).toBe(true);
  }
  return calls;
}

describe('older history', () => {
  it('after a cold start and its gap fill, each loadOlder() fetches the page just before the oldest held', async () => {
    const id = await conversation('v_older_cold', 230);
    const chat = chatFor(sb);
    try {
      const session = await chat.startSession({ visitorId: 'v_older_cold' });
      await session.ready;
      // the fill after `subscribed` reads 100 newest: more than the first page of 50
      await waitFor(() => session.syncState.status === 'synced' && session.messages.length === 100, 'the gap fill');
      expect(session.hasOlder).toBe(true);
      const before = lists().length;
      // 130 older messages in pages of 50: 3 calls, each bringing new ones
      expect(await walkDown(session)).toBe(3);
      expect(lists().length - before).toBe(3);
      expect(session.hasOlder).toBe(false);
      expect(await session.loadOlder()).toBe(false);
      expect(lists().length - before).toBe(3);
      expect(storeIds(session)).toEqual(serverIds(sb, id));
    } finally {
      chat.dispose();
    }
  });

  it('after a resume from kept messages, loadOlder() starts just before the oldest kept one', async () => {
    const storage = memoryStorage();
    const id = await conversation('v_older_resume', 160);
    const a = chatFor(sb, { storage });
    const first = await a.startSession({ visitorId: 'v_older_resume' });
    await first.ready;
    await waitFor(() => first.syncState.status === 'synced' && first.messages.length === 100, 'the gap fill');
    a.dispose();
    for (let i = 0; i < 5; i++) sb.control.reply(id, `while away ${i}`);

    const b = chatFor(sb, { storage });
    try {
      const second = await b.startSession({ visitorId: 'v_older_resume' });
      expect(second.messages).toHaveLength(100);
      await second.ready;
      await waitFor(() => second.syncState.status === 'synced' && second.messages.length === 105, 'the messages sent while away');
      expect(await walkDown(second)).toBe(2);
      expect(storeIds(second)).toEqual(serverIds(sb, id));
    } finally {
      b.dispose();
    }
  });

  it('after a resume from kept messages without a cursor (more were held than are kept), loadOlder() walks down past the oldest kept', async () => {
    const storage = memoryStorage();
    const id = await conversation('v_older_walk', 260);
    const a = chatFor(sb, { storage });
    const first = await a.startSession({ visitorId: 'v_older_walk' });
    await first.ready;
    await waitFor(() => first.syncState.status === 'synced' && first.messages.length === 100, 'the gap fill');
    await walkDown(first);
    expect(first.messages).toHaveLength(260);
    a.dispose(); // keeps the newest 200, without the cursor (it points below the 260th)

    const b = chatFor(sb, { storage });
    try {
      const second = await b.startSession({ visitorId: 'v_older_walk' });
      expect(second.messages).toHaveLength(200);
      await second.ready;
      await waitFor(() => second.syncState.status === 'synced', 'synced');
      expect(second.hasOlder).toBe(true);
      const seen: boolean[] = [];
      second.subscribe(() => seen.push(second.hasOlder));
      expect(await walkDown(second)).toBe(1);
      expect(seen.at(-1)).toBe(false);
      expect(storeIds(second)).toEqual(serverIds(sb, id));
    } finally {
      b.dispose();
    }
  });

  it('store listeners read hasOlder as it is after the page they hear about', async () => {
    const id = await conversation('v_older_listener', 120);
    const chat = chatFor(sb);
    try {
      const session = await chat.startSession({ visitorId: 'v_older_listener' });
      await session.ready;
      await waitFor(() => session.syncState.status === 'synced' && session.messages.length === 100, 'the gap fill');
      const seen: [number, boolean][] = [];
      session.subscribe((messages) => seen.push([messages.length, session.hasOlder]));
      while (await session.loadOlder());
      expect(seen.at(-1)).toEqual([120, false]);
      expect(storeIds(session)).toEqual(serverIds(sb, id));
    } finally {
      chat.dispose();
    }
  });

  it('a cold start reads history twice: the first page, then the page after `subscribed`, which finds what came in between', async () => {
    const id = await conversation('v_older_between', 3);
    // the channel's authorization is slow: the first page is read well before the subscription
    sb.control.setFaults({ http: { latency_ms: 300, operations: ['authorizeChannel'] } });
    const chat = chatFor(sb);
    try {
      const before = lists().length;
      const session = await chat.startSession({ visitorId: 'v_older_between' });
      let live = false;
      void session.ready.then(() => (live = true));
      await waitFor(() => session.messages.length === 3, 'the first page');
      expect(live).toBe(false);
      sb.control.reply(id, 'before the subscription'); // its broadcast reaches no one
      await session.ready;
      await waitFor(() => session.syncState.status === 'synced' && session.messages.length === 4, 'the reply sent before the subscription');
      expect(storeIds(session)).toEqual(serverIds(sb, id));
      expect(lists().length - before).toBe(2);
    } finally {
      sb.control.clearFaults();
      chat.dispose();
    }
  });
});
