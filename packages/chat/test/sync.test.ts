import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFor, manualLifecycle, sandbox, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

const lists = () => sb.control.requests().filter((r) => r.operation === 'listMessages').length;

describe('gap fill', () => {
  it('a fill requested from a sync listener, as the last fill ends, still happens', async () => {
    const lifecycle = manualLifecycle();
    const chat = chatFor(sb, { lifecycle });
    try {
      const session = await chat.startSession({ visitorId: 'v_sync_listener' });
      await session.ready;
      let before = 0;
      let asked = false;
      session.on('sync', (state) => {
        if (state.status !== 'synced' || asked) return;
        asked = true;
        before = lists();
        // the app comes back just as the fill ends (in a microtask of the `synced` event)
        queueMicrotask(() => lifecycle.emit('visible'));
      });
      sb.control.reply(session.conversationId, 'while away');
      lifecycle.emit('visible');
      await waitFor(() => asked, 'a synced event');
      await waitFor(() => lists() > before, 'the fill asked for after the last one ended', 5000);
      await waitFor(() => session.syncState.status === 'synced', 'synced again');
      // and gap fill keeps working: a later request leads to a later fill
      await sleep(50);
      const after = lists();
      lifecycle.emit('visible');
      await waitFor(() => lists() > after, 'one more fill', 5000);
    } finally {
      chat.dispose();
    }
  });
});
