/**
 * Bad input of every kind gets a typed `TickkiChatError` (or `RealtimeError`) with a stable code,
 * and nothing the visitor typed is lost: a wrong key, answers cut off on the way, a garbled
 * websocket payload. All against the real sandbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAuthError, memoryStorage, TickkiChat, TickkiChatError } from '../src/index.js';
import { chatFor, sandbox, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());
afterEach(() => sb.control.clearFaults());

const sends = () => sb.control.requests().filter((r) => r.operation === 'sendMessage');

describe('bad input', () => {
  it('options are checked when the chat is created: an empty key or a baseUrl that is not an absolute http(s) URL', () => {
    const make = (options: object) => {
      try {
        new TickkiChat({ publishableKey: 'pk_test_x', lifecycle: null, ...options }).dispose();
        return undefined;
      } catch (e) {
        return e;
      }
    };
    for (const bad of [{ publishableKey: '' }, { publishableKey: '  ' }, { publishableKey: 42 }, { baseUrl: 'app.tickki.com' }, { baseUrl: '/api' }, { baseUrl: 'ftp://x.test' }]) {
      const error = make(bad);
      expect(error, JSON.stringify(bad)).toBeInstanceOf(TickkiChatError);
      expect(error).toMatchObject({ code: 'invalid_argument', retryable: false });
    }
    expect(make({})).toBeUndefined();
    expect(make({ baseUrl: 'http://127.0.0.1:8080' })).toBeUndefined();
    expect(make({ baseUrl: 'https://chat.example.com/tickki/' })).toBeUndefined();
  });

  it('send() of something that is not a string (plain JavaScript) is a typed error, and nothing is queued', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_send_number' });
    await session.ready;
    for (const bad of [42, null, undefined, { text: 'hi' }]) {
      const error = await session.send(bad as unknown as string).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TickkiChatError);
      expect(error).toMatchObject({ code: 'invalid_argument' });
    }
    expect(session.messages).toHaveLength(0);
    chat.dispose();
  });

  it('a wrong publishable key: invalid_api_key at once, an auth error, not retried', async () => {
    const chat = chatFor(sb, { publishableKey: 'pk_test_not_a_real_key' });
    const before = sb.control.requests().length;
    const error = await chat.startSession({ visitorId: 'v_wrong_key' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TickkiChatError);
    expect(error).toMatchObject({ code: 'invalid_api_key', status: 401, retryable: false });
    expect(isAuthError(error)).toBe(true);
    // one config call and one start: nothing retried
    expect(sb.control.requests().slice(before).map((r) => r.operation).sort()).toEqual(['getConfig', 'startSession']);
    chat.dispose();
  });

  it('an answer cut off on the way is not sent again: its echo or history shows it stored; sent once, shown once', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_garbled_once' });
    await session.ready;
    const before = sends().length;
    sb.control.setFaults({ http: { garble_response_next: 1, operations: ['sendMessage'] } });
    const sent = await session.send('cut off once');
    expect(sent).toMatchObject({ status: 'sent', content: 'cut off once' });
    expect(sends().slice(before)).toHaveLength(1);
    expect(sb.control.messages(session.conversationId).map((m) => m.content)).toEqual(['cut off once']);
    // the broadcast echo, too, merges into the same message: a broadcast sent after it arrives after it
    sb.control.reply(session.conversationId, 'after the echo');
    await waitFor(() => session.messages.some((m) => m.content === 'after the echo'), 'a broadcast sent after the echo');
    expect(session.messages.filter((m) => m.content === 'cut off once')).toHaveLength(1);
    chat.dispose();
  });

  it('answers, echoes and history all unreadable: the message fails as unconfirmed with its text, never resent blindly; retry() then finds it stored', async () => {
    const chat = chatFor(sb, { retry: { retries: 2, baseMs: 10, maxMs: 20 } });
    const session = await chat.startSession({ visitorId: 'v_garbled_always' });
    await session.ready;
    const before = sends().length;
    sb.control.setFaults({ http: { garble_response_rate: 1, silent_store_next: 1, ignore_idempotency_key: true, operations: ['sendMessage', 'listMessages'] } });
    const failed = await session.send('keep my words');
    expect(failed).toMatchObject({ status: 'failed', content: 'keep my words', error: { code: 'unconfirmed', retryable: true } });
    expect(sends().slice(before)).toHaveLength(1); // stored once, never sent again while in doubt
    sb.control.setFaults({ http: { garble_response_rate: 0, silent_store_next: 0 } });
    const sent = await session.retry(failed.clientId!);
    expect(sent).toMatchObject({ status: 'sent', clientId: failed.clientId });
    expect(sends().slice(before)).toHaveLength(1); // history showed it: adopted, not resent
    expect(sb.control.messages(session.conversationId).map((m) => m.content)).toEqual(['keep my words']);
    expect(session.messages.filter((m) => m.content === 'keep my words')).toHaveLength(1);
    chat.dispose();
  });

  it('answers of an unexpected shape never reach the store: a start, a send and history are retried as parse_error', async () => {
    sb.control.setFaults({ http: { reshape_response_next: 1, operations: ['startSession'] } });
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_reshaped' });
    await session.ready;
    sb.control.reply(session.conversationId, 'from the agent');
    await waitFor(() => session.messages.length === 1 || undefined, 'the reply');
    const before = sends().length;
    sb.control.setFaults({ http: { reshape_response_next: 1, operations: ['sendMessage', 'listMessages'] } });
    expect(await session.send('shaped right')).toMatchObject({ status: 'sent', content: 'shaped right' });
    expect(sends().slice(before)).toHaveLength(1); // processed: its copy is found, not sent again
    const reshaped = () => sb.control.faults().counters.reshaped_responses;
    const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;
    sb.control.setFaults({ http: { reshape_response_next: 2, operations: ['listMessages'] } });
    const [listed, bad] = [lists(), reshaped()];
    sb.control.dropConnections(); // the resubscription's gap fill meets two bad pages, then a good one
    await waitFor(() => (reshaped() === bad + 2 && lists() >= listed + 3 && session.syncState.status === 'synced') || undefined, 'the gap fill, retried');
    expect(session.messages.map((m) => [m.content, typeof m.id])).toEqual([
      ['from the agent', 'number'],
      ['shaped right', 'number'],
    ]);
    chat.dispose();
  });

  it.each([
    ['not JSON', '{"trunc'],
    ['a number', '42'],
    ['a string', '"x"'],
    ['an empty array', '[]'],
    ['an empty object', '{}'],
    ['an array of junk', '[1, null, "x", {"c": 5}]'],
    ['an object with wrong fields', '{"value": 5, "at": "x", "m": 5, "n": "x", "k": 7, "session_token": 9, "realtime": "x"}'],
  ])('storage holding %s under every key: the chat starts as if it were empty', async (_label, junk) => {
    const storage = memoryStorage();
    const prefix = `tickki:${sb.demoKey}:`;
    for (const key of ['config', 'v_junk:session', 'v_junk:messages', 'v_junk:outbox']) await storage.setItem(prefix + key, junk);
    const chat = chatFor(sb, { storage });
    const session = await chat.startSession({ visitorId: 'v_junk' });
    await session.ready;
    expect(session.connectionState).toBe('connected');
    expect(session.config.limits.messageMaxLength).toBe(8000);
    expect(session.config.branding.primaryColor).toMatch(/^#/);
    expect((await session.send('still works')).status).toBe('sent');
    expect(session.messages.map((m) => m.content)).toContain('still works');
    chat.dispose();
  });

  it('a garbled websocket payload is reported as parse_error; the store and the connection carry on', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_garbled_frame' });
    await session.ready;
    const errors: string[] = [];
    session.on('error', (e) => errors.push(`${e.name}:${e.code}`));
    const channel = `private-chat.session.${session.sessionId}`;
    expect(sb.realtime.broadcast(channel, 'MessageCreated', '{"id": 1, "content": "trunc')).toBe(1);
    expect(sb.realtime.broadcast(channel, 'MessageCreated', { id: 'not a number' })).toBe(1);
    await waitFor(() => errors.length === 2 || undefined, 'two reported payloads');
    expect(errors).toEqual(['RealtimeError:parse_error', 'RealtimeError:parse_error']);
    expect(session.messages).toHaveLength(0);
    expect(session.connectionState).toBe('connected');
    sb.control.reply(session.conversationId, 'still listening');
    await waitFor(() => session.messages.find((m) => m.content === 'still listening'), 'the next good broadcast');
    chat.dispose();
  });
});
