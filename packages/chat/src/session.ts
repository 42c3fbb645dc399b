import type { Contact, IdentifyRequest, RealtimeConfig, Session as WireSession } from '@tickki/chat-api';
import { RealtimeConnection, type Attachment, type ConnectionState, type Message } from '@tickki/chat-realtime';
import { Emitter } from '@tickki/chat-realtime/internal';
import { checkText, type ChatMessage } from './chat-message.js';
import type { ChatConfig } from './config.js';
import { TickkiChatError } from './errors.js';
import { GapFill, type FillResult } from './gap-fill.js';
import { MessageCache } from './message-cache.js';
import { Outbox } from './outbox.js';
import { Presence } from './presence.js';
import type { SessionContext } from './session-context.js';
import type { ChatSessionEvents, UploadOptions } from './session-events.js';
import { SessionRequests } from './session-requests.js';
import { MessageStore, type StoreListener } from './store.js';
import type { SyncState } from './sync-state.js';

const noop = (): void => undefined;
const DOWN: readonly ConnectionState[] = ['offline', 'reconnecting', 'failed'];
/** Warned once per session, with the count, when a check finds replies the connected socket never delivered. */
const MISSED_BROADCASTS = '[tickki chat] broadcasts missing while connected (a stalled broadcast queue?); recovered from history:';

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
  declare readonly visitorId: string;
  /**
   * Resolves once the history is loaded and new messages will arrive ("ready"): the channel is
   * subscribed or, while the socket cannot connect (a proxy that blocks websockets), history polling
   * has delivered (see `pollIntervalMs`). Rejects on dispose.
   */
  declare readonly ready: Promise<void>;

  #ctx: SessionContext;
  #realtime!: RealtimeConnection;
  #realtimeKey = '';
  #store: MessageStore;
  #emitter: Emitter<ChatSessionEvents>;
  #requests: SessionRequests;
  #gap: GapFill;
  #outbox: Outbox;
  #cache: MessageCache;
  #presence: Presence;
  #disposed = false;
  #notReady = new Set(['live', 'history']);
  #settleReady!: (error?: TickkiChatError) => void;
  #authRenewed = false;
  #warnedMissed = false;
  #stopped: Promise<unknown> = Promise.resolve();

  /** @internal Use `TickkiChat.startSession()`. */
  constructor(ctx: SessionContext, session: WireSession, keptOutbox: unknown, kept: unknown) {
    this.#ctx = ctx;
    this.visitorId = session.visitor_id;
    this.ready = new Promise<void>((resolve, reject) => (this.#settleReady = (e) => (e ? reject(e) : resolve())));
    this.ready.catch(noop);
    const threw = (e: unknown): void => ctx.logger?.warn?.('listener threw', e);
    const store = (this.#store = new MessageStore(threw));
    this.#emitter = new Emitter<ChatSessionEvents>(threw);
    const requests = (this.#requests = new SessionRequests(session, { ...ctx, onRenewed: (s) => this.#renewed(s) }));
    this.#gap = new GapFill({
      store,
      pages: requests.pages(store),
      retryBaseMs: ctx.retry.baseMs,
      onState: (state) => this.#emitter.emit('sync', state),
      onFilled: (result) => this.#filled(result),
    });
    this.#cache = new MessageCache({ store, storage: ctx.storage, key: ctx.prefix + 'messages', gap: this.#gap });
    this.#outbox = new Outbox({
      store,
      storage: ctx.storage,
      key: ctx.prefix + 'outbox',
      retry: ctx.retry,
      requests,
      gap: this.#gap,
    });
    this.#presence = new Presence({ ctx, requests, gap: this.#gap, cache: this.#cache });
    this.#cache.restore(kept);
    this.#outbox.restore(keptOutbox);
    // the socket and the first history read start in tasks of their own (still at once, side by
    // side): a chat restored on a page's load (a returning visitor's) does not hold the page's main
    // thread for all of its start in one long task (on a phone, pusher-js's start alone is ~50 ms)
    this.#connect(session.realtime, true);
    this.#later(() => this.#gap.request('start'));
  }

  /** The conversation's id. */
  get conversationId(): number {
    return this.#requests.session.conversation_id;
  }

  /** The session's id. */
  get sessionId(): number {
    return this.#requests.session.session_id;
  }

  /** The contact as the server knows it. */
  get contact(): Contact {
    return this.#requests.session.contact;
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
    return this.#gap.state;
  }

  /**
   * Whether older messages may exist beyond those held ({@link ChatSession.loadOlder}). Already
   * current when store listeners hear about the page that changed it.
   */
  get hasOlder(): boolean {
    return this.#gap.cursor !== null;
  }

  /** The business's chat configuration (latest known). */
  get config(): ChatConfig {
    return this.#ctx.config();
  }

  /**
   * Listens to the message store: `listener` gets each new snapshot, at most once per burst of
   * changes. Returns a function that stops. Bound, so it fits React as is:
   * `useSyncExternalStore(session.subscribe, () => session.messages)`. A listener that throws is
   * reported to the logger; the others are still called.
   */
  readonly subscribe = (listener: StoreListener): (() => void) => this.#store.subscribe(listener);

  /** Listens to a {@link ChatSessionEvents} event; returns a function that stops. */
  on<K extends keyof ChatSessionEvents>(event: K, listener: (value: ChatSessionEvents[K]) => void): () => void {
    return this.#emitter.on(event, listener);
  }

  /**
   * Sends a text. It appears at once as `pending` (keyed by a new client id, which is also its
   * `Idempotency-Key`), is written to the durable outbox, and is sent in order, retried with
   * backoff on network errors, timeouts, 429 and 5xx. An attempt that may have been stored is never
   * repeated before its copy is looked for (echo, then history), so it is stored once even where the
   * server ignores the header. Resolves with the message once `sent` — or
   * `failed` (it then stays in the store with its text: {@link ChatSession.retry} or
   * {@link ChatSession.discard}). Rejects only when nothing was queued (`invalid_argument` for a
   * text that is not a string, `empty_message`, `message_too_long`, `disposed`).
   */
  async send(text: string, options: { signal?: AbortSignal } = {}): Promise<ChatMessage> {
    if (this.#disposed) throw new TickkiChatError('disposed', 'Disposed');
    return this.#outbox.send(checkText(text, this.config.limits.messageMaxLength), options.signal);
  }

  /**
   * Sends a failed message again (same client id and `Idempotency-Key`). One that may have been
   * stored (`unconfirmed`) is looked for first, and sent even if history still cannot tell: the
   * visitor's choice.
   */
  retry(clientId: string, options: { signal?: AbortSignal } = {}): Promise<ChatMessage> {
    return this.#outbox.retry(clientId, options.signal);
  }

  /** Drops a failed message from the store and the outbox. Returns whether it was dropped. */
  discard(clientId: string): boolean {
    return this.#outbox.discard(clientId);
  }

  /**
   * Loads the page of messages just before the oldest held (also after a gap fill or a resume has
   * brought older ones). Resolves whether still older ones exist. Concurrent calls share one request.
   */
  async loadOlder(): Promise<boolean> {
    const more = await this.#gap.loadOlder();
    void this.#cache.save();
    return more;
  }

  /** Updates the visitor's name, email or phone; resolves the contact as stored. */
  async identify(fields: IdentifyRequest, options: { signal?: AbortSignal } = {}): Promise<Contact> {
    return this.#requests.identify(fields, options.signal);
  }

  /** Tells the agents the visitor is typing. Call it on every keystroke: at most one request goes out per 3 s. */
  typing(): void {
    if (!this.#disposed) this.#presence.typing();
  }

  /**
   * Uploads a file as an attachment message. Refused before anything is sent when the plan has no
   * `file_uploads` (`feature_disabled`) or the file is over `limits.maxUploadKb` (`file_too_large`).
   * With `onProgress`, browsers, web workers and React Native send it over `XMLHttpRequest` to report
   * progress as the bytes go out (unless the chat was given its own `fetch`, which is then used and
   * reports only 0 and 1). The message itself arrives through the store like any other.
   */
  async uploadAttachment(file: Blob, options: UploadOptions = {}): Promise<Attachment> {
    const attachment = await this.#requests.upload(file, this.config, this.#ctx.progressFetch, options);
    this.#gap.request('upload');
    return attachment;
  }

  /** Stops everything: socket, timers, lifecycle listeners. Unsent messages stay in the outbox for the next start. */
  dispose(): void {
    if (this.#disposed) return;
    this.#stopped = Promise.all([this.#cache.stop(), this.#outbox.dispose()]);
    this.#disposed = true;
    this.#requests.stop();
    this.#gap.dispose();
    this.#presence.dispose();
    this.#realtime.dispose();
    this.#settleReady(new TickkiChatError('disposed', 'Disposed'));
    this.#emitter.clear();
  }

  /** @internal Resolves once the storage writes that {@link ChatSession.dispose} left under way have landed. */
  get stopped(): Promise<unknown> {
    return this.#stopped;
  }

  /** The session was started again (after `invalid_session`): a new realtime block means a new connection. */
  #renewed(session: WireSession): void {
    if (this.#disposed) return;
    if (JSON.stringify(session.realtime) !== this.#realtimeKey) {
      this.#realtime.dispose();
      this.#connect(session.realtime);
    }
    this.#emitter.emit('renewed', { conversationId: this.conversationId, sessionId: this.sessionId });
  }

  /** Runs `run` in a task of its own unless disposed by then (see the constructor). */
  #later(run: () => void): void {
    setTimeout(() => this.#disposed || run());
  }

  /** Connects to `realtime`; `later`: in a task of its own. */
  #connect(realtime: RealtimeConfig, later = false): void {
    const { logger, Pusher, lifecycle } = this.#ctx;
    const rt = new RealtimeConnection({
      realtime,
      client: this.#requests.client,
      logger,
      Pusher,
      lifecycle: lifecycle && ((listener) => lifecycle.subscribe((e) => (e === 'visible' ? listener('foreground') : e !== 'hidden' && listener(e)))),
    });
    rt.on('message', (m) => this.#onBroadcast(m));
    rt.on('agentTyping', (t) => this.#emitter.emit('agentTyping', t));
    rt.on('state', (change) => {
      const down = DOWN.includes(change.to);
      this.#presence.setSocket(change.to === 'connected' ? 'up' : down ? 'down' : 'other');
      // not ready yet and the socket is failing: poll at once rather than an interval later
      if (down && this.#ctx.pollMs && this.#notReady.has('live')) this.#gap.request('poll');
      this.#emitter.emit('connection', change);
    });
    rt.on('subscribed', () => {
      this.#authRenewed = false;
      this.#ready('live');
      // Also right after the first page of a cold start: that page was read while the channel was
      // not yet subscribed (history and socket start in parallel, so `ready` waits for the slower,
      // not for both in turn), and the server replays nothing, so a message sent in between is
      // found only by reading again. One small request (it stops at the newest id held).
      this.#gap.request('subscribed', this.#gap.syncedId);
      this.#outbox.retryRetryable();
    });
    rt.on('error', (error) => {
      if (error.serverCode !== 'invalid_session' || this.#authRenewed) return this.#emitter.emit('error', error);
      this.#authRenewed = true;
      this.#requests.renew().then(
        () => this.#realtime.state === 'failed' && this.#realtime.reconnect(),
        (e: TickkiChatError) => this.#emitter.emit('error', e),
      );
    });
    this.#realtime = rt;
    this.#realtimeKey = JSON.stringify(realtime);
    if (later) this.#later(() => rt.connect());
    else rt.connect();
  }

  #onBroadcast(m: Message): void {
    this.#store.merge([m]);
    this.#outbox.match();
    this.#presence.heard();
    // a live socket delivers everything: what came before is complete (unless a gap fill is due)
    if (this.#realtime.state === 'connected') this.#gap.delivered(m.id);
    this.#cache.later();
  }

  #filled({ count, cause, gap }: FillResult): void {
    this.#presence.heard();
    this.#ready('history');
    // polling delivers while the socket cannot
    if (this.#ctx.pollMs && DOWN.includes(this.#realtime.state)) this.#ready('live');
    if (count || !gap) void this.#cache.save(); // an empty poll or check changes nothing worth a write
    if (!gap || (cause === 'missed_broadcasts' && !count)) return;
    if (cause === 'missed_broadcasts' && !this.#warnedMissed) this.#ctx.logger?.warn?.(MISSED_BROADCASTS, count);
    this.#warnedMissed ||= cause === 'missed_broadcasts';
    this.#emitter.emit('recovered', { count, cause });
  }

  #ready(part: string): void {
    if (this.#notReady.delete(part) && !this.#notReady.size) this.#settleReady();
  }
}
