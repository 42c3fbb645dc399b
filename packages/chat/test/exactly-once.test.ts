/**
 * Exactly once against a server that ignores `Idempotency-Key` (as the real backend may): answers
 * lost after the message was stored, broadcasts lost with them, attempts that never arrived, texts
 * sent twice on purpose, reloads and sockets dropping in between.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage, type ChatSession, type TickkiChat } from '../src/index.js';
import { storedOutbox } from '../src/outbox.js';
import { chatFor, sandbox, serverIds, sleep, storeIds, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
let chats: TickkiChat[] = [];
beforeEach(async () => {
  sb = await sandbox();
  sb.control.setFaults({ http: { ignore_idempotency_key: true } });
});
afterEach(async () => {
  for (const chat of chats) chat.dispose();
  chats = [];
  await sb.close();
});

const count = (operation: string): number => sb.control.requests().filter((r) => r.operation === operation).length;
const contents = (conversationId: number): string[] => sb.control.messages(conversationId).map((m) => m.content);
/** Faults on the sends only (the header stays ignored). */
const sendFaults = (http: object): void => void sb.control.setFaults({ http: { ...http, operations: ['sendMessage'] } });

async function start(visitorId: string, options: Parameters<typeof chatFor>[1] = {}): Promise<ChatSession> {
  const chat = chatFor(sb, options);
  chats.push(chat);
  const session = await chat.startSession({ visitorId });
  await session.ready;
  // the fill that follows the first subscription is done: later history reads are the outbox's
  await sleep(50);
  await waitFor(() => session.syncState.status === 'synced', 'the first fills');
  return session;
}

/** Waits until nothing is pending and the store holds `n` messages, then lets late echoes arrive: they must change nothing. */
async function settled(session: ChatSession, n: number): Promise<void> {
  await waitFor(() => session.messages.length === n && session.messages.every((m) => m.status === 'sent'), `${n} sent messages in the store`, 30_000);
  await sleep(150);
  expect(session.messages).toHaveLength(n);
  expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
}

describe('exactly once where the server ignores Idempotency-Key', () => {
  it('one lost answer, broadcast delivered: stored once, shown once, not sent again', async () => {
    const session = await start('v_lost_answer');
    sendFaults({ drop_response_next: 1 });
    const sent = await session.send('hello once');
    expect(sent.status).toBe('sent');
    expect(count('sendMessage')).toBe(1);
    expect(contents(session.conversationId)).toEqual(['hello once']);
    await settled(session, 1);
  });

  it('one lost answer, broadcast lost too: history shows it stored; stored once, shown once', async () => {
    const session = await start('v_lost_both');
    const lists = count('listMessages');
    sendFaults({ drop_response_next: 1, silent_store_next: 1 });
    const sent = await session.send('no answer, no echo');
    expect(sent).toMatchObject({ status: 'sent', id: sb.control.messages(session.conversationId)[0]!.id });
    expect(count('sendMessage')).toBe(1);
    expect(count('listMessages') - lists).toBe(1); // one page of history settled it
    expect(contents(session.conversationId)).toEqual(['no answer, no echo']);
    await settled(session, 1);
  });

  it('a burst of 10 sends with 5 answers lost: each stored once, in order', async () => {
    const session = await start('v_burst_lost');
    sendFaults({ drop_response_next: 5 });
    const texts = Array.from({ length: 10 }, (_, i) => `burst ${i}`);
    const results = await Promise.all(texts.map((t) => session.send(t)));
    expect(results.map((m) => m.status)).toEqual(texts.map(() => 'sent'));
    expect(contents(session.conversationId)).toEqual(texts);
    expect(count('sendMessage')).toBe(10);
    await settled(session, 10);
    expect(session.messages.map((m) => m.content)).toEqual(texts);
  });

  it.each([
    ['the first answer lost', [{ drop_response_next: 1 }, {}]],
    ['the second answer lost', [{}, { drop_response_next: 1 }]],
    ['both answers and both broadcasts lost', [{ drop_response_next: 1, silent_store_next: 1 }, { drop_response_next: 1, silent_store_next: 1 }]],
  ])('"ok", "ok" sent on purpose with %s: two messages, one copy each', async (_label, faults) => {
    const session = await start('v_ok_ok');
    const [a, b] = await Promise.all(
      faults.map(async (f, i) => {
        // the second one after the first is settled, so each meets its own fault
        if (i > 0) await waitFor(() => session.messages.length === 1 && session.messages[0]!.status === 'sent', 'the first "ok" settled');
        sendFaults(f);
        return session.send('ok');
      }),
    );
    expect([a!.status, b!.status]).toEqual(['sent', 'sent']);
    expect(a!.id).not.toBe(b!.id);
    expect(contents(session.conversationId)).toEqual(['ok', 'ok']);
    expect(count('sendMessage')).toBe(2);
    await settled(session, 2);
    expect(session.messages.map((m) => m.clientId)).toEqual([a!.clientId, b!.clientId]);
  });

  it('"ok", "ok": a retry of the second one (which never arrived) does not adopt the first', async () => {
    const session = await start('v_ok_retry', { timeoutMs: 300 });
    const first = await session.send('ok');
    sendFaults({ timeout_next: 1, timeout_ms: 0 }); // hangs, then is abandoned: never stored
    const second = await session.send('ok');
    expect(second.status).toBe('sent');
    expect(second.id).not.toBe(first.id);
    expect(count('sendMessage')).toBe(3); // the first, the hung one, the resend once history showed no copy
    expect(contents(session.conversationId)).toEqual(['ok', 'ok']);
    await settled(session, 2);
  });

  it('an in-doubt message survives a reload: at the next start it is checked before anything is resent, and sent once, in order', async () => {
    const storage = memoryStorage();
    const a = await start('v_reload_doubt', { storage, timeoutMs: 300, retry: { retries: 50, baseMs: 200, maxMs: 200 } });
    // the first attempt hangs and is abandoned (never stored), and history cannot be read to tell
    sb.control.setFaults({ http: { timeout_next: 1, timeout_ms: 0, error_rate: 1, operations: ['sendMessage', 'listMessages'] } });
    void a.send('first');
    void a.send('after it');
    await waitFor(() => sb.control.faults().counters.hung === 1 && sb.control.faults().counters.errors! >= 1, 'the first attempt abandoned, history unreadable');
    await sleep(350); // the outbox is now in doubt about 'first', waiting to read history
    expect(count('sendMessage')).toBe(1);
    chats.shift()!.dispose(); // reload
    sb.control.setFaults({ http: { error_rate: 0, timeout_next: 0, operations: [] } });
    const lists = count('listMessages');

    const b = await start('v_reload_doubt', { storage });
    await settled(b, 2);
    expect(contents(b.conversationId)).toEqual(['first', 'after it']);
    expect(count('sendMessage')).toBe(3);
    expect(count('listMessages') - lists).toBeGreaterThanOrEqual(2); // the start's history and the check
    expect(b.messages.map((m) => m.content)).toEqual(['first', 'after it']);
  });

  it('a second tab that read the outbox while the first was sending does not send those messages again', async () => {
    const storage = memoryStorage();
    const a = await start('v_two_tabs_once', { storage });
    sendFaults({ latency_ms: 150 });
    const texts = ['one', 'two', 'three'];
    const sending = Promise.all(texts.map((t) => a.send(t)));
    const key = (name: string) => `tickki:${sb.demoKey}:v_two_tabs_once:${name}`;
    // the outbox as written before the first send left, all three unsent (each answer, 150 ms away, removes one)
    const outbox = await waitFor(async () => {
      const stored = await storage.getItem(key('outbox'));
      return stored && storedOutbox(JSON.parse(stored)).length === texts.length ? stored : undefined;
    }, 'the outbox written with all three before the first send left');
    // tab B opens now: it reads the outbox as it is, while tab A goes on sending them
    const seen = memoryStorage();
    await seen.setItem(key('session'), (await storage.getItem(key('session')))!);
    await seen.setItem(key('outbox'), outbox);
    expect(await sending).toMatchObject(texts.map((content) => ({ content, status: 'sent' })));
    sendFaults({ latency_ms: 0 });
    const b = await start('v_two_tabs_once', { storage: seen });
    await settled(b, 3);
    expect(contents(b.conversationId)).toEqual(texts);
    expect(count('sendMessage')).toBe(3);
  });

  it('history unreadable too: the message fails as unconfirmed with its text, never sent blindly; after the next subscription it is checked and adopted', async () => {
    const session = await start('v_unconfirmed', { retry: { retries: 2, baseMs: 5, maxMs: 10 } });
    // the send is stored but its answer is cut off and never broadcast; every history page is cut off too
    sb.control.setFaults({ http: { garble_response_rate: 1, silent_store_next: 1, operations: ['sendMessage', 'listMessages'] } });
    const failed = await session.send('kept');
    expect(failed).toMatchObject({ status: 'failed', content: 'kept', error: { code: 'unconfirmed', retryable: true } });
    expect(count('sendMessage')).toBe(1);
    sb.control.setFaults({ http: { garble_response_rate: 0, operations: [] } });
    sb.control.dropConnections(); // the next subscription retries what may pass: checked first
    await settled(session, 1);
    expect(count('sendMessage')).toBe(1);
    expect(session.messages[0]).toMatchObject({ content: 'kept', clientId: failed.clientId });
  });

  it('the happy path costs no extra request: 20 sends are 20 sendMessage calls and no history read', async () => {
    const session = await start('v_happy');
    const [lists, sends] = [count('listMessages'), count('sendMessage')];
    for (let i = 0; i < 20; i++) await session.send(`happy ${i}`);
    await settled(session, 20);
    expect(count('sendMessage') - sends).toBe(20);
    expect(count('listMessages') - lists).toBe(0);
  });

  it('storm: 500 sends, 30 % of answers lost (half their broadcasts too), sockets dropped in between: every text once on the server and in the store, in order', async () => {
    const session = await start('v_storm_once', { timeoutMs: 1000, retry: { retries: 30, baseMs: 5, maxMs: 50 } });
    sendFaults({ drop_response_rate: 0.3, silent_store_rate: 0.5, latency_ms: 4 }); // 4 ms a send: time for the socket to come back between drops
    // drop the socket each time another 50 messages are stored (once it is back up)
    let drops = 0;
    const dropper = setInterval(() => {
      if (sb.control.messages(session.conversationId).length >= (drops + 1) * 50) drops += sb.control.dropConnections();
    }, 20);
    const texts = Array.from({ length: 500 }, (_, i) => `storm ${i}`);
    let results;
    try {
      results = await Promise.all(texts.map((t) => session.send(t)));
    } finally {
      clearInterval(dropper);
    }
    const { counters } = sb.control.faults();
    sb.control.setFaults({ http: { drop_response_rate: 0, silent_store_rate: 0, latency_ms: 0 } });
    expect(counters.dropped_responses).toBeGreaterThan(100);
    expect(counters.silent_stores).toBeGreaterThan(150);
    expect(drops).toBeGreaterThanOrEqual(3);
    expect(results.every((m) => m.status === 'sent')).toBe(true);
    expect(contents(session.conversationId)).toEqual(texts);
    await settled(session, 500);
    expect(session.messages.map((m) => m.content)).toEqual(texts);
    expect(new Set(session.messages.map((m) => m.key)).size).toBe(500);
  }, 90_000);
});

describe('where the server honours Idempotency-Key', () => {
  it('every send still carries its client id as the header, and a lost answer is settled by its copy, not a resend', async () => {
    sb.control.setFaults({ http: { ignore_idempotency_key: false } });
    const session = await start('v_header_kept');
    sendFaults({ drop_response_next: 1 });
    const sent = await Promise.all([session.send('one'), session.send('two')]);
    const keys = sb.control.requests().filter((r) => r.operation === 'sendMessage').map((r) => r.idempotency_key);
    expect(keys).toEqual(sent.map((m) => m.clientId));
    expect(contents(session.conversationId)).toEqual(['one', 'two']);
    await settled(session, 2);
  });
});
