// A chat UI of your own on the hooks of @tickki/chat-react: a small inline "ask us" box.
import { useState, type FormEvent } from 'react'
import { TickkiChatProvider, useChatConfig, useChatSession, useConnectionState, useMessages } from '@tickki/chat-react'
import { tickki } from './tickki.ts'

/** This browser's visitor id: the same id resumes the same conversation. */
function visitorId(): string {
  const id = localStorage.getItem('acme-visitor-id') ?? crypto.randomUUID()
  localStorage.setItem('acme-visitor-id', id)
  return id
}

export function HelpBox() {
  const [id] = useState(visitorId)
  return (
    <TickkiChatProvider publishableKey={tickki.publishableKey} baseUrl={tickki.baseUrl}>
      <Ask visitorId={id} />
    </TickkiChatProvider>
  )
}

function Ask({ visitorId }: { visitorId: string }) {
  const { session, error, restart } = useChatSession({ visitorId })
  const config = useChatConfig()
  const connection = useConnectionState()
  const messages = useMessages()
  const [question, setQuestion] = useState('')

  const ask = (event: FormEvent) => {
    event.preventDefault()
    if (!session || !question.trim()) return
    setQuestion('')
    session.send(question).catch(() => setQuestion(question)) // a refused text goes back into the field
  }

  if (error) return <p role="alert">The chat could not start. <button onClick={restart}>Try again</button></p>
  return (
    <section aria-label="Ask us">
      <h2>Ask {config?.business.name || 'us'}</h2>
      <p>{connection}</p>
      <ul>
        {messages.map((m) => (
          <li key={m.key} className={m.isFromAgent ? 'agent' : 'me'} data-status={m.status}>
            {m.content}
          </li>
        ))}
      </ul>
      <form onSubmit={ask}>
        <input aria-label="Your question" value={question} onChange={(e) => setQuestion(e.target.value)} />
        <button disabled={!session || !question.trim()}>Ask</button>
      </form>
    </section>
  )
}
