import { useEffect, useRef, useState } from 'react';
import { Platform, Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { format, formatDuration, voiceFileName } from '@tickki/chat-ui';
import type { PickedAttachment, VoiceRecorder, VoiceRecording } from './attachment.js';
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
  /** Present when voice notes are on and the app records them (`recordVoice`): the record button. */
  recordVoice?: VoiceRecorder | undefined;
  /** A recorded voice note to send. */
  onVoice?: (file: PickedAttachment) => void;
}

/** A web textarea starts one row high, as the native field does (react-native-web's default is two). */
const ONE_ROW = Platform.OS === 'web' ? { rows: 1 } : {};

/** The countdown shows for the last tenth of the limit: at most 100, at least 10 characters. */
const countdownFrom = (max: number) => Math.max(10, Math.min(100, Math.floor(max / 10)));

/** Characters as the server counts them (code points). */
const length = (text: string) => (text.length < 1000 ? [...text].length : Array.from(text).length);

/**
 * The message field with attach, record and send buttons. The field clears when the message is
 * queued (the message then shows as pending in the list, and keeps its text if it fails). While a
 * voice note records, the row shows cancel, the time and send instead.
 */
export function Composer({ onSend, onTyping, maxLength, onAttach, attaching = false, disabled, bottom, notice, recordVoice, onVoice }: ComposerProps) {
  const { strings, theme } = useChatUi();
  const [text, setText] = useState('');
  const voice = useVoice(recordVoice, onVoice);
  if (voice.notice) notice = voice.notice === 'micDenied' ? strings.micDenied : strings.micUnsupported;
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
        {voice.started !== undefined ? (
          <View style={styles.row}>
            <Pressable onPress={voice.cancel} accessibilityRole="button" accessibilityLabel={strings.cancelRecording} hitSlop={6} style={styles.icon}>
              <Text style={[styles.iconText, { color: theme.muted }]} importantForAccessibility="no">
                ✕
              </Text>
            </Pressable>
            <View style={styles.recording}>
              <View style={[styles.dot, { backgroundColor: theme.danger, opacity: voice.started ? 1 : 0.4 }]} />
              <Text style={[styles.recordingText, { color: theme.text }]} accessibilityRole="timer">
                {format(strings.recording, { time: formatDuration(voice.seconds) })}
              </Text>
            </View>
            <Pressable
              onPress={voice.send}
              disabled={!voice.started}
              accessibilityRole="button"
              accessibilityLabel={strings.sendRecording}
              accessibilityState={{ disabled: !voice.started }}
              style={[styles.send, { backgroundColor: theme.primary }, !voice.started && styles.off]}
            >
              <Text style={[styles.sendText, { color: theme.onPrimary }]}>{strings.send}</Text>
            </Pressable>
          </View>
        ) : (
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
                voice.dismiss();
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
            {recordVoice && onVoice ? (
              <Pressable
                onPress={voice.start}
                disabled={disabled || attaching}
                accessibilityRole="button"
                accessibilityLabel={strings.record}
                accessibilityState={{ disabled: disabled || attaching }}
                hitSlop={6}
                style={[styles.icon, (disabled || attaching) && styles.off]}
              >
                <MicGlyph color={theme.muted} />
              </Pressable>
            ) : null}
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
        )}
      </View>
    </View>
  );
}

/**
 * A voice note being recorded through the app's {@link VoiceRecorder}: `started` is undefined when
 * idle, 0 while the recorder starts (the permission prompt), then the time it started; `notice`
 * says why nothing records. Unmounting cancels.
 */
function useVoice(recordVoice: VoiceRecorder | undefined, onVoice: ((file: PickedAttachment) => void) | undefined) {
  const [started, setStarted] = useState<number>();
  const [now, setNow] = useState(0);
  const [notice, setNotice] = useState<'micDenied' | 'micUnsupported'>();
  const recording = useRef<VoiceRecording | null | undefined>(undefined);
  // a start the visitor cancelled before the recorder answered is stopped as soon as it does
  const attempt = useRef(0);
  useEffect(() => {
    if (!started) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [started]);
  useEffect(
    () => () => {
      attempt.current++;
      void Promise.resolve(recording.current?.cancel()).catch(() => undefined);
    },
    [],
  );
  const end = () => {
    attempt.current++;
    recording.current = undefined;
    setStarted(undefined);
  };
  return {
    started,
    notice,
    seconds: started ? Math.max(0, now - started) / 1000 : 0,
    dismiss: () => setNotice(undefined),
    async start() {
      if (!recordVoice || started !== undefined) return;
      const mine = ++attempt.current;
      setNotice(undefined);
      setStarted(0);
      let given: VoiceRecording | null | undefined;
      let problem: 'micDenied' | 'micUnsupported' = 'micDenied';
      try {
        given = await recordVoice();
      } catch {
        problem = 'micUnsupported';
      }
      if (mine !== attempt.current) return void Promise.resolve(given?.cancel()).catch(() => undefined);
      if (!given) return void (end(), setNotice(problem));
      recording.current = given;
      setNow(Date.now());
      setStarted(Date.now());
    },
    cancel() {
      const gone = recording.current;
      end();
      void Promise.resolve(gone?.cancel()).catch(() => undefined);
    },
    async send() {
      const going = recording.current;
      end();
      const file = await going?.stop().catch(() => undefined);
      if (file) onVoice?.({ ...file, type: file.type || 'audio/mp4', name: file.name || voiceFileName(file.type || 'audio/mp4') });
    },
  };
}

/** A microphone drawn with views (no icon font): a capsule on a stand. */
function MicGlyph({ color }: { color: string }) {
  return (
    <View style={styles.mic} importantForAccessibility="no-hide-descendants">
      <View style={[styles.micHead, { backgroundColor: color }]} />
      <View style={[styles.micCup, { borderColor: color }]} />
      <View style={[styles.micStem, { backgroundColor: color }]} />
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
  recording: { flex: 1, minHeight: 44, flexDirection: 'row', alignItems: 'center', paddingHorizontal: 8 },
  dot: { width: 10, height: 10, borderRadius: 5, marginEnd: 10 },
  recordingText: { fontSize: 16, fontVariant: ['tabular-nums'] },
  mic: { alignItems: 'center' },
  micHead: { width: 9, height: 14, borderRadius: 4.5 },
  micCup: { width: 15, height: 8, marginTop: -4, borderWidth: 2, borderTopWidth: 0, borderBottomLeftRadius: 7.5, borderBottomRightRadius: 7.5 },
  micStem: { width: 2, height: 4 },
});
