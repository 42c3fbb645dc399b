/** Fixed-window rate limiting by bucket (a key or a session), on the sandbox clock. */
import type { RateLimit } from './store.js';

interface Window {
  start: number;
  count: number;
}

/** The outcome of {@link RateLimiter.hit}. */
export type LimitVerdict = { ok: true } | { ok: false; retryAfter: number };

export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  /** Counts one request in `bucket`; refuses it when the window is full. */
  hit(bucket: string, limit: RateLimit | null, now: number): LimitVerdict {
    if (!limit) return { ok: true };
    const windowMs = limit.window_seconds * 1000;
    let w = this.#windows.get(bucket);
    if (!w || now - w.start >= windowMs || now < w.start) {
      w = { start: now, count: 0 };
      this.#windows.set(bucket, w);
    }
    if (w.count >= limit.limit) {
      return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
    }
    w.count++;
    if (this.#windows.size > 50_000) this.#prune(now);
    return { ok: true };
  }

  /** Forgets every window (after a reset or a limit change). */
  clear(): void {
    this.#windows.clear();
  }

  #prune(now: number): void {
    for (const [bucket, w] of this.#windows) if (now - w.start > 3_600_000) this.#windows.delete(bucket);
  }
}
