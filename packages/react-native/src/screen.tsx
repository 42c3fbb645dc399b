import { useMemo } from 'react';
import type { TickkiChatOptions } from '@tickki/chat';
import { TickkiChatProvider } from '@tickki/chat-react';
import { TickkiChatView, type TickkiChatViewProps } from './chat-view.js';
import { platformChatOptions } from './platform.js';

/** Props of {@link TickkiChatScreen}: the chat's options, who is chatting, and how it looks. */
export interface TickkiChatScreenProps extends TickkiChatViewProps, Partial<Omit<TickkiChatOptions, 'publishableKey'>> {
  /** The business's publishable key (`pk_live_…`, `pk_test_…`). */
  publishableKey: string;
}

const VIEW_PROPS = new Set<string>([
  'visitorId',
  'name',
  'email',
  'phone',
  'colorScheme',
  'locale',
  'strings',
  'rtl',
  'pickAttachment',
  'onClose',
  'header',
  'safeAreaInsets',
  'keyboardVerticalOffset',
]);
// `storage` goes to both: the chat keeps its data there, the view the pre-chat answers

/**
 * The whole chat as one screen, for a navigator or a modal: header with the business's branding
 * and presence, the conversation, the composer, and a pre-chat form when the business asks for
 * one. It creates its own chat (with AsyncStorage, AppState and NetInfo when installed) and
 * disposes it when unmounted.
 *
 * ```tsx
 * <TickkiChatScreen publishableKey="pk_live_…" visitorId={userId} />
 * ```
 */
export function TickkiChatScreen(props: TickkiChatScreenProps) {
  const view = {} as TickkiChatViewProps;
  const chat = {} as TickkiChatOptions;
  for (const [key, value] of Object.entries(props)) (VIEW_PROPS.has(key) ? (view as unknown as Record<string, unknown>) : (chat as unknown as Record<string, unknown>))[key] = value;
  // the provider reads options once (a new chat only for another key or base URL)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const options = useMemo(() => platformChatOptions(chat), [chat.publishableKey, chat.baseUrl]);
  return (
    <TickkiChatProvider {...options}>
      <TickkiChatView {...view} {...(options.storage ? { storage: options.storage } : {})} />
    </TickkiChatProvider>
  );
}
