import { channelKind, type ChannelKind } from './protocol.js';

/** A presence channel member, from the `channel_data` the auth endpoint signed. */
export interface PresenceMember {
  user_id: string;
  user_info?: unknown;
}

/** One channel and the sockets (`Socket`: the server's `Connection`) subscribed to it. */
export class Channel<Socket = unknown> {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly subscribers = new Set<Socket>();
  /** Presence channels only: each subscribed socket's member record. */
  readonly members: Map<Socket, PresenceMember> | undefined;

  constructor(name: string) {
    this.name = name;
    this.kind = channelKind(name);
    this.members = this.kind === 'presence' ? new Map() : undefined;
  }

  /** How many sockets of `userId` are subscribed (presence channels). */
  socketsOfUser(userId: string): number {
    let n = 0;
    if (this.members) for (const m of this.members.values()) if (m.user_id === userId) n++;
    return n;
  }

  /** The presence payload of `subscription_succeeded`: `{presence: {ids, hash, count}}`. */
  presenceData(): { presence: { ids: string[]; hash: Record<string, unknown>; count: number } } {
    const hash: Record<string, unknown> = {};
    if (this.members) for (const m of this.members.values()) hash[m.user_id] = m.user_info ?? null;
    const ids = Object.keys(hash);
    return { presence: { ids, hash, count: ids.length } };
  }
}

/** All channels with at least one subscriber, by name. Empty channels are removed. */
export class ChannelRegistry<Socket> {
  readonly #channels = new Map<string, Channel<Socket>>();

  /** The channel, if anyone is subscribed to it. */
  get(name: string): Channel<Socket> | undefined {
    return this.#channels.get(name);
  }

  /** The channel, created when absent. */
  getOrCreate(name: string): Channel<Socket> {
    let ch = this.#channels.get(name);
    if (!ch) {
      ch = new Channel<Socket>(name);
      this.#channels.set(name, ch);
    }
    return ch;
  }

  /** Drops the channel if nobody is subscribed any more. */
  releaseIfEmpty(ch: Channel<Socket>): void {
    if (ch.subscribers.size === 0 && this.#channels.get(ch.name) === ch) this.#channels.delete(ch.name);
  }

  /** Number of live channels. */
  get size(): number {
    return this.#channels.size;
  }

  /** Subscriber count per channel name. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, ch] of this.#channels) out[name] = ch.subscribers.size;
    return out;
  }

  /** Forgets every channel. */
  clear(): void {
    this.#channels.clear();
  }
}
