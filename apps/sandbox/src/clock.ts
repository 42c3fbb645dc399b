/**
 * The sandbox's clock: wall time plus an offset that tests can advance through the control API
 * (`POST /_control/clock`), so signed-URL expiry, presence staleness and rate-limit windows can be
 * exercised without waiting. Timers (agent delay, latency) still use real time.
 */
export class Clock {
  #offsetMs = 0;

  /** Milliseconds since the epoch, sandbox time. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** The current sandbox time as an ISO-8601 string. */
  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * The current sandbox time as Laravel serializes model timestamps: ISO-8601 with microseconds,
   * `2026-11-29T10:16:05.123000Z`. Used for `created_at`, so clients meet the real format.
   */
  laravel(): string {
    return this.iso().replace('Z', '000Z');
  }

  /** Moves sandbox time forward (or back, with a negative value). */
  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  /** The accumulated offset from wall time. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Puts sandbox time back to wall time. */
  reset(): void {
    this.#offsetMs = 0;
  }
}
