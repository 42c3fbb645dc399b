/**
 * `@tickki/chat-react/core`: the React-free, DOM-free parts that every Tickki chat UI shares (the web
 * widget, React Native screens, your own): the {@link ChatController} store, the UI strings' type and
 * helpers (the tables are in `@tickki/chat-react/strings`), and safe link detection, all from
 * `@tickki/chat-ui`, re-exported here.
 *
 * @module
 */
export { ChatController, EMPTY_VIEW, TYPING_TTL_MS, type ChatSource, type ChatView, type SessionStatus } from './controller.js';
export { format, isRtlLocale, linkify, safeHref, type ChatStrings, type TextSegment } from '@tickki/chat-ui';
