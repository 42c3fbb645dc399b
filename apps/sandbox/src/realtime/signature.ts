import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The hex HMAC-SHA256 signature Pusher private and presence channels expect:
 * `HMAC(appSecret, "<socketId>:<channelName>")`, with `":<channelData>"` appended
 * for presence channels.
 */
export function signChannel(
  appSecret: string,
  socketId: string,
  channelName: string,
  channelData?: string,
): string {
  let subject = `${socketId}:${channelName}`;
  if (channelData !== undefined) subject += `:${channelData}`;
  return createHmac('sha256', appSecret).update(subject).digest('hex');
}

/** The body a broadcasting-auth endpoint answers: `{auth: "<appKey>:<signature>", channel_data?}`. */
export interface ChannelAuthorization {
  auth: string;
  channel_data?: string;
}

/** Builds the broadcasting-auth answer for one socket and channel (what Laravel's `/broadcasting/auth` returns). */
export function authorizeChannel(
  appKey: string,
  appSecret: string,
  socketId: string,
  channelName: string,
  channelData?: string,
): ChannelAuthorization {
  const auth = `${appKey}:${signChannel(appSecret, socketId, channelName, channelData)}`;
  return channelData === undefined ? { auth } : { auth, channel_data: channelData };
}

/** What {@link verifyChannelSignature} checks. */
export interface ChannelSignatureCheck {
  appKey: string;
  appSecret: string;
  socketId: string;
  channelName: string;
  /** The `auth` field the client sent: `"<appKey>:<hex signature>"`. */
  auth: unknown;
  /** The presence `channel_data` string the client sent, if any. */
  channelData?: string | undefined;
}

/** Outcome of {@link verifyChannelSignature}; `reason` says why a signature was refused. */
export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * Checks a subscription's `auth` field in constant time: it must be `"<appKey>:<signature>"`
 * with the signature {@link signChannel} would produce for this socket and channel.
 */
export function verifyChannelSignature(check: ChannelSignatureCheck): SignatureVerdict {
  const { auth } = check;
  if (typeof auth !== 'string' || auth.length === 0) {
    return { ok: false, reason: 'Missing auth signature' };
  }
  const colon = auth.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'Invalid auth format, expected "<key>:<signature>"' };
  if (auth.slice(0, colon) !== check.appKey) {
    return { ok: false, reason: 'Invalid key in subscription auth data' };
  }
  const given = auth.slice(colon + 1);
  if (!HEX_SIGNATURE.test(given)) return { ok: false, reason: 'Invalid signature format' };
  const expected = signChannel(check.appSecret, check.socketId, check.channelName, check.channelData);
  const same = timingSafeEqual(Buffer.from(given, 'latin1'), Buffer.from(expected, 'latin1'));
  return same ? { ok: true } : { ok: false, reason: 'Invalid signature' };
}
