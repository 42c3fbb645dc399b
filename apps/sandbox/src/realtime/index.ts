/**
 * The sandbox's realtime half: a Pusher Channels protocol 7 server standing in for
 * Laravel Reverb, with fault injection.
 * @module
 */
export {
  PusherServer,
  type PusherServerOptions,
  type BroadcastOptions,
  type DropConnectionsOptions,
} from './PusherServer.js';
export {
  signChannel,
  authorizeChannel,
  verifyChannelSignature,
  type ChannelAuthorization,
  type ChannelSignatureCheck,
  type SignatureVerdict,
} from './signature.js';
export {
  DEFAULT_FAULTS,
  LARAVEL_EVENT_NAMESPACE,
  mergeFaults,
  styleEventName,
  type Faults,
  type EventNameStyle,
  type AuthFailureStyle,
  type RefuseMode,
  type FaultsPatch,
} from './faults.js';
export {
  PROTOCOL_VERSION,
  PusherErrorCode,
  channelKind,
  isValidChannelName,
  isValidSocketId,
  type ChannelKind,
  type PusherErrorCodeValue,
} from './protocol.js';
export { createRandom, type RandomSource } from './random.js';
export type { PusherServerEvents } from './events.js';
export type { RealtimeStats, RealtimeCounters } from './stats.js';
export type { PresenceMember } from './Channel.js';
