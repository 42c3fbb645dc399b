import { SupportChat } from './support-chat';

export const metadata = { title: 'Acme — chat with us' };

// A server component page; the chat itself is the client component below.
export default function ChatPage() {
  return (
    <main>
      <h1>Chat with us</h1>
      <SupportChat />
    </main>
  );
}
