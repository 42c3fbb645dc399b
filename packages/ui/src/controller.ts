import {
  TickkiChat,
  TickkiChatError,
  type AgentTyping,
  type ChatConfig,
  type ChatMessage,
  type ChatSession,
  type ConnectionState,
  type StartSessionOptions,
  type SyncState,
  type TickkiChatOptions,
} from '@tickki/chat';

/** Where starting the visitor's session stands. */
export type SessionStatus = 'idle' | 'starting' | 'ready' | 'error';

/** Everything a chat UI renders, as one immutable snapshot (a new object on every change). */
export interface ChatView {
  /** Where starting the session stands: `ready` once the channel is subscribed and history is loaded. */
  status: SessionStatus;
  /** The session, once started (also while it gets `ready`). */
  session: ChatSession | undefined;
  /** Why the session could not start (`status === 'error'`). */
  error: TickkiChatError | undefined;
  /** The messages, oldest first (the session store's snapshot). */
  messages: readonly ChatMessage[];
  /** Whether older messages may exist beyond those held. */
  hasOlder: boolean;
  /** The realtime connection's state. */
  connection: ConnectionState;
  /** Where gap filling stands. */
  sync: SyncState;
  /** The agent typing right now, or `undefined`. Expires on its own (see {@link TYPING_TTL_MS}). */
  typing: AgentTyping | undefined;
  /** The business's chat configuration, once fetched. */
  config: ChatConfig | undefined;
}

/** How long an agent's "typing" shows without a new signal: the indicator never goes stale. */
export const TYPING_TTL_MS = 8000;

/** The view before anything started; also what a server render sees. */
export const EMPTY_VIEW: ChatView = Object.freeze({
  status: 'idle',
  session: undefined,
  error: undefined,
  messages: Object.freeze([]) as readonly ChatMessage[],
  hasOlder: false,
  connection: 'idle',
  sync: Object.freeze({ status: 'idle' }) as SyncState,
  typing: undefined,
  config: undefined,
});

/** How {@link ChatController} gets its chat: options to create one, or one the app made. */
export type ChatSource = TickkiChatOptions | { chat: TickkiChat };

/**
 * A chat UI's state, DOM-free and React-free: owns one `TickkiChat` and its session, and
 * exposes them as an external store (`subscribe` + `view`) that `useSyncExternalStore`, Preact or
 * any renderer can read. Creating it does nothing; {@link ChatController.retain} creates the chat.
 * Releases are deferred by a tick, so React StrictMode's mount → unmount → mount keeps one chat,
 * one session and one socket.
 */
export class ChatController {
  #source: ChatSource;
  #chat: TickkiChat | undefined;
  #view: ChatView = EMPTY_VIEW;
  #listeners = new Set<() => void>();
  #holders = 0;
  #disposeTimer: ReturnType<typeof setTimeout> | undefined;
  #stopTimer: ReturnType<typeof setTimeout> | undefined;
  #key: string | undefined;
  #starting: Promise<ChatSession> | undefined;
  #detach: (() => void) | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;

  #typingTtlMs: number;

  /** `typingTtlMs`: how long "typing" shows without a new signal (default {@link TYPING_TTL_MS}). */
  constructor(source: ChatSource, options: { typingTtlMs?: number } = {}) {
    this.#source = source;
    this.#typingTtlMs = options.typingTtlMs ?? TYPING_TTL_MS;
  }

  /** The current snapshot. */
  get view(): ChatView {
    return this.#view;
  }

  /** The chat, once created (by {@link ChatController.retain} or {@link ChatController.start}). */
  get chat(): TickkiChat | undefined {
    return this.#chat;
  }

  /** Listens to changes of {@link ChatController.view}; returns a function that stops. Bound. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  /** The current snapshot. Bound, for `useSyncExternalStore`. */
  readonly getView = (): ChatView => this.#view;

  /**
   * Keeps the chat alive (creating it and fetching the config on first use); returns the release.
   * When the last holder releases, the chat is disposed a tick later unless retained again.
   */
  retain(): () => void {
    this.#holders++;
    clearTimeout(this.#disposeTimer);
    this.#ensure();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#holders > 0) return;
      this.#disposeTimer = setTimeout(() => this.dispose(), 0);
    };
  }

  /**
   * Starts (or resumes) the visitor's session. Calling it again with the same options while that
   * session lives returns the same session: one session and one socket per visitor, however often
   * a component mounts. Other options start a new session (the previous one is disposed).
   */
  start(options: StartSessionOptions): Promise<ChatSession> {
    clearTimeout(this.#stopTimer);
    const key = JSON.stringify(options);
    if (key === this.#key && this.#starting) return this.#starting;
    this.#detach?.();
    this.#key = key;
    const chat = this.#ensure();
    this.#set({ ...EMPTY_VIEW, config: this.#view.config, status: 'starting' });
    const starting = chat.startSession(options).then(
      (session) => {
        if (this.#key === key) this.#attach(session);
        return session;
      },
      (cause: unknown) => {
        if (this.#key === key) {
          this.#starting = undefined;
          this.#key = undefined;
          this.#set({ status: 'error', error: cause instanceof TickkiChatError ? cause : new TickkiChatError('network', String(cause), { cause }) });
        }
        throw cause;
      },
    );
    starting.catch(() => undefined);
    return (this.#starting = starting);
  }

  /** Stops the session a tick later, unless {@link ChatController.start} is called again with the same options first. */
  stopSoon(): void {
    clearTimeout(this.#stopTimer);
    this.#stopTimer = setTimeout(() => this.stop(), 0);
  }

  /** Stops the session now (the chat stays). */
  stop(): void {
    clearTimeout(this.#stopTimer);
    this.#detach?.();
    this.#detach = undefined;
    this.#starting?.then((s) => s.dispose(), () => undefined);
    this.#starting = undefined;
    this.#key = undefined;
    this.#set({ ...EMPTY_VIEW, config: this.#view.config });
  }

  /** Disposes the session and the chat (a chat given by the app is left to the app). Later use creates a new chat. */
  dispose(): void {
    clearTimeout(this.#disposeTimer);
    this.stop();
    if (this.#chat && !('chat' in this.#source)) this.#chat.dispose();
    this.#chat = undefined;
  }

  #ensure(): TickkiChat {
    if (this.#chat) return this.#chat;
    const chat = (this.#chat = 'chat' in this.#source ? this.#source.chat : new TickkiChat(this.#source));
    chat.fetchConfig().then(
      (config) => this.#chat === chat && !this.#view.config && this.#set({ config }),
      () => undefined,
    );
    return chat;
  }

  #attach(session: ChatSession): void {
    const read = (): Partial<ChatView> => ({
      session,
      messages: session.messages,
      hasOlder: session.hasOlder,
      connection: session.connectionState,
      sync: session.syncState,
      config: session.config,
    });
    this.#set({ ...read(), status: 'starting', error: undefined });
    let newest = session.messages.at(-1)?.key;
    const stops = [
      session.subscribe((messages) => {
        // a new agent message ends "typing"
        const last = messages.at(-1);
        const replied = last !== undefined && last.key !== newest && last.isFromAgent;
        newest = last?.key;
        if (replied) clearTimeout(this.#typingTimer);
        this.#set({ messages, hasOlder: session.hasOlder, typing: replied ? undefined : this.#view.typing });
      }),
      session.on('connection', ({ to }) => this.#set({ connection: to })),
      session.on('sync', (sync) => this.#set({ sync, hasOlder: session.hasOlder })),
      session.on('agentTyping', (typing) => {
        clearTimeout(this.#typingTimer);
        this.#set({ typing: typing.typing ? typing : undefined });
        if (typing.typing) this.#typingTimer = setTimeout(() => this.#set({ typing: undefined }), this.#typingTtlMs);
      }),
    ];
    this.#detach = () => {
      clearTimeout(this.#typingTimer);
      for (const stop of stops) stop();
    };
    session.ready.then(
      () => this.#view.session === session && this.#set({ ...read(), status: 'ready' }),
      (error: TickkiChatError) => this.#view.session === session && error.code !== 'disposed' && this.#set({ status: 'error', error }),
    );
  }

  #set(patch: Partial<ChatView>): void {
    const next = { ...this.#view, ...patch };
    if ((Object.keys(patch) as (keyof ChatView)[]).every((k) => next[k] === this.#view[k])) return;
    this.#view = Object.freeze(next);
    for (const listener of [...this.#listeners]) listener();
  }
}
