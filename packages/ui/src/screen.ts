import type { ChatConfig, TickkiChatError } from '@tickki/chat';
import { Emitter, nextTask } from '@tickki/chat-realtime/internal';
import { BannerTimer } from './banner.js';
import { ChatController, EMPTY_VIEW } from './controller.js';
import { whileOnScreen } from './presence.js';
import { IdentityQueue } from './identity-queue.js';
import { MessageNews } from './message-news.js';
import { INITIAL_STATE, type ChatScreenEvents, type ChatScreenOptions, type Contact, type ScreenState, type VisitorFields } from './screen-types.js';
import { SessionStarts } from './session-starts.js';
import { UiStore } from './ui-store.js';
import { UnreadCounter } from './unread.js';
import { Outgoing } from './outgoing.js';
import { anonymousVisitorId, forgetAnonymousVisitorId } from './visitor-id.js';

export type * from './screen-types.js';

/**
 * What a chat screen does, once for every face (the web widget, React, React Native): it starts the
 * visitor's session when the chat is open or was going on, restarts it when the key, the base URL or
 * the visitor change, retries a failed start by one policy, keeps `identify()` until there is a
 * session, counts unread replies with the other tabs, times the banner, refreshes presence while
 * open, reports uploads and notices, and waits for consent when asked to. No DOM, no framework:
 * faces render {@link ChatScreen.state} and call its methods.
 */
export class ChatScreen {
  #o: ChatScreenOptions;
  #controller!: ChatController;
  #store!: UiStore;
  #unread!: UnreadCounter;
  #stops: (() => void)[] = [];
  #booted: Promise<void> | undefined;
  /** `boot()` was asked before consent: it runs on consent. */
  #bootAsked = false;
  #consented: boolean;
  #visitorId: string | undefined;
  #state: ScreenState;
  #emitter = new Emitter<ChatScreenEvents>(rethrowApart);
  #listeners = new Set<() => void>();
  #banner = new BannerTimer(() => this.#refresh());
  #open = false;
  #visible = true;
  #wanted = false;
  #identity = new IdentityQueue();
  #news = new MessageNews();
  #starts = new SessionStarts({
    started: () => this.#identity.waiting && void this.#flushIdentity(), // fields given during the start: sent now
    failed: (failed: TickkiChatError) => this.#set({ failed }),
    settled: () => this.#refresh(),
  });
  #outgoing = new Outgoing(() => this.#state, (patch) => this.#set(patch));
  #disposed = false;

  constructor(options: ChatScreenOptions) {
    this.#o = options;
    this.#consented = !options.consent || options.consent === 'given';
    this.#state = INITIAL_STATE;
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

  /**
   * Reads the kept state and fetches the config (once); later calls share it. Starts the session if
   * it was going on. Before consent it does nothing (no storage, no request) and runs on consent.
   */
  boot(): Promise<void> {
    if (this.#consented) return (this.#booted ??= this.#boot());
    this.#bootAsked = true;
    return Promise.resolve();
  }

  /** The site has the visitor's consent: the chat may store and connect from now on (a booted screen starts). */
  consent(): void {
    if (this.#consented || this.#disposed) return;
    this.#consented = true;
    this.#set({ consentNeeded: false });
    if (this.#bootAsked || this.#open) void this.boot();
  }

  /**
   * Applies changed options to the live screen (the others stay): a new key or base URL replaces the chat (the old one is
   * disposed, nothing of it left running); a new visitor starts that visitor's session; new contact
   * fields are sent with `identify()`; `consent: 'given'` is {@link ChatScreen.consent}.
   */
  update(changes: Partial<ChatScreenOptions>): void {
    const old = this.#o;
    const options = (this.#o = { ...old, ...changes });
    if (options.consent === 'given') this.consent();
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

  /**
   * The chat is open (or closed): open, it starts the session and marks replies seen while visible.
   * Before consent, opening is consent under `on-open`, and shows `consentNeeded` under `required`.
   */
  setOpen(open: boolean): void {
    this.#open = open;
    if (open) this.#wanted = true;
    if (open && !this.#consented) {
      if (this.#o.consent === 'on-open') this.consent();
      else this.#set({ consentNeeded: true });
    }
    this.#refresh();
  }

  /** The page or app is on screen (or hidden): replies are seen only while it is. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    this.#refresh();
  }

  /** Starts again after a failed start (a retry button). */
  restart(): void {
    this.#starts.now();
    this.#set({ failed: undefined });
    this.#maybeStart();
  }

  /**
   * The visitor's name, email or phone: used to start the session when there is none yet, else sent
   * once it is ready (also during a start). Resolves the contact as the server keeps it.
   */
  identify(fields: VisitorFields): Promise<Contact | undefined> {
    const known = strip(fields);
    this.#store?.patch({ i: { ...this.#store.state.i, ...known } });
    const done = this.#identity.add(known);
    this.#refresh(); // the form may be answered now
    void this.#flushIdentity();
    return done;
  }

  /** Sends a text; resolves whether it was queued (a refused text sets a notice). */
  async send(text: string): Promise<boolean> {
    const session = this.#state.view.session;
    // its message is news (a `message` event) even if the session gets ready after it
    return !!session && this.#outgoing.send(session, text, (key) => this.#news.sent(key));
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
    if (session?.config.features.fileUploads) this.#outgoing.upload(session, files);
  }

  /**
   * Ends the visitor's chat on this device: the session is stopped, and its token, kept messages,
   * unsent messages (dropped, never sent as the next person), contact fields, unread state and the
   * anonymous visitor id are removed. The screen stays, closed, for whoever comes next. Before
   * consent nothing was kept: nothing to do.
   */
  async logout(): Promise<void> {
    if (!this.#consented) return;
    await this.boot();
    const visitorId = this.#visitorId;
    this.#wanted = this.#open = false;
    this.#identity.take()[1](undefined);
    this.#visitorId = undefined;
    this.#starts.reset();
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
    // the kept state is read in a task of its own: a screen started as a page loads (a returning
    // visitor's chat, in the background) is short tasks for the page, not one long one
    await nextTask();
    // disposed, or replaced by a boot with another key or base URL meanwhile: that one goes on
    if (this.#disposed || this.#store !== store) return;
    await store.load();
    if (this.#store !== store) return;
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
    this.#news.reset();
    this.#starts.reset();
    this.#wanted ||= !!this.#store.state.s;
    this.#set({ view: EMPTY_VIEW, unread: this.#store.state.u ?? 0, failed: undefined });
    this.#maybeStart();
  }

  #maybeStart(): void {
    const c = this.#controller;
    const { configKnown, needsForm, failed } = this.#state;
    if (!c || this.#disposed || !this.#visitorId || !this.#wanted || !configKnown || needsForm || failed || this.#starts.busy || c.view.session) return;
    const { name, email, phone } = this.#o;
    const fields = strip({ ...this.#store.state.i, ...strip({ name, email, phone }), ...this.#identity.fields });
    this.#store.patch({ s: true });
    const visitorId = this.#visitorId;
    this.#starts.run(() => c.start({ visitorId, ...fields }), () => this.#maybeStart());
  }

  /** Sends the fields `identify()` keeps once a session is ready. */
  async #flushIdentity(): Promise<void> {
    const session = this.#state.view.session;
    if (!this.#identity.waiting || !session) return this.#maybeStart();
    const ready = await session.ready.then(() => true, () => false);
    if (!ready || !this.#identity.waiting || this.#state.view.session !== session) return;
    const [fields, settle] = this.#identity.take();
    settle(await session.identify(fields).catch(() => undefined));
  }

  #refresh(): void {
    if (!this.#controller) return;
    const view = this.#controller.view;
    const config = this.#state.config ?? view.config;
    const state = this.#store.state;
    // the contract: an email is what a required identification asks for (the name is optional)
    const needsForm = !!config?.identification.requiredOnStart && !state.i?.email && !this.#o.email && !this.#identity.fields.email;
    let unread = this.#state.unread;
    if (view.status === 'ready') {
      unread = this.#unread.update(view.messages, this.#open && this.#visible);
      for (const m of this.#news.take(view.messages)) this.#emitter.emit('message', m);
    }
    // a start that will not pass is `failed` (the face shows it with a retry button), not "retrying"
    const banner = this.#banner.banner(view.connection, view.status === 'error' && !this.#state.failed, view.sync, this.#wanted);
    this.#set({ view, config, needsForm, unread, banner, away: config?.presence.agentsOnline === 0 });
    this.#maybeStart();
    if (this.#identity.waiting && view.status === 'ready') void this.#flushIdentity();
  }

  /** Refreshes the config (agents online) while the chat is open and on screen. */
  #presence(): void {
    const refresh = () =>
      this.#controller.chat?.fetchConfig({ force: true }).then((config) => {
        this.#set({ config });
        this.#refresh(); // agents online, the pre-chat form
      }, () => undefined);
    this.#stops.push(whileOnScreen(this.#o.presenceRefreshMs ?? 60_000, () => this.#open && this.#visible, refresh));
  }

  #teardown(): void {
    this.#starts.reset();
    this.#banner.dispose();
    for (const stop of this.#stops.splice(0)) stop();
    this.#controller?.dispose();
    this.#identity.take()[1](undefined);
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

/** What a listener threw is thrown apart (it reaches the console), never to the code that emitted. */
const rethrowApart = (error: unknown) =>
  queueMicrotask(() => {
    throw error;
  });

/** The fields that hold text. */
const strip = (fields: VisitorFields): VisitorFields => Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim()));
