import { backoffDelay } from '@tickki/chat-realtime/internal';
import type { TickkiChatError } from './errors.js';
import type { MessageStore } from './store.js';
import { SYNC_TRANSITIONS, type SyncState } from './sync-state.js';
import { shared } from './serial-task.js';

/**
 * Why a gap fill ran: `start` (a session resumed with kept history), `subscribed` (the channel was
 * subscribed again: the server keeps no replay), `visible` (the app came back), `poll` (the socket is
 * down), `upload` (an attachment message is due), `missed_broadcasts` (the socket is connected but
 * delivered nothing for a while: a check for replies whose broadcast never came).
 */
export type FillCause = 'start' | 'subscribed' | 'visible' | 'poll' | 'upload' | 'missed_broadcasts';

/** What a finished fill found: `count` messages the store did not hold. */
export interface FillResult {
  count: number;
  cause: FillCause;
  /** Whether the store held messages before (else this was the first page of history). */
  gap: boolean;
}

/** What a {@link GapFill} works with. */
export interface GapFillOptions {
  store: MessageStore;
  pages: Pages;
  /** First retry delay of a failed fill (ms); retries double up to 30 s. */
  retryBaseMs: number;
  /** Each change of the sync state. */
  onState(state: SyncState): void;
  /** After every successful fill. */
  onFilled(result: FillResult): void;
}

/**
 * Fetches pages of history from `cursor` (the newest page when absent) towards older ones, merging
 * each into the store, until `enough` says so for a page's ids or no older page is left. `enough`
 * hears of every page, with its cursor of the next older page, in the job that merged it (before the
 * store's listeners run). Resolves the newest id seen.
 */
export type Pages = (cursor: string | undefined, limit: number, enough: (ids: number[], next: string | undefined) => boolean) => Promise<number>;

const HISTORY_PAGE = 50;
const GAP_PAGE = 100;
/** A check for missed broadcasts reads a small newest page first: usually nothing is missing. */
const CHECK_PAGE = 20;
const MAX_RETRY_MS = 30_000;
/** A look for the copy of a send in doubt reads at most this many pages of {@link CHECK_PAGE}. */
const MAX_CHECK_PAGES = 15;

/**
 * Keeps the store complete. After every (re)subscription, on resume, when the app comes back and
 * while polling, it fetches history, newest first, until it reaches what it already holds (the
 * "floor": the newest id known complete). One run at a time: requests made while a run is in flight
 * are merged into one more run with the lowest floor, and every request leads to a fill that starts
 * after it. A failed run is retried with backoff (sync status `failed`).
 */
export class GapFill {
  /** The newest id up to which the store is known complete. */
  declare syncedId: number | undefined;
  /**
   * Cursor of the page just before the oldest message held; `null` when there is none, `undefined`
   * when unknown. Moved by every page that reaches the oldest held, in the job that merged it.
   */
  declare cursor: string | null | undefined;
  readonly #o: GapFillOptions;
  #state: SyncState = { status: 'idle' };
  /** The request not yet served: its floor (`undefined`: the current sync point) and cause. */
  #pending: { floor: number | undefined; cause: FillCause } | undefined;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the loop of `#run` is running: set and cleared synchronously, so no request can join a loop that has ended. */
  #running = false;
  #disposed = false;

  constructor(options: GapFillOptions) {
    this.#o = options;
  }

  /** Where gap filling stands. */
  get state(): SyncState {
    return this.#state;
  }

  /** Whether a fill is due or running (a live broadcast then says nothing about what came before). */
  get #busy(): boolean {
    return this.#pending !== undefined || this.state.status === 'syncing';
  }

  /**
   * Asks for a fill down to `floor` (default: the current sync point). A poll tick (`cause` `poll`)
   * is skipped while a fill runs or a failed one waits for its backoff: polling never outpaces it.
   */
  request(cause: FillCause, floor?: number): void {
    if (this.#disposed) return;
    if (cause === 'poll' && (this.state.status === 'syncing' || this.#retryTimer !== undefined)) return;
    const pending = this.#pending;
    this.#pending = pending
      ? { floor: lower(pending.floor, floor), cause: pending.cause === 'missed_broadcasts' ? cause : pending.cause }
      : { floor, cause };
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    void this.#run();
  }

  /** A message arrived over a live socket: when nothing is due, what came before it is complete. */
  delivered(id: number): void {
    if (!this.#busy && id > (this.syncedId ?? -Infinity)) this.syncedId = id;
  }

  /** Loads the page before the oldest held; resolves whether still older ones exist. Concurrent calls share one run. */
  readonly loadOlder = shared(async (): Promise<boolean> => {
    if (this.cursor === null) return false;
    // with no cursor (history restored from storage) walk down from the newest page past the oldest held
    const walk = this.cursor === undefined;
    const oldest = this.#o.store.oldestId() ?? Infinity;
    await this.#pages(this.cursor ?? undefined, walk ? GAP_PAGE : HISTORY_PAGE, (ids) => !walk || ids.some((id) => id < oldest));
    return this.cursor !== null;
  });

  /**
   * Reads history into the store, newest first, until a page reaches `floor` or the first message,
   * calling `onPage` in the job that merged each page (a send in doubt is matched to its copy before
   * the store's listeners hear of it). Resolves whether it got there (not after
   * {@link MAX_CHECK_PAGES} pages). Each page is retried with the chat's policy.
   */
  async readBack(floor: number, onPage: () => void): Promise<boolean> {
    let pages = 0;
    let reached = false;
    await this.#pages(undefined, CHECK_PAGE, (ids, next) => {
      onPage();
      reached = !next || ids.some((id) => id <= floor);
      return reached || ++pages >= MAX_CHECK_PAGES;
    });
    return reached;
  }

  /** Stops: no more runs, no retry timer. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
  }

  /** Serves requests until none is left. Every transition happens in the same job as the check before it. */
  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#pending && !this.#disposed) {
        const { cause } = this.#pending;
        const floor = this.#pending.floor ?? this.syncedId;
        this.#pending = undefined;
        this.#to({ status: 'syncing' }); // refused (and silent) when the run goes on
        let count: number;
        try {
          count = await this.#fill(floor, cause === 'missed_broadcasts' ? CHECK_PAGE : GAP_PAGE);
        } catch (e) {
          if (this.#disposed) return;
          this.#failed(e as TickkiChatError, floor, cause);
          return;
        }
        this.#failures = 0;
        if (this.#disposed) return;
        // a request made meanwhile is served by the next turn of the loop, still `syncing`
        if (!this.#pending) this.#to({ status: 'synced' });
        this.#o.onFilled({ count, cause, gap: floor !== undefined });
      }
    } finally {
      // in the same job as the loop's last check: a later request starts a new loop
      this.#running = false;
    }
  }

  /** Moves to `next` if {@link SYNC_TRANSITIONS} allows it (a refused change leaves the state as it was) and reports it. */
  #to(next: SyncState): void {
    if (SYNC_TRANSITIONS[this.#state.status].includes(next.status)) this.#o.onState((this.#state = next));
  }

  /** Keeps the gap open (lowest floor) and retries with backoff, unless a request comes first. */
  #failed(error: TickkiChatError, floor: number | undefined, cause: FillCause): void {
    const pending = this.#pending;
    this.#pending = { floor: lower(pending?.floor, floor), cause: pending?.cause ?? cause };
    this.#to({ status: 'failed', reason: error.message, error });
    const delay = backoffDelay(this.#failures++, { baseMs: this.#o.retryBaseMs, maxMs: MAX_RETRY_MS }, error.retryAfterMs);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#run();
    }, delay);
  }

  /** Fetches pages, newest first, until one reaches `floor` (one page when nothing is held). Returns how many were new. */
  async #fill(floor: number | undefined, limit: number): Promise<number> {
    const store = this.#o.store;
    const before = store.size;
    const first = floor === undefined;
    const newest = await this.#pages(undefined, first ? HISTORY_PAGE : limit, (ids) => first || ids.some((id) => id <= floor));
    // complete up to the newest id seen (0 for an empty conversation: every later id is above it)
    this.syncedId = Math.max(this.syncedId ?? 0, newest);
    return store.size - before;
  }

  /** {@link Pages} that keep {@link GapFill.cursor} just before the oldest message held. */
  #pages(cursor: string | undefined, limit: number, enough: (ids: number[], next: string | undefined) => boolean): Promise<number> {
    return this.#o.pages(cursor, limit, (ids, next) => {
      // a page that holds the oldest message now held (or finds none at all): its cursor leads to the page before it
      const oldest = this.#o.store.oldestId();
      if (oldest === undefined || Math.min(...ids) <= oldest) this.cursor = next ?? null;
      return enough(ids, next);
    });
  }
}

/** The lower of two floors, `undefined` meaning "the current sync point" (always the highest). */
const lower = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
