import type { ChatMessage } from '@tickki/chat';

/**
 * Which messages are news (the `message` event), once each: the history shown at the first ready is
 * not; what this screen sent, and what came after it, is (also when it was sent during the start).
 */
export class MessageNews {
  /** Keys of the messages sent through this screen. */
  #mine = new Set<string>();
  #reported: Set<string> | undefined;

  /** A message sent through this screen (its key). */
  sent(key: string): void {
    this.#mine.add(key);
  }

  /** A new conversation: its history is not news. */
  reset(): void {
    this.#reported = undefined;
  }

  /** The sent messages of `messages` not reported yet; marks them reported. */
  take(messages: readonly ChatMessage[]): ChatMessage[] {
    const firstMine = messages.findIndex((m) => this.#mine.has(m.key));
    const seen = (this.#reported ??= new Set((firstMine < 0 ? messages : messages.slice(0, firstMine)).map((m) => m.key)));
    return messages.filter((m) => m.status === 'sent' && !seen.has(m.key) && !!seen.add(m.key));
  }
}
