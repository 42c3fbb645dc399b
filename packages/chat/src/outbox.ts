import type { Message } from '@tickki/chat-realtime';
import { hasFields } from '@tickki/chat-realtime/internal';
import type { ChatMessage } from './chat-message.js';
import { TickkiChatError } from './errors.js';
import { randomId } from './platform.js';
import { readJson, writeJson, type StorageAdapter } from './storage.js';
import { serialTask } from './serial-task.js';
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
}

/** An item as stored: short keys (every tab of a visitor rewrites the list on every send). */
interface StoredItem {
  c: string;
  t: string;
  at: number;
  f?: string | undefined;
  r?: boolean | undefined;
}

const toStored = (i: OutboxItem): StoredItem => ({ c: i.clientId, t: i.text, at: i.at, f: i.failure, r: i.retryable });

/** The well-formed items of a stored outbox; anything else (corrupt, foreign, from another version) is left out. */
export const storedOutbox = (value: unknown): OutboxItem[] =>
  Array.isArray(value)
    ? value
        .filter((s): s is StoredItem => hasFields(s, { c: 'string', t: 'string', at: 'number' }))
        .map((s) => ({ clientId: s.c, text: s.t, at: s.at, failure: typeof s.f === 'string' ? s.f : undefined, retryable: s.r === true }))
    : [];

interface Queued {
  item: OutboxItem;
  /** Set once the request is on its way (the item is stored): echoes before that are other sends. */
  sentAt?: number;
  resolve?: (m: ChatMessage) => void;
  signal?: AbortSignal | undefined;
}

/** What an {@link Outbox} works with. */
export interface OutboxOptions {
  store: MessageStore;
  storage: StorageAdapter;
  /** The storage key of the visitor's outbox. */
  key: string;
  /** Sends one message (`sendMessage` with the item's `Idempotency-Key`); resolves the stored message. */
  deliver(clientId: string, text: string, signal: AbortSignal | undefined): Promise<Message>;
}

/**
 * The durable outbox: messages are written to storage before they leave and sent one at a time, in
 * order. A send resolves once its outcome (sent or failed) is stored too. Failed messages stay, with
 * their text, until retried or discarded; unsent ones are sent again on the next start.
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
  #disposed = false;

  constructor(options: OutboxOptions) {
    this.#o = options;
  }

  /**
   * Claims a broadcast as the echo of the send in flight when it came before that send's answer:
   * one message, not two. Only an inbound text equal to the one in flight, not held yet, broadcast
   * after the send left; the answer then confirms (or corrects) the match.
   */
  claimEcho(m: Message): boolean {
    const store = this.#o.store;
    const f = this.#inflight;
    if (!f?.sentAt || m.direction !== 'inbound' || m.type !== 'text' || m.content !== f.item.text || store.get(m.id)) return false;
    if (store.byClientId(f.item.clientId)?.id !== undefined) return false;
    store.confirm(f.item.clientId, m);
    return true;
  }

  /** Takes over what an earlier visit left in storage (`kept`, checked): failed ones stay failed, the others are sent. */
  restore(kept: unknown): void {
    for (const item of storedOutbox(kept)) {
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

  /** Sends a failed message again (same client id and `Idempotency-Key`). */
  retry(clientId: string, signal?: AbortSignal): Promise<ChatMessage> {
    const item = this.#items.get(clientId);
    if (!item?.failure) return Promise.reject(new TickkiChatError('not_found', 'No such failed message'));
    this.#o.store.setFailed(clientId, undefined);
    return this.#enqueue({ clientId, text: item.text, at: item.at }, signal);
  }

  /** Sends again every message whose failure may pass (after a new subscription). */
  retryRetryable(): void {
    for (const item of this.#items.values()) if (item.failure && item.retryable) this.retry(item.clientId).catch(() => undefined);
  }

  /** Drops a failed message from the store and the outbox; returns whether it was dropped. */
  discard(clientId: string): boolean {
    if (!this.#items.get(clientId)?.failure || !this.#o.store.discard(clientId)) return false;
    this.#items.delete(clientId);
    this.#settled.add(clientId);
    void this.#save();
    return true;
  }

  /** Stops sending; what was not sent stays stored for the next start. Pending sends resolve with their message as it stands. */
  dispose(): void {
    this.#disposed = true;
    for (const q of this.#queue.concat(this.#inflight ?? [])) q.resolve?.(this.#o.store.byClientId(q.item.clientId)!);
  }

  #enqueue(item: OutboxItem, signal: AbortSignal | undefined): Promise<ChatMessage> {
    return new Promise((resolve) => {
      this.#items.set(item.clientId, item);
      this.#durable.delete(item.clientId);
      this.#queue.push({ item, resolve, signal });
      void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    if (this.#inflight) return;
    while (this.#queue.length && !this.#disposed) await this.#deliver((this.#inflight = this.#queue.shift()!));
    this.#inflight = undefined;
  }

  async #deliver(queued: Queued): Promise<void> {
    const { item, resolve, signal } = queued;
    const store = this.#o.store;
    let result: ChatMessage | undefined;
    try {
      // durable before it leaves (one write stores every message queued by then)
      if (!this.#durable.has(item.clientId)) await this.#save();
      queued.sentAt = Date.now();
      result = store.confirm(item.clientId, await this.#o.deliver(item.clientId, item.text, signal));
      this.#items.delete(item.clientId);
      this.#settled.add(item.clientId);
    } catch (e) {
      if (this.#disposed) return; // stays in the outbox: resent on the next start
      const error = e as TickkiChatError;
      this.#items.set(item.clientId, { ...item, failure: error.code, retryable: error.retryable });
      this.#durable.delete(item.clientId);
      result = store.setFailed(item.clientId, error);
    }
    await this.#save(); // the outcome is durable before the send resolves
    if (result) resolve?.(result);
  }

  /**
   * Writes the outbox ({@link serialTask}: in order; a save asked for while one is queued joins it). Other tabs or windows of the same visitor share the stored outbox: what they
   * queued is kept (unless this tab sent or discarded it), so one tab's write never drops another's
   * unsent message. A message queued in two places is sent by both under the same
   * `Idempotency-Key`, so the server keeps it once.
   */
  readonly #save = serialTask(async () => {
    const { storage, key } = this.#o;
    const settled = this.#settled;
    this.#settled = new Set();
    const items = new Map<string, StoredItem>();
    for (const item of storedOutbox(await readJson(storage, key))) if (!settled.has(item.clientId)) items.set(item.clientId, toStored(item));
    const mine = new Map(this.#items);
    for (const item of mine.values()) items.set(item.clientId, toStored(item));
    await writeJson(storage, key, items.size ? [...items.values()] : undefined);
    // what this write stored is durable unless it changed since (`#items` holds new objects then)
    this.#durable = new Set([...mine].filter(([id, item]) => this.#items.get(id) === item).map(([id]) => id));
  });
}
