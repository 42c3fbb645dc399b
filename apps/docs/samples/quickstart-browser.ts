// A chat in a web page with the headless SDK (bundle it with any bundler as chat.js).
import { TickkiChat, type ChatMessage } from '@tickki/chat';

const root = document.querySelector<HTMLElement>('#chat')!;
const list = root.querySelector('#messages')!;
const status = root.querySelector('#status')!;
const form = root.querySelector('form')!;
const input = form.querySelector('input')!;

const chat = new TickkiChat({
  publishableKey: 'pk_test_tickki_sandbox',
  baseUrl: root.dataset.baseUrl, // the local sandbox; leave it out for https://app.tickki.com
});

// Keep the visitor id, so a reload (or a later visit) resumes the same conversation.
localStorage.visitorId ??= `v_${crypto.randomUUID()}`;
const session = await chat.startSession({ visitorId: localStorage.visitorId });

const render = (messages: readonly ChatMessage[]) =>
  list.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.className = `${message.isFromAgent ? 'agent' : 'visitor'} ${message.status}`;
      item.textContent = message.content;
      return item;
    }),
  );
session.subscribe(render); // called with the whole list, oldest first, after every change
session.on('connection', ({ to }) => (status.textContent = to));
await session.ready;
status.textContent = session.connectionState;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  const message = await session.send(text); // shown as pending at once
  if (message.status === 'failed') input.value = text; // nothing typed is lost
});
input.addEventListener('input', () => session.typing()); // at most one request per 3 s
