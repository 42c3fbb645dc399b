/**
 * Pusher Channels protocol 7: constants, names and the frames the server writes.
 * Frame shapes follow what Laravel Reverb sends: `data` is a JSON *string*.
 */

/** The only protocol version this server speaks (`?protocol=7`). */
export const PROTOCOL_VERSION = 7;

/** Error and close codes of the Pusher protocol used by this server. */
export const PusherErrorCode = {
  /** Application does not exist (unknown app key); the client must not reconnect. */
  AppNotFound: 4001,
  /** The `protocol` query parameter is not a number. */
  InvalidVersionFormat: 4006,
  /** The `protocol` version is not supported. */
  UnsupportedProtocol: 4007,
  /** No `protocol` query parameter. */
  NoProtocolVersion: 4008,
  /** Connection is unauthorized (Reverb's answer to a bad channel signature). */
  Unauthorized: 4009,
  /** Over capacity: the client should back off and retry. */
  OverCapacity: 4100,
  /** Generic "reconnect immediately"; Reverb also uses it for an invalid message format. */
  Reconnect: 4200,
  /** No pong reply within the pong timeout. */
  PongTimeout: 4201,
  /** Client events are not enabled for this app. */
  ClientEventsDisabled: 4301,
} as const;

/** One of the {@link PusherErrorCode} values. */
export type PusherErrorCodeValue = (typeof PusherErrorCode)[keyof typeof PusherErrorCode];

/** The kinds of channel the name prefix selects. */
export type ChannelKind = 'public' | 'private' | 'presence';

/** Channel names: at most 164 characters of `A-Z a-z 0-9 _ - = @ , . ;` (Pusher's rule). */
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;
/** Socket ids look like `123.456`. */
const SOCKET_ID = /^\d+\.\d+$/;

/** Whether `name` is a valid Pusher channel name. */
export function isValidChannelName(name: unknown): name is string {
  return typeof name === 'string' && CHANNEL_NAME.test(name);
}

/** Whether `id` is a well-formed Pusher socket id (`"<digits>.<digits>"`). */
export function isValidSocketId(id: unknown): id is string {
  return typeof id === 'string' && SOCKET_ID.test(id);
}

/** The channel kind from its prefix; `private-encrypted-…` counts as private. */
export function channelKind(name: string): ChannelKind {
  if (name.startsWith('presence-')) return 'presence';
  if (name.startsWith('private-')) return 'private';
  return 'public';
}

function frame(event: string, data?: unknown, channel?: string): string {
  const out: { event: string; channel?: string; data?: string } = { event };
  if (channel !== undefined) out.channel = channel;
  if (data !== undefined) out.data = JSON.stringify(data);
  return JSON.stringify(out);
}

/** `pusher:connection_established` with `data` = `{"socket_id","activity_timeout"}` as a string. */
export function connectionEstablishedFrame(socketId: string, activityTimeoutSeconds: number): string {
  return frame('pusher:connection_established', {
    socket_id: socketId,
    activity_timeout: activityTimeoutSeconds,
  });
}

/** `pusher:error` with `data` = `{"code","message"}` as a string. */
export function errorFrame(code: number, message: string): string {
  return frame('pusher:error', { code, message });
}

/** `pusher:ping`, sent to an idle socket. */
export const PING_FRAME = JSON.stringify({ event: 'pusher:ping', data: {} });
/** `pusher:pong`, the answer to `pusher:ping`. */
export const PONG_FRAME = JSON.stringify({ event: 'pusher:pong', data: {} });

/** `pusher_internal:subscription_succeeded` for `channel` (`data` is `"{}"` except on presence channels). */
export function subscriptionSucceededFrame(channel: string, data: object = {}): string {
  return frame('pusher_internal:subscription_succeeded', data, channel);
}

/** `pusher:subscription_error` on `channel`, the shape pusher-js itself emits for auth failures. */
export function subscriptionErrorFrame(channel: string, error: string, status = 401): string {
  return frame('pusher:subscription_error', { type: 'AuthError', error, status }, channel);
}

/** `pusher_internal:member_added` on a presence channel. */
export function memberAddedFrame(channel: string, userId: string, userInfo: unknown): string {
  return frame('pusher_internal:member_added', { user_id: userId, user_info: userInfo }, channel);
}

/** `pusher_internal:member_removed` on a presence channel. */
export function memberRemovedFrame(channel: string, userId: string): string {
  return frame('pusher_internal:member_removed', { user_id: userId }, channel);
}

/** A broadcast event: `{"event","channel","data"}` where `data` is already the encoded string. */
export function eventFrame(event: string, channel: string, data: string): string {
  return JSON.stringify({ event, channel, data });
}

/** A client frame that parsed: an object with a string `event`. */
export interface ClientFrame {
  event: string;
  channel?: unknown;
  data?: unknown;
}

/** The result of {@link parseClientFrame}: a frame, or the reason it is garbled. */
export type ParseResult = { ok: true; frame: ClientFrame } | { ok: false; reason: string };

/** Parses one text frame from a client. Never throws. */
export function parseClientFrame(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'Invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'Message must be a JSON object' };
  }
  const event = (value as { event?: unknown }).event;
  if (typeof event !== 'string' || event.length === 0) {
    return { ok: false, reason: 'Message has no event name' };
  }
  return { ok: true, frame: value as ClientFrame };
}

/**
 * The `data` of a client frame as an object: pusher-js sends an object, some clients
 * send it JSON-encoded. Anything else gives `undefined`.
 */
export function frameData(data: unknown): Record<string, unknown> | undefined {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}
