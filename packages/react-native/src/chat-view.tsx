import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { AccessibilityInfo, I18nManager, KeyboardAvoidingView, Platform, StyleSheet, Text, useColorScheme, View } from 'react-native';
import { isRetryable, type ChatMessage, type StorageAdapter, type TickkiChatError } from '@tickki/chat';
import {
  useAgentTyping,
  useChatConfig,
  useChatController,
  useChatSession,
  useChatView,
  useConnectionState,
  useMessages,
  useSyncState,
} from '@tickki/chat-react';
import { format, isRtlLocale, type ChatStrings } from '@tickki/chat-ui';
import { chatStrings } from '@tickki/chat-ui/strings';
import { toUploadable, type AttachmentPicker } from './attachment.js';
import { Banner, bannerText } from './banner.js';
import { Composer } from './composer.js';
import { Header } from './header.js';
import { MessageList } from './message-list.js';
import { readIdentity, writeIdentity, type Identity } from './identity.js';
import { loadSafeAreaContext, platformStorage, type EdgeInsets } from './platform.js';
import { PreChatForm } from './pre-chat-form.js';
import { chatTheme } from './theme.js';
import { ChatUiContext, type ChatUi } from './ui-context.js';

/** Props of {@link TickkiChatView}: who is chatting and how the screen looks. */
export interface TickkiChatViewProps {
  /** The visitor's stable id (the same id resumes the same conversation). */
  visitorId: string;
  /** The visitor's name, when the app knows it (then no pre-chat form asks for it). */
  name?: string;
  /** The visitor's email, when the app knows it. */
  email?: string;
  /** The visitor's phone, when the app knows it. */
  phone?: string;
  /** `light`, `dark`, or `system` (default: follows the device). */
  colorScheme?: 'light' | 'dark' | 'system';
  /** Language of the built-in strings (BCP 47, e.g. `fr-CA`); default English. Also sets right-to-left for Arabic, Hebrew, … */
  locale?: string;
  /** Any string of the shared table, overridden. */
  strings?: Partial<ChatStrings>;
  /** Right to left; default: from `locale`, else React Native's `I18nManager.isRTL`. */
  rtl?: boolean;
  /** Enables the attach button: the app's own file picker. */
  pickAttachment?: AttachmentPicker;
  /** Shows a close button in the header (modal use). */
  onClose?: () => void;
  /** `false` hides the branded header (e.g. under a navigator's own header). Default `true`. */
  header?: boolean;
  /** Safe-area insets; default: from `react-native-safe-area-context`'s provider when present, else none. */
  safeAreaInsets?: Partial<EdgeInsets>;
  /** Extra offset for the keyboard (e.g. a navigator's header height). */
  keyboardVerticalOffset?: number;
  /** Where the pre-chat form's answers are kept (default: the platform's storage, as the chat's). */
  storage?: StorageAdapter;
}

const SafeAreaContext = loadSafeAreaContext();
const NO_INSETS: EdgeInsets = { top: 0, right: 0, bottom: 0, left: 0 };
const useInsets = (given: Partial<EdgeInsets> | undefined): EdgeInsets => {
  // a constant hook: the context exists or not for the app's whole life
  const fromProvider = SafeAreaContext ? useContext(SafeAreaContext) : null;
  return { ...NO_INSETS, ...fromProvider, ...given };
};

/**
 * The chat screen inside an existing `TickkiChatProvider` (of `@tickki/chat-react`): use it when
 * the app creates the provider itself, e.g. to share one chat between screens. Most apps use
 * {@link TickkiChatScreen}, which brings its own provider.
 */
export function TickkiChatView(props: TickkiChatViewProps) {
  const { visitorId, locale = 'en', pickAttachment, onClose } = props;
  const system = useColorScheme();
  const dark = props.colorScheme === 'dark' || ((props.colorScheme ?? 'system') === 'system' && system === 'dark');
  const controller = useChatController();
  const config = useChatConfig();
  const overrides = props.strings;
  const strings = useMemo(() => chatStrings(locale, overrides), [locale, overrides]);
  const rtl = props.rtl ?? (isRtlLocale(locale) || I18nManager.isRTL);
  const theme = useMemo(() => chatTheme(config?.branding.primaryColor, dark), [config?.branding.primaryColor, dark]);
  const ui: ChatUi = useMemo(() => ({ strings, theme, rtl }), [strings, theme, rtl]);
  const insets = useInsets(props.safeAreaInsets);

  // the config decides whether a pre-chat form comes first; without one (unreachable), defaults apply
  const [configFailed, setConfigFailed] = useState(false);
  useEffect(() => {
    let live = true;
    // after the provider's effect has created the chat (children's effects run first)
    Promise.resolve()
      .then(() => controller.chat?.fetchConfig())
      .catch(() => live && setConfigFailed(true));
    return () => void (live = false);
  }, [controller]);
  // who the visitor is: from the app, or from the form (asked once per visitor, then remembered)
  const given = props.name && props.email ? { name: props.name, email: props.email } : undefined;
  const [kept, setKept] = useState<{ visitorId: string; identity: Identity | undefined }>();
  const storage = useMemo(() => props.storage ?? platformStorage(), [props.storage]);
  const asked = given === undefined;
  useEffect(() => {
    if (!asked) return undefined;
    let live = true;
    void readIdentity(storage, visitorId).then((identity) => live && setKept({ visitorId, identity }));
    return () => void (live = false);
  }, [storage, visitorId, asked]);
  const recalled = !asked || kept?.visitorId === visitorId;
  const identity = given ?? (kept?.visitorId === visitorId ? kept.identity : undefined);
  const submitIdentity = useCallback(
    (entered: Identity) => {
      setKept({ visitorId, identity: entered });
      void writeIdentity(storage, visitorId, entered);
    },
    [storage, visitorId],
  );
  const needsForm = !!config?.identification.requiredOnStart && !identity;
  const known = (config !== undefined || configFailed) && recalled;

  const who = identity ?? { name: props.name, email: props.email };
  const { session, status, error, restart } = useChatSession({
    visitorId,
    ...(who.name ? { name: who.name } : {}),
    ...(who.email ? { email: who.email } : {}),
    ...(props.phone ? { phone: props.phone } : {}),
    enabled: known && !needsForm,
  });
  useRestartOnError(status, error, restart);

  const messages = useMessages();
  const hasOlder = useChatView((v) => v.hasOlder);
  const connection = useConnectionState();
  const sync = useSyncState();
  const typing = useAgentTyping();
  const agentName = config?.business.name || strings.agent;
  useAnnounceAgentMessages(messages, status === 'ready', agentName, strings);

  const [notice, setNotice] = useState<string | undefined>();
  const [upload, setUpload] = useState<{ name: string; progress: number } | undefined>();
  const send = useCallback(
    async (text: string) => {
      if (!session) return false;
      setNotice(undefined);
      try {
        await session.send(text); // a failed delivery stays in the list with its text
        return true;
      } catch (e) {
        const code = (e as TickkiChatError).code;
        setNotice(code === 'message_too_long' ? format(strings.tooLong, { max: session.config.limits.messageMaxLength }) : undefined);
        return false;
      }
    },
    [session, strings],
  );
  const retry = useCallback((clientId: string) => void session?.retry(clientId).catch(() => undefined), [session]);
  const discard = useCallback((clientId: string) => void session?.discard(clientId), [session]);
  const attach = useMemo(
    () =>
      pickAttachment && config?.features.fileUploads
        ? async () => {
            if (!session) return;
            setNotice(undefined);
            const picked = await pickAttachment().catch(() => undefined);
            if (!picked) return;
            setUpload({ name: picked.name, progress: 0 });
            try {
              await session.uploadAttachment(await toUploadable(picked), { onProgress: (progress) => setUpload({ name: picked.name, progress }) });
            } catch (e) {
              const code = (e as TickkiChatError).code;
              setNotice(code === 'file_too_large' ? format(strings.fileTooLarge, { max: session.config.limits.maxUploadKb }) : strings.uploadFailed);
            } finally {
              setUpload(undefined);
            }
          }
        : undefined,
    [pickAttachment, config?.features.fileUploads, session, strings],
  );

  const away = config !== undefined && config.presence.agentsOnline === 0;
  return (
    <ChatUiContext.Provider value={ui}>
      <View testID="tickki-chat" style={[styles.root, { backgroundColor: theme.background, direction: rtl ? 'rtl' : 'ltr', paddingLeft: insets.left, paddingRight: insets.right }]}>
        {props.header === false ? (
          <View style={{ height: insets.top }} />
        ) : (
          <Header
            title={config?.business.name || strings.title}
            subtitle={config ? (away ? strings.away : strings.online) : undefined}
            logoUrl={config?.branding.logoUrl}
            top={insets.top}
            onClose={onClose}
          />
        )}
        <Banner text={bannerText(strings, status, connection, sync)} />
        <KeyboardAvoidingView
          style={styles.body}
          behavior={Platform.OS === 'ios' ? 'padding' : Platform.OS === 'android' ? 'height' : undefined}
          keyboardVerticalOffset={props.keyboardVerticalOffset ?? 0}
        >
          {needsForm ? (
            <PreChatForm onSubmit={submitIdentity} initial={{ name: props.name, email: props.email }} />
          ) : (
            <>
              <MessageList
                messages={messages}
                hasOlder={hasOlder}
                loadOlder={() => session?.loadOlder() ?? Promise.resolve()}
                welcome={config?.branding.welcomeMessage}
                agentName={agentName}
                typing={typing}
                loading={status !== 'ready' && messages.length === 0 && status !== 'error'}
                onRetry={retry}
                onDiscard={discard}
              />
              {upload ? (
                <View style={[styles.upload, { backgroundColor: theme.surface }]} accessibilityLiveRegion="polite">
                  <Text style={[styles.uploadText, { color: theme.muted }]}>{format(strings.uploading, { name: upload.name, percent: Math.round(upload.progress * 100) })}</Text>
                  <View style={[styles.track, { backgroundColor: theme.border }]}>
                    <View style={[styles.bar, { backgroundColor: theme.primary, width: `${Math.round(upload.progress * 100)}%` }]} />
                  </View>
                </View>
              ) : null}
              <Composer
                onSend={send}
                onTyping={() => session?.typing()}
                maxLength={config?.limits.messageMaxLength ?? 8000}
                onAttach={attach}
                attaching={!!upload}
                disabled={!session}
                bottom={insets.bottom}
                notice={notice}
              />
            </>
          )}
        </KeyboardAvoidingView>
      </View>
    </ChatUiContext.Provider>
  );
}

/** After a failed start that may pass, starts again with backoff (2 s, 4 s, … up to 30 s). */
function useRestartOnError(status: string, error: TickkiChatError | undefined, restart: () => void): void {
  const attempt = useRef(0);
  useEffect(() => {
    if (status === 'ready') attempt.current = 0;
    if (status !== 'error' || !error || !isRetryable(error)) return undefined;
    const timer = setTimeout(restart, Math.min(30_000, 2000 * 2 ** attempt.current++));
    return () => clearTimeout(timer);
  }, [status, error, restart]);
}

/** Tells screen readers about each new agent message (not the history loaded at the start). */
function useAnnounceAgentMessages(messages: readonly ChatMessage[], ready: boolean, agentName: string, strings: ChatStrings): void {
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    const last = messages.at(-1);
    if (ready && seen.current !== undefined && last && last.key !== seen.current && last.isFromAgent) {
      AccessibilityInfo.announceForAccessibility(format(strings.newMessage, { name: agentName, text: last.content }));
    }
    if (ready) seen.current = last?.key ?? '';
  }, [messages, ready, agentName, strings]);
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  body: { flex: 1 },
  upload: { paddingHorizontal: 16, paddingVertical: 8 },
  uploadText: { fontSize: 13, marginBottom: 6 },
  track: { height: 4, borderRadius: 2, overflow: 'hidden' },
  bar: { height: 4 },
});
