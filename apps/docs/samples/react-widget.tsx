// The drop-in widget as a React DOM component: props become attributes, events become callbacks.
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TickkiChatWidget } from '@tickki/chat-widget/react';
import type { TickkiChatElement } from '@tickki/chat-widget';

function Shop() {
  const [unread, setUnread] = useState(0);
  const chat = useRef<TickkiChatElement>(null);
  return (
    <>
      <button onClick={() => chat.current?.open()}>Help{unread > 0 && ` (${unread})`}</button>
      <TickkiChatWidget
        ref={chat}
        publishableKey="pk_test_tickki_sandbox"
        baseUrl="http://127.0.0.1:4010" // the local sandbox; leave it out for https://app.tickki.com
        theme="auto"
        primaryColor="#0f766e"
        onUnread={setUnread}
        onMessage={(message) => console.log(message.isFromAgent ? 'agent:' : 'you:', message.content)}
      />
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Shop />);
