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
export type { ConnectionState, StateChange } from './connection-state.js';
export {
  RealtimeError,
  TickkiError,
  type RealtimeErrorCode,
  type RealtimeErrorDetails,
  type TickkiErrorDetails,
} from './errors.js';
export type { Message, Attachment, AgentTyping } from './models.js';
export type { PusherConstructor, PusherLike } from './pusher-factory.js';
export type { Backoff } from './backoff.js';
// What only the Tickki packages share (emitter, backoff, decoding) is in `@tickki/chat-realtime/internal`.
