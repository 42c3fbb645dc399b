import type { ChatMessage } from '@tickki/chat';
import type { UiStore } from './ui-store.js';

/** The id of the newest agent message in `messages`, or `undefined`. */
export function newestAgentId(messages: readonly ChatMessage[]): number | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.isFromAgent && messages[i]!.id !== undefined) return messages[i]!.id;
  return undefined;
}

/**
 * Unread agent messages, and the newest one seen, kept with the screen's state so that a reload, the
 * next page and the visitor's other tabs agree: reading in one tab reads in all of them.
 *
 * A first visit (nothing seen is stored) counts the history already there as seen, and stores that
 * at once: a reply that comes after it is unread on the next page too.
 */
export class UnreadCounter {
  readonly #store: UiStore;

  constructor(store: UiStore) {
    this.#store = store;
  }

  /** The newest agent message id seen (the highest any tab stored). */
  get seenId(): number | undefined {
    return this.#store.state.n;
  }

  /**
   * The unread count for `messages` (the history is loaded); while `reading` (the chat is open and
   * on screen) everything is seen, and that is stored.
   */
  update(messages: readonly ChatMessage[], reading: boolean): number {
    const newest = newestAgentId(messages) ?? 0;
    const seen = this.#store.state.n;
    if (seen === undefined || (reading && newest > seen)) this.#store.patch({ n: newest, u: 0 });
    if (reading || seen === undefined) return 0;
    let count = 0;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (m.id !== undefined && m.id <= seen) break;
      if (m.isFromAgent && m.id !== undefined) count++;
    }
    if (count !== this.#store.state.u) this.#store.patch({ u: count });
    return count;
  }
}
