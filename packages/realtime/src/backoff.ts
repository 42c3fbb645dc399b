/** Exponential backoff: the first delay and the longest one. */
export interface Backoff {
  /** First delay, in milliseconds. */
  baseMs: number;
  /** Longest delay, in milliseconds (also caps a server's `Retry-After`). */
  maxMs: number;
}

/**
 * The delay before retry number `attempt` (0 for the first retry): `baseMs · 2^attempt` capped at
 * `maxMs`, with "equal jitter" (a random half of it), so clients that failed together do not retry
 * together. A server's `Retry-After` wins when it is longer (still capped at `maxMs`). Shared by
 * both SDKs: the connection's reconnects and the chat's request retries pace themselves alike.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: Backoff, retryAfterMs = 0, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.min(maxMs, Math.max(exp / 2 + random() * (exp / 2), retryAfterMs));
}
