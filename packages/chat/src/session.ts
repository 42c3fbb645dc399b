import {
  identifyVisitor,
  listMessages,
  sendHeartbeat,
  sendMessage,
  sendTyping,
  uploadAttachment,
  type Client,
  type Contact,
  type IdentifyRequest,
  type RealtimeConfig,
  type Session as WireSession,
} from '@tickki/chat-api';
import {
  backoffDelay,
  Emitter,
  fromWireAttachment,
  fromWireMessage,
  hasFields,
  parseMessage,
  RealtimeConnection,
  type AgentTyping,
  type Attachment,
  type ConnectionState,
  type Message,
  type PusherConstructor,
  type RealtimeError,
  type RealtimeLogger,
  type StateChange,
} from '@tickki/chat-realtime';
import type { RetryPolicy } from './backoff.js';
import type { ChatMessage } from './chat-message.js';
import type { ChatConfig } from './config.js';
import { TickkiChatError } from './errors.js';
import type { AppLifecycle, AppLifecycleEvent } from './lifecycle.js';
import { randomId, type RequestFetch } from './platform.js';
import { call, type Attempt } from './request.js';
import { readJson, writeJson, type StorageAdapter } from './storage.js';
import { MessageStore, type StoreListener } from './store.js';
import { shared, throttle } from './throttle.js';

/** Where gap filling stands: `syncing` while history is fetched, `failed` (with why) until a retry succeeds. */
export interface SyncState {
  status: 'idle' | 'syncing' | 'synced' | 'failed';
  /** Why it failed. */
  reason?: string;
  /** The error of a failed sync. */
  error?: TickkiChatError;
}

/** Events of a {@link ChatSession}. */
export interface ChatSessionEvents {
  /** The realtime connection changed state. */
  connection: StateChange;
  /** The sync state changed. */
  sync: SyncState;
  /** A gap fill finished, recovering `count` messages missed while disconnected or away. */
  recovered: { count: number };
  /** *Extension:* an agent started or stopped typing. */
  agentTyping: AgentTyping;
  /** A problem that was not thrown to a caller (realtime failures, a failed session renewal). */
  error: TickkiChatError | RealtimeError;
  /** The session was started again (after `invalid_session`); ids and token may have changed. */
  renewed: { conversationId: number; sessionId: number };
}

/** Options of {@link ChatSession.uploadAttachment}. */
export interface UploadOptions {
  /**
   * Progress from 0 to 1: 0 when the upload starts, then as the bytes go out where the platform can
   * tell (browsers, web workers, React Native: over `XMLHttpRequest`), and 1 when it is done.
   */
  onProgress?: (progress: number) => void;
  /** Cancels the upload. */
  signal?: AbortSignal;
}

/** @internal What a {@link ChatSession} needs from its `TickkiChat`. */
export interface SessionContext {
  client(sessionToken: () => string | undefined): Client;
  start(): Promise<WireSession>;
  config(): ChatConfig;
  storage: StorageAdapter;
  prefix: string;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: RealtimeLogger | undefined;
  Pusher: PusherConstructor | undefined;
  lifecycle: AppLifecycle | undefined;
  /** Makes a `fetch` reporting upload progress; absent when the app gave its own `fetch` or the platform cannot. */
  progressFetch: ((body: FormData, onProgress: (progress: number) => void) => RequestFetch | undefined) | undefined;
  /** How often history is polled while the realtime connection is down (ms); 0: never. */
  pollMs: number;
}

/** @internal The newest messages kept for the next start: sync point, older-page cursor, messages. */
export interface SavedMessages {
  n?: number;
  k?: string | null;
  m?: (Omit<ChatMessage, 'createdAt'> & { createdAt: string })[];
}

/** @internal One unsent (or failed) message of the durable outbox. */
export interface OutboxItem {
  /** Client id, also the `Idempotency-Key`. */
  c: string;
  /** The text. */
  t: string;
  /** When it was written (ms). */
  at: number;
  /** Error code of the last failed delivery; absent while pending. */
  f?: string | undefined;
  /** Whether that failure may pass if retried (then it is resent after the next subscription). */
  r?: boolean | undefined;
}

interface Queued {
  item: OutboxItem;
  resolve?: (m: ChatMessage) => void;
  signal?: AbortSignal | undefined;
}

const HISTORY_PAGE = 50;
const GAP_PAGE = 100;
const KEEP = 200;
const HEARTBEAT_MS = 30_000;
const TYPING_MS = 3000;
const noop = (): void => undefined;

/**
 * One visitor's chat. Holds the conversation's messages in one observable store (ordered,
 * de-duplicated; see {@link ChatSession.subscribe}), sends through a durable outbox, and keeps the
 * store complete: after every (re)subscription of the realtime channel, on resume and when the app
 * comes back, it fetches history until it reaches what it already holds (gap fill).
 *
 * Create it with `TickkiChat.startSession()`.
 */
export class ChatSession {
  /** The visitor's id. */
  readonly visitorId: string;
  /** The conversation's id. */
  conversationId!: number;
  /** The session's id. */
  sessionId!: number;
  /** The contact as the server knows it. */
  contact!: Contact;
  /**
   * Resolves once the history is loaded and new messages will arrive ("ready"): the channel is
   * subscribed, or, while the socket cannot connect (a proxy that blocks websockets), polling has
   * delivered (see `pollIntervalMs`). Rejects on dispose.
   */
  readonly ready: Promise<void>;

  #ctx: SessionContext;
  #client: Client;
  #token!: string;
  #realtime!: RealtimeConnection;
  #realtimeKey = '';
  /** What a listener (of the store or of an event) threw goes to the logger; the other listeners are still called. */
  #listenerThrew = (e: unknown): void => this.#ctx.logger?.warn?.('listener threw', e);
  #store = new MessageStore(this.#listenerThrew);
  #emitter = new Emitter<ChatSessionEvents>(this.#listenerThrew);
  #stop = new AbortController();
  #disposed = false;
  #notReady = new Set(['live', 'history']);
  #settleReady!: (error?: TickkiChatError) => void;
  #unsubscribe: (() => void) | undefined;
  // gap fill
  #sync: SyncState = { status: 'idle' };
  #syncedId: number | undefined;
  #cursor: string | null | undefined;
  #wantSync = false;
  #floor: number | undefined;
  /** Whether a gap fill loop runs; set and cleared synchronously, so no request can join a loop that has ended. */
  #syncing = false;
  #syncFailures = 0;
  #syncTimer: ReturnType<typeof setTimeout> | undefined;
  // durable outbox
  #outbox = new Map<string, OutboxItem>();
  /** Client ids this session sent or discarded since the outbox was last written (see `#saveOutbox`). */
  #settled = new Set<string>();
  #outboxWrite: Promise<void> = Promise.resolve();
  #queue: Queued[] = [];
  /** The message being delivered; while set, the outbox is being pumped. */
  #inflight: Queued | undefined;
  // session renewal, presence, persistence
  #authRenewed = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Polls history while the realtime connection is down (websockets blocked, a long outage). */
  #poll: ReturnType<typeof setInterval> | undefined;
  #persistTimer: ReturnType<typeof setTimeout> | undefined;

  /** @internal Use `TickkiChat.startSession()`. */
  constructor(ctx: SessionContext, session: WireSession, keptOutbox: unknown, kept: unknown) {
    this.#ctx = ctx;
    this.visitorId = session.visitor_id;
    this.#adopt(session);
    this.#client = ctx.client(() => this.#token);
    this.ready = new Promise<void>((resolve, reject) => (this.#settleReady = (e) => (e ? reject(e) : resolve())));
    this.ready.catch(noop);
    // what an earlier visit kept (see `#persist`), checked: it may be stale, corrupt or foreign
    if (hasFields(kept, { n: 'number' }) && Array.isArray(kept.m)) {
      const saved = kept as SavedMessages;
      const valid = (kept.m as unknown[]).filter(
        (m): m is NonNullable<SavedMessages['m']>[number] =>
          hasFields(m, SAVED_MESSAGE) && Array.isArray(m.attachments) && !Number.isNaN(Date.parse(m.createdAt as string)),
      );
      this.#store.merge(valid.map((m) => ({ ...m, id: m.id!, createdAt: new Date(m.createdAt) })));
      this.#syncedId = saved.n;
      this.#cursor = typeof saved.k === 'string' || saved.k === null ? saved.k : undefined;
    }
    for (const item of outboxItems(keptOutbox)) {
      this.#outbox.set(item.c, item);
      this.#store.addPending(item.c, item.t, item.at);
      if (item.f) this.#store.setFailed(item.c, new TickkiChatError(item.f, 'Not sent', { retryable: item.r }));
      else this.#queue.push({ item });
    }
    this.#connect(session.realtime);
    this.#requestSync();
    void this.#pump();
    const lifecycle = ctx.lifecycle;
    this.#unsubscribe = lifecycle?.subscribe((event) => this.#onLifecycle(event));
    this.#setVisible(lifecycle?.visible?.() ?? true);
  }

  /** The messages, oldest first: an immutable snapshot, the same array until something changes. */
  get messages(): readonly ChatMessage[] {
    return this.#store.snapshot();
  }

  /** The realtime connection's state. */
  get connectionState(): ConnectionState {
    return this.#realtime.state;
  }

  /** Where gap filling stands. */
  get syncState(): SyncState {
    return this.#sync;
  }

  /** Whether older messages may exist beyond those held ({@link ChatSession.loadOlder}). */
  get hasOlder(): boolean {
    return this.#cursor !== null;
  }

  /** The business's chat configuration (latest known). */
  get config(): ChatConfig {
    return this.#ctx.config();
  }

  /**
   * Listens to the message store: `listener` gets each new snapshot, at most once per burst of
   * changes. Returns a function that stops. Bound, so it fits React as is:
   * `useSyncExternalStore(session.subscribe, () => session.messages)`.
   */
  readonly subscribe = (listener: StoreListener): (() => void) => this.#store.subscribe(listener);

  /** Listens to a {@link ChatSessionEvents} event; returns a function that stops. */
  on<K extends keyof ChatSessionEvents>(event: K, listener: (value: ChatSessionEvents[K]) => void): () => void {
    return this.#emitter.on(event, listener);
  }

  /**
   * Sends a text. It appears at once as `pending` (keyed by a new client id, which is also its
   * `Idempotency-Key`), is written to the durable outbox, and is sent in order, retried with
   * backoff on network errors, timeouts, 429 and 5xx. Resolves with the message once `sent` — or
   * `failed` (it then stays in the store with its text: {@link ChatSession.retry} or
   * {@link ChatSession.discard}). Rejects only when nothing was queued (`empty_message`,
   * `message_too_long`, `disposed`).
   */
  async send(text: string, options: { signal?: AbortSignal } = {}): Promise<ChatMessage> {
    const max = this.config.limits.messageMaxLength;
    // the server counts characters (code points), not UTF-16 units: an emoji is one
    const refusal = this.#disposed ? 'disposed' : !text.trim() ? 'empty_message' : text.length > max && [...text].length > max ? 'message_too_long' : '';
    if (refusal) throw new TickkiChatError(refusal, refusal === 'message_too_long' ? `Over ${max} characters` : refusal);
    const item: OutboxItem = { c: randomId(), t: text, at: Date.now() };
    this.#store.addPending(item.c, text, item.at);
    return this.#enqueue(item, options.signal);
  }

  /** Sends a failed message again (same client id and `Idempotency-Key`). */
  async retry(clientId: string, options: { signal?: AbortSignal } = {}): Promise<ChatMessage> {
    const item = this.#outbox.get(clientId);
    if (!item?.f) throw new TickkiChatError('not_found', 'No such failed message');
    this.#store.setFailed(clientId, undefined);
    return this.#enqueue({ c: item.c, t: item.t, at: item.at }, options.signal);
  }

  /** Drops a failed message from the store and the outbox. Returns whether it was dropped. */
  discard(clientId: string): boolean {
    if (!this.#outbox.get(clientId)?.f || !this.#store.discard(clientId)) return false;
    this.#outbox.delete(clientId);
    this.#settled.add(clientId);
    void this.#saveOutbox();
    return true;
  }

  /**
   * Loads the page of messages before the oldest held. Resolves whether still older ones exist.
   * Concurrent calls share one request.
   */
  loadOlder(): Promise<boolean> {
    return this.#loadOlder();
  }

  /** Updates the visitor's name, email or phone; resolves the contact as stored. */
  async identify(fields: IdentifyRequest, options: { signal?: AbortSignal } = {}): Promise<Contact> {
    return (this.contact = (await this.#op(identifyVisitor, { body: fields }, { retry: true, signal: options.signal })).data);
  }

  /** Tells the agents the visitor is typing. Call it on every keystroke: at most one request goes out per 3 s. */
  typing(): void {
    if (!this.#disposed) this.#typing();
  }

  #typing = throttle(() => this.#op(sendTyping).catch(noop), TYPING_MS);

  /**
   * Uploads a file as an attachment message. Refused before anything is sent when the plan has no
   * `file_uploads` (`feature_disabled`) or the file is over `limits.maxUploadKb` (`file_too_large`).
   * With `onProgress`, browsers, web workers and React Native send it over `XMLHttpRequest` to report
   * progress as the bytes go out (unless the chat was given its own `fetch`, which is then used and
   * reports only 0 and 1). The message itself arrives through the store like any other.
   */
  async uploadAttachment(file: Blob, options: UploadOptions = {}): Promise<Attachment> {
    const { features, limits } = this.config;
    const { onProgress } = options;
    if (!features.fileUploads) throw new TickkiChatError('feature_disabled', 'File uploads are disabled');
    if (file.size > limits.maxUploadKb * 1024) throw new TickkiChatError('file_too_large', `Over ${limits.maxUploadKb} KB`);
    onProgress?.(0);
    const form = new FormData();
    form.append('file', file);
    const fetch = onProgress && this.#ctx.progressFetch?.(form, onProgress);
    const { data } = await this.#op(uploadAttachment, { body: { file }, fetch }, { signal: options.signal, timeoutMs: 120_000 });
    onProgress?.(1);
    this.#requestSync();
    return fromWireAttachment(data.attachment);
  }

  /** Stops everything: socket, timers, lifecycle listeners. Unsent messages stay in the outbox for the next start. */
  dispose(): void {
    if (this.#disposed) return;
    this.#persist();
    this.#disposed = true;
    this.#stop.abort();
    clearTimeout(this.#syncTimer);
    this.#polling(false);
    this.#setVisible(false);
    this.#unsubscribe?.();
    this.#realtime.dispose();
    for (const q of this.#queue.concat(this.#inflight ?? [])) q.resolve?.(this.#store.byClientId(q.item.c)!);
    this.#settleReady(new TickkiChatError('disposed', 'Disposed'));
    this.#emitter.clear();
  }

  // ------------------------------------------------------------------ requests

  /** Runs a generated session call with this session's client, conversation, signals, retries and renewal. */
  #op<T>(
    operation: (options: never) => Promise<Attempt<T>>,
    options: object = {},
    { retry, signal, timeoutMs = 0, valid }: { retry?: boolean; signal?: AbortSignal | undefined; timeoutMs?: number; valid?: (data: T) => unknown } = {},
  ): Promise<T> {
    const { retry: policy, timeoutMs: minimum } = this.#ctx;
    return call(
      (s) => (operation as (o: object) => Promise<Attempt<T>>)({ client: this.#client, path: { conversation_id: this.conversationId }, signal: s, ...options }),
      { signals: [this.#stop.signal, signal], timeoutMs: Math.max(timeoutMs, minimum), retry: retry ? policy : undefined, renew: () => this.#renew(), valid },
    );
  }

  /**
   * Fetches pages of history from `cursor` (the newest page when absent) towards older ones, merging
   * each into the store, until `enough` says so for a page's ids or no older page is left. Returns
   * the cursor of the next older page and the newest id seen.
   */
  async #pages(cursor: string | undefined, limit: number, enough: (ids: number[]) => boolean): Promise<{ next?: string; newest: number }> {
    let newest = -Infinity;
    for (;;) {
      const page = await this.#op(
        listMessages,
        { query: cursor ? { cursor, limit } : { limit } },
        { retry: true, valid: (answer) => Array.isArray(answer?.data) && answer.data.every(parseMessage) },
      );
      const ids = page.data.map((m) => m.id);
      this.#store.merge(page.data.map(fromWireMessage));
      newest = Math.max(newest, ...ids);
      cursor = page.meta?.next_cursor ?? undefined;
      if (!cursor || enough(ids)) return { next: cursor, newest };
    }
  }

  #adopt(session: WireSession): void {
    this.#token = session.session_token;
    this.conversationId = session.conversation_id;
    this.sessionId = session.session_id;
    this.contact = session.contact;
  }

  /** Starts the session again with the same visitor id (same conversation): one renewal at a time. */
  #renew = shared(async () => {
    const session = await this.#ctx.start();
    if (this.#disposed) return;
    this.#adopt(session);
    if (JSON.stringify(session.realtime) !== this.#realtimeKey) {
      this.#realtime.dispose();
      this.#connect(session.realtime);
    }
    this.#emitter.emit('renewed', { conversationId: this.conversationId, sessionId: this.sessionId });
  });

  // ------------------------------------------------------------------ realtime

  #connect(realtime: RealtimeConfig): void {
    const { logger, Pusher, lifecycle } = this.#ctx;
    const rt = new RealtimeConnection({
      realtime,
      client: this.#client,
      logger,
      Pusher,
      lifecycle: lifecycle && ((listener) => lifecycle.subscribe((e) => (e === 'visible' ? listener('foreground') : e !== 'hidden' && listener(e)))),
    });
    rt.on('message', (m) => this.#onBroadcast(m));
    rt.on('agentTyping', (t) => this.#emitter.emit('agentTyping', t));
    rt.on('state', (change) => {
      this.#emitter.emit('connection', change);
      this.#polling(change.to === 'offline' || change.to === 'reconnecting' || change.to === 'failed');
    });
    rt.on('subscribed', () => {
      this.#authRenewed = false;
      this.#readyDone('live');
      this.#requestSync(this.#syncedId);
      for (const item of this.#outbox.values()) if (item.r) void this.retry(item.c).catch(noop);
    });
    rt.on('error', (error) => {
      if (error.serverCode !== 'invalid_session' || this.#authRenewed) return this.#emitter.emit('error', error);
      this.#authRenewed = true;
      this.#renew().then(
        () => this.#realtime.state === 'failed' && this.#realtime.reconnect(),
        (e: TickkiChatError) => this.#emitter.emit('error', e),
      );
    });
    this.#realtime = rt;
    this.#realtimeKey = JSON.stringify(realtime);
    rt.connect();
  }

  #onBroadcast(m: Message): void {
    const f = this.#inflight?.item;
    if (f && m.direction === 'inbound' && m.type === 'text' && m.content === f.t && !this.#store.get(m.id) && this.#store.byClientId(f.c)?.id === undefined) {
      // the echo of the send in flight came before its answer: one message, not two
      this.#store.confirm(f.c, m);
    } else {
      this.#store.merge([m]);
    }
    // a live socket delivers everything: what came before is complete (unless a gap fill is due)
    if (this.#realtime.state === 'connected' && !this.#wantSync && !this.#syncing && m.id > (this.#syncedId ?? -Infinity)) {
      this.#syncedId = m.id;
    }
    this.#persistTimer ??= setTimeout(() => this.#persist(), 1000);
  }

  // ------------------------------------------------------------------ gap fill

  /** Asks for a gap fill down to `floor` (the newest id known complete; default: the current one). */
  #requestSync(floor?: number): void {
    if (this.#disposed) return;
    this.#want(floor);
    clearTimeout(this.#syncTimer);
    if (this.#syncing) return;
    this.#syncing = true;
    void this.#runSync();
  }

  /** Notes that a gap fill down to `floor` is due; requests made while one runs merge into one more run with the lowest floor. */
  #want(floor: number | undefined): void {
    this.#floor = this.#wantSync ? min(this.#floor, floor) : floor;
    this.#wantSync = true;
  }

  /** Fills until no request is left; `#syncing` is cleared in the same job as the last check of `#wantSync`. */
  async #runSync(): Promise<void> {
    try {
      while (this.#wantSync && !this.#disposed) {
        this.#wantSync = false;
        const floor = this.#floor ?? this.#syncedId;
        this.#floor = undefined;
        this.#setSync({ status: 'syncing' });
        try {
          const count = await this.#fill(floor);
          this.#syncFailures = 0;
          if (!this.#wantSync) this.#setSync({ status: 'synced' });
          if (floor !== undefined) this.#emitter.emit('recovered', { count });
          this.#readyDone('history');
          if (this.#poll) this.#readyDone('live'); // polling delivers while the socket cannot
          this.#persist();
        } catch (e) {
          if (this.#disposed) return;
          const error = e as TickkiChatError;
          this.#want(floor); // keep the floor: the gap is still open
          this.#setSync({ status: 'failed', reason: error.message, error });
          const delay = backoffDelay(this.#syncFailures++, { baseMs: this.#ctx.retry.baseMs, maxMs: 30_000 }, error.retryAfterMs);
          this.#syncTimer = setTimeout(() => this.#requestSync(), delay);
          return;
        }
      }
    } finally {
      this.#syncing = false;
    }
  }

  /** Fetches pages, newest first, until one reaches `floor` (one page when nothing is held). Returns how many were new. */
  async #fill(floor: number | undefined): Promise<number> {
    const before = this.#store.size;
    const first = floor === undefined;
    const { next, newest } = await this.#pages(undefined, first ? HISTORY_PAGE : GAP_PAGE, (ids) => first || ids.some((id) => id <= floor));
    if (first && this.#cursor === undefined) this.#cursor = next ?? null;
    if (newest > (this.#syncedId ?? -Infinity)) this.#syncedId = newest;
    return this.#store.size - before;
  }

  /** See {@link ChatSession.loadOlder}; concurrent calls share one run. */
  #loadOlder = shared(async (): Promise<boolean> => {
    if (this.#cursor === null) return false;
    // with no cursor (history restored from storage) walk down from the newest page to the oldest held
    const walk = this.#cursor === undefined;
    const oldest = this.#store.oldestId() ?? Infinity;
    const { next } = await this.#pages(this.#cursor ?? undefined, walk ? GAP_PAGE : HISTORY_PAGE, (ids) => !walk || ids.some((id) => id < oldest));
    this.#cursor = next ?? null;
    this.#persist();
    return !!next;
  });

  #readyDone(part: string): void {
    if (this.#notReady.delete(part) && !this.#notReady.size) this.#settleReady();
  }

  #setSync(state: SyncState): void {
    if (state.status === this.#sync.status && state.status !== 'failed') return;
    this.#sync = state;
    this.#emitter.emit('sync', state);
  }

  // ------------------------------------------------------------------ outbox

  /**
   * Writes the outbox; writes are chained, so they land in order. Other tabs or windows of the same
   * visitor share the stored outbox: what they queued is kept (unless this session sent or discarded
   * it), so one tab's write never drops another's unsent message. A message queued in two places is
   * sent by both under the same `Idempotency-Key`, so the server keeps it once.
   */
  #saveOutbox(): Promise<void> {
    const { storage, prefix } = this.#ctx;
    return (this.#outboxWrite = this.#outboxWrite.then(async () => {
      const settled = this.#settled;
      this.#settled = new Set();
      const items = new Map<string, OutboxItem>();
      for (const item of outboxItems(await readJson(storage, prefix + 'outbox'))) if (!settled.has(item.c)) items.set(item.c, item);
      for (const item of this.#outbox.values()) items.set(item.c, item);
      await writeJson(storage, prefix + 'outbox', items.size ? [...items.values()] : undefined);
    }));
  }

  #enqueue(item: OutboxItem, signal: AbortSignal | undefined): Promise<ChatMessage> {
    return new Promise((resolve) => {
      this.#outbox.set(item.c, item);
      this.#queue.push({ item, resolve, signal });
      void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    if (this.#inflight) return;
    while (this.#queue.length && !this.#disposed) await this.#deliver((this.#inflight = this.#queue.shift()!));
    this.#inflight = undefined;
  }

  async #deliver({ item, resolve, signal }: Queued): Promise<void> {
    let result: ChatMessage | undefined;
    try {
      await this.#saveOutbox(); // durable before it leaves
      const { data } = await this.#op(
        sendMessage,
        { body: { content: item.t }, headers: { 'Idempotency-Key': item.c } },
        { retry: true, signal, valid: (answer) => parseMessage(answer?.data) },
      );
      result = this.#store.confirm(item.c, fromWireMessage(data));
      this.#outbox.delete(item.c);
      this.#settled.add(item.c);
    } catch (e) {
      if (this.#disposed) return; // stays in the outbox: resent on the next start
      const error = e as TickkiChatError;
      this.#outbox.set(item.c, { ...item, f: error.code, r: error.retryable });
      result = this.#store.setFailed(item.c, error);
    }
    await this.#saveOutbox(); // the outcome is durable before the send resolves
    if (result) resolve?.(result);
  }

  // ------------------------------------------------------------------ lifecycle, presence, persistence

  #onLifecycle(event: AppLifecycleEvent): void {
    if (event === 'visible') {
      this.#setVisible(true);
      this.#beat();
      this.#requestSync();
    } else if (event === 'hidden') {
      this.#setVisible(false);
      this.#persist();
    }
  }

  /**
   * While the socket is down, replies still come: history is fetched every `pollMs` while the chat is
   * visible (a proxy that blocks websockets, a long outage). It stops once the socket is back.
   */
  #polling(down: boolean): void {
    // the heartbeat timer runs exactly while the chat is visible: it doubles as the visibility flag
    if (down && this.#ctx.pollMs && !this.#disposed) {
      if (this.#poll) return;
      this.#poll = setInterval(() => this.#heartbeat && this.#requestSync(), this.#ctx.pollMs);
      if (this.#notReady.size) this.#requestSync(); // not ready yet: poll at once rather than an interval later
    } else {
      clearInterval(this.#poll);
      this.#poll = undefined;
    }
  }

  #setVisible(visible: boolean): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = visible && !this.#disposed ? setInterval(() => this.#beat(), HEARTBEAT_MS) : undefined;
  }

  #beat(): void {
    this.#op(sendHeartbeat).catch(noop);
  }

  /** Keeps the newest messages, the sync point and the older-page cursor for the next start. */
  #persist(): void {
    clearTimeout(this.#persistTimer);
    this.#persistTimer = undefined;
    if (this.#disposed) return;
    const sent = this.#store.snapshot().filter((m) => m.status === 'sent');
    const m = sent.slice(-KEEP);
    void writeJson(this.#ctx.storage, this.#ctx.prefix + 'messages', { n: this.#syncedId, k: m.length < sent.length ? undefined : this.#cursor, m });
  }
}

/** The fields of a kept message (see `#persist`) that the store relies on. */
const SAVED_MESSAGE = { id: 'number', key: 'string', content: 'string', createdAt: 'string' };

/** The well-formed items of a stored outbox; anything else (corrupt, foreign, from another version) is left out. */
const outboxItems = (value: unknown): OutboxItem[] =>
  Array.isArray(value) ? value.filter((item): item is OutboxItem => hasFields(item, { c: 'string', t: 'string', at: 'number' })) : [];

/** The lower of two floors, `undefined` meaning "the current sync point" (always the highest). */
const min = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
