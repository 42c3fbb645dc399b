import { useCallback, useMemo, useState } from 'react';
import { ActivityIndicator, FlatList, Pressable, StyleSheet, Text, View, type ListRenderItem } from 'react-native';
import type { AgentTyping, ChatMessage } from '@tickki/chat';
import { format, threadRows, timeOfDay } from '@tickki/chat-ui';
import { MessageBubble } from './message-bubble.js';
import { COLUMN } from './theme.js';
import { useChatUi } from './ui-context.js';

/** Props of {@link MessageList}. */
export interface MessageListProps {
  /** Oldest first, as the store holds them. */
  messages: readonly ChatMessage[];
  hasOlder: boolean;
  loadOlder: () => Promise<unknown>;
  /** The business's welcome line, shown above the first message. */
  welcome: string | undefined;
  agentName: string;
  typing: AgentTyping | undefined;
  loading: boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

const keyOf = (m: ChatMessage) => m.key;

/**
 * The conversation as an inverted `FlatList`: it opens at the newest message, stays there as
 * messages arrive, and loads older pages when scrolled to the top (or with the button there).
 * Messages come in groups (`threadRows`: one time under a group, each bubble's own in its
 * accessibility label) with a heading above the first message of each day.
 */
export function MessageList({ messages, hasOlder, loadOlder, welcome, agentName, typing, loading, onRetry, onDiscard }: MessageListProps) {
  const { strings, theme, locale } = useChatUi();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const newestFirst = useMemo(() => [...messages].reverse(), [messages]);
  const time = useMemo(() => timeOfDay(locale), [locale]);
  // each message's place in the thread: whether it ends its group, and the day heading above it
  const places = useMemo(() => {
    const out = new Map<string, { last: boolean; day: string | undefined }>();
    let day: string | undefined;
    for (const row of threadRows(messages, { strings, locale })) {
      if (row.kind === 'day') day = row.label;
      else {
        out.set(row.key, { last: row.last, day });
        day = undefined;
      }
    }
    return out;
  }, [messages, strings, locale]);
  const older = useCallback(() => {
    if (!hasOlder || loadingOlder) return;
    setLoadingOlder(true);
    loadOlder().then(
      () => setLoadingOlder(false),
      () => setLoadingOlder(false),
    );
  }, [hasOlder, loadingOlder, loadOlder]);
  const renderItem: ListRenderItem<ChatMessage> = useCallback(
    ({ item }) => {
      const place = places.get(item.key);
      const bubble = <MessageBubble message={item} agentName={agentName} time={time(item.createdAt)} last={place?.last} onRetry={onRetry} onDiscard={onDiscard} />;
      // one view: the heading stays above its message, however the list lays its cells out
      return place?.day ? (
        <View>
          <DayHeading label={place.day} />
          {bubble}
        </View>
      ) : (
        bubble
      );
    },
    [agentName, onRetry, onDiscard, places, time],
  );
  // inverted: the footer is at the top, the header at the bottom
  const top = loading ? (
    <ActivityIndicator style={styles.spinner} color={theme.muted} />
  ) : hasOlder ? (
    <Pressable onPress={older} disabled={loadingOlder} accessibilityRole="button" accessibilityLabel={strings.loadOlder} style={styles.older}>
      {loadingOlder ? <ActivityIndicator color={theme.muted} /> : <Text style={[styles.olderText, { color: theme.primary }]}>{strings.loadOlder}</Text>}
    </Pressable>
  ) : welcome ? (
    <MessageBubble message={welcomeMessage(welcome)} agentName={agentName} />
  ) : undefined;
  const bottom = typing ? (
    <View style={styles.typing} accessibilityLiveRegion="polite">
      <Text style={[styles.typingText, { color: theme.muted }]}>
        {typing.agentName ? format(strings.typing, { name: typing.agentName }) : strings.typingAnonymous}
      </Text>
    </View>
  ) : undefined;
  return (
    <FlatList
      inverted
      data={newestFirst}
      keyExtractor={keyOf}
      renderItem={renderItem}
      ListHeaderComponent={bottom}
      ListFooterComponent={top}
      onEndReached={older}
      onEndReachedThreshold={0.3}
      contentContainerStyle={[styles.content, COLUMN]}
      keyboardDismissMode="interactive"
      keyboardShouldPersistTaps="handled"
      maintainVisibleContentPosition={{ minIndexForVisible: 0 }}
      style={{ backgroundColor: theme.background }}
      testID="tickki-messages"
    />
  );
}

/** A day's heading in the thread ("Today", "Yesterday", a date), between two rules. */
function DayHeading({ label }: { label: string }) {
  const { theme } = useChatUi();
  const rule = [styles.rule, { backgroundColor: theme.border }];
  return (
    <View style={styles.day} accessible accessibilityRole="header" accessibilityLabel={label}>
      <View style={rule} />
      <Text style={[styles.dayText, { color: theme.muted }]}>{label}</Text>
      <View style={rule} />
    </View>
  );
}

const WELCOME_KEY = 'tickki:welcome';

/** The welcome line as an agent message (never sent, never stored). */
function welcomeMessage(content: string): ChatMessage {
  return {
    key: WELCOME_KEY,
    id: undefined,
    clientId: undefined,
    status: 'sent',
    error: undefined,
    direction: 'outbound',
    type: 'text',
    content,
    createdAt: new Date(0),
    attachments: [],
    isFromAgent: true,
  };
}

const styles = StyleSheet.create({
  content: { paddingVertical: 12 },
  spinner: { marginVertical: 24 },
  older: { alignSelf: 'center', minHeight: 44, justifyContent: 'center', paddingHorizontal: 16, marginBottom: 8 },
  olderText: { fontSize: 14, fontWeight: '600' },
  typing: { paddingHorizontal: 16, paddingVertical: 6 },
  typingText: { fontSize: 13, fontStyle: 'italic' },
  day: { flexDirection: 'row', alignItems: 'center', paddingHorizontal: 16, marginTop: 14, marginBottom: 6 },
  rule: { flex: 1, height: StyleSheet.hairlineWidth },
  dayText: { fontSize: 12, fontWeight: '600', marginHorizontal: 10 },
});
