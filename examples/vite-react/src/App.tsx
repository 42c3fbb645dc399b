import { useState } from 'react'
import { TickkiChatWidget } from '@tickki/chat-widget/react'
import { HelpBox } from './HelpBox.tsx'
import { tickki } from './tickki.ts'

export default function App() {
  const [unread, setUnread] = useState(0)
  return (
    <>
      <header>
        <h1>Acme</h1>
        <p aria-live="polite">{unread ? `${unread} unread chat message${unread === 1 ? '' : 's'}` : 'No unread messages'}</p>
      </header>
      <main>
        <HelpBox />
      </main>
      {/* The drop-in widget: a launcher in the corner, the chat in a panel. */}
      <TickkiChatWidget publishableKey={tickki.publishableKey} baseUrl={tickki.baseUrl} theme="auto" onUnread={setUnread} />
    </>
  )
}
