import type { ChatConfig, ChatMessage, ChatSession, TickkiChatError, TickkiChatOptions } from '@tickki/chat';
import { Emitter } from './emitter.js';
import { BannerTimer, type BannerKind } from './banner.js';
import { ChatController, EMPTY_VIEW, type ChatView } from './controller.js';
import { startRetryDelay } from './retry-policy.js';
import { UiStore, type UiStorage } from './ui-store.js';
import { UnreadCounter } from './unread.js';
import { anonymousVisitorId, forgetAnonymousVisitorId } from './visitor-id.js';

/** The visitor's contact as the server keeps it. */
export type Contact = Awaited<ReturnType<ChatSession['identify']>>;

/** What the visitor tells about themselves: `identify()`, the pre-chat form, the app's props. */
export interface VisitorFields {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** What a {@link ChatScreen} is: one business, one visitor. Every field can change on a live screen ({@link ChatScreen.update}). */
export interface ChatScreenOptions extends VisitorFields {
  /** The business's publishable key. */
  publishableKey: string;
  /** API host without `/api/v1`; default Tickki's. */
  baseUrl?: string | undefined;
  /** Your id for the visitor (the same id resumes the same conversation); default: an anonymous id kept on the device. */
  visitorId?: string | undefined;
  /** Where the screen's state and the anonymous visitor id are kept. */
  storage: UiStorage;
  /** The platform's parts of the chat (`Pusher`, `storage`, `lifecycle`, `bundleId`, `fetch`, …). */
  chat?: Omit<TickkiChatOptions, 'publishableKey' | 'baseUrl'> | undefined;
  /** How often agents' presence is refreshed while the chat is open and on screen (ms); default 60 s, 0: never. */
  presenceRefreshMs?: number | undefined;
}

/** A passing notice under the messages: why a text or a file was not sent. */
export type ScreenNotice = { kind: 'tooLong'; max: number } | { kind: 'fileTooLarge'; maxKb: number } | { kind: 'uploadFailed' };

/** A file on its way. */
export interface Upload {
  id: number;
  name: string;
  /** 0 to 1. */
  progress: number;
}

/** Everything a face renders: one immutable snapshot, a new object on every change. */
export interface ScreenState {
  /** The chat: session status, messages, connection, sync, typing, config. */
  view: ChatView;
  /** The business's configuration (refreshed while open); `undefined` until fetched. */
  config: ChatConfig | undefined;
  /** The config was fetched, or could not be (defaults apply): the screen knows whether to ask the pre-chat form. */
  configKnown: boolean;
  /** A start that retrying cannot fix (a revoked key, an origin not allowed): shown until {@link ChatScreen.restart} or new options. */
  failed: TickkiChatError | undefined;
  /** The banner, if any. */
  banner: BannerKind | undefined;
  /** No agent online: "leave a message". */
  away: boolean;
  /** Unread agent messages (agreed across tabs). */
  unread: number;
  /** The pre-chat form comes first (`identification.required_on_start` and nothing known of the visitor). */
  needsForm: boolean;
  uploads: readonly Upload[];
  notice: ScreenNotice | undefined;
}

/** Events of a {@link ChatScreen}. */
export interface ChatScreenEvents {
  /** A message sent, or received after the history loaded: once each (a failed send only once a retry sends it). */
  message: ChatMessage;
  /** The unread count changed. */
  unread: number;
}

const NOTICE_MS = 6000;

/**
 * What a chat screen does, once for every face (the web widget, React, React Native): it starts the
 * visitor's session when the chat is open or was going on, restarts it when the key, the base URL or
 * the visitor change, retries a failed start by one policy, keeps `identify()` until there is a
 * session, counts unread replies with the other tabs, times the banner, refreshes presence while
 * open, and reports uploads and notices. No DOM, no framework: faces render {@link ChatScreen.state}
 * and call its methods.
 */
export class ChatScreen {
  #o: ChatScreenOptions;
  #controller!: ChatController;
  #store!: UiStore;
  #unread!: UnreadCounter;
  #stops: (() => void)[] = [];
  #booted: Promise<void> | undefined;
  #visitorId: string | undefined;
  #state: ScreenState;
  #emitter = new Emitter<ChatScreenEvents>();
  #listeners = new Set<() => void>();
  #banner = new BannerTimer(() => this.#refresh());
  #open = false;
  #visible = true;
  #wanted = false;
  #attempt = 0;
  /** A start asked of the controller has not settled yet (its failure is handled before another one). */
  #starting = false;
  /** Counts starts: the outcome of one that a visitor switch or a new key abandoned is ignored. */
  #startCount = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pending: { fields: VisitorFields; waiters: ((contact: Contact | undefined) => void)[] } | undefined;
  #reported: Set<string> | undefined;
  /** Keys of the messages sent through this screen. */
  #mine = new Set<string>();
  #disposed = false;

  constructor(options: ChatScreenOptions) {
    this.#o = options;
    this.#state = { view: EMPTY_VIEW, config: undefined, configKnown: false, failed: undefined, banner: undefined, away: false, unread: 0, needsForm: false, uploads: [], notice: undefined };
  }

  /** The current snapshot. */
  get state(): ScreenState {
    return this.#state;
  }

  /** The visitor's id, once known. */
  get visitorId(): string | undefined {
    return this.#visitorId;
  }

  /** Listens to changes of {@link ChatScreen.state}; returns a function that stops. Bound. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  /** Listens to a {@link ChatScreenEvents} event; returns a function that stops. */
  on<K extends keyof ChatScreenEvents>(event: K, listener: (value: ChatScreenEvents[K]) => void): () => void {
    return this.#emitter.on(event, listener);
  }

  /** Reads the kept state and fetches the config (once); later calls share it. Starts the session if it was going on. */
  boot(): Promise<void> {
    return (this.#booted ??= this.#boot());
  }

  /**
   * Applies changed options to the live screen (the others stay): a new key or base URL replaces the chat (the old one is
   * disposed, nothing of it left running); a new visitor starts that visitor's session; new contact
   * fields are sent with `identify()`.
   */
  update(changes: Partial<ChatScreenOptions>): void {
    const old = this.#o;
    const options = (this.#o = { ...old, ...changes });
    if (!this.#booted) return;
    if (options.publishableKey !== old.publishableKey || options.baseUrl !== old.baseUrl) {
      const wanted = this.#wanted;
      this.#teardown();
      this.#booted = undefined;
      this.#wanted = wanted;
      void this.boot();
    } else if (options.visitorId !== old.visitorId) {
      this.#visitorId = undefined; // nothing starts for the old visitor meanwhile
      this.#controller.stop();
      void this.#switchVisitor();
    } else if (options.name !== old.name || options.email !== old.email || options.phone !== old.phone) {
      void this.identify({ name: options.name, email: options.email, phone: options.phone });
    }
  }

  /** The chat is open (or closed): open, it starts the session and marks replies seen while visible. */
  setOpen(open: boolean): void {
    this.#open = open;
    if (open) this.#wanted = true;
    this.#refresh();
  }

  /** The page or app is on screen (or hidden): replies are seen only while it is. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    this.#refresh();
  }

  /** Starts again after a failed start (a retry button). */
  restart(): void {
    this.#attempt = 0;
    clearTimeout(this.#retryTimer);
    this.#set({ failed: undefined });
    this.#maybeStart();
  }

  /**
   * The visitor's name, email or phone: used to start the session when there is none yet, else sent
   * once it is ready (also during a start). Resolves the contact as the server keeps it.
   */
  identify(fields: VisitorFields): Promise<Contact | undefined> {
    const known = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v)) as VisitorFields;
    this.#store?.patch({ i: { ...this.#store.state.i, ...known } });
    const pending = (this.#pending ??= { fields: {}, waiters: [] });
    Object.assign(pending.fields, known);
    const done = new Promise<Contact | undefined>((resolve) => pending.waiters.push(resolve));
    this.#refresh(); // the form may be answered now
    void this.#flushIdentity();
    return done;
  }

  /** Sends a text; resolves whether it was queued (a refused text sets a notice). */
  async send(text: string): Promise<boolean> {
    const session = this.#state.view.session;
    if (!session) return false;
    this.#set({ notice: undefined });
    try {
      const sending = session.send(text);
      // it is in the store now, pending, last: news even if the session gets ready after it
      const key = session.messages.at(-1)?.key;
      if (key) this.#mine.add(key);
      await sending;
      return true;
    } catch (e) {
      if ((e as TickkiChatError).code === 'message_too_long') this.#notice({ kind: 'tooLong', max: session.config.limits.messageMaxLength });
      return false;
    }
  }

  /** Sends a failed message again. */
  retry(clientId: string): void {
    this.#state.view.session?.retry(clientId).catch(() => undefined);
  }

  /** Drops a failed message. */
  discard(clientId: string): void {
    this.#state.view.session?.discard(clientId);
  }

  /** Uploads files one by one as attachment messages, with progress; a refusal or failure sets a notice. */
  upload(files: readonly (Blob & { name?: string })[]): void {
    const { session } = this.#state.view;
    if (!session || !session.config.features.fileUploads) return;
    for (const file of files) {
      const id = Math.random();
      const progress = (p: number) => this.#set({ uploads: this.#state.uploads.map((u) => (u.id === id ? { ...u, progress: p } : u)) });
      this.#set({ uploads: [...this.#state.uploads, { id, name: file.name ?? '', progress: 0 }] });
      session
        .uploadAttachment(file, { onProgress: progress })
        .catch((e: TickkiChatError) =>
          this.#notice(['file_too_large', 'payload_too_large'].includes(e.code) ? { kind: 'fileTooLarge', maxKb: session.config.limits.maxUploadKb } : { kind: 'uploadFailed' }),
        )
        .finally(() => this.#set({ uploads: this.#state.uploads.filter((u) => u.id !== id) }));
    }
  }

  /**
   * Ends the visitor's chat on this device: the session is stopped, and its token, kept messages,
   * unsent messages (dropped, never sent as the next person), contact fields, unread state and the
   * anonymous visitor id are removed. The screen stays, closed, for whoever comes next.
   */
  async logout(): Promise<void> {
    await this.boot();
    const visitorId = this.#visitorId;
    this.#wanted = this.#open = false;
    this.#resolveIdentity(undefined);
    this.#visitorId = undefined;
    this.#abandonStart();
    await this.#controller.chat?.logout(visitorId);
    this.#controller.stop();
    this.#store.forgetConversation();
    if (!this.#o.visitorId) await forgetAnonymousVisitorId(this.#o.storage, this.#o.publishableKey);
    await this.#switchVisitor();
  }

  /** Stops everything: chat, socket, timers, listeners. */
  dispose(): void {
    this.#disposed = true;
    this.#teardown();
    this.#listeners.clear();
    this.#emitter.clear();
  }

  async #boot(): Promise<void> {
    const { publishableKey, baseUrl, storage, chat } = this.#o;
    const store = (this.#store = new UiStore(storage, publishableKey));
    this.#unread = new UnreadCounter(store);
    const controller = (this.#controller = new ChatController({ ...chat, publishableKey, baseUrl }));
    this.#stops = [controller.retain(), controller.subscribe(() => this.#refresh()), store.watch(() => this.#refresh())];
    await store.load();
    await this.#switchVisitor();
    const known = (config?: ChatConfig) => {
      this.#set({ config: this.#state.config ?? config, configKnown: true });
      this.#refresh(); // the pre-chat form, the start
    };
    controller.chat?.fetchConfig().then(known, () => known()); // unreachable: defaults apply
    this.#presence();
  }

  /** Takes the visitor of the options (or the anonymous one) and starts their session if wanted. */
  async #switchVisitor(): Promise<void> {
    const { visitorId, storage, publishableKey } = this.#o;
    const id = visitorId || (await anonymousVisitorId(storage, publishableKey));
    if (this.#disposed) return;
    // what is kept belongs to another visitor (a login, a logout): not theirs to show
    if (this.#store.state.v !== id) this.#store.forgetConversation();
    this.#store.patch({ v: id });
    this.#visitorId = id;
    this.#reported = undefined;
    this.#abandonStart();
    this.#wanted ||= !!this.#store.state.s;
    this.#set({ view: EMPTY_VIEW, unread: this.#store.state.u ?? 0, failed: undefined });
    this.#maybeStart();
  }

  #maybeStart(): void {
    const c = this.#controller;
    const { configKnown, needsForm, failed } = this.#state;
    if (!c || this.#disposed || !this.#visitorId || !this.#wanted || !configKnown || needsForm || failed || this.#starting || c.view.session || this.#retryTimer) return;
    const { name, email, phone } = this.#o;
    const fields = { ...this.#store.state.i, ...strip({ name, email, phone }), ...this.#pending?.fields };
    this.#store.patch({ s: true });
    this.#starting = true;
    const mine = ++this.#startCount;
    c.start({ visitorId: this.#visitorId!, ...strip(fields) }).then(
      () => {
        if (mine !== this.#startCount) return;
        this.#starting = false;
        this.#attempt = 0;
        this.#resolveIdentity(undefined, true); // the start carried them
      },
      (error: TickkiChatError) => {
        if (mine !== this.#startCount || this.#disposed) return;
        this.#starting = false;
        if (error.code === 'aborted') return this.#refresh();
        const delay = startRetryDelay(error, this.#attempt++);
        if (delay === undefined) {
          this.#set({ failed: error });
          return this.#refresh();
        }
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = undefined;
          this.#maybeStart();
        }, delay);
        this.#refresh();
      },
    );
  }

  /** Sends the fields `identify()` keeps once a session is ready. */
  async #flushIdentity(): Promise<void> {
    const session = this.#state.view.session;
    if (!this.#pending || !session) return this.#maybeStart();
    const ready = await session.ready.then(() => true, () => false);
    const pending = this.#pending;
    if (!ready || !pending || this.#state.view.session !== session) return;
    this.#pending = undefined;
    const contact = await session.identify(pending.fields).catch(() => undefined);
    for (const resolve of pending.waiters) resolve(contact);
  }

  #resolveIdentity(contact: Contact | undefined, fromStart = false): void {
    const pending = this.#pending;
    if (!pending) return;
    if (fromStart) return void this.#flushIdentity(); // fields given during the start: sent now
    this.#pending = undefined;
    for (const resolve of pending.waiters) resolve(contact);
  }

  #refresh(): void {
    if (!this.#controller) return;
    const view = this.#controller.view;
    const config = this.#state.config ?? view.config;
    const state = this.#store.state;
    // the contract: an email is what a required identification asks for (the name is optional)
    const needsForm = !!config?.identification.requiredOnStart && !state.i?.email && !this.#o.email && !this.#pending?.fields.email;
    let unread = this.#state.unread;
    if (view.status === 'ready') {
      unread = this.#unread.update(view.messages, this.#open && this.#visible);
      this.#report(view.messages);
    }
    // a start that will not pass is `failed` (the face shows it with a retry button), not "retrying"
    const banner = this.#banner.banner(view.connection, view.status === 'error' && !this.#state.failed, view.sync, this.#wanted);
    this.#set({ view, config, needsForm, unread, banner, away: config?.presence.agentsOnline === 0 });
    this.#maybeStart();
    if (this.#pending && view.status === 'ready') void this.#flushIdentity();
  }

  /**
   * The `message` event, once per message: history at the first ready is not news; what this screen
   * sent, and what came after it, is (also when it was sent while the session was starting).
   */
  #report(messages: readonly ChatMessage[]): void {
    const firstMine = messages.findIndex((m) => this.#mine.has(m.key));
    const seen = (this.#reported ??= new Set((firstMine < 0 ? messages : messages.slice(0, firstMine)).map((m) => m.key)));
    for (const m of messages)
      if (m.status === 'sent' && !seen.has(m.key)) {
        seen.add(m.key);
        this.#emitter.emit('message', m);
      }
  }

  /** Refreshes the config (agents online) while the chat is open and on screen. */
  #presence(): void {
    const every = this.#o.presenceRefreshMs ?? 60_000;
    if (!every) return;
    const timer = setInterval(() => {
      if (!this.#open || !this.#visible) return;
      this.#controller.chat?.fetchConfig({ force: true }).then(
        (config) => {
          this.#set({ config });
          this.#refresh(); // agents online, the pre-chat form
        },
        () => undefined,
      );
    }, every);
    this.#stops.push(() => clearInterval(timer));
  }

  #notice(notice: ScreenNotice): void {
    this.#set({ notice });
    setTimeout(() => this.#state.notice === notice && this.#set({ notice: undefined }), NOTICE_MS);
  }

  /** Forgets the start in flight and a retry waiting (the controller stops or disposes it). */
  #abandonStart(): void {
    this.#startCount++;
    this.#starting = false;
    this.#attempt = 0;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #teardown(): void {
    this.#abandonStart();
    this.#banner.dispose();
    for (const stop of this.#stops.splice(0)) stop();
    this.#controller?.dispose();
    this.#resolveIdentity(undefined);
  }

  #set(patch: Partial<ScreenState>): void {
    const next = { ...this.#state, ...patch };
    if ((Object.keys(patch) as (keyof ScreenState)[]).every((k) => next[k] === this.#state[k])) return;
    const unreadChanged = next.unread !== this.#state.unread;
    this.#state = Object.freeze(next);
    for (const listener of [...this.#listeners]) listener();
    if (unreadChanged) this.#emitter.emit('unread', next.unread);
  }
}

/** The fields that hold text. */
const strip = (fields: VisitorFields): VisitorFields => Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim()));
