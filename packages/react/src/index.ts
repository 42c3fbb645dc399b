/**
 * `@tickki/chat-react`: hooks for React and React Native over the headless `@tickki/chat` SDK, built
 * on `useSyncExternalStore`. No DOM import: the same hooks run in React DOM and React Native.
 *
 * ```tsx
 * <TickkiChatProvider publishableKey="pk_live_…">
 *   <Chat visitorId={id} />
 * </TickkiChatProvider>
 *
 * function Chat({ visitorId }) {
 *   const { session, status } = useChatSession({ visitorId });
 *   const messages = useMessages();
 *   …
 * }
 * ```
 *
 * @packageDocumentation
 */
'use client';

export { TickkiChatProvider, type TickkiChatProviderProps } from './provider.js';
export {
  useChatController,
  useChatView,
  useChatSession,
  useMessages,
  useConnectionState,
  useSyncState,
  useAgentTyping,
  useChatConfig,
  type ChatSessionState,
  type UseChatSessionOptions,
} from './hooks.js';
export { useChatScreen, type ChatScreenHandle, type UseChatScreenOptions } from './screen.js';
export type { ChatScreen, ChatScreenEvents, ChatScreenOptions, ConsentMode, ScreenNotice, ScreenState, UiStorage, Upload, VisitorFields } from '@tickki/chat-ui';
export * from './core.js';
export { chatStrings, languages, en, fr, de } from '@tickki/chat-ui/strings';
