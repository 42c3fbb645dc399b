/**
 * The sandbox's state: one business (config, keys, plan, rate limits), its conversations, sessions,
 * messages, attachments and analytics events. Everything lives in memory; {@link Store.toJSON} and
 * {@link Store.fromJSON} let `--persist` keep it across restarts.
 *
 * Wire shapes come from `@tickki/chat-api` (generated from the canonical document); the records
 * here only add what the sandbox needs besides them.
 */
import { randomBytes } from 'node:crypto';
import { CHAT_CONFIG_DEFAULTS, type AnalyticsEvent, type Attachment, type ChatConfig, type Contact, type Message, type MessageDirection, type MessageType } from '@tickki/chat-api';
import type { Clock } from './clock.js';

/** What the scripted agent does with a visitor message. */
export type AgentMode = 'echo' | 'canned' | 'off';

/** The scripted agent's settings. */
export interface AgentSettings {
  /** `echo` repeats the visitor, `canned` cycles through {@link canned}, `off` stays silent. */
  mode: AgentMode;
  /** Milliseconds between the visitor's message and the reply. */
  delay_ms: number;
  /** Answers of the `canned` mode, used in turn. */
  canned: string[];
  /** The agent's display name (sent in `AgentTyping`). */
  name: string;
  /** Broadcast `AgentTyping` while the reply is being "written". */
  typing: boolean;
}

/** A publishable or secret key of the business. */
export interface KeyRecord {
  key: string;
  type: 'publishable' | 'secret';
  label: string;
  /** Browser origins allowed to use the key (`*` wildcards allowed). Empty with no bundle ids: all. */
  allowed_origins: string[];
  /** Mobile bundle ids allowed to use the key (`*` wildcards allowed). */
  allowed_bundle_ids: string[];
  created_at: string;
}

/** A fixed-window rate limit. */
export interface RateLimit {
  limit: number;
  window_seconds: number;
}

/** Rate limits; `null` switches one off. */
export interface RateLimits {
  per_key: RateLimit | null;
  per_session: RateLimit | null;
}

/** Features the plan may gate besides `features.file_uploads`. */
export interface PlanGates {
  /** `POST /chat/events` is refused with `plan_gate` when false. */
  analytics: boolean;
}

/** A conversation with its one session (resumed sessions keep the session id, get a new token). */
export interface ConversationRecord {
  id: number;
  session_id: number;
  visitor_id: string;
  contact: Contact & { phone: string | null };
  created_at: string;
  /** Sandbox time (ms) of the last heartbeat (or session start). */
  last_seen_at: number;
  /** Sandbox time (ms) of the last visitor typing signal; 0 when never. */
  visitor_typing_at: number;
  /** Session tokens issued for this conversation that are still valid. */
  tokens: string[];
}

/** A stored message: the wire `Message` (without `attachments`) plus sandbox bookkeeping. */
export interface StoredMessage {
  id: number;
  conversation_id: number;
  direction: MessageDirection;
  type: MessageType;
  content: string;
  created_at: string;
  attachment_ids?: number[];
  /** For outbound messages: who answered. */
  agent_name?: string | null;
  idempotency_key?: string;
}

/** A stored file. */
export interface StoredAttachment {
  id: number;
  conversation_id: number;
  message_id: number;
  file_name: string;
  mime_type: string;
  file_size: number;
  data: Buffer;
}

/** One recorded analytics event. */
export interface RecordedEvent {
  visitor_id: string;
  /** The publishable key the batch came with. */
  key: string;
  received_at: string;
  event: AnalyticsEvent;
}

/** Everything a {@link Store} is seeded with. */
export interface Seed {
  config: ChatConfig;
  keys: KeyRecord[];
  rate_limits: RateLimits;
  plan: PlanGates;
  agent: AgentSettings;
  suspended: boolean;
}

/** The demo business every sandbox starts with. */
export function defaultConfig(): ChatConfig {
  return {
    business: { id: 42, name: 'Northwind Outfitters', slug: 'northwind' },
    branding: { ...CHAT_CONFIG_DEFAULTS.branding, logo_url: null },
    features: { file_uploads: true, voice_notes: false },
    limits: { ...CHAT_CONFIG_DEFAULTS.limits },
    presence: { agents_online: 1 },
    identification: { required_on_start: false },
  };
}

/** The scripted agent's defaults. */
export function defaultAgent(): AgentSettings {
  return {
    mode: 'echo',
    delay_ms: 500,
    canned: [
      'Thanks for reaching out! Let me check that for you.',
      'Could you share your order number?',
      'All done. Is there anything else I can help with?',
    ],
    name: 'Sam (sandbox agent)',
    typing: true,
  };
}

/** Generous defaults: a sandbox is hammered by test suites. */
export function defaultRateLimits(): RateLimits {
  return { per_key: { limit: 3000, window_seconds: 60 }, per_session: { limit: 600, window_seconds: 60 } };
}

/** Analytics events kept (the oldest are dropped past this). */
export const MAX_EVENTS = 10_000;

const SERIAL_VERSION = 1;

/** The JSON form of a store (the `--persist` file). */
export interface StoreSnapshot {
  version: number;
  saved_at: string;
  signing_secret: string;
  seed: Seed;
  counters: { conversation: number; session: number; message: number; attachment: number };
  conversations: ConversationRecord[];
  messages: StoredMessage[];
  attachments: Array<Omit<StoredAttachment, 'data'> & { data_base64: string }>;
  events: RecordedEvent[];
}

const clone = <T>(value: T): T => structuredClone(value);

/** The sandbox's mutable state and the operations on it. */
export class Store {
  readonly clock: Clock;
  /** The state every reset returns to. */
  readonly initial: Seed;
  config!: ChatConfig;
  keys!: Map<string, KeyRecord>;
  rateLimits!: RateLimits;
  plan!: PlanGates;
  agent!: AgentSettings;
  suspended!: boolean;
  /** Secret of the attachment URL signatures; kept across resets and restarts. */
  signingSecret: string;
  conversations = new Map<number, ConversationRecord>();
  byVisitor = new Map<string, number>();
  byToken = new Map<string, number>();
  messages = new Map<number, StoredMessage[]>();
  attachments = new Map<number, StoredAttachment>();
  idempotency = new Map<string, number>();
  messageById = new Map<number, StoredMessage>();
  events: RecordedEvent[] = [];
  counters = { conversation: 7730, session: 903, message: 9000, attachment: 310 };
  /** Called after every mutation (persistence hooks in here). */
  onChange: () => void = () => {};

  constructor(clock: Clock, seed: Seed, signingSecret = randomBytes(32).toString('hex')) {
    this.clock = clock;
    this.initial = clone(seed);
    this.signingSecret = signingSecret;
    this.reset();
  }

  /** Applies a copy of `seed` (config, keys, limits, plan, agent) and forgets every conversation. */
  #clear(seed: Seed): void {
    const copy = clone(seed);
    this.config = copy.config;
    this.keys = new Map(copy.keys.map((k) => [k.key, k]));
    this.rateLimits = copy.rate_limits;
    this.plan = copy.plan;
    this.agent = copy.agent;
    this.suspended = copy.suspended;
    for (const index of [this.conversations, this.byVisitor, this.byToken, this.messages, this.messageById, this.idempotency, this.attachments]) index.clear();
  }

  /** Back to the seed: config, keys and limits as at start; no conversations, messages or events. */
  reset(): void {
    this.#clear(this.initial);
    this.events = [];
    this.counters = { conversation: 7730, session: 903, message: 9000, attachment: 310 };
    this.onChange();
  }

  // ------------------------------------------------------------ sessions

  /** Starts or resumes the visitor's conversation and issues a new session token. */
  startSession(visitorId: string, contact: { name?: string; email?: string; phone?: string }): { conversation: ConversationRecord; token: string; resumed: boolean } {
    const existingId = this.byVisitor.get(visitorId);
    let conversation = existingId === undefined ? undefined : this.conversations.get(existingId);
    const resumed = conversation !== undefined;
    if (!conversation) {
      conversation = {
        id: ++this.counters.conversation,
        session_id: ++this.counters.session,
        visitor_id: visitorId,
        contact: { name: null, email: null, phone: null },
        created_at: this.clock.iso(),
        last_seen_at: this.clock.now(),
        visitor_typing_at: 0,
        tokens: [],
      };
      this.conversations.set(conversation.id, conversation);
      this.byVisitor.set(visitorId, conversation.id);
      this.messages.set(conversation.id, []);
    }
    if (contact.name !== undefined) conversation.contact.name = contact.name;
    if (contact.email !== undefined) conversation.contact.email = contact.email;
    if (contact.phone !== undefined) conversation.contact.phone = contact.phone;
    conversation.last_seen_at = this.clock.now();
    const token = `st_${randomBytes(16).toString('hex')}`;
    conversation.tokens.push(token);
    this.byToken.set(token, conversation.id);
    this.onChange();
    return { conversation, token, resumed };
  }

  /** The conversation a session token belongs to. */
  conversationOfToken(token: string): ConversationRecord | undefined {
    const id = this.byToken.get(token);
    return id === undefined ? undefined : this.conversations.get(id);
  }

  /** Invalidates every session token of a conversation; returns how many. */
  revokeTokens(conversationId: number): number {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return 0;
    const n = conversation.tokens.length;
    for (const t of conversation.tokens) this.byToken.delete(t);
    conversation.tokens = [];
    this.onChange();
    return n;
  }

  /** Updates the contact with the fields given. */
  identify(conversation: ConversationRecord, fields: { name?: string; email?: string; phone?: string }): void {
    if (fields.name !== undefined) conversation.contact.name = fields.name;
    if (fields.email !== undefined) conversation.contact.email = fields.email;
    if (fields.phone !== undefined) conversation.contact.phone = fields.phone;
    this.onChange();
  }

  // ------------------------------------------------------------ messages

  /** The message a send with this idempotency key already stored, if any. */
  idempotentMessage(conversationId: number, key: string): StoredMessage | undefined {
    const id = this.idempotency.get(`${conversationId}:${key}`);
    return id === undefined ? undefined : this.messageById.get(id);
  }

  /** Stores a message (and remembers its idempotency key). */
  addMessage(input: {
    conversation_id: number;
    direction: MessageDirection;
    type: MessageType;
    content: string;
    agent_name?: string | null;
    idempotency_key?: string;
    attachment_ids?: number[];
  }): StoredMessage {
    const list = this.messages.get(input.conversation_id);
    if (!list) throw new Error(`no conversation ${input.conversation_id}`);
    const message: StoredMessage = {
      id: ++this.counters.message,
      conversation_id: input.conversation_id,
      direction: input.direction,
      type: input.type,
      content: input.content,
      created_at: this.clock.laravel(),
    };
    if (input.attachment_ids) message.attachment_ids = input.attachment_ids;
    if (input.agent_name !== undefined) message.agent_name = input.agent_name;
    if (input.idempotency_key !== undefined) {
      message.idempotency_key = input.idempotency_key;
      this.idempotency.set(`${input.conversation_id}:${input.idempotency_key}`, message.id);
    }
    list.push(message);
    this.messageById.set(message.id, message);
    this.onChange();
    return message;
  }

  /**
   * One page newest first: messages older than `beforeId` (all when undefined), at most `limit`,
   * and whether older ones remain.
   */
  page(conversationId: number, limit: number, beforeId?: number): { items: StoredMessage[]; more: boolean } {
    const list = this.messages.get(conversationId) ?? [];
    // `list` is ascending by id: find the end index of ids < beforeId.
    let end = list.length;
    if (beforeId !== undefined) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as StoredMessage).id < beforeId) lo = mid + 1;
        else hi = mid;
      }
      end = lo;
    }
    const start = Math.max(0, end - limit);
    return { items: list.slice(start, end).reverse(), more: start > 0 };
  }

  /** Stores a file and its `attachment` message: the visitor's, or with `from` an agent's (`outbound`). */
  addAttachment(
    conversationId: number,
    file: { file_name: string; mime_type: string; data: Buffer },
    from?: { direction: 'outbound'; agent_name: string | null },
  ): { attachment: StoredAttachment; message: StoredMessage } {
    const id = ++this.counters.attachment;
    const attachment: StoredAttachment = {
      id,
      conversation_id: conversationId,
      message_id: 0,
      file_name: file.file_name,
      mime_type: file.mime_type,
      file_size: file.data.length,
      data: file.data,
    };
    this.attachments.set(id, attachment);
    const message = this.addMessage({
      conversation_id: conversationId,
      direction: from?.direction ?? 'inbound',
      type: 'attachment',
      content: file.file_name,
      attachment_ids: [id],
      ...(from ? { agent_name: from.agent_name } : {}),
    });
    attachment.message_id = message.id;
    this.onChange();
    return { attachment, message };
  }

  // ------------------------------------------------------------ analytics

  /** Records a batch of analytics events. */
  recordEvents(visitorId: string, key: string, events: AnalyticsEvent[]): void {
    const received_at = this.clock.iso();
    for (const event of events) this.events.push({ visitor_id: visitorId, key, received_at, event });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    this.onChange();
  }

  // ------------------------------------------------------------ keys

  /** Adds (or replaces) a key. */
  putKey(key: KeyRecord): void {
    this.keys.set(key.key, key);
    this.onChange();
  }

  /** Removes a key; false when unknown. */
  deleteKey(key: string): boolean {
    const had = this.keys.delete(key);
    if (had) this.onChange();
    return had;
  }

  // ------------------------------------------------------------ serialization

  /** The current seed part (config, keys, limits, plan, agent, suspension). */
  currentSeed(): Seed {
    return clone({
      config: this.config,
      keys: [...this.keys.values()],
      rate_limits: this.rateLimits,
      plan: this.plan,
      agent: this.agent,
      suspended: this.suspended,
    });
  }

  /** A JSON-safe snapshot of everything. */
  toJSON(): StoreSnapshot {
    const messages: StoredMessage[] = [];
    for (const list of this.messages.values()) messages.push(...list);
    return {
      version: SERIAL_VERSION,
      saved_at: this.clock.iso(),
      signing_secret: this.signingSecret,
      seed: this.currentSeed(),
      counters: { ...this.counters },
      conversations: [...this.conversations.values()].map((c) => clone(c)),
      messages: messages.map((m) => clone(m)),
      attachments: [...this.attachments.values()].map(({ data, ...rest }) => ({ ...rest, data_base64: data.toString('base64') })),
      events: this.events.map((e) => clone(e)),
    };
  }

  /** Replaces the state with a snapshot's (the seed of resets stays the one given at construction). */
  load(snapshot: StoreSnapshot): void {
    if (snapshot.version !== SERIAL_VERSION) throw new Error(`unsupported sandbox state version ${String(snapshot.version)}`);
    this.signingSecret = snapshot.signing_secret;
    this.#clear(snapshot.seed);
    this.counters = { ...snapshot.counters };
    for (const c of snapshot.conversations) {
      this.conversations.set(c.id, clone(c));
      this.byVisitor.set(c.visitor_id, c.id);
      this.messages.set(c.id, []);
      for (const t of c.tokens) this.byToken.set(t, c.id);
    }
    for (const m of [...snapshot.messages].sort((a, b) => a.id - b.id)) {
      const list = this.messages.get(m.conversation_id);
      if (!list) continue;
      const message = clone(m);
      list.push(message);
      this.messageById.set(message.id, message);
      if (message.idempotency_key !== undefined) this.idempotency.set(`${message.conversation_id}:${message.idempotency_key}`, message.id);
    }
    for (const a of snapshot.attachments) {
      const { data_base64, ...rest } = a;
      this.attachments.set(a.id, { ...rest, data: Buffer.from(data_base64, 'base64') });
    }
    this.events = snapshot.events.map((e) => clone(e));
  }
}

/** The wire `Message` of a stored one; `attachments` only when given (realtime payloads). */
export function toWireMessage(message: StoredMessage, attachments?: Attachment[]): Message {
  const wire: Message = {
    id: message.id,
    direction: message.direction,
    type: message.type,
    content: message.content,
    created_at: message.created_at,
  };
  if (attachments) wire.attachments = attachments;
  return wire;
}
