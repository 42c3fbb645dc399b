import type { ConnectionState, SyncState } from '@tickki/chat';

/** What the banner above the messages says: one at a time, the most useful first. */
export type BannerKind = 'offline' | 'startFailed' | 'reconnecting' | 'syncFailed';

/** How long a connection may struggle before the banner says so: a blip is not worth a banner. */
export const BANNER_DELAY_MS = 1500;

const TROUBLED: readonly ConnectionState[] = ['connecting', 'reconnecting', 'failed'];

/**
 * The banner's timing: `offline` and a failed start show at once; a connection that struggles shows
 * `reconnecting` only after {@link BANNER_DELAY_MS}; a failed gap fill shows `syncFailed`. Calls
 * `onChange` when the banner changes because time passed.
 */
export class BannerTimer {
  #slow = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onChange: () => void;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** The banner for the current state; `started`: a session start was asked for. */
  banner(connection: ConnectionState, startFailed: boolean, sync: SyncState, started: boolean): BannerKind | undefined {
    const troubled = started && TROUBLED.includes(connection);
    if (!troubled) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#slow = false;
    } else if (!this.#slow && !this.#timer) {
      this.#timer = setTimeout(() => {
        this.#slow = true;
        this.#onChange();
      }, BANNER_DELAY_MS);
    }
    if (connection === 'offline') return 'offline';
    if (startFailed) return 'startFailed';
    if (troubled && this.#slow) return 'reconnecting';
    return sync.status === 'failed' ? 'syncFailed' : undefined;
  }

  /** Stops the timer. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
