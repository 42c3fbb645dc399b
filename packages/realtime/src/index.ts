/**
 * `@tickki/chat-realtime`: the realtime half of the Tickki Chat SDKs. It connects to the session's
 * private channel over pusher-js (on Tickki's own host, never Pusher's cloud), authorizes it
 * through the generated client, decodes `MessageCreated` robustly and exposes one explicit
 * connection state.
 *
 * @packageDocumentation
 */
export {
  RealtimeConnection,
  type RealtimeConnectionOptions,
  type RealtimeEvents,
  type RealtimeLogger,
  type SubscribedEvent,
  type LifecycleEvent,
  type LifecycleSource,
} from './realtime-connection.js';
export {
  TRANSITIONS,
  canTransition,
  type ConnectionState,
  type StateChange,
} from './connection-state.js';
export {
  RealtimeError,
  TickkiError,
  isRetryableStatus,
  type RealtimeErrorCode,
  type RealtimeErrorDetails,
  type TickkiErrorDetails,
} from './errors.js';
export { decodeEventData, matchesEvent, eventBaseName, isObject, hasFields } from './decode.js';
export {
  fromWireMessage,
  fromWireAttachment,
  parseMessage,
  parseAgentTyping,
  type Message,
  type Attachment,
  type AgentTyping,
} from './models.js';
export type { PusherConstructor, PusherLike } from './pusher-factory.js';
// Shared with `@tickki/chat`, so that both SDKs ship one emitter and one backoff.
export { Emitter, type Listener } from './emitter.js';
export { backoffDelay, type Backoff } from './backoff.js';
