/**
 * The scripted agent: answers each visitor message after a delay, by echoing it, with the next
 * canned answer, or not at all. While it "writes" it broadcasts `AgentTyping`. A text that asks for
 * a voice note or audio ("voice", "audio") or a picture ("image", "photo", "picture") is answered
 * with a sample file instead (`media.ts`: a short WAV chime, a PNG landscape), so a chat UI can be
 * seen playing audio and showing thumbnails.
 */
import { mediaAskedFor, sampleMedia, type MediaFile } from './media.js';
import type { AgentSettings } from './store.js';

/** What the agent needs from the sandbox. */
export interface AgentHost {
  settings(): AgentSettings;
  /** Stores and broadcasts an agent reply; false if the conversation is gone. */
  reply(conversationId: number, content: string, agentName: string): boolean;
  /** Broadcasts `AgentTyping`. */
  typing(conversationId: number, typing: boolean, agentName: string): void;
  /**
   * Stores and broadcasts an agent attachment message with this file; false if the conversation is
   * gone. Without it, texts asking for media get the usual answer.
   */
  attach?(conversationId: number, file: MediaFile, agentName: string): boolean;
}

export class ScriptedAgent {
  readonly #host: AgentHost;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #cannedIndex = new Map<number, number>();
  /** Replies sent since start (or the last reset). */
  replies = 0;

  constructor(host: AgentHost) {
    this.#host = host;
  }

  /** The reply to a visitor message, or undefined when the agent is off. */
  answerFor(conversationId: number, message: { type: string; content: string }): string | undefined {
    const s = this.#host.settings();
    if (s.mode === 'off') return undefined;
    if (s.mode === 'echo') return message.type === 'attachment' ? `Got your file: ${message.content}` : `Echo: ${message.content}`;
    if (s.canned.length === 0) return undefined;
    const i = this.#cannedIndex.get(conversationId) ?? 0;
    this.#cannedIndex.set(conversationId, i + 1);
    return s.canned[i % s.canned.length];
  }

  /** The sample file a visitor message asks for (when the agent is on and can send files), else undefined. */
  mediaFor(message: { type: string; content: string }): MediaFile | undefined {
    if (this.#host.settings().mode === 'off' || !this.#host.attach || message.type !== 'text') return undefined;
    const kind = mediaAskedFor(message.content);
    return kind && sampleMedia(kind);
  }

  /** Schedules the reply to a visitor message. */
  onVisitorMessage(conversationId: number, message: { type: string; content: string }): void {
    const media = this.mediaFor(message);
    const answer = media ? media.file_name : this.answerFor(conversationId, message);
    if (answer === undefined) return;
    const s = this.#host.settings();
    const name = s.name;
    const typing = s.typing && s.delay_ms > 0;
    if (typing) this.#host.typing(conversationId, true, name);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (typing) this.#host.typing(conversationId, false, name);
      if (media ? this.#host.attach!(conversationId, media, name) : this.#host.reply(conversationId, answer, name)) this.replies++;
    }, s.delay_ms);
    this.#timers.add(timer);
  }

  /** Replies scheduled and not yet sent. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Cancels every scheduled reply and forgets the canned positions. */
  cancelAll(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#cannedIndex.clear();
    this.replies = 0;
  }
}
