import type { ErrorCode as ServerErrorCode } from '@tickki/chat-api';
import { TickkiError, type TickkiErrorDetails } from '@tickki/chat-realtime';
import { isRetryableStatus } from '@tickki/chat-realtime/internal';

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

/** Codes worth retrying. `parse_error` is among them: an answer cut off on the way (a broken proxy) may come whole next time, and every call the SDK retries is idempotent. */
const RETRYABLE = ['network', 'timeout', 'parse_error', 'rate_limited', 'server_error'];

/**
 * The one error type of `@tickki/chat`: a stable {@link ErrorCode} (`code`), the HTTP `status` when
 * the server answered, whether repeating the call later may succeed (`retryable`: network,
 * timeout, an unreadable answer, 408, 429, 5xx) plus what else is known about the failure.
 */
export class TickkiChatError extends TickkiError<ErrorCode> {
  override name = 'TickkiChatError';
  /** `Retry-After` in milliseconds, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  /** Field errors of a 422 validation failure. */
  readonly fields: Record<string, string[]> | undefined;

  constructor(code: ErrorCode, message: string, details: TickkiChatErrorDetails = {}) {
    super(code, message, details, RETRYABLE.includes(code) || isRetryableStatus(details.status ?? 0));
    this.retryAfterMs = details.retryAfterMs;
    this.fields = details.fields;
  }
}

/** What an HTTP attempt ended with, as {@link toChatError} reads it. */
export interface FailedAttempt {
  /** HTTP status; absent when no answer arrived. */
  status?: number | undefined;
  /** The parsed error body (`{error, message}`), or what was thrown (network error, abort reason). */
  error?: unknown;
  /** The answer's headers (for `Retry-After`). */
  headers?: Headers | undefined;
  /** Set when the attempt's own timeout fired. */
  timedOut?: boolean | undefined;
  /** Set when the caller's `AbortSignal` fired. */
  aborted?: boolean | undefined;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  404: 'not_found',
  408: 'timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A non-empty string, or `undefined`. */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * The one mapping from a failed attempt to a {@link TickkiChatError}: a server envelope keeps its
 * `error` code (unknown codes as sent), a bare status gets the code its status implies, a thrown
 * value becomes `aborted`, `timeout`, `parse_error` (the answer came but could not be read) or
 * `network`.
 */
export function toChatError({ status, error, headers, timedOut, aborted }: FailedAttempt): TickkiChatError {
  if (error instanceof TickkiChatError) return error;
  const cause = { cause: error };
  if (aborted) return new TickkiChatError('aborted', 'Aborted', cause);
  if (timedOut) return new TickkiChatError('timeout', 'Timed out', cause);
  if (!status) return new TickkiChatError('network', `Network error: ${(error as Error)?.message ?? error}`, cause);
  if (status < 300) return new TickkiChatError('parse_error', 'Unreadable answer', { cause: error, status });
  const body = (error ?? {}) as { error?: unknown; message?: unknown; errors?: Record<string, string[]> };
  return new TickkiChatError(
    text(body.error) ?? STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error'),
    text(body.message) ?? `HTTP ${status}`,
    { cause: error, status, retryAfterMs: parseRetryAfter(headers?.get('retry-after')), fields: body.errors },
  );
}

const AUTH_CODES = ['missing_api_key', 'wrong_key_type', 'invalid_api_key', 'missing_session_token', 'invalid_session', 'origin_not_allowed'];

/** Whether `error` is a credential problem: bad or missing key or session, or an origin not allowed. */
export const isAuthError = (error: unknown): error is TickkiChatError =>
  error instanceof TickkiChatError && AUTH_CODES.includes(error.code);

/** Whether repeating the failed call later may succeed. */
export const isRetryable = (error: unknown): boolean => error instanceof TickkiChatError && error.retryable;
