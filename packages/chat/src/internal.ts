/**
 * `@tickki/chat/internal`: what only the Tickki packages share (the widget and the React bindings
 * build on it): the error mapping, the call runner, the message cache. Not a public API: it may
 * change in any release (the `@tickki/*` packages are released together).
 *
 * @packageDocumentation
 * @internal
 */
export { toChatError, type FailedAttempt } from './errors.js';
export { call, type CallOptions } from './request.js';
export { MessageCache, KEEP } from './message-cache.js';
