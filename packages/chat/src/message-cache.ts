import type { Message } from '@tickki/chat-realtime';
import { hasFields } from '@tickki/chat-realtime/internal';
import { readJson, writeJson, type StorageAdapter } from './storage.js';
import { serialTask } from './serial-task.js';
import type { GapFill } from './gap-fill.js';
import type { MessageStore } from './store.js';

/** What the cache keeps of a conversation for the next start. */
export interface KeptMessages {
  /** The newest id up to which the kept messages are complete. */
  syncedId: number | undefined;
  /** Cursor of the page older than the oldest kept message (`null`: none; `undefined`: unknown). */
  cursor: string | null | undefined;
  /** The newest sent messages, oldest first. */
  messages: Message[];
}

/** As stored: short keys. */
interface Stored {
  n?: number | undefined;
  k?: string | null | undefined;
  m?: (Omit<Message, 'createdAt'> & { createdAt: string })[];
}

/** The fields of a kept message that the store relies on. */
const KEPT_MESSAGE = { id: 'number', content: 'string', createdAt: 'string', direction: 'string', type: 'string' };

/** How many of the newest messages are kept. */
export const KEEP = 200;

/** Reads back what a cache stored (`stored`, from storage: checked, it may be stale, corrupt or foreign); `undefined` when unusable. */
export function keptMessages(stored: unknown): KeptMessages | undefined {
  if (!hasFields(stored, { n: 'number' }) || !Array.isArray(stored.m)) return undefined;
  const k = (stored as Stored).k;
  const messages = (stored.m as unknown[])
    .filter((m): m is Record<string, unknown> => hasFields(m, KEPT_MESSAGE) && Array.isArray(m.attachments) && !Number.isNaN(Date.parse(m.createdAt as string)))
    .map((m) => ({ ...(m as unknown as Message), createdAt: new Date(m.createdAt as string), isFromAgent: m.direction === 'outbound' }));
  return { syncedId: stored.n as number, cursor: typeof k === 'string' || k === null ? k : undefined, messages };
}

/** What a {@link MessageCache} works with. */
export interface MessageCacheOptions {
  store: MessageStore;
  storage: StorageAdapter;
  /** The storage key of the conversation's messages. */
  key: string;
  /** Where the sync point and the older-page cursor kept with the messages are (and are restored to). */
  gap: Pick<GapFill, 'syncedId' | 'cursor'>;
}

/**
 * Keeps the newest {@link KEEP} sent messages, the sync point and the older-page cursor, so the next
 * start shows them at once. Writes are serial and coalesced ({@link serialTask}): an older snapshot
 * never lands after a newer one, even with asynchronous storage. Each write costs O(KEEP), not
 * O(history).
 */
export class MessageCache {
  readonly #o: MessageCacheOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(options: MessageCacheOptions) {
    this.#o = options;
  }

  /** Shows what an earlier visit kept (`stored`, checked) in the store, and puts the gap fill back where it stood. */
  restore(stored: unknown): void {
    const kept = keptMessages(stored);
    if (!kept) return;
    this.#o.store.merge(kept.messages);
    this.#o.gap.syncedId = kept.syncedId;
    this.#o.gap.cursor = kept.cursor;
  }

  /** Saves within a second (a burst of broadcasts costs one write). */
  later(): void {
    this.#timer ??= setTimeout(() => this.save(), 1000);
  }

  /** Saves now (hidden, disposed, after a fill). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.#stopped ? Promise.resolve() : this.#write();
  }

  /** Saves one last time and stops. */
  stop(): Promise<void> {
    const last = this.save();
    this.#stopped = true;
    return last;
  }

  readonly #write = serialTask(async () => {
    const { store, storage, key, gap } = this.#o;
    const { syncedId, cursor } = gap;
    const { messages, all } = store.newestSent(KEEP);
    const m = messages.map(({ id, direction, type, content, createdAt, attachments }) => ({ id, direction, type, content, createdAt, attachments }));
    const stored: Stored = { n: syncedId, k: all ? cursor : undefined, m: m as unknown as Stored['m'] };
    await writeJson(storage, key, stored);
  });
}
