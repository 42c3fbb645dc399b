// Your own chat UI in React DOM on the hooks of @tickki/chat-react (the same hooks run in React Native).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TickkiChatProvider, useAgentTyping, useChatConfig, useChatSession, useConnectionState, useMessages } from '@tickki/chat-react';

export function App({ visitorId }: { visitorId: string }) {
  return (
    // The provider creates one TickkiChat on mount and disposes of it on unmount (StrictMode-safe).
    <TickkiChatProvider publishableKey="pk_test_tickki_sandbox" baseUrl="http://127.0.0.1:4010">
      <Chat visitorId={visitorId} />
    </TickkiChatProvider>
  );
}

function Chat({ visitorId }: { visitorId: string }) {
  const { session, status, error, restart } = useChatSession({ visitorId }); // same visitor id → same conversation
  const messages = useMessages(); // oldest first; pending, sent or failed
  const connection = useConnectionState();
  const typing = useAgentTyping(); // { agentName } while an agent types
  const config = useChatConfig(); // the business's name, branding, presence
  const [text, setText] = useState('');

  if (status === 'error') return <button onClick={restart}>Couldn't start ({error?.code}). Try again</button>;
  return (
    <section aria-label="Support chat">
      <h2>{config?.business.name ?? 'Support'}</h2>
      {connection !== 'connected' && <p role="status">{connection}…</p>}
      <ol>
        {messages.map((m) => (
          <li key={m.key} className={`${m.isFromAgent ? 'agent' : 'visitor'} ${m.status}`}>
            {m.content}
            {m.status === 'failed' && <button onClick={() => m.clientId && session?.retry(m.clientId)}>Retry</button>}
          </li>
        ))}
      </ol>
      {typing && <p>{typing.agentName ?? 'Someone'} is typing…</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setText(''); // the message shows at once as pending; a refused text goes back into the field
          session?.send(text).catch(() => setText(text));
        }}
      >
        <input aria-label="Message" value={text} onChange={(e) => { setText(e.target.value); session?.typing(); }} />
        <button disabled={!session || !text.trim()}>Send</button>
      </form>
    </section>
  );
}

localStorage.visitorId ??= `v_${crypto.randomUUID()}`;
createRoot(document.getElementById('root')!).render(<App visitorId={localStorage.visitorId} />);
