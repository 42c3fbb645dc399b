import type { Message } from '@tickki/chat-realtime';
import { Emitter } from '@tickki/chat-realtime/internal';
import type { ChatMessage } from './chat-message.js';
import type { TickkiChatError } from './errors.js';

/** Receives the store's new snapshot after changes (coalesced: at most once per microtask). */
export type StoreListener = (messages: readonly ChatMessage[]) => void;

const time = (m: ChatMessage): number => m.createdAt.getTime();

/** The store's order: `createdAt`, then `id` (pending last), then `key`. A total order. */
export const compareMessages = (a: ChatMessage, b: ChatMessage): number =>
  time(a) - time(b) || ((a.id ?? Infinity) - (b.id ?? Infinity) || 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const sent = (m: Message): ChatMessage => ({ ...m, key: String(m.id), status: 'sent', clientId: undefined, error: undefined });

/**
 * The conversation's messages: one ordered, de-duplicated list. Lookups by server id and by client
 * id are O(1) (maps); an incoming message is appended in O(1) when it is the newest (the usual
 * case), else inserted at the place a binary search finds. Snapshots are immutable arrays, built at
 * most once per change burst, and listeners hear about a burst once.
 */
export class MessageStore {
  #list: ChatMessage[] = [];
  #byId = new Map<number, ChatMessage>();
  #byClient = new Map<string, ChatMessage>();
  #snapshot: readonly ChatMessage[] | undefined;
  /** Tells the store's listeners of each new snapshot. */
  readonly #emitter: Emitter<{ snapshot: readonly ChatMessage[] }>;
  #scheduled = false;
  #lastLocal = 0;

  /**
   * @param onListenerError receives what a listener threw; the other listeners are still called.
   * Default: the platform's `reportError` where there is one (browsers), else nothing.
   */
  constructor(onListenerError: (error: unknown) => void = (error) => (globalThis as { reportError?: (e: unknown) => void }).reportError?.(error)) {
    this.#emitter = new Emitter(onListenerError);
  }

  /** Number of messages held. */
  get size(): number {
    return this.#list.length;
  }

  #newest: number | undefined;

  /** The highest server id held, or `undefined`. */
  get newestId(): number | undefined {
    return this.#newest;
  }

  /** The current messages, oldest first. Frozen, and the same array until the next change. */
  snapshot(): readonly ChatMessage[] {
    return (this.#snapshot ??= Object.freeze(this.#list.slice()));
  }

  /** Listens to snapshots; returns a function that stops. */
  subscribe(listener: StoreListener): () => void {
    return this.#emitter.on('snapshot', listener);
  }

  /** The message with server id `id`. */
  get(id: number): ChatMessage | undefined {
    return this.#byId.get(id);
  }

  /** The message sent from here with client id `clientId`. */
  byClientId(clientId: string): ChatMessage | undefined {
    return this.#byClient.get(clientId);
  }

  /**
   * The newest `count` sent messages, oldest first, and whether they are all the sent messages held.
   * Walks back from the newest: the cost grows with `count`, not with the history held.
   */
  newestSent(count: number): { messages: ChatMessage[]; all: boolean } {
    const messages: ChatMessage[] = [];
    const list = this.#list;
    let i = list.length - 1;
    for (; i >= 0 && messages.length < count; i--) if (list[i]!.status === 'sent') messages.push(list[i]!);
    while (i >= 0 && list[i]!.status !== 'sent') i--;
    return { messages: messages.reverse(), all: i < 0 };
  }

  /** The oldest server id held, or `undefined`. */
  oldestId(): number | undefined {
    for (const m of this.#list) if (m.id !== undefined) return m.id;
    return undefined;
  }

  /**
   * Adds or completes server messages (a history page, a broadcast). Known ids are skipped (only
   * missing attachments are filled in). Returns how many were new.
   */
  merge(messages: readonly Message[]): number {
    const before = this.size;
    for (const m of messages) {
      const old = this.#byId.get(m.id);
      if (!old) this.#add(sent(m));
      else if (!old.attachments.length && m.attachments.length) this.#replace(old, { ...old, attachments: m.attachments });
    }
    return this.size - before;
  }

  /**
   * Adds a message being sent from here, under `clientId`. It goes last: its time is `at`, but never
   * before the newest message held (a device clock running behind the server's must not put a new
   * message above the replies it answers) and never equal to the previous local one, so sends keep
   * their order. Once sent, the server's time replaces it.
   */
  addPending(clientId: string, content: string, at = Date.now()): ChatMessage {
    const newest = this.#list.at(-1)?.createdAt.getTime() ?? -Infinity;
    this.#lastLocal = Math.max(at, this.#lastLocal + 1, newest + 1);
    const entry: ChatMessage = {
      id: undefined,
      key: clientId,
      clientId,
      status: 'pending',
      direction: 'inbound',
      type: 'text',
      content,
      createdAt: new Date(this.#lastLocal),
      attachments: [],
      isFromAgent: false,
      error: undefined,
    };
    this.#add(entry);
    return entry;
  }

  /**
   * Reconciles the message sent as `clientId` with the server's `message`: one entry remains, under
   * the server id, keeping the client id as its key — whether the REST answer or the broadcast echo
   * came first. If `clientId` had been matched to another server message (an identical text sent
   * elsewhere at the same moment), that one is released as a message of its own.
   */
  confirm(clientId: string, message: Message): ChatMessage {
    let own = this.#byClient.get(clientId);
    if (own?.id !== undefined && own.id !== message.id) {
      this.#release(own);
      own = undefined;
    }
    const known = this.#byId.get(message.id);
    // the echo and the send's answer confirm the same message (sent: it has an id): the second
    // changes nothing, unless it brings the attachments the first lacked
    if (own && known === own && (own.attachments.length > 0 || message.attachments.length === 0)) return own;
    let next: ChatMessage;
    if (known && known !== own) {
      if (own) this.#remove(own);
      if (known.clientId) this.#byClient.delete(known.clientId);
      next = { ...known, key: clientId, clientId, attachments: known.attachments.length ? known.attachments : message.attachments };
      this.#replace(known, next);
    } else {
      next = { ...sent(message), key: clientId, clientId };
      if (own) this.#replace(own, next);
      else this.#add(next);
    }
    return next;
  }

  /** Marks the message sent as `clientId` failed (or pending again with `error` undefined, for a retry). */
  setFailed(clientId: string, error: TickkiChatError | undefined): ChatMessage | undefined {
    let own = this.#byClient.get(clientId);
    if (!own) return undefined;
    if (own.id !== undefined) {
      // it had been matched to a broadcast; keep that message and show the text apart again
      this.#release(own);
      own = this.addPending(clientId, own.content, own.createdAt.getTime());
    }
    const next: ChatMessage = { ...own, status: error ? 'failed' : 'pending', error };
    this.#replace(own, next);
    return next;
  }

  /** Removes the unsent message `clientId` (a discarded failed send). Sent messages stay. */
  discard(clientId: string): boolean {
    const own = this.#byClient.get(clientId);
    if (!own || own.id !== undefined) return false;
    this.#byClient.delete(clientId);
    this.#remove(own);
    return true;
  }

  /** Indexes `m` and inserts it in order: appended when it is the newest, else at its binary-searched place. */
  #add(m: ChatMessage): void {
    if (m.id !== undefined) {
      this.#byId.set(m.id, m);
      if (this.#newest === undefined || m.id > this.#newest) this.#newest = m.id;
    }
    if (m.clientId) this.#byClient.set(m.clientId, m);
    this.#list.splice(this.#place(m), 0, m);
    this.#changed();
  }

  /** Where `m` goes (or is) in the list: the end when it is the newest, else found by binary search. */
  #place(m: ChatMessage): number {
    const list = this.#list;
    let lo = 0;
    let hi = list.length;
    if (hi && compareMessages(list[hi - 1]!, m) < 0) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareMessages(list[mid]!, m) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #release(own: ChatMessage): void {
    this.#byClient.delete(own.clientId!);
    this.#replace(own, { ...own, key: String(own.id), clientId: undefined });
  }

  /** Takes `m` out of the list (found by binary search: the order is total) and the id index; absent, nothing changes. */
  #remove(m: ChatMessage): void {
    const i = this.#place(m);
    if (this.#list[i] !== m) return;
    this.#list.splice(i, 1);
    if (m.id !== undefined && this.#byId.get(m.id) === m) this.#byId.delete(m.id);
    this.#changed();
  }

  #replace(old: ChatMessage, next: ChatMessage): void {
    this.#remove(old);
    this.#add(next);
  }

  #changed(): void {
    this.#snapshot = undefined;
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#emitter.emit('snapshot', this.snapshot());
    });
  }
}
