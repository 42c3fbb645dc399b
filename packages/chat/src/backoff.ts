import type { Backoff } from '@tickki/chat-realtime';
import { onAbort } from '@tickki/chat-realtime/internal';

/**
 * How retries wait: exponential backoff with jitter, capped (`backoffDelay` of
 * `@tickki/chat-realtime`, shared with the realtime connection).
 */
export interface RetryPolicy extends Backoff {
  /** How many times a failed call is repeated. */
  retries: number;
}

/** Defaults: 8 retries, 250 ms doubling up to 10 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 8, baseMs: 250, maxMs: 10_000 };

/** Resolves after `ms`, or rejects as soon as one of `signals` aborts. */
export function sleep(ms: number, signals: AbortSignal[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (abort: boolean): void => {
      clearTimeout(timer);
      stop();
      if (abort) reject(new Error('aborted'));
      else resolve();
    };
    const timer = setTimeout(settle, ms, false);
    const stop = onAbort(signals, () => settle(true));
    if (signals.some((s) => s.aborted)) settle(true);
  });
}
