import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../src/index.js';
import { chatFor, sandbox, serverIds, sleep, storeIds, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

const count = (op: string) => sb.control.requests().filter((r) => r.operation === op).length;

describe('resume', () => {
  it('resumes the same conversation for the same visitor, even without storage', async () => {
    const a = chatFor(sb);
    const first = await a.startSession({ visitorId: 'v_same' });
    await first.ready;
    await first.send('before reload');
    a.dispose();
    const b = chatFor(sb);
    const second = await b.startSession({ visitorId: 'v_same' });
    await second.ready;
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.messages.map((m) => m.content)).toEqual(['before reload']);
    b.dispose();
  });

  it('after a reload reuses the kept session and fetches only what is new', async () => {
    const storage = memoryStorage();
    const a = chatFor(sb, { storage });
    const first = await a.startSession({ visitorId: 'v_reload' });
    await first.ready;
    for (let i = 0; i < 40; i++) sb.control.reply(first.conversationId, `seen ${i}`);
    await waitFor(() => first.messages.length === 40, 'live messages');
    // kept messages are stored with their sync point: leave once the first fill has set it
    await waitFor(() => first.syncState.status === 'synced', 'synced');
    a.dispose();
    for (let i = 0; i < 3; i++) sb.control.reply(first.conversationId, `while away ${i}`);

    const starts = count('startSession');
    const lists = sb.control.requests().filter((r) => r.operation === 'listMessages').length;
    const b = chatFor(sb, { storage });
    const second = await b.startSession({ visitorId: 'v_reload' });
    // the kept messages are there at once, before any request
    expect(second.messages).toHaveLength(40);
    await second.ready;
    await waitFor(() => second.syncState.status === 'synced', 'synced');
    expect(count('startSession')).toBe(starts); // the kept session token was reused
    expect(second.conversationId).toBe(first.conversationId);
    expect(storeIds(second)).toEqual(serverIds(sb, first.conversationId));
    expect(second.messages.slice(-3).map((m) => m.content)).toEqual(['while away 0', 'while away 1', 'while away 2']);
    // only the newest page was asked for (the gap fill stops at the newest kept message)
    const newLists = sb.control.requests().filter((r) => r.operation === 'listMessages').slice(lists);
    expect(newLists.every((r) => !r.path.includes('cursor='))).toBe(true);
    b.dispose();
  });

  it('a send cut off by a crash is in doubt at the next start: found stored, not sent again (exactly one copy, even where the header is ignored)', async () => {
    const storage = memoryStorage();
    const a = chatFor(sb, { storage, retry: { retries: 50, baseMs: 400, maxMs: 400 } });
    const first = await a.startSession({ visitorId: 'v_crash' });
    await first.ready;
    // the server stores the message but the answer is lost; then every retry fails until the "crash"
    sb.control.setFaults({ http: { drop_response_next: 1, silent_store_next: 1, ignore_idempotency_key: true, operations: ['sendMessage'] } });
    void first.send('do not lose me');
    await waitFor(() => sb.control.messages(first.conversationId).length === 1, 'the message stored by the server');
    sb.control.setFaults({ http: { error_rate: 1, operations: ['sendMessage', 'listMessages'] } });
    expect(first.messages).toMatchObject([{ content: 'do not lose me', status: 'pending' }]);
    a.dispose(); // crash: the send never got its answer
    sb.control.setFaults({ http: { error_rate: 0, operations: [] } }); // the header is still ignored
    const sendsBefore = sb.control.requests().filter((r) => r.operation === 'sendMessage').length;

    const b = chatFor(sb, { storage });
    const second = await b.startSession({ visitorId: 'v_crash' });
    await second.ready;
    await waitFor(() => second.messages.every((m) => m.status === 'sent') && second.messages.length === 1, 'the message, settled');
    await sleep(100);
    expect(sb.control.requests().filter((r) => r.operation === 'sendMessage').length).toBe(sendsBefore);
    const stored = sb.control.messages(first.conversationId);
    expect(stored).toHaveLength(1);
    expect(second.messages[0]).toMatchObject({ id: stored[0]!.id, content: 'do not lose me' });
    b.dispose();
    // and the outbox is empty now: a third start sends nothing
    const c = chatFor(sb, { storage });
    const third = await c.startSession({ visitorId: 'v_crash' });
    await third.ready;
    await sleep(100);
    expect(sb.control.messages(first.conversationId)).toHaveLength(1);
    c.dispose();
    sb.control.clearFaults();
  });

  it("two tabs of one visitor share the outbox: one tab's sends never drop the other's unsent message", async () => {
    const storage = memoryStorage(); // one localStorage, two tabs
    const tabA = chatFor(sb, { storage, retry: { retries: 50, baseMs: 400, maxMs: 400 } });
    const tabB = chatFor(sb, { storage });
    const a = await tabA.startSession({ visitorId: 'v_two_tabs' });
    const b = await tabB.startSession({ visitorId: 'v_two_tabs' });
    await Promise.all([a.ready, b.ready]);
    // tab A's send never gets through (its network is down), then the tab is killed
    sb.control.setFaults({ http: { error_rate: 1, operations: ['sendMessage'] } });
    const attempts = count('sendMessage');
    void a.send('typed in tab A');
    await waitFor(() => count('sendMessage') > attempts, "tab A's first attempt");
    tabA.dispose();
    sb.control.clearFaults();
    // tab B sends (and writes the shared outbox twice: before and after)
    expect((await b.send('typed in tab B')).status).toBe('sent');
    await sleep(50);
    tabB.dispose();

    // the next start of this visitor finds tab A's message and sends it
    const tabC = chatFor(sb, { storage });
    const c = await tabC.startSession({ visitorId: 'v_two_tabs' });
    await c.ready;
    await waitFor(() => sb.control.messages(c.conversationId).length === 2, "tab A's message, resent");
    expect(sb.control.messages(c.conversationId).map((m) => m.content).sort()).toEqual(['typed in tab A', 'typed in tab B']);
    await waitFor(() => c.messages.every((m) => m.status === 'sent') && c.messages.length === 2, 'both shown once, sent');
    tabC.dispose();
  });

  it('keeps failed messages with their text; retryable ones are resent after a reconnect', async () => {
    const storage = memoryStorage();
    const chat = chatFor(sb, { storage, retry: { retries: 1, baseMs: 1, maxMs: 1 } });
    const session = await chat.startSession({ visitorId: 'v_failed' });
    await session.ready;
    sb.control.setFaults({ http: { error_rate: 1, operations: ['sendMessage'] } });
    const failed = await session.send('first try');
    expect(failed).toMatchObject({ status: 'failed', content: 'first try', error: { code: 'server_error', retryable: true } });
    chat.dispose();
    sb.control.clearFaults();
    const again = chatFor(sb, { storage });
    const resumed = await again.startSession({ visitorId: 'v_failed' });
    expect(resumed.messages.map((m) => [m.content, m.status])).toEqual([['first try', 'failed']]);
    await resumed.ready;
    await waitFor(() => resumed.messages[0]?.status === 'sent', 'the automatic resend');
    expect(sb.control.messages(resumed.conversationId).map((m) => m.content)).toEqual(['first try']);
    again.dispose();
  });

  it('retry() sends a failed message again, discard() drops it, also after a reload', async () => {
    const storage = memoryStorage();
    const chat = chatFor(sb, { storage });
    const session = await chat.startSession({ visitorId: 'v_abort' });
    await session.ready;
    sb.control.setFaults({ http: { timeout_rate: 1, timeout_ms: 0, operations: ['sendMessage'] } });
    const ctl = new AbortController();
    const pending = session.send('keep me', { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    expect(await pending).toMatchObject({ status: 'failed', content: 'keep me', error: { code: 'aborted' } });
    const ctl2 = new AbortController();
    ctl2.abort();
    expect(await session.send('drop me', { signal: ctl2.signal })).toMatchObject({ status: 'failed' });
    sb.control.clearFaults();
    chat.dispose();

    const again = chatFor(sb, { storage });
    const resumed = await again.startSession({ visitorId: 'v_abort' });
    await resumed.ready;
    const kept = resumed.messages.filter((m) => m.status === 'failed');
    expect(kept.map((m) => m.content)).toEqual(['keep me', 'drop me']);
    const sent = await resumed.retry(kept[0]!.clientId!);
    expect(sent).toMatchObject({ status: 'sent', content: 'keep me' });
    expect(resumed.discard(kept[1]!.clientId!)).toBe(true);
    expect(resumed.messages.map((m) => [m.content, m.status])).toEqual([['keep me', 'sent']]);
    expect(sb.control.messages(resumed.conversationId).map((m) => m.content)).toEqual(['keep me']);
    again.dispose();
  });
});
