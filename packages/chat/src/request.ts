import { backoffDelay } from '@tickki/chat-realtime/internal';
import { onAbort, sleep, type RetryPolicy } from './backoff.js';
import { TickkiChatError, toChatError } from './errors.js';

/** What a generated `@tickki/chat-api` call resolves to. */
export interface Attempt<T> {
  data?: T | undefined;
  error?: unknown;
  response?: Response | undefined;
}

/** Options of {@link call}. */
export interface CallOptions<T = unknown> {
  /** Abort signals (the caller's, the session's); any of them aborting stops the call for good. */
  signals?: (AbortSignal | undefined)[];
  /** Per-attempt timeout, in milliseconds. */
  timeoutMs: number;
  /** Retry policy for retryable failures; none means a single attempt. */
  retry?: RetryPolicy | undefined;
  /** Called once on `invalid_session` to get a fresh session; the attempt is then repeated once. */
  renew?: (() => Promise<unknown>) | undefined;
  /**
   * Checks a successful answer's shape; a falsy result makes it a `parse_error` (retried like one),
   * so that an answer of an unexpected shape never reaches the store.
   */
  valid?: ((data: T) => unknown) | undefined;
}

/**
 * Runs a generated call with a timeout per attempt, abort signals, retries with backoff (network,
 * timeout, unreadable or unexpected answers, 429 with `Retry-After`, 5xx) and one transparent session
 * renewal on `invalid_session`.
 * Resolves the answer's data or rejects with a {@link TickkiChatError}.
 */
export async function call<T>(
  attempt: (signal: AbortSignal) => Promise<Attempt<T>>,
  { signals = [], timeoutMs, retry, renew, valid }: CallOptions<T>,
): Promise<T> {
  const live = signals.filter((s): s is AbortSignal => s !== undefined);
  const aborted = (): boolean => live.some((s) => s.aborted);
  for (let n = 0; ; n++) {
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, timeoutMs);
    const stop = onAbort(live, () => ctl.abort());
    let error: TickkiChatError;
    try {
      if (aborted()) throw new Error('aborted');
      const r = await attempt(ctl.signal);
      const res = r.response;
      const ok = r.error === undefined && res?.ok !== false;
      if (ok && (!valid || valid(r.data as T))) return r.data as T;
      error = toChatError({ status: res?.status, error: ok ? new TypeError('Unexpected answer') : r.error, headers: res?.headers, timedOut, aborted: aborted() });
    } catch (thrown) {
      error = toChatError({ error: thrown, timedOut, aborted: aborted() });
    } finally {
      clearTimeout(timer);
      stop();
    }
    if (error.code === 'invalid_session' && renew) {
      await renew();
      renew = undefined; // only once
      n--;
      continue;
    }
    if (!error.retryable || !retry || n >= retry.retries || aborted()) throw error;
    await sleep(backoffDelay(n, retry, error.retryAfterMs), live).catch(() => {
      throw toChatError({ aborted: true });
    });
  }
}
