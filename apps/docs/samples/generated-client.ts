// The generated client alone: one typed function per operation, wire names as in the API document.
import { createTickkiClient, getConfig, listMessages, sendMessage, startSession } from '@tickki/chat-api';

let sessionToken: string | undefined;
const tickki = createTickkiClient({
  publishableKey: 'pk_test_tickki_sandbox',
  baseUrl: process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010', // host only; /api/v1 is added
  sessionToken: () => sessionToken, // read on every request
});

const { data: config } = await getConfig({ client: tickki });
console.log(`business: ${config?.data.business.name}`);

const started = await startSession({ client: tickki, body: { visitor_id: 'v_generated_client' } });
if (started.error) throw new Error(`${started.error.error}: ${started.error.message}`); // stable code first
sessionToken = started.data.data.session_token;
const conversationId = started.data.data.conversation_id;

const sent = await sendMessage({
  client: tickki,
  path: { conversation_id: conversationId },
  headers: { 'Idempotency-Key': crypto.randomUUID() }, // a retry with the same key is stored once
  body: { content: 'Hi from the generated client' },
});
console.log(`sent #${sent.data?.data.id}`);

const { data: page } = await listMessages({ client: tickki, path: { conversation_id: conversationId }, query: { limit: 10 } });
for (const message of page?.data ?? []) console.log(`${message.direction}: ${message.content}`);

// Errors are data: `error` is the typed envelope, `response` the raw answer.
const refused = await getConfig({ client: createTickkiClient({ publishableKey: 'pk_test_nope', baseUrl: process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010' }) });
console.log(`unknown key → ${refused.response?.status} ${refused.error?.error}`);
