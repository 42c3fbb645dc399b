import type { TickkiChatError } from '@tickki/chat';
import { startRetryDelay } from './retry-policy.js';

/** What a {@link SessionStarts} tells its screen. */
export interface StartOutcome {
  /** The start passed. */
  started(): void;
  /** The start failed and retrying cannot fix it. */
  failed(error: TickkiChatError): void;
  /** A start failed or was aborted (a retry may be waiting): the screen looks again. */
  settled(): void;
}

/**
 * The visitor's session starts, one at a time, retried by the one policy of every face
 * ({@link startRetryDelay}); the outcome of a start that a switch abandoned ({@link SessionStarts.reset}) is ignored.
 */
export class SessionStarts {
  #attempt = 0;
  #count = 0;
  #running = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #outcome: StartOutcome;

  constructor(outcome: StartOutcome) {
    this.#outcome = outcome;
  }

  /** A start is running, or a retry waits. */
  get busy(): boolean {
    return this.#running || this.#timer !== undefined;
  }

  /** Runs `start`; a failure that may pass calls `again` after the policy's delay. */
  run(start: () => Promise<unknown>, again: () => void): void {
    this.#running = true;
    const mine = ++this.#count;
    start().then(
      () => {
        if (mine !== this.#count) return;
        this.#running = false;
        this.#attempt = 0;
        this.#outcome.started();
      },
      (error: TickkiChatError) => {
        if (mine !== this.#count) return;
        this.#running = false;
        const delay = error.code === 'aborted' ? null : startRetryDelay(error, this.#attempt++);
        if (delay === undefined) this.#outcome.failed(error);
        else if (delay !== null)
          this.#timer = setTimeout(() => {
            this.#timer = undefined;
            again();
          }, delay);
        this.#outcome.settled();
      },
    );
  }

  /** The next start goes at once and counts as a first attempt (a retry button). */
  now(): void {
    this.#attempt = 0;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Forgets the start in flight and a retry waiting. */
  reset(): void {
    this.now();
    this.#count++;
    this.#running = false;
  }
}
