// The entry of `@tickki/chat-realtime/pusher-websocket`: pusher-js, built websocket-only.
export { default } from 'pusher-js';
