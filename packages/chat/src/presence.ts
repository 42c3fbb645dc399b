import type { GapFill } from './gap-fill.js';
import type { MessageCache } from './message-cache.js';
import type { SessionContext } from './session-context.js';
import type { SessionRequests } from './session-requests.js';

/**
 * What {@link Presence} drives: the session's requests (heartbeat, typing notices), its gap fill
 * (`poll` while the socket is down, `missed_broadcasts` while a connected socket is silent,
 * `visible` when the chat is shown again) and its message cache (saved when the chat is hidden).
 * `pollMs`/`reconcileMs` of 0 turn polling/checking off; no `lifecycle`: always visible.
 */
export interface PresenceParts {
  ctx: Pick<SessionContext, 'pollMs' | 'reconcileMs' | 'lifecycle'>;
  requests: Pick<SessionRequests, 'heartbeat' | 'typing'>;
  gap: Pick<GapFill, 'request'>;
  cache: Pick<MessageCache, 'save'>;
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
  readonly #o: PresenceParts;
  #visible = false;
  #socket: 'down' | 'up' | 'other' = 'other';
  /** Check ticks (four per `checkMs`) since anything arrived (a broadcast, a fill). */
  #silent = 0;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #check: ReturnType<typeof setInterval> | undefined;
  #disposed = false;
  /** When the last typing notice went out. */
  #typedAt = -Infinity;
  readonly #stopLifecycle: (() => void) | undefined;

  constructor(parts: PresenceParts) {
    this.#o = parts;
    const { lifecycle } = parts.ctx;
    this.#stopLifecycle = lifecycle?.subscribe((event) => {
      if (event === 'visible') {
        this.#setVisible(true);
        parts.requests.heartbeat();
        parts.gap.request('visible');
      } else if (event === 'hidden') {
        this.#setVisible(false);
        void parts.cache.save();
      }
    });
    this.#setVisible(lifecycle?.visible?.() ?? true);
  }

  /** The chat was shown or hidden. */
  #setVisible(visible: boolean): void {
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

  /** Tells the agents the visitor is typing, at most once per 3 s. */
  typing(): void {
    const now = Date.now();
    if (now - this.#typedAt < TYPING_MS) return;
    this.#typedAt = now;
    this.#o.requests.typing();
  }

  /** Stops every timer and the lifecycle listener for good. */
  dispose(): void {
    this.#stopLifecycle?.();
    this.#disposed = true;
    this.#visible = false;
    this.#update();
  }

  #update(): void {
    const { ctx: { pollMs, reconcileMs: checkMs }, requests, gap } = this.#o;
    const on = this.#visible;
    this.#heartbeat = toggle(this.#heartbeat, on, HEARTBEAT_MS, () => requests.heartbeat());
    this.#poll = toggle(this.#poll, on && this.#socket === 'down' && pollMs > 0, pollMs, () => gap.request('poll'));
    const checking = on && this.#socket === 'up' && checkMs > 0;
    if (checking && !this.#check) this.#silent = 0; // a fresh subscription fills the gap anyway
    // ticks at a quarter of the interval: a check goes out at most once per `checkMs`, and at most
    // 1¼ `checkMs` after the socket fell silent
    this.#check = toggle(this.#check, checking, checkMs / CHECK_TICKS, () => {
      if (++this.#silent < CHECK_TICKS) return;
      this.#silent = 0;
      gap.request('missed_broadcasts');
    });
  }
}

/** Starts an interval when `on` and none runs, clears it when not `on`; returns the one that runs. */
function toggle(timer: ReturnType<typeof setInterval> | undefined, on: boolean, ms: number, tick: () => void): ReturnType<typeof setInterval> | undefined {
  if (on) return timer ?? setInterval(tick, ms);
  clearInterval(timer);
  return undefined;
}
