import { useState } from 'react';
import { Button, FlatList, Text, TextInput, View } from 'react-native';
import { TickkiChatProvider, platformChatOptions, useChatSession, useConnectionState, useMessages } from '@tickki/chat-react-native';

export function MyChat({ userId }: { userId: string }) {
  return (
    <TickkiChatProvider {...platformChatOptions({ publishableKey: 'pk_test_tickki_sandbox', baseUrl: 'http://127.0.0.1:4010' })}>
      <Conversation userId={userId} />
    </TickkiChatProvider>
  );
}

function Conversation({ userId }: { userId: string }) {
  const { session } = useChatSession({ visitorId: userId });
  const messages = useMessages(); // oldest first; pending, sent or failed (failed ones keep their text: session.retry(m.clientId))
  const connection = useConnectionState();
  const [text, setText] = useState('');
  return (
    <View style={{ flex: 1 }}>
      {connection !== 'connected' ? <Text>{connection}…</Text> : null}
      <FlatList
        inverted
        data={[...messages].reverse()}
        keyExtractor={(m) => m.key}
        renderItem={({ item }) => <Text>{`${item.isFromAgent ? 'Agent' : 'You'}: ${item.content}${item.status === 'failed' ? ' (not sent)' : ''}`}</Text>}
      />
      <TextInput value={text} onChangeText={setText} placeholder="Message" />
      <Button
        title="Send"
        disabled={!session || !text.trim()}
        onPress={() => {
          setText(''); // the message shows at once as pending; a refused text goes back into the field
          session?.send(text).catch(() => setText(text));
        }}
      />
    </View>
  );
}
