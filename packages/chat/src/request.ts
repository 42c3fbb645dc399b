import { attempt, backoffDelay, type Attempt } from '@tickki/chat-realtime/internal';
import { sleep, type RetryPolicy } from './backoff.js';
import { toChatError } from './errors.js';

export type { Attempt };

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
export async function call<T>(run: (signal: AbortSignal) => Promise<Attempt<T>>, { signals = [], timeoutMs, retry, renew, valid }: CallOptions<T>): Promise<T> {
  const live = signals.filter((s): s is AbortSignal => s !== undefined);
  for (let n = 0; ; n++) {
    const result = await attempt(run, timeoutMs, live, valid);
    if ('data' in result) return result.data;
    const error = toChatError(result.failed);
    if (error.code === 'invalid_session' && renew) {
      await renew();
      renew = undefined; // only once
      n--;
      continue;
    }
    if (!error.retryable || !retry || n >= retry.retries) throw error;
    await sleep(backoffDelay(n, retry, error.retryAfterMs), live).catch(() => {
      throw toChatError({ aborted: true });
    });
  }
}
