import type { ErrorCode as ServerErrorCode } from '@tickki/chat-api';
import { TickkiError, type TickkiErrorDetails } from '@tickki/chat-realtime';
import { isRetryableFailure, readFailure, type FailedAttempt } from '@tickki/chat-realtime/internal';

/**
 * Stable code of a {@link TickkiChatError}. Branch on it, never on the message.
 *
 * - every server code of the document's `ErrorCode` enum (`invalid_session`, `rate_limited`, …);
 * - `network` (no answer), `timeout` (no answer in time), `parse_error` (an answer that is not JSON),
 *   `aborted` (your `AbortSignal`), `http_error` (an error status without a code);
 * - client-side refusals, nothing sent: `invalid_argument` (an option or argument of the wrong
 *   kind: an empty publishable key, a `baseUrl` that is not an absolute http(s) URL, a text that is
 *   not a string), `file_too_large`, `feature_disabled`, `message_too_long`, `empty_message`,
 *   `disposed`;
 * - `unconfirmed`: a message that may have been stored, but neither its answer nor the history
 *   could tell (it is checked again before it is ever resent);
 * - any other string: a server code this SDK does not know yet, kept as sent.
 */
export type ErrorCode =
  | ServerErrorCode
  | 'network'
  | 'timeout'
  | 'parse_error'
  | 'aborted'
  | 'http_error'
  | 'invalid_argument'
  | 'file_too_large'
  | 'feature_disabled'
  | 'message_too_long'
  | 'empty_message'
  | 'disposed'
  | 'unconfirmed'
  | (string & {});

/** Details of a {@link TickkiChatError}. */
export interface TickkiChatErrorDetails extends TickkiErrorDetails {
  /** Whether the same call may succeed if repeated later. Defaults from `code`/`status`. */
  retryable?: boolean | undefined;
  /** How long the server asked to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
  /** Field → messages of a validation failure (422). */
  fields?: Record<string, string[]> | undefined;
}

/**
 * The one error type of `@tickki/chat`: a stable {@link ErrorCode} (`code`), the HTTP `status` when
 * the server answered, whether repeating the call later may succeed (`retryable`: network,
 * timeout, an unreadable answer, 408, 429, 5xx) plus what else is known about the failure.
 */
export class TickkiChatError extends TickkiError<ErrorCode> {
  override name = 'TickkiChatError';
  /** `Retry-After` in milliseconds, when the server sent one. */
  declare readonly retryAfterMs: number | undefined;
  /** Field errors of a 422 validation failure. */
  declare readonly fields: Record<string, string[]> | undefined;

  constructor(code: ErrorCode, message: string, details: TickkiChatErrorDetails = {}) {
    super(code, message, details, isRetryableFailure(code, details.status));
  }
}

export type { FailedAttempt };

/**
 * A failed attempt as a {@link TickkiChatError}, through the one mapping both SDKs share (a server
 * envelope keeps its `error` code, unknown codes as sent; a bare status gets the code its status
 * implies; a thrown value becomes `aborted`, `timeout`, `parse_error` or `network`).
 */
export function toChatError(attempt: FailedAttempt): TickkiChatError {
  if (attempt.error instanceof TickkiChatError) return attempt.error;
  const { code, message, ...details } = readFailure(attempt);
  return new TickkiChatError(code, message, details);
}

const AUTH_CODES = ['missing_api_key', 'wrong_key_type', 'invalid_api_key', 'missing_session_token', 'invalid_session', 'origin_not_allowed'];

/** Whether `error` is a credential problem: bad or missing key or session, or an origin not allowed. */
export const isAuthError = (error: unknown): error is TickkiChatError =>
  error instanceof TickkiChatError && AUTH_CODES.includes(error.code);

/** Whether repeating the failed call later may succeed. */
export const isRetryable = (error: unknown): boolean => error instanceof TickkiChatError && error.retryable;
