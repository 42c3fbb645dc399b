import { TickkiChatView, type TickkiChatViewProps } from './chat-view.js';
import { useChatScreen, type NativeChatScreenOptions } from './use-chat-screen.js';

/**
 * Props of {@link TickkiChatScreen}: the business and the visitor (`publishableKey`, `baseUrl`,
 * `visitorId`, `name`, `email`, `phone`: live, a change moves the chat), the events (`onMessage`,
 * `onUnread`), how it looks, and any `TickkiChat` option (read once).
 */
export type TickkiChatScreenProps = Omit<TickkiChatViewProps, 'chat'> & Omit<NativeChatScreenOptions, 'open'>;

const VIEW_PROPS = new Set<string>(['theme', 'colorScheme', 'locale', 'dir', 'rtl', 'primaryColor', 'strings', 'pickAttachment', 'recordVoice', 'playAudio', 'onClose', 'header', 'safeAreaInsets', 'keyboardVerticalOffset']);

/**
 * The whole chat as one screen, for a navigator or a modal: header with the business's branding
 * and presence, the conversation, the composer, and a pre-chat form when the business asks for
 * one. It makes its own chat screen (`useChatScreen`: AsyncStorage, AppState and NetInfo when
 * installed), open while mounted, and disposes it when unmounted.
 *
 * ```tsx
 * <TickkiChatScreen publishableKey="pk_live_…" visitorId={user?.id} />
 * ```
 */
export function TickkiChatScreen(props: TickkiChatScreenProps) {
  const look: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) (VIEW_PROPS.has(key) ? look : options)[key] = value;
  const chat = useChatScreen(options as unknown as NativeChatScreenOptions);
  return <TickkiChatView {...(look as Omit<TickkiChatViewProps, 'chat'>)} chat={chat} />;
}
