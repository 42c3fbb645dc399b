/** The screen's store lives in `@tickki/chat-ui` (framework-free); the hooks read it. */
export { ChatController, EMPTY_VIEW, TYPING_TTL_MS, type ChatSource, type ChatView, type SessionStatus } from '@tickki/chat-ui';
