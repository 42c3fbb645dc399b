/**
 * `@tickki/chat-react/core`: the React-free, DOM-free parts that every Tickki chat UI shares (the web
 * widget, React Native screens, your own): the {@link ChatController} store, the UI strings in
 * several languages, and safe link detection.
 *
 * @module
 */
export { ChatController, EMPTY_VIEW, TYPING_TTL_MS, type ChatSource, type ChatView, type SessionStatus } from './controller.js';
export { chatStrings, format, isRtlLocale, languages, en, fr, de, type ChatStrings } from './strings.js';
export { linkify, safeHref, type TextSegment } from './linkify.js';
