import { Image, Pressable, StyleSheet, Text, View } from 'react-native';
import { httpUrl } from '@tickki/chat-ui';
import { COLUMN } from './theme.js';
import { useChatUi } from './ui-context.js';

/** Props of {@link Header}. */
export interface HeaderProps {
  title: string;
  /** Presence line ("We typically reply…" / "We're away…"). */
  subtitle: string | undefined;
  logoUrl: string | null | undefined;
  /** Top safe-area inset. */
  top: number;
  onClose?: (() => void) | undefined;
}

/** The brand-colored header: logo, business name, presence, and a close button in a modal. */
export function Header({ title, subtitle, logoUrl, top, onClose }: HeaderProps) {
  const { strings, theme } = useChatUi();
  // only an http(s) logo is loaded (no file:, data: or javascript: from the config)
  const logo = httpUrl(logoUrl);
  return (
    <View testID="tickki-header" style={{ backgroundColor: theme.primary, paddingTop: top + 10 }}>
      <View style={[styles.header, COLUMN]}>
        {logo ? <Image testID="tickki-logo" source={{ uri: logo }} style={styles.logo} accessibilityIgnoresInvertColors alt="" /> : null}
        <View style={styles.titles}>
          <Text style={[styles.title, { color: theme.onPrimary }]} accessibilityRole="header" numberOfLines={1}>
            {title}
          </Text>
          {subtitle ? (
            <Text style={[styles.subtitle, { color: theme.onPrimary }]} numberOfLines={2}>
              {subtitle}
            </Text>
          ) : null}
        </View>
        {onClose ? (
          <Pressable onPress={onClose} accessibilityRole="button" accessibilityLabel={strings.close} hitSlop={10} style={styles.close}>
            <Text style={[styles.closeText, { color: theme.onPrimary }]} importantForAccessibility="no">
              ✕
            </Text>
          </Pressable>
        ) : null}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', paddingHorizontal: 16, paddingBottom: 12 },
  logo: { width: 36, height: 36, borderRadius: 18, marginEnd: 12, backgroundColor: '#FFFFFF33' },
  titles: { flex: 1 },
  title: { fontSize: 18, fontWeight: '700' },
  subtitle: { fontSize: 13, opacity: 0.9, marginTop: 2 },
  close: { minWidth: 44, minHeight: 44, alignItems: 'center', justifyContent: 'center', marginEnd: -10 },
  closeText: { fontSize: 20, fontWeight: '600' },
});
