import type { Message } from '@tickki/chat-realtime';
import { backoffDelay, hasFields } from '@tickki/chat-realtime/internal';
import { sleep, type RetryPolicy } from './backoff.js';
import type { ChatMessage } from './chat-message.js';
import { TickkiChatError } from './errors.js';
import { randomId } from './platform.js';
import { readJson, writeJson, type StorageAdapter } from './storage.js';
import { serialTask } from './serial-task.js';
import type { GapFill } from './gap-fill.js';
import type { SessionRequests } from './session-requests.js';
import type { MessageStore } from './store.js';

/** One unsent (or failed) message of the durable outbox. */
export interface OutboxItem {
  /** Client id, also the `Idempotency-Key`. */
  clientId: string;
  text: string;
  /** When it was written (ms). */
  at: number;
  /** Error code of the last failed delivery; absent while pending. */
  failure?: string | undefined;
  /** Whether that failure may pass if retried (then it is resent after the next subscription). */
  retryable?: boolean | undefined;
  /** The newest server id held when it first left: a copy the server stored has a higher id. */
  floor?: number | undefined;
  /** Whether an attempt may have been stored unbeknown to us: history is checked before it is sent again. */
  doubt?: boolean | undefined;
}

/** An item as stored: short keys (every tab of a visitor rewrites the list on every send). */
interface StoredItem {
  c: string;
  t: string;
  at: number;
  f?: string | undefined;
  r?: boolean | undefined;
  n?: number | undefined;
  d?: 1 | undefined;
}

/** The well-formed items of a stored outbox; anything else (corrupt, foreign, from another version) is left out. */
export const storedOutbox = (value: unknown): OutboxItem[] =>
  Array.isArray(value)
    ? value
        .filter((s): s is StoredItem => hasFields(s, { c: 'string', t: 'string', at: 'number' }))
        .map((s) => ({
          clientId: s.c,
          text: s.t,
          at: s.at,
          failure: typeof s.f === 'string' ? s.f : undefined,
          retryable: s.r === true,
          floor: typeof s.n === 'number' ? s.n : undefined,
          doubt: s.d === 1,
        }))
    : [];

/** The failure of a message that may be stored: it is not sent again until history can tell. */
const unconfirmed = (): TickkiChatError =>
  new TickkiChatError('unconfirmed', 'Maybe sent: neither its answer nor history could tell', { retryable: true });

/** Whether `m` may be the server's copy of `item`: an inbound text equal to it, above its floor. */
const copies = (item: OutboxItem, m: Message): boolean => m.id > (item.floor ?? 0) && m.direction === 'inbound' && m.type === 'text' && m.content === item.text;

/**
 * Whether a failed attempt may have been stored: no answer (reset, timeout, abort after it left), an
 * unreadable answer, or a 5xx or 408 (a server may fail after storing). Any other 4xx, 429 included,
 * stores nothing.
 */
const mayHaveArrived = ({ status = 0 }: TickkiChatError): boolean => status < 300 || status >= 500 || status === 408;

interface Queued {
  item: OutboxItem;
  /** Whether an attempt is on its way or was (the item is stored then): echoes before that are other sends. */
  left?: boolean;
  /** The visitor asked to send it again: it is sent even when history cannot tell whether it arrived. */
  force?: boolean;
  resolve?: (m: ChatMessage) => void;
  signal?: AbortSignal | undefined;
}

/** What an {@link Outbox} works with. */
export interface OutboxOptions {
  store: MessageStore;
  storage: StorageAdapter;
  /** The storage key of the visitor's outbox. */
  key: string;
  /** How failed attempts are repeated. */
  retry: RetryPolicy;
  /** Sends one message once (`sendMessage`, under the item's `Idempotency-Key`). */
  requests: Pick<SessionRequests, 'sendMessage'>;
  /** Reads history back down to a floor (`readBack`), for the copies of the messages in doubt. */
  gap: Pick<GapFill, 'readBack'>;
}

/**
 * The durable outbox: messages are written to storage before they leave and sent one at a time, in
 * order. A send resolves once its outcome (sent or failed) is stored too. Failed messages stay, with
 * their text, until retried or discarded; unsent ones are sent again on the next start.
 *
 * Exactly once without the server's help: an attempt whose outcome is unknown (see
 * `mayHaveArrived`) puts the message *in doubt*, and it is never sent again before its copy is
 * looked for: the realtime echo, else history down to the message's `floor`. Copies are matched in
 * order: in-doubt messages, oldest first, each take the oldest unclaimed inbound text equal to
 * theirs above their floor, so a text sent twice on purpose stays two messages. Doubt survives a
 * reload (the item that leaves next is stored as in doubt); when history cannot be read, the
 * message fails as `unconfirmed` instead of being sent blindly.
 */
export class Outbox {
  readonly #o: OutboxOptions;
  #items = new Map<string, OutboxItem>();
  /** Client ids sent or discarded here since the outbox was last written (see `#save`). */
  #settled = new Set<string>();
  /** Client ids stored, as they are now, by the last completed write: no need to write them again before they leave. */
  #durable = new Set<string>();
  #queue: Queued[] = [];
  /** The message being delivered; while set, the outbox is being pumped. */
  #inflight: Queued | undefined;
  readonly #stop = new AbortController();

  constructor(options: OutboxOptions) {
    this.#o = options;
  }

  /** Takes over what an earlier visit left in storage (`kept`, checked): failed ones stay failed, the others are sent (in doubt ones once checked). */
  restore(kept: unknown): void {
    for (const item of storedOutbox(kept)) {
      // another tab of the same visitor may have sent it since: looked for before it is sent
      item.doubt ||= !item.failure;
      this.#items.set(item.clientId, item);
      this.#o.store.addPending(item.clientId, item.text, item.at);
      if (item.failure) this.#o.store.setFailed(item.clientId, new TickkiChatError(item.failure, 'Not sent', { retryable: item.retryable }));
      else this.#queue.push({ item });
    }
    void this.#pump();
  }

  /** Queues a new text; resolves the message once `sent` or `failed`. */
  send(text: string, signal?: AbortSignal): Promise<ChatMessage> {
    const item: OutboxItem = { clientId: randomId(), text, at: Date.now() };
    this.#o.store.addPending(item.clientId, text, item.at);
    return this.#enqueue(item, signal);
  }

  /**
   * Sends a failed message again (same client id and `Idempotency-Key`). `force` (the visitor's own
   * retry) sends it even when history still cannot tell whether an earlier attempt arrived.
   */
  retry(clientId: string, signal?: AbortSignal, force = true): Promise<ChatMessage> {
    const item = this.#items.get(clientId);
    if (!item?.failure) return Promise.reject(new TickkiChatError('not_found', 'No such failed message'));
    this.#o.store.setFailed(clientId, undefined);
    return this.#enqueue({ ...item, failure: undefined }, signal, force);
  }

  /** Sends again every message whose failure may pass (after a new subscription); in doubt ones only once checked. */
  retryRetryable(): void {
    for (const item of this.#items.values()) if (item.failure && item.retryable) this.retry(item.clientId, undefined, false).catch(() => undefined);
  }

  /** Drops a failed message from the store and the outbox; returns whether it was dropped. */
  discard(clientId: string): boolean {
    if (!this.#items.get(clientId)?.failure || !this.#o.store.discard(clientId)) return false;
    this.#forget(clientId);
    void this.#save();
    return true;
  }

  /**
   * Stops sending; what was not sent stays stored for the next start. Pending sends resolve with
   * their message as it stands. Resolves once the outbox's writes have landed.
   */
  dispose(): Promise<void> {
    this.#stop.abort();
    for (const q of this.#queue.concat(this.#inflight ?? [])) q.resolve?.(this.#o.store.byClientId(q.item.clientId)!);
    return this.#save();
  }

  #enqueue(item: OutboxItem, signal: AbortSignal | undefined, force = false): Promise<ChatMessage> {
    return new Promise((resolve) => {
      this.#items.set(item.clientId, item);
      this.#durable.delete(item.clientId);
      this.#queue.push({ item, resolve, signal, force });
      void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    if (this.#inflight) return;
    while (this.#queue.length && !this.#stop.signal.aborted) await this.#deliver((this.#inflight = this.#queue.shift()!));
    this.#inflight = undefined;
  }

  /** Drops a message sent (or discarded) here from the outbox, also from what other tabs stored. */
  #forget(clientId: string): void {
    this.#items.delete(clientId);
    this.#settled.add(clientId);
  }

  /** Whether the store holds a server copy of `item` (its answer, its echo or a history match). */
  #claimed(item: OutboxItem): boolean {
    return this.#o.store.byClientId(item.clientId)?.id !== undefined;
  }

  /**
   * Sends until it is stored (or fails for good). A message in doubt is looked for before it is sent
   * again and before it is shown failed: when history cannot tell, it fails `unconfirmed` (unless
   * the visitor asked to send it again and attempts are left: then it is sent even so).
   */
  async #deliver(queued: Queued): Promise<void> {
    const { item, resolve, signal } = queued;
    const { store, retry } = this.#o;
    const stop = this.#stop.signal;
    let failure: TickkiChatError | undefined;
    /** Whether `failure` ends the attempts: only a copy found in history can still change it. */
    let last = false;
    for (let n = 0; !this.#claimed(item) && !stop.aborted; n++) {
      if (item.doubt && !(await this.#settle(item)) && !this.#claimed(item) && (last || !queued.force)) {
        failure = unconfirmed();
        break;
      }
      if (last || this.#claimed(item) || stop.aborted) break;
      item.doubt = false; // none found (or the visitor's own retry: sent even so)
      try {
        // durable before it leaves (one write stores every message queued by then)
        if (!this.#durable.has(item.clientId)) await this.#save();
        item.floor ??= store.newestId ?? 0;
        queued.left = true;
        store.confirm(item.clientId, await this.#o.requests.sendMessage(item.clientId, item.text, signal));
      } catch (e) {
        failure = e as TickkiChatError;
        item.doubt = mayHaveArrived(failure);
        // the caller's signal ends it as it stands; an echo that came before the failure, as sent
        if (signal?.aborted || this.#claimed(item)) break;
        last = !failure.retryable || n >= retry.retries;
        if (!last && (await sleep(backoffDelay(n, retry, failure.retryAfterMs), signal ? [stop, signal] : [stop]).then(() => false, () => true))) break;
      }
    }
    // disposed: it stays in the outbox as stored (the message out is stored as in doubt: checked on the next start)
    if (stop.aborted) return;
    let result: ChatMessage | undefined;
    if (this.#claimed(item)) {
      this.#forget(item.clientId);
      result = store.byClientId(item.clientId);
    } else {
      this.#items.set(item.clientId, { ...item, failure: failure!.code, retryable: failure!.retryable });
      this.#durable.delete(item.clientId);
      result = store.setFailed(item.clientId, failure!);
    }
    await this.#save(); // the outcome is durable before the send resolves
    if (result) resolve?.(result);
  }

  /**
   * Looks for the copies of the messages in doubt: in the store (an echo), else in history down to
   * the lowest floor. Resolves whether it could tell: `item` has a copy, or history shows none (then
   * no message in doubt has one, and none is in doubt any more).
   */
  async #settle(item: OutboxItem): Promise<boolean> {
    this.match();
    if (this.#claimed(item)) return true;
    const open = this.#open();
    const complete = await this.#o.gap.readBack(Math.min(...open.map((i) => i.floor ?? 0)), () => this.match()).catch(() => false);
    if (complete) for (const i of open) i.doubt = false;
    return complete;
  }

  /**
   * Gives each message of ours whose answer has not come (in doubt, or out), oldest first, the oldest
   * unclaimed copy of its text above its floor: one message, not two. Call it after merging a broadcast.
   */
  match(): void {
    for (const item of this.#open()) {
      const copy = this.#o.store.snapshot().find((m) => !m.clientId && copies(item, m as Message));
      if (!copy) continue;
      this.#o.store.confirm(item.clientId, copy as Message);
      // a failed one found stored: sent after all
      if (item.failure) this.#forget(item.clientId);
    }
  }

  /** Messages in doubt or out without a copy yet, oldest first. */
  #open(): OutboxItem[] {
    const f = this.#inflight;
    return [...this.#items.values()].filter((i) => (i.doubt || (f?.item === i && f.left)) && !this.#claimed(i));
  }

  /**
   * Writes the outbox ({@link serialTask}: in order; a save asked for while one is queued joins it). Other tabs or windows of the same visitor share the stored outbox: what they
   * queued is kept (unless this tab sent or discarded it), so one tab's write never drops another's
   * unsent message. The message that leaves next (or is out) is stored as in doubt, with the floor
   * it leaves above, so that a reload meanwhile checks before sending it again.
   */
  readonly #save = serialTask(async () => {
    const { storage, key, store } = this.#o;
    const settled = this.#settled;
    this.#settled = new Set();
    const items = new Map<string, StoredItem>();
    for (const item of storedOutbox(await readJson(storage, key))) if (!settled.has(item.clientId)) items.set(item.clientId, toStored(item));
    const mine = new Map(this.#items);
    // (a failed message is a new object in `#items`: never the one out)
    const out = [this.#inflight?.item, this.#queue[0]?.item];
    for (const item of mine.values()) {
      items.set(item.clientId, toStored({ ...item, floor: item.floor ?? store.newestId ?? 0, doubt: item.doubt || out.includes(item) }));
    }
    await writeJson(storage, key, items.size ? [...items.values()] : undefined);
    // what this write stored is durable unless it changed since (`#items` holds new objects then)
    this.#durable = new Set([...mine].filter(([id, item]) => this.#items.get(id) === item).map(([id]) => id));
  });
}

const toStored = (i: OutboxItem): StoredItem => ({ c: i.clientId, t: i.text, at: i.at, f: i.failure, r: i.retryable, n: i.floor, d: i.doubt ? 1 : undefined });
