import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuthError } from '../src/index.js';
import { chatFor, sandbox, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.close());

const starts = () => sb.control.requests().filter((r) => r.operation === 'startSession').length;

describe('invalid session', () => {
  it('restarts the session once, transparently, with the same visitor (same conversation)', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_revoked' });
    await session.ready;
    const renewed: number[] = [];
    session.on('renewed', (r) => renewed.push(r.conversationId));
    const before = starts();
    sb.control.revokeSessions(session.conversationId);
    const sent = await session.send('after revoke');
    expect(sent.status).toBe('sent');
    expect(starts() - before).toBe(1);
    expect(renewed).toEqual([session.conversationId]);
    expect(sb.control.messages(session.conversationId).map((m) => m.content)).toEqual(['after revoke']);
    chat.dispose();
  });

  it('re-authorizes the channel with the new token after a revoke and a dropped socket', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_revoked_socket' });
    await session.ready;
    sb.control.revokeSessions(session.conversationId);
    sb.control.dropConnections();
    await waitFor(() => session.connectionState !== 'connected', 'the drop');
    await waitFor(() => session.connectionState === 'connected', 'the reconnect with a renewed session', 20_000);
    sb.control.reply(session.conversationId, 'live again');
    await waitFor(() => session.messages.some((m) => m.content === 'live again'), 'a broadcast on the renewed channel');
    chat.dispose();
  });

  it('surfaces invalid_session when the restarted session is refused too', async () => {
    let conversationId = 0;
    // every new session token is revoked as soon as it is issued: the renewal cannot help
    const revoking: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (conversationId && String((input as Request).url ?? input).endsWith('/chat/sessions')) sb.control.revokeSessions(conversationId);
      return response;
    };
    const chat = chatFor(sb, { fetch: revoking });
    const session = await chat.startSession({ visitorId: 'v_doomed' });
    await session.ready;
    conversationId = session.conversationId;
    sb.control.revokeSessions(conversationId);
    const before = starts();
    const failed = await session.send('no luck');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'invalid_session', status: 401, retryable: false });
    expect(isAuthError(failed.error)).toBe(true);
    expect(starts() - before).toBe(1); // restarted exactly once
    expect(failed.content).toBe('no luck'); // text kept
    chat.dispose();
  });
});
