// Errors and retries, shown with the sandbox's faults (its control API at /_control).
import { TickkiChat, TickkiChatError, isAuthError } from '@tickki/chat';

const baseUrl = process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010';
const faults = (body: unknown) =>
  fetch(`${baseUrl}/_control/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const chat = new TickkiChat({ publishableKey: 'pk_test_tickki_sandbox', baseUrl });
const session = await chat.startSession({ visitorId: 'v_errors_guide' });
await session.ready;

// 1. Retryable failures are retried for you: the next two sends answer 500, then 429.
await faults({ http: { error_next: 1, rate_limit_next: 1, retry_after_seconds: 1, operations: ['sendMessage'] } });
const sent = await session.send('Sent despite a 500 and a 429');
console.log(`retried until ${sent.status}`);

// 2. The server ignores Idempotency-Key (the real backend may), stores the message and loses both the
//    answer and the echo: the SDK finds the message in history instead of sending it again.
await faults({ http: { ignore_idempotency_key: true, drop_response_next: 1, silent_store_next: 1, operations: ['sendMessage'] } });
await session.send('Stored once');
const stored: { content: string }[] = (await (await fetch(`${baseUrl}/_control/conversations/${session.conversationId}/messages`)).json()).data;
const onServer = stored.filter((m) => m.content === 'Stored once').length;
const onScreen = session.messages.filter((m) => m.content === 'Stored once').length;
console.log(`copies after a lost answer: ${onServer} on the server, ${onScreen} on screen`);

// 3. A revoked session token (invalid_session) renews the session: same visitor, same conversation.
session.on('renewed', ({ conversationId }) => console.log(`renewed, conversation ${conversationId}`));
await fetch(`${baseUrl}/_control/conversations/${session.conversationId}/revoke`, { method: 'POST' });
await session.send('After the renewal');

// 4. What cannot succeed is thrown as a TickkiChatError with a stable code.
try {
  await new TickkiChat({ publishableKey: 'pk_test_unknown', baseUrl }).startSession({ visitorId: 'v_x' });
} catch (error) {
  if (error instanceof TickkiChatError) console.log(`${error.code} (status ${error.status}, auth error: ${isAuthError(error)}, retryable: ${error.retryable})`);
}

await fetch(`${baseUrl}/_control/faults`, { method: 'DELETE' });
chat.dispose();
