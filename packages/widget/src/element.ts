import { textOn } from '@tickki/chat-ui';
import { fetchBrandColor } from './config-brand.js';
import { ElementEvents } from './element-events.js';
import { afterLoadAndIdle } from './idle.js';
import { Launcher } from './launcher.js';
import { PanelLoader } from './panel-loader.js';
import { Lifecycle, type ElementState } from './lifecycle.js';
import type { LoadApp, LoadWords, TickkiChatElement, VisitorFields, WidgetApp, WidgetEvents, WidgetHost } from './types.js';
import { readUi, saveBrand, tabOpen } from './ui-state.js';

export type { ElementState } from './lifecycle.js';
export type * from './types.js';

/** The one `<tickki-chat>` of the page; another one warns (once) and stays empty. */
let owner: HTMLElement | undefined;
let warned = false;

/**
 * Defines `<tickki-chat>` (once; only in a browser, so importing is SSR-safe). The element draws
 * the launcher and unread badge at once. It loads the panel with `load` when the visitor reaches for
 * the launcher (hover, focus, touch) or opens it; after the page's `load` event and an idle moment
 * when a conversation is going on (so replies count as unread); at once when it was left open in
 * this tab. Under `consent="required"` or `"on-open"` it reads, writes and requests nothing until
 * `consent()` (or, `on-open`, the visitor opening it). Its lifecycle is the machine of `lifecycle.ts`.
 * A page in another language than English (or with `strings`) loads its words with `loadWords`.
 */
export function defineTickkiChat(load: LoadApp, loadWords: LoadWords, name = 'tickki-chat'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, makeElement(load, loadWords));
}

function makeElement(load: LoadApp, loadWords: LoadWords): CustomElementConstructor {
  return class TickkiChat extends HTMLElement implements TickkiChatElement {
    static observedAttributes = ['publishable-key', 'base-url', 'locale', 'theme', 'primary-color', 'dir', 'strings', 'visitor-id', 'sound', 'consent'];
    #root: ShadowRoot | undefined;
    #launcher: Launcher | undefined;
    #consented = false;
    #life = new Lifecycle((state) => {
      this.#launcher?.frame.setAttribute('data-state', state);
      this.#label();
    });
    #panel = new PanelLoader(load, this.#life, (error) => this.#fail(error));
    /** What `identify()` was given before the chat loaded. */
    #identity: VisitorFields | undefined;
    /** The loader's config request, which the chat waits for (it then reads the config it kept). */
    #config: Promise<void> | undefined;
    #events = new ElementEvents(this);
    #open = false;
    #unread = 0;
    #stopSchedule: (() => void) | undefined;

    get isOpen(): boolean {
      return this.#open;
    }

    get unread(): number {
      return this.#unread;
    }

    get state(): ElementState {
      return this.#life.state;
    }

    /** Consent is asked for and not given yet: nothing is stored, read or requested. */
    get #waiting(): boolean {
      const mode = this.getAttribute('consent');
      return !!mode && mode !== 'given' && !this.#consented;
    }

    get #key(): string {
      return this.getAttribute('publishable-key') ?? '';
    }

    connectedCallback(): void {
      if (this.state === 'destroyed' || this.state === 'loading' || this.state === 'mounted') return; // destroyed, or moved in the page
      if (owner && owner !== this && owner.isConnected) {
        if (!warned) console.warn('tickki-chat: only one <tickki-chat> per page; this one stays empty.');
        warned = true;
        return;
      }
      owner = this;
      if (!this.#root) this.#build();
      this.#open = false;
      if (this.#waiting) return this.#launcher!.brand(this.getAttribute('primary-color'));
      this.#begin();
    }

    /** With consent: the kept badge and colour, and the chat if it was open in this tab or going on. */
    #begin(): void {
      this.#restore();
      if (tabOpen(this.#key)) this.#setOpen(true, false, true);
      // a visitor with a conversation: load it in the background, to count replies as unread;
      // anyone else: only when they reach for the launcher
      else if (readUi(this.#key, this.getAttribute('visitor-id')).s) this.#schedule(() => void this.#load());
    }

    disconnectedCallback(): void {
      // moved elsewhere in the page: connected again within the same task
      queueMicrotask(() => !this.isConnected && this.#teardown('idle'));
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null): void {
      if (!this.#root || before === after) return;
      if (name === 'locale' || name === 'strings') this.#words();
      if (this.#waiting) return this.#launcher!.brand(this.getAttribute('primary-color'));
      if (name === 'consent') return this.consent();
      if (this.state === 'mounted') {
        this.#panel.app!.refresh()?.catch((error: unknown) => this.#fail(error));
      } else if (this.state === 'failed') void this.#load(); // retry with the new settings
      else if (name === 'publishable-key' || name === 'visitor-id' || name === 'primary-color') this.#restore();
    }

    open(): void {
      this.#setOpen(true, true);
    }

    close(): void {
      this.#setOpen(false);
    }

    toggle(): void {
      this.#setOpen(!this.#open, true);
    }

    consent(): void {
      if (!this.#waiting) return void (this.#consented = true);
      this.#consented = true;
      const note = this.#launcher?.note;
      if (!note || owner !== this || this.state !== 'idle') return;
      const asked = !note.hidden;
      note.hidden = true;
      this.#events.emit('consent', 'given');
      this.#begin();
      if (asked) this.#setOpen(true, true);
    }

    async identify(fields: VisitorFields): Promise<unknown> {
      const app = this.#panel.app;
      if (app) return app.identify(fields);
      this.#identity = { ...this.#identity, ...fields };
    }

    async logout(): Promise<void> {
      this.#identity = undefined;
      this.#setOpen(false);
      if (!this.#root || this.#waiting) return; // nothing was kept
      const app = await this.#load();
      if (!app) throw new Error('tickki-chat: the chat could not load to log out');
      await app.logout();
    }

    on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void {
      return this.#events.on(event, listener);
    }

    destroy(): void {
      this.#teardown('destroyed');
      this.#events.clear();
      this.remove();
    }

    #teardown(next: 'idle' | 'destroyed'): void {
      this.#stopSchedule?.();
      this.#panel.drop();
      if (owner === this) owner = undefined;
      this.#life.to(next);
    }

    /** The badge and brand colour kept for the current key (the chat, once loaded, keeps them current). */
    #restore(): void {
      const ui = readUi(this.#key, this.getAttribute('visitor-id'));
      this.#setUnread(ui.u ?? 0);
      const color = this.getAttribute('primary-color') ?? ui.c;
      if (color) this.#launcher!.brand(color);
      // a first visit: the launcher wears the brand colour from the config, not the default, as
      // soon as the page is idle (one small request; later pages have the colour kept)
      else if (this.#key) this.#schedule(() => this.#fetchBrand());
    }

    /**
     * The CSP nonce. Browsers hide a connected element's `nonce` attribute (it reads as "") and keep
     * the value in the `nonce` property.
     */
    #nonce(): string | null {
      return this.nonce || this.getAttribute('nonce');
    }

    #build(): void {
      const launcher = (this.#launcher = new Launcher((this.#root = this.attachShadow({ mode: 'open' })), () => this.#nonce()));
      launcher.button.addEventListener('click', () => this.toggle());
      // the visitor is about to open it: start loading now
      const preload = () => this.state === 'idle' && !this.#waiting && void this.#load();
      for (const intent of ['pointerenter', 'focus', 'touchstart']) launcher.button.addEventListener(intent, preload, { once: true, passive: true });
      this.#words();
    }

    /** The launcher's words: English at once, another language (or overrides) once its table loaded. */
    #words(): void {
      const locale = this.getAttribute('locale') || navigator.language || 'en';
      const overrides = this.getAttribute('strings');
      this.#label();
      if (/^en([-_]|$)/i.test(locale) && !overrides) return;
      loadWords()
        .then((m) => m.launcherWords(locale, overrides))
        .then((words) => {
          if (locale !== (this.getAttribute('locale') || navigator.language || 'en') || overrides !== this.getAttribute('strings')) return; // changed meanwhile
          this.#launcher!.words = words;
          this.#label();
        })
        .catch(() => undefined); // English stays
    }

    #label(): void {
      this.#launcher?.draw({ open: this.#open, unread: this.#unread, failed: this.state === 'failed' });
    }

    /** `focus`: opened by the visitor (focus goes into the panel); `restore`: left open in this tab, reopened on load (focus stays where the page put it). */
    #setOpen(open: boolean, focus = false, restore = false): void {
      if (this.state === 'destroyed' || !this.#root) return;
      const { note, button, frame } = this.#launcher!;
      if (this.#waiting) {
        if (this.getAttribute('consent') === 'on-open' && open) this.consent();
        else {
          // the host's consent banner decides; the visitor learns why nothing opens
          note.hidden = !open || !note.hidden;
          if (!note.hidden) this.#events.emit('consent', 'needed');
        }
        if (this.#waiting || this.#open) return;
      }
      const changed = open !== this.#open;
      this.#open = open;
      this.toggleAttribute('open', open);
      frame.toggleAttribute('data-open', open);
      this.#label();
      tabOpen(this.#key, open);
      if (open) {
        button.setAttribute('aria-busy', String(!this.#panel.app));
        void this.#load().then((app) => {
          button.removeAttribute('aria-busy');
          if (app && this.#open) app.opened(!restore);
        });
      } else {
        void this.#panel.app?.refresh();
        if (focus) button.focus();
      }
      if (changed) this.#events.emit('open', open);
    }

    #setUnread(count: number): void {
      const changed = count !== this.#unread;
      this.#unread = count;
      this.#label();
      if (changed) this.#events.emit('unread', count);
    }

    /** Runs `run` after the page's `load` event and an idle moment. */
    #schedule(run: () => void): void {
      this.#stopSchedule = afterLoadAndIdle(run);
    }

    #fetchBrand(): void {
      // the chat, loaded or on its way, asks for the config itself
      if (this.state !== 'idle') return;
      const key = this.#key;
      this.#config = fetchBrandColor(key, this.getAttribute('base-url') ?? undefined).then((color) => {
        // the panel, if it loaded meanwhile, owns the colour
        if (color && textOn(color) && this.state === 'idle' && key === this.#key) this.#host().setBrand(color);
      });
    }

    /** Loads and mounts the chat (once); resolves it, or `undefined` when it failed, was overtaken or waits for consent. */
    #load(): Promise<WidgetApp | undefined> {
      if (this.#waiting) return Promise.resolve(undefined);
      return this.#panel.load(
        () => this.#host(),
        this.#config,
        (app) => {
          // settings changed while it mounted
          app.refresh()?.catch((error: unknown) => this.#fail(error));
          if (this.#identity) app.identify(this.#identity).catch(() => undefined);
          this.#identity = undefined;
        },
      );
    }

    /** Shows the failure; the next `open()` or attribute change loads again. */
    #fail(error: unknown): void {
      this.#panel.drop();
      this.#life.to('failed');
      this.#setOpen(false);
      console.error('tickki-chat: the chat could not start', error);
      this.dispatchEvent(new CustomEvent('tickki:error', { detail: error }));
    }

    #host(): WidgetHost {
      return {
        element: this,
        root: this.#root!,
        mount: this.#launcher!.mount,
        launcher: this.#launcher!.button,
        frame: this.#launcher!.frame,
        attr: (name) => this.getAttribute(name),
        isOpen: () => this.#open,
        setOpen: (open, focusLauncher) => this.#setOpen(open, focusLauncher),
        setUnread: (count) => this.#setUnread(count),
        setBrand: (color) => {
          if (!this.getAttribute('primary-color')) this.#launcher!.brand(color);
          saveBrand(this.#key, color);
        },
        emit: (event, value) => this.#events.emit(event, value),
        adopt: (css) => this.#launcher!.adopt(css),
      };
    }
  };
}
