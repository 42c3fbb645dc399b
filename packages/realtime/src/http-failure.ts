import { isRetryableStatus } from './errors.js';

/** What one HTTP attempt of a generated `@tickki/chat-api` call ended with. */
export interface FailedAttempt {
  /** HTTP status; absent when no answer arrived. */
  status?: number | undefined;
  /** The parsed error body (`{error, message}`), or what was thrown (network error, abort reason). */
  error?: unknown;
  /** The answer's headers (for `Retry-After`). */
  headers?: Headers | undefined;
  /** Set when the attempt's own timeout fired. */
  timedOut?: boolean | undefined;
  /** Set when a caller's `AbortSignal` fired. */
  aborted?: boolean | undefined;
}

/** A failed attempt, read: the stable code and what else is known. Both SDKs build their errors from it. */
export interface HttpFailure {
  /** The server's `error` code (kept as sent), or `aborted`, `timeout`, `network`, `parse_error`, or the code a bare status implies. */
  code: string;
  message: string;
  status: number | undefined;
  /** Whether repeating the call later may succeed (network, timeout, unreadable answer, 408, 429, 5xx). */
  retryable: boolean;
  /** `Retry-After`, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** Field → messages of a 422 validation failure. */
  fields?: Record<string, string[]> | undefined;
  cause: unknown;
}

const STATUS_CODES: Record<number, string> = {
  404: 'not_found',
  408: 'timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** Codes worth retrying. `parse_error`: an answer cut off on the way (a broken proxy) may come whole next time. */
const RETRYABLE_CODES = ['network', 'timeout', 'parse_error', 'rate_limited', 'server_error'];

/** Whether a failure with `code` (and `status`) may pass if repeated. */
export const isRetryableFailure = (code: string, status = 0): boolean => RETRYABLE_CODES.includes(code) || isRetryableStatus(status);

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
 * The one mapping from a failed attempt to a code: a server envelope (`{error, message}`) keeps its
 * code (unknown codes as sent), a bare status gets the code its status implies, a thrown value is
 * `aborted`, `timeout`, `parse_error` (an answer came but could not be read) or `network`.
 */
export function readFailure({ status, error, headers, timedOut, aborted }: FailedAttempt): HttpFailure {
  const failure = (code: string, message: string, more: Partial<HttpFailure> = {}): HttpFailure => ({
    code,
    message,
    status,
    retryable: isRetryableFailure(code, status),
    cause: error,
    ...more,
  });
  if (aborted) return failure('aborted', 'Aborted', { status: undefined });
  if (timedOut) return failure('timeout', 'Timed out', { status: undefined });
  if (!status) return failure('network', `Network error: ${(error as Error)?.message ?? error}`);
  if (status < 300) return failure('parse_error', 'Unreadable answer');
  const body = (error ?? {}) as { error?: unknown; message?: unknown; errors?: Record<string, string[]> };
  return failure(text(body.error) ?? STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error'), text(body.message) ?? `HTTP ${status}`, {
    retryAfterMs: parseRetryAfter(headers?.get('retry-after')),
    fields: body.errors,
  });
}

/** Adds `listener` to every signal's `abort`; returns a function that removes it again. */
export function onAbort(signals: AbortSignal[], listener: () => void): () => void {
  for (const s of signals) s.addEventListener('abort', listener);
  return () => {
    for (const s of signals) s.removeEventListener('abort', listener);
  };
}

/** What a generated call resolves to. */
export interface Attempt<T> {
  data?: T | undefined;
  error?: unknown;
  response?: Response | undefined;
}

/**
 * Runs one attempt of a generated call with a timeout and abort signals: the data of a successful
 * answer that `valid` accepts, else the {@link FailedAttempt} to read with {@link readFailure}
 * (an answer of an unexpected shape counts as unreadable).
 */
export async function attempt<T>(
  run: (signal: AbortSignal) => Promise<Attempt<T>>,
  timeoutMs: number,
  signals: AbortSignal[] = [],
  valid?: (data: T) => unknown,
): Promise<{ data: T } | { failed: FailedAttempt }> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, timeoutMs);
  const stop = onAbort(signals, () => ctl.abort());
  const aborted = (): boolean => signals.some((s) => s.aborted);
  try {
    if (aborted()) throw new Error('aborted');
    const r = await run(ctl.signal);
    const res = r.response;
    const ok = r.error === undefined && res?.ok !== false;
    if (ok && (!valid || valid(r.data as T))) return { data: r.data as T };
    return { failed: { status: res?.status, error: ok ? new TypeError('Unexpected answer') : r.error, headers: res?.headers, timedOut, aborted: aborted() } };
  } catch (error) {
    return { failed: { error, timedOut, aborted: aborted() } };
  } finally {
    clearTimeout(timer);
    stop();
  }
}
