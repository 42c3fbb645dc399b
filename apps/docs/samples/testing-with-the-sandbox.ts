// Test your integration against the sandbox: play the agent through its control API and check
// what your visitor sees, live over the websocket.
import assert from 'node:assert/strict';
import { TickkiChat } from '@tickki/chat';

const baseUrl = process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010';
const control = (path: string, body?: unknown) =>
  fetch(`${baseUrl}/_control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((answer) => answer.json());

// The scripted agent stays quiet, so the test decides what the agent says.
await fetch(`${baseUrl}/_control/agent`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"mode":"off"}' });

const chat = new TickkiChat({ publishableKey: 'pk_test_tickki_sandbox', baseUrl });
const session = await chat.startSession({ visitorId: `v_test_${Date.now()}` });
await session.ready;

const arrived = new Promise<string>((resolve) =>
  session.subscribe((messages) => {
    const reply = messages.find((m) => m.isFromAgent);
    if (reply) resolve(reply.content);
  }),
);
await control(`/conversations/${session.conversationId}/messages`, { content: 'Your order shipped today.', agent_name: 'Grace' });
assert.equal(await arrived, 'Your order shipped today.');
console.log('the agent reply arrived over the websocket');

// What the server received, as its request log shows it (control answers are `{data}` envelopes).
const { data: requests }: { data: { operation: string | null; status: number }[] } = await control('/requests');
console.log(`startSession answered ${requests.find((r) => r.operation === 'startSession')?.status}`);

await fetch(`${baseUrl}/_control/agent`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"mode":"echo"}' });
chat.dispose();
