// A React DOM page on the hooks, in StrictMode: what an app built on @tickki/chat-react renders.
import { StrictMode, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TickkiChatProvider, useAgentTyping, useChatConfig, useChatSession, useConnectionState, useMessages } from '@tickki/chat-react';

const params = new URLSearchParams(location.search);

function Chat() {
  const { session, status } = useChatSession({ visitorId: 'v_react_dom' });
  const messages = useMessages();
  const connection = useConnectionState();
  const typing = useAgentTyping();
  const config = useChatConfig();
  const [text, setText] = useState('');
  return h(
    'main',
    { 'data-status': status, 'data-connection': connection },
    h('h1', null, config?.business.name ?? ''),
    h('ol', null, messages.map((m) => h('li', { key: m.key, 'data-status': m.status }, m.content))),
    h('p', { id: 'typing' }, typing ? `${typing.agentName} is typing` : ''),
    h(
      'form',
      { onSubmit: (e) => (e.preventDefault(), session?.send(text), setText('')) },
      h('input', { 'aria-label': 'Message', value: text, onChange: (e) => setText(e.target.value) }),
      h('button', { type: 'submit' }, 'Send'),
    ),
  );
}

createRoot(document.getElementById('root')).render(
  h(StrictMode, null, h(TickkiChatProvider, { publishableKey: params.get('key'), baseUrl: params.get('base') }, h(Chat))),
);
