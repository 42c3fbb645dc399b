import { createContext, useEffect, useMemo, type ReactNode } from 'react';
import type { TickkiChat, TickkiChatOptions } from '@tickki/chat';
import { ChatController } from './controller.js';

/** @internal The controller of the nearest {@link TickkiChatProvider}. */
export const ChatContext = createContext<ChatController | undefined>(undefined);

/** Props of {@link TickkiChatProvider}: the chat's options, or a `chat` the app created (and disposes) itself. */
export type TickkiChatProviderProps = (TickkiChatOptions | { chat: TickkiChat }) & { children?: ReactNode };

/**
 * Provides one chat to the hooks below it. The chat is created on mount (never during a server
 * render) and disposed on unmount; StrictMode's double mount keeps a single chat and socket.
 * Changing `publishableKey`, `baseUrl` or `chat` starts over with a new chat; other options are
 * read once.
 *
 * ```tsx
 * <TickkiChatProvider publishableKey="pk_live_…"><Chat /></TickkiChatProvider>
 * ```
 */
export function TickkiChatProvider(props: TickkiChatProviderProps): ReactNode {
  const { children, ...source } = props;
  const chat = 'chat' in source ? source.chat : undefined;
  const { publishableKey, baseUrl } = source as Partial<TickkiChatOptions>;
  // creating a controller has no side effect, so a render thrown away costs nothing
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const controller = useMemo(() => new ChatController(chat ? { chat } : (source as TickkiChatOptions)), [chat, publishableKey, baseUrl]);
  useEffect(() => controller.retain(), [controller]);
  return <ChatContext.Provider value={controller}>{children}</ChatContext.Provider>;
}
