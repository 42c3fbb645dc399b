import { identifyVisitor, listMessages, sendHeartbeat, sendMessage, sendTyping, uploadAttachment, type Client, type Contact, type IdentifyRequest, type Session } from '@tickki/chat-api';
import type { Attachment, Message } from '@tickki/chat-realtime';
import { fromWireAttachment, fromWireMessage, parseMessage } from '@tickki/chat-realtime/internal';
import type { RetryPolicy } from './backoff.js';
import type { ChatConfig } from './config.js';
import { TickkiChatError } from './errors.js';
import type { ProgressFetch } from './progress-fetch.js';
import type { Pages } from './gap-fill.js';
import type { UploadOptions } from './session-events.js';

import { call, type Attempt } from './request.js';
import { shared } from './serial-task.js';
import type { MessageStore } from './store.js';

/** Options of one `SessionRequests.#op` call. */
export interface OpOptions<T> {
  /** Retry with the chat's policy (idempotent calls only). */
  retry?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** A longer per-attempt timeout than the chat's (uploads). */
  timeoutMs?: number | undefined;
  /** Checks the answer's shape; see `CallOptions.valid`. */
  valid?: ((data: T) => unknown) | undefined;
}


/** What {@link SessionRequests} works with. */
export interface SessionRequestsOptions {
  /** Makes a client that reads the session token on every request. */
  client(sessionToken: () => string | undefined): Client;
  /** Starts the session again (same visitor id, same conversation). */
  start(): Promise<Session>;
  /** After a renewal: the new session. */
  onRenewed(session: Session): void;
  timeoutMs: number;
  retry: RetryPolicy;
}

/**
 * The session's calls: a generated operation run with the session's client, conversation, signals,
 * retries and transparent renewal (on `invalid_session` the session is started again, once, and the
 * call repeated), all stopped at once by {@link SessionRequests.stop}.
 */
export class SessionRequests {
  /** The session as last started (token, ids, contact, realtime block). */
  declare session: Session;
  /** The client of this session (publishable key, bundle id, the current session token). */
  declare readonly client: Client;
  readonly #o: SessionRequestsOptions;
  readonly #stop = new AbortController();

  constructor(session: Session, options: SessionRequestsOptions) {
    this.session = session;
    this.#o = options;
    this.client = options.client(() => this.session.session_token);
  }

  /** Starts the session again with the same visitor id; concurrent calls share one renewal. */
  readonly renew = shared(async (): Promise<void> => {
    const session = await this.#o.start();
    if (this.#stop.signal.aborted) return;
    this.session = session;
    this.#o.onRenewed(session);
  });

  /** Runs a generated session call (`sendMessage`, `listMessages`, …). */
  #op<T>(operation: (options: never) => Promise<Attempt<T>>, options: object = {}, { retry, signal, timeoutMs = 0, valid }: OpOptions<T> = {}): Promise<T> {
    const o = this.#o;
    return call(
      (s) => (operation as (x: object) => Promise<Attempt<T>>)({ client: this.client, path: { conversation_id: this.session.conversation_id }, signal: s, ...options }),
      { signals: [this.#stop.signal, signal], timeoutMs: Math.max(timeoutMs, o.timeoutMs), retry: retry ? o.retry : undefined, renew: this.renew, valid },
    );
  }

  /** A {@link Pages} that merges into `store`. */
  pages(store: MessageStore): Pages {
    return async (cursor, limit, enough) => {
      let newest = -Infinity;
      for (;;) {
        const page = await this.#op(
          listMessages,
          { query: cursor ? { cursor, limit } : { limit } },
          { retry: true, valid: (answer) => Array.isArray(answer?.data) && answer.data.every(parseMessage) },
        );
        const ids = page.data.map((m) => m.id);
        store.merge(page.data.map(fromWireMessage));
        newest = Math.max(newest, ...ids);
        cursor = page.meta?.next_cursor ?? undefined;
        if (enough(ids, cursor) || !cursor) return newest;
      }
    };
  }

  /**
   * Sends a text once, under its `Idempotency-Key` (a server may ignore the header, so the outbox,
   * not this call, decides whether to send again); resolves the stored message.
   */
  async sendMessage(clientId: string, text: string, signal: AbortSignal | undefined): Promise<Message> {
    const answer = await this.#op(sendMessage, { body: { content: text }, headers: { 'Idempotency-Key': clientId } }, { signal, valid: (a) => parseMessage(a?.data) });
    return fromWireMessage(answer.data);
  }

  /** Updates the visitor's contact fields; resolves the contact as stored (and keeps it with the session). */
  async identify(fields: IdentifyRequest, signal: AbortSignal | undefined): Promise<Contact> {
    const contact = (await this.#op(identifyVisitor, { body: fields }, { retry: true, signal })).data;
    this.session = { ...this.session, contact };
    return contact;
  }

  /**
   * Uploads a file as an attachment message (one attempt, up to 2 minutes), refused before anything
   * is sent when `config` says so; progress over what `progressFetch` loads where the platform can tell
   * (where it cannot load, offline or blocked, the upload goes without progress).
   */
  async upload(file: Blob, config: ChatConfig, progressFetch: (() => Promise<ProgressFetch>) | undefined, { onProgress, signal }: UploadOptions): Promise<Attachment> {
    const { features, limits } = config;
    if (!features.fileUploads) throw new TickkiChatError('feature_disabled', 'File uploads are disabled');
    if (file.size > limits.maxUploadKb * 1024) throw new TickkiChatError('file_too_large', `Over ${limits.maxUploadKb} KB`);
    onProgress?.(0);
    const form = new FormData();
    form.append('file', file);
    const fetch = onProgress && (await progressFetch?.().catch(() => undefined))?.(form, onProgress);
    const { data } = await this.#op(uploadAttachment, { body: { file }, fetch }, { signal, timeoutMs: 120_000 });
    onProgress?.(1);
    return fromWireAttachment(data.attachment);
  }

  /** Presence calls: fire and forget (a missed one is harmless). */
  heartbeat(): void {
    this.#op(sendHeartbeat).catch(() => undefined);
  }

  /** See {@link SessionRequests.heartbeat}. */
  typing(): void {
    this.#op(sendTyping).catch(() => undefined);
  }

  /** Aborts every call in flight and every later one. */
  stop(): void {
    this.#stop.abort();
  }
}
