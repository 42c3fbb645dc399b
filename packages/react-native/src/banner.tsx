import { StyleSheet, Text, View } from 'react-native';
import type { ConnectionState, SyncState } from '@tickki/chat';
import type { ChatStrings } from '@tickki/chat-ui';
import type { SessionStatus } from '@tickki/chat-react';
import { useChatUi } from './ui-context.js';

/** The one line the banner shows for these states, or `undefined` when all is well. */
export function bannerText(strings: ChatStrings, status: SessionStatus, connection: ConnectionState, sync: SyncState): string | undefined {
  if (status === 'error') return strings.startFailed;
  if (connection === 'offline') return strings.offline;
  if (connection === 'reconnecting' || connection === 'failed') return strings.reconnecting;
  if (sync.status === 'failed') return strings.syncFailed;
  return undefined;
}

/** Connection and sync trouble, announced politely to screen readers as it appears. */
export function Banner({ text }: { text: string | undefined }) {
  const { theme } = useChatUi();
  if (!text) return null;
  return (
    <View style={[styles.banner, { backgroundColor: theme.banner }]} accessibilityRole="alert" accessibilityLiveRegion="polite">
      <Text style={[styles.text, { color: theme.onBanner }]}>{text}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: { paddingHorizontal: 16, paddingVertical: 8 },
  text: { fontSize: 14, textAlign: 'center' },
});
