import { isRetryable } from '@tickki/chat';

/** First wait before a failed session start is tried again; it doubles up to {@link START_RETRY_MAX_MS}. */
export const START_RETRY_BASE_MS = 2000;
export const START_RETRY_MAX_MS = 60_000;

/**
 * When to try a failed session start again, one policy for every face: a failure that may pass
 * (network, timeout, 429, 5xx) after a backoff with jitter, doubling from
 * {@link START_RETRY_BASE_MS} up to {@link START_RETRY_MAX_MS}; a permanent one (a revoked or wrong
 * key, an origin not allowed, a suspended business) never: `undefined`, the screen shows it and
 * waits for a restart (a changed key, a retry button).
 */
export function startRetryDelay(error: unknown, attempt: number): number | undefined {
  if (!isRetryable(error)) return undefined;
  const ceiling = Math.min(START_RETRY_MAX_MS, START_RETRY_BASE_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
