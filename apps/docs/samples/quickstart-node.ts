// Start a chat from Node, send a message and print the agent's reply.
// Run `npm start` first: it starts the local sandbox on http://127.0.0.1:4010.
import { TickkiChat, type ChatMessage } from '@tickki/chat';

const chat = new TickkiChat({
  publishableKey: 'pk_test_tickki_sandbox',
  baseUrl: process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010', // default: https://app.tickki.com
});

const session = await chat.startSession({ visitorId: 'v_quickstart_node', name: 'Ada' });
await session.ready; // subscribed to the private channel, history loaded

// Resolves with the first agent reply that arrives after `since`.
const nextReply = (since: number) =>
  new Promise<ChatMessage>((resolve) => {
    const stop = session.subscribe((messages) => {
      const reply = messages.find((m) => m.isFromAgent && m.createdAt.getTime() >= since);
      if (reply) {
        stop();
        resolve(reply);
      }
    });
  });

const asked = Date.now() - 1000;
const sent = await session.send('Hello from Node');
console.log(`sent #${sent.id}: ${sent.content} (${sent.status})`);

const reply = await nextReply(asked);
console.log(`agent: ${reply.content}`);

chat.dispose(); // closes the websocket and clears every timer
