import { memo } from 'react';
import { Linking, Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import type { ChatMessage } from '@tickki/chat';
import { format, linkify } from '@tickki/chat-ui';
import { AttachmentView, hasMedia } from './media.js';
import { useChatUi } from './ui-context.js';

/** Props of {@link MessageBubble}. */
export interface MessageBubbleProps {
  message: ChatMessage;
  /** Shown for agent messages (the business's name, or the strings' "Agent"). */
  agentName: string;
  /** Its time of day: in its accessibility label, and shown under it when it ends its group. */
  time?: string;
  /** Ends its group (`threadRows` of `@tickki/chat-ui`; the default): its time shows under it. */
  last?: boolean;
  onRetry?: (clientId: string) => void;
  onDiscard?: (clientId: string) => void;
}

/**
 * One message: the visitor's on the end side in the brand color, an agent's on the start side.
 * Text is plain text (never markup); only http(s) and mailto links and http(s) attachments are
 * tappable. Pending messages say so; failed ones keep their text and offer Retry and Discard.
 */
export const MessageBubble = memo(function MessageBubble({ message, agentName, time, last = true, onRetry, onDiscard }: MessageBubbleProps) {
  const { strings, theme } = useChatUi();
  const mine = !message.isFromAgent;
  const failed = message.status === 'failed';
  const color = mine ? theme.onPrimary : theme.text;
  const who = mine ? strings.you : agentName;
  // an attachment message's text is usually just the file name: the link says it already
  const content = message.attachments.some((a) => a.fileName === message.content) ? '' : message.content;
  const status = message.status === 'pending' ? strings.sending : failed ? strings.failed : undefined;
  // a group shows one time, under its last bubble; Sending… and Not sent always show
  const meta = status ?? (last ? time : undefined);
  const tail = last ? 4 : 18;
  return (
    <View style={[styles.row, mine ? styles.mine : styles.theirs, !last && !status && styles.grouped]}>
      <View
        // one element for screen readers, unless a picture or a sound in it needs its own
        accessible={!hasMedia(message.attachments)}
        accessibilityLabel={[`${who}: ${message.content}`, ...message.attachments.map((a) => format(strings.attachment, { name: a.fileName })), status ?? time]
          .filter(Boolean)
          .join('. ')}
        style={[
          styles.bubble,
          mine ? { backgroundColor: theme.primary, borderBottomEndRadius: tail } : { backgroundColor: theme.surface, borderColor: theme.border, borderWidth: StyleSheet.hairlineWidth, borderBottomStartRadius: tail },
          message.status === 'pending' && styles.pending,
          failed && { borderColor: theme.danger, borderWidth: 1 },
        ]}
      >
        {content ? (
          <Text style={[styles.text, { color }]} selectable>
            {linkify(content).map((part, i) =>
              part.href ? (
                <Text key={i} style={styles.link} accessibilityRole="link" {...linkProps(part.href)}>
                  {part.text}
                </Text>
              ) : (
                part.text
              ),
            )}
          </Text>
        ) : null}
        {message.attachments.map((a) => (
          <AttachmentView key={a.id} attachment={a} mine={mine} who={who} />
        ))}
      </View>
      {meta ? (
        <Text style={[styles.status, { color: failed ? theme.danger : theme.muted }]} importantForAccessibility="no" accessibilityElementsHidden={!status}>
          {meta}
        </Text>
      ) : null}
      {failed && message.clientId ? (
        <View style={styles.actions}>
          <Pressable accessibilityRole="button" accessibilityLabel={strings.retry} hitSlop={8} onPress={() => onRetry?.(message.clientId!)} style={styles.action}>
            <Text style={[styles.actionText, { color: theme.primary }]}>{strings.retry}</Text>
          </Pressable>
          <Pressable accessibilityRole="button" accessibilityLabel={strings.discard} hitSlop={8} onPress={() => onDiscard?.(message.clientId!)} style={styles.action}>
            <Text style={[styles.actionText, { color: theme.muted }]}>{strings.discard}</Text>
          </Pressable>
        </View>
      ) : null}
    </View>
  );
});

/** A tappable link: opened by the system on iOS and Android; a real `<a href>` in a new tab on the web. */
const linkProps = (href: string): object =>
  Platform.OS === 'web' ? { href, hrefAttrs: { target: '_blank', rel: 'noopener noreferrer' } } : { onPress: () => void Linking.openURL(href) };

const styles = StyleSheet.create({
  row: { paddingHorizontal: 12, marginVertical: 3, maxWidth: '100%' },
  grouped: { marginBottom: 0 },
  mine: { alignItems: 'flex-end' },
  theirs: { alignItems: 'flex-start' },
  bubble: { maxWidth: '82%', borderRadius: 18, paddingHorizontal: 14, paddingVertical: 9 },
  pending: { opacity: 0.7 },
  text: { fontSize: 16, lineHeight: 22 },
  link: { textDecorationLine: 'underline' },
  status: { fontSize: 12, marginTop: 2, marginHorizontal: 6 },
  actions: { flexDirection: 'row', marginTop: 2 },
  action: { paddingHorizontal: 6, paddingVertical: 4, minHeight: 32, justifyContent: 'center' },
  actionText: { fontSize: 14, fontWeight: '600' },
});
