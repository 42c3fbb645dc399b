import { Button, View } from 'react-native';
import { TickkiChatHost, TickkiChatModal } from '@tickki/chat-react-native';

export function HelpButton({ userId }: { userId: string }) {
  const open = () => TickkiChatModal.show({ publishableKey: 'pk_test_tickki_sandbox', baseUrl: 'http://127.0.0.1:4010', visitorId: userId });
  return (
    <View>
      <Button title="Help" onPress={open} />
      <TickkiChatHost />
    </View>
  );
}
