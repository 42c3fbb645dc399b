/**
 * `@tickki/chat-realtime/internal`: what only the Tickki packages share (`@tickki/chat` builds on it):
 * one emitter, one backoff, a task boundary, the wire decoding and the connection's transition table. Not a public
 * API: it may change in any release (the `@tickki/*` packages are released together).
 *
 * @packageDocumentation
 * @internal
 */
export { Emitter, type Listener } from './emitter.js';
export { backoffDelay } from './backoff.js';
export { nextTask } from './next-task.js';
export { decodeEventData, matchesEvent, eventBaseName, isObject, hasFields } from './decode.js';
export { fromWireMessage, fromWireAttachment, parseMessage, parseAgentTyping } from './models.js';
export { TRANSITIONS, canTransition } from './connection-state.js';
export { isRetryableStatus } from './errors.js';
export { attempt, onAbort, readFailure, parseRetryAfter, isRetryableFailure, type Attempt, type FailedAttempt, type HttpFailure } from './http-failure.js';
