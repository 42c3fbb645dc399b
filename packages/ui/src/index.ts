/**
 * `@tickki/chat-ui`: what a Tickki chat screen does, written once for every face (the web widget,
 * `@tickki/chat-react`, `@tickki/chat-react-native`). No DOM, no React, no Preact. The string tables
 * are separate modules: `@tickki/chat-ui/strings` (all, with `chatStrings()`) and
 * `@tickki/chat-ui/strings/<language>`.
 *
 * @packageDocumentation
 */
export { format, isRtlLocale, type ChatStrings } from './strings.js';
export { LANGUAGES, resolveLocale, timeFormatter, type ResolvedLocale } from './locale.js';
export { linkify, safeHref, type TextSegment } from './linkify.js';
export { httpUrl } from './url.js';
export { GROUP_MS, threadRows, timeOfDay, type ThreadOptions, type ThreadRow } from './thread.js';
export { attachmentKind, formatDuration, voiceNotesOn, type AttachmentKind } from './media.js';
export { voiceFileName } from './voice-file.js';
export { contrast, DARK_TEXT, LIGHT_TEXT, luminance, parseHex, textOn } from './brand.js';
export { ChatController, EMPTY_VIEW, TYPING_TTL_MS, type ChatSource, type ChatView, type SessionStatus } from './controller.js';
export { ChatScreen, type ChatScreenEvents, type ChatScreenOptions, type ConsentMode, type Contact, type ScreenNotice, type ScreenState, type Upload, type VisitorFields } from './screen.js';
export { BANNER_DELAY_MS, BannerTimer, type BannerKind } from './banner.js';
export { START_RETRY_BASE_MS, START_RETRY_MAX_MS, startRetryDelay } from './retry-policy.js';
export { readUiState, uiStateKey, UiStore, type UiState, type UiStorage } from './ui-store.js';
export { newestAgentId, UnreadCounter } from './unread.js';
export { anonymousVisitorId, forgetAnonymousVisitorId } from './visitor-id.js';
export { visitorKeys } from './device-keys.js';
