/** What every error of the Tickki SDKs may carry besides its code and message. */
export interface TickkiErrorDetails {
  /** HTTP status, when the server answered. */
  status?: number | undefined;
  /** Whether repeating the failed call later may succeed. */
  retryable?: boolean | undefined;
  /** The underlying error or the offending payload. */
  cause?: unknown;
}

/** Whether an HTTP status is worth retrying later: 408, 429 and 5xx. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * The base of the SDKs' errors: {@link RealtimeError} here and `TickkiChatError` in `@tickki/chat`.
 * A stable `code` to branch on (never the message), the HTTP status when there was an answer, and
 * whether retrying may help.
 */
export class TickkiError<Code extends string = string> extends Error {
  /** The stable code. */
  declare readonly code: Code;
  /** HTTP status, when the server answered. */
  declare readonly status: number | undefined;
  /** Whether repeating the failed call later may succeed. */
  declare readonly retryable: boolean;

  /** @param retryable what `retryable` is when `details` does not say. */
  constructor(code: Code, message: string, details: TickkiErrorDetails = {}, retryable = false) {
    super(message, { cause: details.cause });
    // every detail a subclass declares (`serverCode`, `retryAfterMs`, …) becomes its field
    Object.assign(this, details, { code, retryable: details.retryable ?? retryable });
  }
}

/**
 * Stable codes of {@link RealtimeError}; branch on these, never on the message.
 *
 * - `parse_error`: a frame or an event payload could not be decoded or has the wrong shape; it was skipped.
 * - `auth_failed`: the broadcasting-auth call failed (see `status` and `serverCode`).
 * - `subscription_failed`: the websocket server refused the channel subscription.
 * - `connection_failed`: the websocket server refused the connection, or websockets are not supported.
 */
export type RealtimeErrorCode = 'parse_error' | 'auth_failed' | 'subscription_failed' | 'connection_failed';

/** Details of a {@link RealtimeError}. */
export interface RealtimeErrorDetails extends TickkiErrorDetails {
  /** HTTP status of a failed authorization, when there was an answer. */
  status?: number | undefined;
  /** The API's stable error code of a failed authorization (e.g. `invalid_session`), or the Pusher error code. */
  serverCode?: string | number | undefined;
  /** Whether the connection retries by itself (network errors, 5xx, 429). */
  retryable?: boolean | undefined;
}

/**
 * An error of the realtime layer. It is never thrown into the app: it is delivered to `error`
 * listeners of {@link RealtimeConnection} while the connection carries on (or changes state).
 */
export class RealtimeError extends TickkiError<RealtimeErrorCode> {
  override name = 'RealtimeError';
  /** See {@link RealtimeErrorDetails.serverCode}. */
  declare readonly serverCode: string | number | undefined;

  constructor(code: RealtimeErrorCode, message: string, details: RealtimeErrorDetails = {}) {
    super(code, message, details);
  }
}
