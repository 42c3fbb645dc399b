import { useState } from 'react';
import { Platform, Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { format } from '@tickki/chat-ui';
import { COLUMN } from './theme.js';
import { useChatUi } from './ui-context.js';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** Queues the text; resolves whether it was accepted (on `false` the text stays in the field). */
  onSend: (text: string) => Promise<boolean>;
  onTyping: () => void;
  /** Longest message in characters (`limits.messageMaxLength`). */
  maxLength: number;
  /** Present when attachments are possible. */
  onAttach?: (() => void) | undefined;
  /** While a file uploads (one at a time). */
  attaching?: boolean;
  /** While the session starts. */
  disabled: boolean;
  /** Bottom safe-area inset. */
  bottom: number;
  /** A problem to show above the field (too long, upload failed…). */
  notice?: string | undefined;
}

/** A web textarea starts one row high, as the native field does (react-native-web's default is two). */
const ONE_ROW = Platform.OS === 'web' ? { rows: 1 } : {};

/** The countdown shows for the last tenth of the limit: at most 100, at least 10 characters. */
const countdownFrom = (max: number) => Math.max(10, Math.min(100, Math.floor(max / 10)));

/** Characters as the server counts them (code points). */
const length = (text: string) => (text.length < 1000 ? [...text].length : Array.from(text).length);

/**
 * The message field with attach and send buttons. The field clears when the message is queued
 * (the message then shows as pending in the list, and keeps its text if it fails).
 */
export function Composer({ onSend, onTyping, maxLength, onAttach, attaching = false, disabled, bottom, notice }: ComposerProps) {
  const { strings, theme } = useChatUi();
  const [text, setText] = useState('');
  const left = maxLength - length(text);
  const canSend = !disabled && text.trim().length > 0 && left >= 0;
  const send = async () => {
    if (!canSend) return;
    const sent = text;
    setText('');
    // the text goes back into the field only if it was refused and nothing new was typed
    if (!(await onSend(sent))) setText((now) => (now === '' ? sent : now));
  };
  return (
    <View testID="tickki-composer" style={[styles.wrap, { backgroundColor: theme.surface, borderTopColor: theme.border, paddingBottom: Math.max(bottom, 8) }]}>
      <View style={COLUMN}>
        {notice ? (
          <Text style={[styles.notice, { color: theme.danger }]} accessibilityRole="alert" accessibilityLiveRegion="polite">
            {notice}
          </Text>
        ) : null}
        {left <= countdownFrom(maxLength) ? (
          <Text style={[styles.notice, { color: left < 0 ? theme.danger : theme.muted }]} accessibilityLiveRegion="polite">
            {left < 0 ? format(strings.tooLong, { max: maxLength }, strings.locale) : format(strings.charsLeft, { count: left }, strings.locale)}
          </Text>
        ) : null}
        <View style={styles.row}>
          {onAttach ? (
            <Pressable
              onPress={onAttach}
              disabled={disabled || attaching}
              accessibilityRole="button"
              accessibilityLabel={strings.attach}
              accessibilityState={{ disabled: disabled || attaching, busy: attaching }}
              hitSlop={6}
              style={[styles.icon, (disabled || attaching) && styles.off]}
            >
              <Text style={[styles.iconText, { color: theme.muted }]} importantForAccessibility="no">
                +
              </Text>
            </Pressable>
          ) : null}
          <TextInput
            value={text}
            onChangeText={(value) => {
              setText(value);
              if (value) onTyping();
            }}
            placeholder={strings.placeholder}
            placeholderTextColor={theme.muted}
            accessibilityLabel={strings.placeholder}
            multiline
            editable={!disabled}
            style={[styles.input, { color: theme.text, backgroundColor: theme.background, borderColor: theme.border }]}
            submitBehavior="newline"
            textAlignVertical="center"
            {...ONE_ROW}
          />
          <Pressable
            onPress={() => void send()}
            disabled={!canSend}
            accessibilityRole="button"
            accessibilityLabel={strings.send}
            accessibilityState={{ disabled: !canSend }}
            style={[styles.send, { backgroundColor: theme.primary }, !canSend && styles.off]}
          >
            <Text style={[styles.sendText, { color: theme.onPrimary }]}>{strings.send}</Text>
          </Pressable>
        </View>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { borderTopWidth: StyleSheet.hairlineWidth, paddingHorizontal: 8, paddingTop: 8 },
  row: { flexDirection: 'row', alignItems: 'flex-end' },
  notice: { fontSize: 13, paddingHorizontal: 8, paddingBottom: 6 },
  input: { flex: 1, minHeight: 44, maxHeight: 140, borderRadius: 22, borderWidth: 1, paddingHorizontal: 16, paddingTop: 11, paddingBottom: 11, fontSize: 16, lineHeight: 20 },
  icon: { width: 44, height: 44, alignItems: 'center', justifyContent: 'center' },
  iconText: { fontSize: 28, lineHeight: 30, fontWeight: '300' },
  send: { minHeight: 44, minWidth: 64, borderRadius: 22, marginStart: 8, paddingHorizontal: 16, alignItems: 'center', justifyContent: 'center' },
  sendText: { fontSize: 16, fontWeight: '700' },
  off: { opacity: 0.45 },
});
