import type { AppLifecycle } from './lifecycle.js';
import { throttle } from './throttle.js';

/** What {@link Presence} drives. */
export interface PresenceOptions {
  /** Tells the server the visitor is here (`sendHeartbeat`). */
  heartbeat(): void;
  /** Tells the agents the visitor is typing (`sendTyping`). */
  typing(): void;
  /** Fetches history because the socket is down. */
  poll(): void;
  /** Fetches the newest page because a connected socket has been silent (replies whose broadcast never came). */
  check(): void;
  /** Poll interval while the socket is down (ms); 0: never. */
  pollMs: number;
  /** Check interval while the socket is connected but silent (ms); 0: never. */
  checkMs: number;
  /** Visibility signals; none: always visible. */
  lifecycle: AppLifecycle | undefined;
  /** The chat is visible again (after the heartbeat that goes out at once). */
  onVisible(): void;
  /** The chat was hidden. */
  onHidden(): void;
}

const HEARTBEAT_MS = 30_000;
const TYPING_MS = 3000;
const CHECK_TICKS = 4;

/**
 * The visitor's presence and what depends on the chat being seen: a heartbeat every 30 s while
 * visible, typing notices (at most one per 3 s), and, only while
 * visible, polling while the socket is down and a check for missed broadcasts while it is up but
 * silent. Hidden, nothing runs.
 */
export class Presence {
  readonly #o: PresenceOptions;
  #visible = false;
  #socket: 'down' | 'up' | 'other' = 'other';
  /** Check ticks (four per `checkMs`) since anything arrived (a broadcast, a fill). */
  #silent = 0;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #check: ReturnType<typeof setInterval> | undefined;
  #disposed = false;
  readonly #stopLifecycle: (() => void) | undefined;

  constructor(options: PresenceOptions) {
    this.#o = options;
    const { lifecycle } = options;
    this.#stopLifecycle = lifecycle?.subscribe((event) => {
      if (event === 'visible') {
        this.setVisible(true);
        options.heartbeat();
        options.onVisible();
      } else if (event === 'hidden') {
        this.setVisible(false);
        options.onHidden();
      }
    });
    this.setVisible(lifecycle?.visible?.() ?? true);
  }

  /** The chat was shown or hidden. */
  setVisible(visible: boolean): void {
    this.#visible = visible && !this.#disposed;
    this.#update();
  }

  /** The socket is `up` (subscribed), `down` (offline, reconnecting, failed), or neither (starting, closed). */
  setSocket(socket: 'down' | 'up' | 'other'): void {
    this.#socket = socket;
    this.#update();
  }

  /** Something new arrived: the socket is not silent. */
  heard(): void {
    this.#silent = 0;
  }

  /** See {@link PresenceOptions.typing}. */
  readonly typing = throttle(() => this.#o.typing(), TYPING_MS);

  /** Stops every timer and the lifecycle listener for good. */
  dispose(): void {
    this.#stopLifecycle?.();
    this.#disposed = true;
    this.#visible = false;
    this.#update();
  }

  #update(): void {
    const { pollMs, checkMs } = this.#o;
    const on = this.#visible;
    this.#heartbeat = toggle(this.#heartbeat, on, HEARTBEAT_MS, () => this.#o.heartbeat());
    this.#poll = toggle(this.#poll, on && this.#socket === 'down' && pollMs > 0, pollMs, () => this.#o.poll());
    const checking = on && this.#socket === 'up' && checkMs > 0;
    if (checking && !this.#check) this.#silent = 0; // a fresh subscription fills the gap anyway
    // ticks at a quarter of the interval: a check goes out at most once per `checkMs`, and at most
    // 1¼ `checkMs` after the socket fell silent
    this.#check = toggle(this.#check, checking, checkMs / CHECK_TICKS, () => {
      if (++this.#silent < CHECK_TICKS) return;
      this.#silent = 0;
      this.#o.check();
    });
  }
}

/** Starts an interval when `on` and none runs, clears it when not `on`; returns the one that runs. */
function toggle(timer: ReturnType<typeof setInterval> | undefined, on: boolean, ms: number, tick: () => void): ReturnType<typeof setInterval> | undefined {
  if (on) return timer ?? setInterval(tick, ms);
  clearInterval(timer);
  return undefined;
}
