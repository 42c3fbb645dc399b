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
export interface RealtimeErrorDetails {
  /** HTTP status of a failed authorization, when there was an answer. */
  status?: number | undefined;
  /** The API's stable error code of a failed authorization (e.g. `invalid_session`), or the Pusher error code. */
  serverCode?: string | number | undefined;
  /** Whether the connection retries by itself (network errors, 5xx, 429). */
  retryable?: boolean | undefined;
  /** The underlying error or the offending payload. */
  cause?: unknown;
}

/**
 * An error of the realtime layer. It is never thrown into the app: it is delivered to `error`
 * listeners of {@link RealtimeConnection} while the connection carries on (or changes state).
 */
export class RealtimeError extends Error {
  /** The stable code. */
  readonly code: RealtimeErrorCode;
  /** See {@link RealtimeErrorDetails.status}. */
  readonly status: number | undefined;
  /** See {@link RealtimeErrorDetails.serverCode}. */
  readonly serverCode: string | number | undefined;
  /** See {@link RealtimeErrorDetails.retryable}. */
  readonly retryable: boolean;

  constructor(code: RealtimeErrorCode, message: string, details: RealtimeErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = 'RealtimeError';
    this.code = code;
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.retryable = details.retryable ?? false;
  }
}
