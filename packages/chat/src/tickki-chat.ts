import {
  createTickkiClient,
  getConfig,
  startSession as startRemoteSession,
  type ChatConfig as WireChatConfig,
  type Client,
  type Session as WireSession,
} from '@tickki/chat-api';
import type { PusherConstructor, RealtimeLogger } from '@tickki/chat-realtime';
import { hasFields, nextTask } from '@tickki/chat-realtime/internal';
import { addOns, type ChatAddOn } from './add-ons.js';
import { DEFAULT_RETRY, type RetryPolicy } from './backoff.js';
import { toChatConfig, type ChatConfig } from './config.js';
import { TickkiChatError } from './errors.js';
import { browserLifecycle, defaultStorage } from './platform.js';
import { call } from './request.js';
import type { SessionContext } from './session-context.js';
import { ChatSession } from './session.js';
import { readJson, writeJson, type StorageAdapter } from './storage.js';
import { shared } from './serial-task.js';
import { checkOptions, type StartSessionOptions, type TickkiChatOptions } from './chat-options.js';

/** Whether a session, fresh from the API or kept from an earlier visit, has everything a chat needs. */
const isSession = (session: unknown): session is WireSession =>
  hasFields(session, { visitor_id: 'string', session_token: 'string', conversation_id: 'number', session_id: 'number', contact: 'object' }) &&
  hasFields(session.realtime, { key: 'string', host: 'string', port: 'number', scheme: 'string', channel: 'string' });

/**
 * The entry point of `@tickki/chat`: one business's chat.
 *
 * ```ts
 * const chat = new TickkiChat({ publishableKey: 'pk_test_…' });
 * const session = await chat.startSession({ visitorId });
 * session.subscribe(render);
 * await session.ready;
 * await session.send('Hi!');
 * ```
 */
export class TickkiChat {
  /** The configured `@tickki/chat-api` client (publishable key, bundle id; no session token). */
  declare readonly client: Client;
  /**
   * The options with their defaults, and what every session of this chat shares; its `timeoutMs` and
   * `retry` are also the options of the chat's own calls.
   */
  #settings: TickkiChatOptions & Pick<SessionContext, 'storage' | 'lifecycle' | 'retry' | 'timeoutMs' | 'progressFetch' | 'pollMs' | 'reconcileMs'>;
  #config: { value: ChatConfig; at: number } | undefined;
  #session: ChatSession | undefined;
  /** Counts session starts (and logouts): a start that a later one superseded gives up. */
  #starts = 0;
  #addOn: ChatAddOn;
  #disposed = false;

  /** @throws {@link TickkiChatError} `invalid_argument` for an empty key or a `baseUrl` that is not an absolute http(s) URL. */
  constructor(options: TickkiChatOptions) {
    checkOptions(options);
    const lifecycle = options.lifecycle === null ? undefined : (options.lifecycle ?? browserLifecycle());
    const timeoutMs = options.timeoutMs ?? 15_000;
    this.#settings = {
      ...options,
      storage: options.storage ?? defaultStorage(),
      lifecycle,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      timeoutMs,
      // on the first upload with progress: a chat that never uploads never loads it
      progressFetch: options.fetch ? undefined : () => import('./progress-fetch.js').then((m) => m.progressFetch),
      pollMs: options.pollIntervalMs ?? 15_000,
      reconcileMs: options.reconcileIntervalMs ?? 60_000,
    };
    this.client = this.#makeClient(() => undefined);
    addOns.set(this, (this.#addOn = { settings: this.#settings }));
  }

  /** The session of the last {@link TickkiChat.startSession}. */
  get session(): ChatSession | undefined {
    return this.#session;
  }

  /**
   * The chat configuration, with the documented defaults for missing fields. Cached: a fresh copy
   * is returned at once; a stale one (older than `configMaxAgeMs`, or kept from an earlier visit)
   * is returned at once too and revalidated in the background. `force` waits for a new one.
   */
  async fetchConfig(options: { force?: boolean } = {}): Promise<ChatConfig> {
    if (!options.force) {
      if (!this.#config) {
        // kept as the wire sent it, so that reading it back goes through the same checks
        const kept = await readJson(this.#settings.storage, this.#key('config'));
        if (hasFields(kept, { at: 'number', wire: 'object' })) this.#config ??= { value: toChatConfig(kept.wire as WireChatConfig), at: kept.at as number };
      }
      const cached = this.#config;
      if (cached) {
        if (Date.now() - cached.at > (this.#settings.configMaxAgeMs ?? 300_000)) this.#loadConfig().catch(() => undefined);
        return cached.value;
      }
    }
    return this.#loadConfig();
  }

  /**
   * Starts (or resumes) the visitor's chat. The config and the session are fetched in parallel; a
   * session kept from an earlier start of the same visitor is reused without a request (renewed
   * transparently if the server no longer knows it). Then history loads while the socket connects:
   * await `session.ready`. Unsent messages of an earlier visit are sent again.
   */
  async startSession(options: StartSessionOptions): Promise<ChatSession> {
    if (this.#disposed) throw new TickkiChatError('disposed', 'Disposed');
    const { visitorId, ...identity } = options;
    const start = ++this.#starts;
    this.#addOn.started?.(visitorId);
    this.#session?.dispose();
    const config = this.fetchConfig().catch((error: unknown) => {
      this.#settings.logger?.warn?.('config unavailable, using defaults', error);
      return toChatConfig();
    });
    const settings = this.#settings;
    const { storage } = settings;
    const prefix = this.#key(`${visitorId}:`);
    // what an earlier visit kept; the session checks what it reads back (it may be stale or corrupt)
    const [saved, messages, outbox] = (await Promise.all(['session', 'messages', 'outbox'].map((name) => readJson(storage, prefix + name)))) as [
      WireSession | undefined,
      unknown,
      unknown,
    ];
    const begin = async (): Promise<WireSession> => {
      const { data } = await call((signal) => startRemoteSession({ client: this.client, body: { visitor_id: visitorId, ...identity }, signal }), {
        ...settings,
        valid: (answer) => isSession(answer?.data),
      });
      void writeJson(storage, prefix + 'session', data);
      return data;
    };
    const reuse = isSession(saved) && saved.visitor_id === visitorId && !identity.name && !identity.email && !identity.phone;
    const [session, initialConfig] = await Promise.all([reuse ? saved : begin(), config]);
    // the session is built in a task of its own: a start restored from storage on a page's load is
    // short tasks for the page, not one long one (as the session's socket and first read, after it)
    await nextTask();
    if (this.#disposed) throw new TickkiChatError('disposed', 'Disposed');
    // a later start (or a logout) came first: this one must not replace (or dispose) what it made
    if (start !== this.#starts) throw new TickkiChatError('aborted', 'Superseded by a later start');
    const chat = new ChatSession(
      {
        ...settings,
        client: (token) => this.#makeClient(token),
        start: begin,
        config: () => this.#config?.value ?? initialConfig,
        prefix,
      },
      session,
      outbox,
      session.conversation_id === saved?.conversation_id ? messages : undefined,
    );
    return (this.#session = chat); // the session it replaces was disposed when this start began
  }

  /**
   * Ends the visitor's chat on this device (sign-out, a shared computer): the session is disposed, a
   * start in flight gives up, and the visitor's session token, kept messages and outbox are removed
   * from storage. Unsent messages are dropped with them, so that they are never sent as the next
   * person. Resolves once storage is cleared. The chat itself stays usable.
   */
  async logout(visitorId = this.#session?.visitorId): Promise<void> {
    this.#starts++;
    const session = this.#session;
    session?.dispose();
    this.#session = undefined;
    await session?.stopped; // its last writes land first, then go
    if (visitorId === undefined) return;
    await Promise.all(['session', 'messages', 'outbox'].map((name) => writeJson(this.#settings.storage, this.#key(`${visitorId}:${name}`), undefined)));
  }

  /** Stops the session and its socket, timers and listeners, and the chat's analytics if any ({@link getAnalytics}: queued events are sent one last time). */
  dispose(): void {
    this.#disposed = true;
    this.#session?.dispose();
    this.#addOn.disposed?.();
  }

  #key(name: string): string {
    return `tickki:${this.#settings.publishableKey}:${name}`;
  }

  #makeClient(sessionToken: () => string | undefined): Client {
    const { publishableKey, baseUrl, bundleId, fetch } = this.#settings;
    return createTickkiClient({ publishableKey, sessionToken, bundleId, baseUrl: baseUrl || undefined, fetch });
  }

  /** Fetches the config and keeps it (in memory and storage); concurrent calls share one request. */
  #loadConfig = shared(async (): Promise<ChatConfig> => {
    const { data } = await call((signal) => getConfig({ client: this.client, signal }), this.#settings);
    const value = toChatConfig(data);
    const at = Date.now();
    this.#config = { value, at };
    void writeJson(this.#settings.storage, this.#key('config'), { wire: data, at });
    return value;
  });
}
