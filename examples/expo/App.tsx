import { StatusBar } from 'expo-status-bar';
import { useState } from 'react';
import { Button, StyleSheet, Text, View } from 'react-native';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { TickkiChatHost, TickkiChatModal, TickkiChatScreen } from '@tickki/chat-react-native';

/** Where the chat connects, from `.env` (the local sandbox), and who is asking. */
const tickki = {
  publishableKey: process.env.EXPO_PUBLIC_TICKKI_PUBLISHABLE_KEY ?? '',
  baseUrl: process.env.EXPO_PUBLIC_TICKKI_BASE_URL || undefined,
  bundleId: 'com.example.acme', // app.json's bundle id: a live key accepts only its allowed ones
};

/** Your signed-in user's id: the same id resumes the same conversation. */
const userId = 'acme-user-42';

export default function App() {
  const [chatOpen, setChatOpen] = useState(false);
  return (
    <SafeAreaProvider>
      {chatOpen ? (
        // The drop-in screen, as a navigator's screen would show it; onClose adds the ✕ to its header.
        <TickkiChatScreen {...tickki} visitorId={userId} onClose={() => setChatOpen(false)} />
      ) : (
        <View style={styles.home}>
          <Text style={styles.title}>Acme</Text>
          <Button title="Chat with us" onPress={() => setChatOpen(true)} />
          {/* The one-call modal: from anywhere, once <TickkiChatHost /> is mounted. */}
          <Button title="Help (modal)" onPress={() => void TickkiChatModal.show({ ...tickki, visitorId: userId })} />
        </View>
      )}
      <TickkiChatHost />
      <StatusBar style="auto" />
    </SafeAreaProvider>
  );
}

const styles = StyleSheet.create({
  home: { flex: 1, alignItems: 'center', justifyContent: 'center', gap: 16 },
  title: { fontSize: 24, fontWeight: '600' },
});
