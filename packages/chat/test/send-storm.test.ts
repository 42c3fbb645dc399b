import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatFor, sandbox, serverIds, sleep, storeIds, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeEach(async () => {
  sb = await sandbox();
});
afterEach(() => sb.close());

describe('send storm', () => {
  it('send storm: 500 sends with ~30 % injected failures (5xx, timeouts, dropped answers) → exactly 500 stored, each shown once', async () => {
    const chat = chatFor(sb, { timeoutMs: 150, retry: { retries: 30, baseMs: 5, maxMs: 50 } });
    const session = await chat.startSession({ visitorId: 'v_sendstorm' });
    await session.ready;
    sb.control.setFaults({
      http: { error_rate: 0.17, timeout_rate: 0.03, timeout_ms: 0, drop_response_rate: 0.1, operations: ['sendMessage'] },
    });
    const texts = Array.from({ length: 500 }, (_, i) => `visitor ${i}`);
    const results = await Promise.all(texts.map((t) => session.send(t)));
    const counters = sb.control.faults().counters;
    sb.control.clearFaults();
    expect(counters.errors! + counters.hung! + counters.dropped_responses!).toBeGreaterThan(100);
    expect(results.every((m) => m.status === 'sent')).toBe(true);
    const stored = sb.control.messages(session.conversationId);
    expect(stored).toHaveLength(500);
    expect(stored.map((m) => m.content)).toEqual(texts); // in order, no duplicate
    await waitFor(() => session.messages.length === 500 && session.messages.every((m) => m.status === 'sent'), 'the store to settle');
    await sleep(200); // late echoes change nothing
    expect(session.messages).toHaveLength(500);
    expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
    expect(new Set(session.messages.map((m) => m.key)).size).toBe(500);
    chat.dispose();
  }, 60_000);
});
