/**
 * `@tickki/chat-react-native`: the drop-in Tickki chat screen for React Native (iOS, Android, web
 * through react-native-web), pure JavaScript, on the hooks of `@tickki/chat-react`.
 *
 * ```tsx
 * <TickkiChatScreen publishableKey="pk_live_…" visitorId={user?.id} />
 * // or, from anywhere, with <TickkiChatHost /> at the app's root:
 * await TickkiChatModal.show({ publishableKey: 'pk_live_…', visitorId: userId });
 * ```
 *
 * The headless mode stays available: `@tickki/chat-react`'s hooks and `@tickki/chat` are re-exported.
 *
 * @packageDocumentation
 */
'use client';

export { TickkiChatScreen, type TickkiChatScreenProps } from './screen.js';
export { TickkiChatView, type TickkiChatViewProps } from './chat-view.js';
export { useChatScreen, logout, type LogoutOptions, type NativeChatScreenOptions } from './use-chat-screen.js';
export type { TickkiChatLookProps, TickkiStrings } from './look.js';
export type { ChatScreenHandle, ScreenState, ChatScreen, ChatScreenEvents, ConsentMode } from '@tickki/chat-react';
export { TickkiChatHost, TickkiChatModal, type TickkiChatModalOptions } from './modal.js';
export type { AttachmentPicker, AudioPlaybackStatus, AudioPlayerFactory, AudioPlayerHandle, PickedAttachment, VoiceRecorder, VoiceRecording } from './attachment.js';
export { chatTheme, readableOn, type ChatTheme } from './theme.js';
export { nativeLifecycle, platformChatOptions, platformStorage, type EdgeInsets, type NetInfoLike } from './platform.js';
export {
  TickkiChatProvider,
  useChatSession,
  useMessages,
  useConnectionState,
  useSyncState,
  useAgentTyping,
  useChatConfig,
  useChatView,
  useChatController,
  type ChatView,
  type ChatSessionState,
  type UseChatSessionOptions,
} from '@tickki/chat-react';
export type { AgentTyping, ChatConfig, ChatMessage, ConnectionState, StorageAdapter, SyncState, SyncStatus } from '@tickki/chat';
export { chatStrings } from '@tickki/chat-ui/strings';
export { TYPING_TTL_MS } from '@tickki/chat-react/core';
export type { ChatStrings } from '@tickki/chat-ui';
