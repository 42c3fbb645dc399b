/**
 * `@tickki/chat`: the headless Tickki Chat SDK. {@link TickkiChat} starts a visitor's chat;
 * {@link ChatSession} holds its messages in one observable, ordered, de-duplicated store, sends
 * through a durable outbox with retries, and fills every gap the realtime connection leaves.
 *
 * @packageDocumentation
 */
export { TickkiChat } from './tickki-chat.js';
export type { TickkiChatOptions, StartSessionOptions } from './chat-options.js';
export { ChatSession } from './session.js';
export type { ChatSessionEvents, RecoveryCause, UploadOptions } from './session-events.js';
export type { SyncState, SyncStatus } from './sync-state.js';
export type { ChatMessage, MessageStatus } from './chat-message.js';
export { MessageStore, type StoreListener } from './store.js';
export { toChatConfig, type ChatConfig } from './config.js';
export { TickkiChatError, isAuthError, isRetryable, type ErrorCode, type TickkiChatErrorDetails } from './errors.js';
export { getAnalytics, type Analytics, type AnalyticsOptions, type AnalyticsProps } from './analytics.js';
export { memoryStorage, localStorageAdapter, asyncStorageAdapter, type StorageAdapter, type AsyncStorageLike } from './storage.js';
export { appStateLifecycle, type AppLifecycle, type AppLifecycleEvent, type AppStateLike } from './lifecycle.js';
export type { RetryPolicy } from './backoff.js';
// What only the Tickki packages share (error mapping, call runner, message cache) is in `@tickki/chat/internal`.
export type { ConnectionState, StateChange, Message, Attachment, AgentTyping } from '@tickki/chat-realtime';
