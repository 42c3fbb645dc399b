import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatFor, sandbox, serverIds, sleep, storeIds, unique, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeEach(async () => {
  sb = await sandbox();
});
afterEach(() => sb.close());

describe('reconnect storm', () => {
  it('reconnect storm: 1,000 agent messages while sockets drop repeatedly → all, once, in order', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_storm' });
    await session.ready;
    let recovered = 0;
    session.on('recovered', ({ count }) => (recovered += count));
    let drops = 0;
    const dropper = setInterval(() => {
      drops += sb.control.dropConnections();
    }, 120);
    try {
      for (let i = 0; i < 1000; i++) {
        sb.control.reply(session.conversationId, `agent ${i}`);
        if (i % 5 === 4) await sleep(25);
      }
    } finally {
      clearInterval(dropper);
    }
    expect(drops).toBeGreaterThan(3);
    await waitFor(() => session.connectionState === 'connected' && session.syncState.status === 'synced' && session.messages.length === 1000, 'all 1,000 messages', 30_000);
    expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
    expect(session.messages.map((m) => m.content)).toEqual(Array.from({ length: 1000 }, (_, i) => `agent ${i}`));
    expect(unique(storeIds(session))).toBe(true);
    expect(recovered).toBeGreaterThan(0);
    chat.dispose();
  }, 60_000);
});
