/**
 * Attachments in a bubble, by `attachmentKind` of `@tickki/chat-ui`: a picture as a thumbnail that
 * opens full size, audio as a small player (play/pause, progress, time), any other file as a link.
 * Only http(s) URLs are loaded or opened; a picture or sound that fails falls back to the link.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { Image, Linking, Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import type { Attachment } from '@tickki/chat';
import { attachmentKind, format, formatDuration, httpUrl } from '@tickki/chat-ui';
import { webAudioPlayer, type AudioPlaybackStatus, type AudioPlayerFactory, type AudioPlayerHandle } from './attachment.js';
import { useChatUi } from './ui-context.js';

/** @internal The app's audio player (`playAudio`), for every bubble. */
export const AudioPlayerContext = createContext<AudioPlayerFactory | undefined>(undefined);

/** @internal Whether a message's attachments need their own accessibility elements (a picture to open, a sound to play). */
export const hasMedia = (attachments: readonly Attachment[]): boolean => attachments.some((a) => attachmentKind(a) !== 'file');

/** A tappable link: opened by the system on iOS and Android; a real `<a href>` in a new tab on the web. */
const linkProps = (href: string): object =>
  Platform.OS === 'web' ? { href, hrefAttrs: { target: '_blank', rel: 'noopener noreferrer' } } : { onPress: () => void Linking.openURL(href) };

/** Props of {@link AttachmentView}. */
export interface AttachmentViewProps {
  attachment: Attachment;
  /** In the visitor's own bubble (on the brand colour)? */
  mine: boolean;
  /** Who sent it, for screen readers ("You", the business's name). */
  who: string;
}

/** @internal One attachment of a bubble. */
export function AttachmentView({ attachment: a, mine, who }: AttachmentViewProps) {
  const { strings, theme } = useChatUi();
  const color = mine ? theme.onPrimary : theme.text;
  const player = useContext(AudioPlayerContext) ?? (Platform.OS === 'web' ? webAudioPlayer : undefined);
  const [broken, setBroken] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number }>();
  // only an http(s) URL opens or loads: any other scheme (javascript:, file:, intent:…) is plain text
  const href = httpUrl(a.signedUrl);
  if (!href) return <Text style={[styles.text, { color }]}>{a.fileName}</Text>;
  const kind = broken ? 'file' : attachmentKind(a);
  if (kind === 'audio') {
    // the button in the brand colour, or in the text colour on the visitor's brand bubble
    const button = mine ? [theme.onPrimary, theme.primary] : [theme.primary, theme.onPrimary];
    return <AudioNote url={href} color={color} button={button as [string, string]} who={who} player={player} onError={() => setBroken(true)} />;
  }
  if (kind === 'image') {
    // the picture's own proportions, within 220 × 180
    const scale = size ? Math.min(220 / size.width, 180 / size.height, 1) : 1;
    return (
      <Pressable accessibilityRole="link" accessibilityLabel={format(strings.image, { name: a.fileName })} accessibilityHint={who} {...linkProps(href)}>
        <Image
          testID="tickki-thumbnail"
          source={{ uri: href }}
          accessibilityIgnoresInvertColors
          resizeMode="cover"
          style={[styles.thumb, size ? { width: size.width * scale, height: size.height * scale } : null]}
          onLoad={(e) => {
            const { width, height } = e.nativeEvent.source ?? {};
            if (width && height) setSize({ width, height });
          }}
          onError={() => setBroken(true)}
        />
      </Pressable>
    );
  }
  return (
    <Text style={[styles.text, styles.link, { color }]} accessibilityRole="link" {...linkProps(href)}>
      {format(strings.attachment, { name: a.fileName })}
    </Text>
  );
}

/** The note playing now: starting another pauses it, one at a time (as in the widget). */
let playing: AudioPlayerHandle | undefined;

/**
 * An audio attachment. With a player (the app's `playAudio`, or the browser's on the web): a play
 * button, the progress and the time (played while playing, else the duration). Without one (iOS
 * and Android without `playAudio`): a button that opens it in the system's player. One note plays at
 * a time: playing one pauses the one playing.
 */
function AudioNote(props: { url: string; color: string; button: [string, string]; who: string; player: AudioPlayerFactory | undefined; onError(): void }) {
  const { url, color, button, who, player, onError } = props;
  const { strings } = useChatUi();
  const [handle, setHandle] = useState<ReturnType<AudioPlayerFactory>>();
  const [status, setStatus] = useState<AudioPlaybackStatus>({ playing: false, position: 0, duration: 0 });
  useEffect(() => {
    if (!player) return;
    let made: ReturnType<AudioPlayerFactory>;
    try {
      made = player(url);
    } catch {
      return onError();
    }
    setHandle(made);
    const stop = made.subscribe(setStatus);
    return () => {
      stop();
      if (playing === made) playing = undefined;
      made.release();
    };
  }, [player, url]);
  const duration = Number.isFinite(status.duration) && status.duration > 0 ? status.duration : 0;
  const label = format(strings.voiceMessage, { duration: duration ? formatDuration(duration) : '' }).trim();
  const toggle = player
    ? () => {
        if (!handle) return;
        if (status.playing) return handle.pause();
        if (playing !== handle) playing?.pause();
        (playing = handle).play();
      }
    : () => void Linking.openURL(url);
  return (
    <View style={styles.audio}>
      <Pressable
        onPress={toggle}
        accessibilityRole="button"
        accessibilityLabel={status.playing ? strings.pause : strings.play}
        accessibilityHint={`${who}: ${label}`}
        hitSlop={6}
        style={[styles.play, { backgroundColor: button[0] }]}
      >
        {status.playing ? <PauseGlyph color={button[1]} /> : <PlayGlyph color={button[1]} />}
      </Pressable>
      {player ? (
        <>
          <View style={styles.track} importantForAccessibility="no-hide-descendants" accessibilityElementsHidden>
            <View style={[StyleSheet.absoluteFill, styles.faint, { backgroundColor: color }]} />
            <View style={[styles.bar, { backgroundColor: color, width: `${duration ? Math.min(100, (status.position / duration) * 100) : 0}%` }]} />
          </View>
          <Text style={[styles.time, { color }]}>{formatDuration(status.playing ? status.position : duration)}</Text>
        </>
      ) : (
        <Text style={[styles.text, { color }]}>{label}</Text>
      )}
    </View>
  );
}

/** ▶ drawn with borders (a text glyph is an emoji on some systems); pointing right in either direction, as media controls do. */
function PlayGlyph({ color }: { color: string }) {
  return <View style={[styles.triangle, { borderLeftColor: color }]} />;
}

/** ❚❚ drawn with two bars. */
function PauseGlyph({ color }: { color: string }) {
  return (
    <View style={styles.pause}>
      <View style={[styles.pauseBar, { backgroundColor: color }]} />
      <View style={[styles.pauseBar, { backgroundColor: color }]} />
    </View>
  );
}

const styles = StyleSheet.create({
  text: { fontSize: 16, lineHeight: 22 },
  link: { textDecorationLine: 'underline' },
  thumb: { width: 220, height: 150, borderRadius: 12, marginVertical: 2 },
  audio: { flexDirection: 'row', alignItems: 'center', minWidth: 190, gap: 10, paddingVertical: 2 },
  play: { width: 36, height: 36, borderRadius: 18, alignItems: 'center', justifyContent: 'center' },
  triangle: { marginLeft: 3, width: 0, height: 0, borderTopWidth: 7, borderBottomWidth: 7, borderLeftWidth: 12, borderTopColor: 'transparent', borderBottomColor: 'transparent' },
  pause: { flexDirection: 'row', gap: 4 },
  pauseBar: { width: 4, height: 13, borderRadius: 1 },
  track: { flex: 1, height: 4, borderRadius: 2, overflow: 'hidden' },
  faint: { opacity: 0.3 },
  bar: { height: 4 },
  time: { fontSize: 13, fontVariant: ['tabular-nums'], minWidth: 32 },
});
