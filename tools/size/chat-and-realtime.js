// size-limit entry: the whole public API of @tickki/chat and @tickki/chat-realtime together.
export * from '../../packages/chat/dist/index.js';
export * as realtime from '../../packages/realtime/dist/index.js';
