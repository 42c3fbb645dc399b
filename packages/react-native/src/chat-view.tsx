import { useContext, useEffect, useMemo } from 'react';
import { AccessibilityInfo, KeyboardAvoidingView, Platform, StyleSheet, Text, View } from 'react-native';
import type { ChatScreenHandle } from '@tickki/chat-react';
import { format, voiceNotesOn } from '@tickki/chat-ui';
import { toUploadable, type AttachmentPicker, type AudioPlayerFactory, type PickedAttachment, type VoiceRecorder } from './attachment.js';
import { Banner, bannerText, noticeText, Unavailable } from './banner.js';
import { Composer } from './composer.js';
import { Header } from './header.js';
import { useLook, type TickkiChatLookProps } from './look.js';
import { MessageList } from './message-list.js';
import { AudioPlayerContext } from './media.js';
import { loadSafeAreaContext, type EdgeInsets } from './platform.js';
import { PreChatForm } from './pre-chat-form.js';
import { ChatUiContext } from './ui-context.js';

/** Props of {@link TickkiChatView}: the screen to show (from `useChatScreen`), and how it looks. */
export interface TickkiChatViewProps extends TickkiChatLookProps {
  /** The chat screen to render: what `useChatScreen` returns. */
  chat: ChatScreenHandle;
  /** Enables the attach button: the app's own file picker. */
  pickAttachment?: AttachmentPicker;
  /** Enables the record button when the business has voice notes on: the app's own recorder (e.g. expo-audio). */
  recordVoice?: VoiceRecorder;
  /** Plays audio attachments inline: the app's own player (e.g. expo-audio). Without it they open in the system's player (inline on the web). */
  playAudio?: AudioPlayerFactory;
  /** Shows a close button in the header (modal use). */
  onClose?: () => void;
  /** `false` hides the branded header (e.g. under a navigator's own header). Default `true`. */
  header?: boolean;
  /** Safe-area insets; default: from `react-native-safe-area-context`'s provider when present, else none. */
  safeAreaInsets?: Partial<EdgeInsets>;
  /** Extra offset for the keyboard (e.g. a navigator's header height). */
  keyboardVerticalOffset?: number;
}

const SafeAreaContext = loadSafeAreaContext();
const NO_INSETS: EdgeInsets = { top: 0, right: 0, bottom: 0, left: 0 };
const useInsets = (given: Partial<EdgeInsets> | undefined): EdgeInsets => {
  // a constant hook: the context exists or not for the app's whole life
  const fromProvider = SafeAreaContext ? useContext(SafeAreaContext) : null;
  return { ...NO_INSETS, ...fromProvider, ...given };
};

/**
 * The chat screen for a {@link ChatScreen} the app holds itself (`useChatScreen`), e.g. one chat
 * shared by several screens of a navigator, or a screen whose `logout` the app calls. It renders
 * the screen model's state and calls its methods: it holds no chat logic of its own. Most apps use
 * {@link TickkiChatScreen}, which makes its own.
 */
export function TickkiChatView(props: TickkiChatViewProps) {
  const { chat, pickAttachment, recordVoice, playAudio, onClose } = props;
  const { state, screen } = chat;
  const { view, config } = state;
  const { session, status, messages } = view;
  const look = useLook(props, config);
  const { strings, theme, rtl } = look;
  const insets = useInsets(props.safeAreaInsets);
  const agentName = config?.business.name || strings.agent;

  // new agent messages are announced to screen readers (the history loaded at the start is not news)
  useEffect(
    () => screen.on('message', (m) => m.isFromAgent && AccessibilityInfo.announceForAccessibility(format(strings.newMessage, { name: agentName, text: m.content }))),
    [screen, strings, agentName],
  );

  const canUpload = !!pickAttachment && !!config?.features.fileUploads;
  const attach = useMemo(
    () =>
      canUpload
        ? async () => {
            const picked = await pickAttachment!().catch(() => undefined);
            if (picked) screen.upload([await toUploadable(picked)]);
          }
        : undefined,
    [canUpload, pickAttachment, screen],
  );
  const sendVoice = useMemo(() => async (file: PickedAttachment) => screen.upload([await toUploadable(file)]), [screen]);

  const upload = state.uploads[0];
  return (
    <ChatUiContext.Provider value={look}>
      <View testID="tickki-chat" style={[styles.root, { backgroundColor: theme.background, direction: rtl ? 'rtl' : 'ltr', paddingLeft: insets.left, paddingRight: insets.right }]}>
        {props.header === false ? (
          <View style={{ height: insets.top }} />
        ) : (
          <Header
            title={config?.business.name || strings.title}
            subtitle={config ? (state.away ? strings.away : strings.online) : undefined}
            logoUrl={config?.branding.logoUrl}
            top={insets.top}
            onClose={onClose}
          />
        )}
        {/* a start that retrying cannot fix says so below, not "Retrying…" */}
        <Banner text={state.failed ? undefined : bannerText(strings, state.banner)} />
        <KeyboardAvoidingView
          style={styles.body}
          behavior={Platform.OS === 'ios' ? 'padding' : Platform.OS === 'android' ? 'height' : undefined}
          keyboardVerticalOffset={props.keyboardVerticalOffset ?? 0}
        >
          {state.failed ? (
            <Unavailable text={look.unavailable} onRetry={() => screen.restart()} />
          ) : state.consentNeeded ? (
            <Unavailable text={strings.consentNeeded} />
          ) : state.needsForm ? (
            <PreChatForm onSubmit={(entered) => void screen.identify(entered)} />
          ) : (
            <>
              <AudioPlayerContext.Provider value={playAudio}>
                <MessageList
                  messages={messages}
                  hasOlder={view.hasOlder}
                  loadOlder={() => session?.loadOlder() ?? Promise.resolve()}
                  welcome={config?.branding.welcomeMessage}
                  agentName={agentName}
                  typing={view.typing}
                  loading={status !== 'ready' && messages.length === 0 && status !== 'error'}
                  onRetry={(clientId) => screen.retry(clientId)}
                  onDiscard={(clientId) => screen.discard(clientId)}
                />
              </AudioPlayerContext.Provider>
              {upload ? (
                <View style={[styles.upload, { backgroundColor: theme.surface }]} accessibilityLiveRegion="polite">
                  <Text style={[styles.uploadText, { color: theme.muted }]}>{format(strings.uploading, { name: upload.name, percent: Math.round(upload.progress * 100) })}</Text>
                  <View style={[styles.track, { backgroundColor: theme.border }]}>
                    <View style={[styles.bar, { backgroundColor: theme.primary, width: `${Math.round(upload.progress * 100)}%` }]} />
                  </View>
                </View>
              ) : null}
              <Composer
                onSend={(text) => screen.send(text)}
                onTyping={() => session?.typing()}
                maxLength={config?.limits.messageMaxLength ?? 8000}
                onAttach={attach}
                attaching={!!upload}
                disabled={!session}
                bottom={insets.bottom}
                notice={noticeText(strings, state.notice)}
                recordVoice={voiceNotesOn(config) ? recordVoice : undefined}
                onVoice={sendVoice}
              />
            </>
          )}
        </KeyboardAvoidingView>
      </View>
    </ChatUiContext.Provider>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  body: { flex: 1 },
  upload: { paddingHorizontal: 16, paddingVertical: 8 },
  uploadText: { fontSize: 13, marginBottom: 6 },
  track: { height: 4, borderRadius: 2, overflow: 'hidden' },
  bar: { height: 4 },
});
