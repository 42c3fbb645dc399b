// The realtime layer without the store: the private channel, typed events, and the gap fill a
// client must do after every (re)subscription, because the server keeps no replay.
import { createTickkiClient, listMessages, sendMessage, startSession } from '@tickki/chat-api';
import { RealtimeConnection } from '@tickki/chat-realtime';

const baseUrl = process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010';
let sessionToken: string | undefined;
const client = createTickkiClient({ publishableKey: 'pk_test_tickki_sandbox', baseUrl, sessionToken: () => sessionToken });

const { data } = await startSession({ client, body: { visitor_id: 'v_realtime_guide' }, throwOnError: true });
sessionToken = data.data.session_token;
const conversationId = data.data.conversation_id;

const seen = new Set<number>(); // de-duplicate by id: the REST answer and the broadcast share it
const connection = new RealtimeConnection({ realtime: data.data.realtime, client });
connection.on('state', ({ from, to }) => console.log(`state: ${from} → ${to}`));
connection.on('error', (error) => console.warn(`realtime error: ${error.code}`)); // never thrown

let subscriptions = 0;
let filled = Promise.resolve();
/** Resolves at the next subscription. */
const subscribed = () =>
  new Promise<void>((resolve) => {
    const off = connection.on('subscribed', () => {
      off();
      resolve();
    });
  });
// Gap fill: whatever was broadcast while no socket listened is only in the history.
const fillGap = async () => {
  subscriptions++;
  const page = await listMessages({ client, path: { conversation_id: conversationId }, query: { limit: 50 } });
  for (const message of page.data?.data ?? []) seen.add(message.id);
  console.log(`subscribed (#${subscriptions}), history holds ${seen.size} messages`);
};
connection.on('subscribed', () => (filled = fillGap()));

const firstSubscription = subscribed();
connection.connect();
await firstSubscription;
await filled;

const reply = new Promise<string>((resolve) =>
  connection.on('message', (message) => {
    seen.add(message.id);
    if (message.isFromAgent) resolve(message.content);
  }),
);
await sendMessage({ client, path: { conversation_id: conversationId }, body: { content: 'Is anyone there?' }, throwOnError: true });
console.log(`agent: ${await reply}`);

// The sandbox drops every websocket; pusher-js reconnects and the channel is authorized again.
const again = subscribed();
await fetch(`${baseUrl}/_control/realtime/drop-connections`, { method: 'POST' });
await again;
await filled;

connection.dispose();
