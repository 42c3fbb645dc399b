// A dedicated web worker running the published @tickki/chat with pusher-js's worker build: no DOM,
// no localStorage, no window. The page posts `{ baseUrl, key }`; the worker starts a session, sends a
// message, waits for the agent's echo and posts back what it saw.
import Pusher from 'pusher-js/worker';
import { TickkiChat } from '@tickki/chat';

const ECHO = 'Echo: Hello from a worker';

self.onmessage = async ({ data: { baseUrl, key } }) => {
  try {
    const chat = new TickkiChat({ publishableKey: key, baseUrl, Pusher });
    const session = await chat.startSession({ visitorId: 'v_worker' });
    await session.ready;
    const state = session.connectionState;
    const sent = await session.send('Hello from a worker');
    await new Promise((resolve) => {
      const seen = (messages) => messages.some((m) => m.content === ECHO);
      if (seen(session.messages)) return resolve();
      const stop = session.subscribe((messages) => seen(messages) && resolve(stop()));
    });
    self.postMessage({
      ok: true,
      state,
      sent: sent.status,
      contents: session.messages.map((m) => m.content),
      globals: { document: typeof document, window: typeof window, localStorage: typeof localStorage },
    });
    chat.dispose();
  } catch (error) {
    self.postMessage({ ok: false, error: String(error && error.stack ? error.stack : error) });
  }
};
