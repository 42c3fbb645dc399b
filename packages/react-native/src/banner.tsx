import { Pressable, StyleSheet, Text, View } from 'react-native';
import { format, type BannerKind, type ScreenNotice } from '@tickki/chat-ui';
import type { ChatStrings } from '@tickki/chat-ui';
import { useChatUi } from './ui-context.js';

/** The line of the screen model's banner (`state.banner`). */
export const bannerText = (strings: ChatStrings, banner: BannerKind | undefined): string | undefined => (banner ? strings[banner] : undefined);

/** The line of the screen model's notice (`state.notice`): why a text or a file was not sent. */
export function noticeText(strings: ChatStrings, notice: ScreenNotice | undefined): string | undefined {
  if (!notice) return undefined;
  if (notice.kind === 'tooLong') return format(strings.tooLong, { max: notice.max }, strings.locale);
  if (notice.kind === 'fileTooLarge') return format(strings.fileTooLarge, { max: notice.maxKb }, strings.locale);
  return strings.uploadFailed;
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

/** What stops the chat, said in place of it: a start that retrying cannot fix (`state.failed`: a revoked key…, with a button that tries again), or consent not given yet (no button). */
export function Unavailable({ text, onRetry }: { text: string; onRetry?: (() => void) | undefined }) {
  const { strings, theme } = useChatUi();
  return (
    <View style={styles.failed} accessibilityRole="alert">
      <Text style={[styles.failedText, { color: theme.text }]}>{text}</Text>
      {onRetry && (
        <Pressable onPress={onRetry} accessibilityRole="button" accessibilityLabel={strings.retry} style={[styles.button, { backgroundColor: theme.primary }]}>
          <Text style={[styles.buttonText, { color: theme.onPrimary }]}>{strings.retry}</Text>
        </Pressable>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  banner: { paddingHorizontal: 16, paddingVertical: 8 },
  text: { fontSize: 14, textAlign: 'center' },
  failed: { flex: 1, alignItems: 'center', justifyContent: 'center', padding: 24, gap: 16 },
  failedText: { fontSize: 16, textAlign: 'center' },
  button: { minHeight: 44, borderRadius: 22, paddingHorizontal: 24, alignItems: 'center', justifyContent: 'center' },
  buttonText: { fontSize: 16, fontWeight: '700' },
});
