/** Overlapping session starts (a visitor id that changes while a start is in flight) and signing out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStarts } from '@tickki/testkit';
import { memoryStorage } from '../src/index.js';
import { chatFor, sandbox, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

describe('overlapping starts', () => {
  it('the slower, superseded start gives up: the newer session stays live and no socket of the older one is left open', async () => {
    const chat = chatFor(sb);
    try {
      // the first start is slow (its session request waits), the second one is not
      const delayed = () => sb.control.faults().counters.delayed!;
      const [delayedBefore, startsBefore] = [delayed(), sessionStarts(sb)];
      sb.control.setFaults({ http: { latency_ms: 400, operations: ['startSession'] } });
      const slow = chat.startSession({ visitorId: 'v_overlap_anonymous' });
      const superseded = expect(slow).rejects.toMatchObject({ code: 'aborted' });
      await waitFor(() => delayed() > delayedBefore, 'the first session request held by the server');
      sb.control.setFaults({ http: { latency_ms: 0 } });
      const fast = await chat.startSession({ visitorId: 'v_overlap_signed_in' });
      await fast.ready;
      await superseded;
      expect(chat.session).toBe(fast);
      expect((await fast.send('still live')).status).toBe('sent');
      // once the server has answered the slow start too, only the newer session's socket is open, and stays so
      await waitFor(() => sessionStarts(sb) === startsBefore + 2, 'the slow start answered');
      await waitFor(() => sb.control.realtimeStats().connections === 1, 'one socket');
      await sleep(100);
      expect(sb.control.realtimeStats().connections).toBe(1);
    } finally {
      sb.control.clearFaults();
      chat.dispose();
    }
  });
});

describe('logout', () => {
  it('removes the session token, kept messages and unsent messages of the visitor, so the next person starts afresh', async () => {
    const storage = memoryStorage();
    const prefix = `tickki:${sb.demoKey}:v_shared_computer:`;
    const chat = chatFor(sb, { storage, retry: { retries: 0, baseMs: 1, maxMs: 1 } });
    const session = await chat.startSession({ visitorId: 'v_shared_computer' });
    await session.ready;
    await session.send('private question');
    sb.control.setFaults({ http: { error_rate: 1, operations: ['sendMessage'] } });
    await session.send('not sent yet');
    const names = ['session', 'messages', 'outbox'];
    // all three stored (the kept messages are written within a second)
    await waitFor(async () => (await Promise.all(names.map((name) => storage.getItem(prefix + name)))).every(Boolean), 'session, messages and outbox stored');
    await chat.logout();
    sb.control.clearFaults();
    for (const name of names) expect(await storage.getItem(prefix + name), name).toBeFalsy();
    expect(chat.session).toBeUndefined();
    await waitFor(() => sb.control.realtimeStats().connections === 0, 'the socket closed');
    // the chat stays usable: the next visitor starts with nothing of the previous one
    const next = await chat.startSession({ visitorId: 'v_next_person' });
    await next.ready;
    expect(next.messages).toEqual([]);
    await sleep(100);
    expect(sb.control.messages(session.conversationId).map((m) => m.content)).toEqual(['private question']);
    chat.dispose();
  });
});
