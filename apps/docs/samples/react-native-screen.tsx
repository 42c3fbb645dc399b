import { TickkiChatScreen } from '@tickki/chat-react-native';

export function SupportScreen({ userId }: { userId: string }) {
  return <TickkiChatScreen publishableKey="pk_test_tickki_sandbox" baseUrl="http://127.0.0.1:4010" visitorId={userId} />;
}
