/** How retries wait: exponential backoff with jitter, capped. */
export interface RetryPolicy {
  /** How many times a failed call is repeated. */
  retries: number;
  /** First delay, in milliseconds. */
  baseMs: number;
  /** Longest delay, in milliseconds (also caps a server's `Retry-After`). */
  maxMs: number;
}

/** Defaults: 8 retries, 250 ms doubling up to 10 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 8, baseMs: 250, maxMs: 10_000 };

/**
 * The delay before retry number `attempt` (0 for the first retry): `baseMs · 2^attempt` capped at
 * `maxMs`, with "equal jitter" (a random half of it), so clients that failed together do not retry
 * together. A server's `Retry-After` wins when it is longer (still capped at `maxMs`).
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.min(policy.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Resolves after `ms`, or rejects as soon as one of `signals` aborts. */
export function sleep(ms: number, signals: AbortSignal[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (abort: boolean): void => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
      if (abort) reject(new Error('aborted'));
      else resolve();
    };
    const onAbort = (): void => settle(true);
    const timer = setTimeout(settle, ms, false);
    for (const s of signals) s.addEventListener('abort', onAbort);
    if (signals.some((s) => s.aborted)) settle(true);
  });
}
