'use client';
// Your own chat UI on the hooks of @tickki/chat-react. Hooks run in client components only.
import { useEffect, useState, type FormEvent } from 'react';
import { TickkiChatProvider, useAgentTyping, useChatSession, useConnectionState, useMessages } from '@tickki/chat-react';
import { tickki } from '../../tickki';

export function SupportChat() {
  return (
    <TickkiChatProvider publishableKey={tickki.publishableKey} baseUrl={tickki.baseUrl}>
      <Conversation />
    </TickkiChatProvider>
  );
}

/** A visitor id kept in this browser; read after hydration, so the server and the first render agree. */
function useVisitorId(): string | undefined {
  const [visitorId, setVisitorId] = useState<string>();
  useEffect(() => {
    const id = localStorage.getItem('acme-visitor-id') ?? crypto.randomUUID();
    localStorage.setItem('acme-visitor-id', id);
    setVisitorId(id);
  }, []);
  return visitorId;
}

function Conversation() {
  const visitorId = useVisitorId();
  const { session, status } = useChatSession({ visitorId: visitorId ?? '', enabled: visitorId !== undefined });
  const messages = useMessages();
  const connection = useConnectionState();
  const typing = useAgentTyping();
  const [text, setText] = useState('');

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!session || !text.trim()) return;
    setText(''); // shows at once as pending; a refused text goes back into the field
    session.send(text).catch(() => setText(text));
  };

  return (
    <section aria-label="Chat">
      <p role="status">{status === 'ready' ? connection : status}</p>
      <ol>
        {messages.map((m) => (
          <li key={m.key} data-status={m.status}>
            {m.isFromAgent ? 'Agent' : 'You'}: {m.content}
            {m.status === 'failed' ? <button onClick={() => session?.retry(m.clientId!)}>Retry</button> : null}
          </li>
        ))}
      </ol>
      {typing ? <p>{typing.agentName} is typing…</p> : null}
      <form onSubmit={send}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Message" aria-label="Message" />
        <button type="submit" disabled={!session || !text.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
