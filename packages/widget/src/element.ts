import { adoptCss } from './adopt.js';
import { afterLoadAndIdle } from './idle.js';
import { buildLauncher, drawLauncher, ENGLISH, paintBrand, type LauncherNodes, type LauncherWords } from './launcher.js';
import { TRANSITIONS, type ElementState } from './lifecycle.js';
import type { ElementPort, LoadChunk, TickkiChatElement, VisitorFields, WidgetApp, WidgetEvents } from './types.js';
import { readUi, tabOpen } from './ui-state.js';

export type { ElementState } from './lifecycle.js';
export type * from './types.js';

/** The one `<tickki-chat>` of the page; another one warns (once) and stays empty. */
let owner: HTMLElement | undefined;
let warned = false;

/**
 * Defines `<tickki-chat>` (once; only in a browser, so importing is SSR-safe). The element draws
 * the launcher at once, and in the next task what is kept (unread badge, colour, open state). It loads the panel when the visitor reaches for the
 * launcher (hover, focus, touch) or opens it; after the page's `load` event and an idle moment when
 * a conversation is going on (so replies count as unread); at once when it was left open in this
 * tab. Under `consent="required"` or `"on-open"` it reads, writes and requests nothing until
 * `consent()` (or, `on-open`, the visitor opening it). Its lifecycle is the machine of
 * `lifecycle.ts`. `load` loads its chunks ({@link LoadChunk}): the panel; a page in another language
 * than English (or with `strings`) the launcher's words; a first visit the brand colour.
 */
export function defineTickkiChat(load: LoadChunk, name = 'tickki-chat'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, makeElement(load));
}

function makeElement(load: LoadChunk): CustomElementConstructor {
  return class TickkiChat extends HTMLElement implements TickkiChatElement {
    static observedAttributes = ['publishable-key', 'base-url', 'locale', 'theme', 'primary-color', 'dir', 'strings', 'visitor-id', 'sound', 'consent'];
    /** The launcher's nodes, once built. */
    #nodes: LauncherNodes | undefined;
    /** The launcher's words: the page's language's, once loaded (else English). */
    #words: LauncherWords = ENGLISH;
    #state: ElementState = 'idle';
    /** The mounted panel, and its load on the way. */
    #app: WidgetApp | undefined;
    #loading: Promise<WidgetApp | undefined> | undefined;
    /** Counts loads: only the newest may mount (a removal or a newer load overtakes one). */
    #generation = 0;
    #consented = false;
    /** What `identify()` was given before the chat loaded. */
    #identity: VisitorFields | undefined;
    /** The first visit's config request, which the chat waits for (it then reads the config kept). */
    #config: Promise<void> | undefined;
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
      return this.#state;
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
      if (this.#state !== 'idle' && this.#state !== 'failed') return; // destroyed, or moved in the page
      if (owner && owner !== this && owner.isConnected) {
        if (!warned) console.warn('tickki-chat: only one <tickki-chat> per page; this one stays empty.');
        warned = true;
        return;
      }
      owner = this;
      if (!this.#nodes) this.#build();
      this.#open = false;
      if (this.#waiting) return this.#brand(this.getAttribute('primary-color'));
      // what is kept is read in a task after the launcher's: a page's first storage access is slow
      setTimeout(() => this.isConnected && owner === this && this.#begin());
    }

    /** With consent: the kept badge and colour, and the chat if it was open in this tab or going on. */
    #begin(): void {
      this.#restore();
      if (tabOpen(this.#key)) this.#setOpen(true, false, true);
      // a visitor with a conversation: load it in the background, to count replies as unread;
      // anyone else: only when they reach for the launcher
      else if (readUi(this.#key, this.getAttribute('visitor-id')).s) this.#stopSchedule = afterLoadAndIdle(() => void this.#load());
    }

    disconnectedCallback(): void {
      // moved elsewhere in the page: connected again within the same task
      queueMicrotask(() => !this.isConnected && this.#teardown('idle'));
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null): void {
      if (!this.#nodes || before === after) return;
      if (name === 'locale' || name === 'strings') this.#loadWords();
      if (this.#waiting) return this.#brand(this.getAttribute('primary-color'));
      if (name === 'consent') return this.consent();
      if (this.#state === 'mounted') this.#refresh();
      else if (this.#state === 'failed') void this.#load(); // retry with the new settings
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
      const note = this.#nodes?.[1];
      if (!note || owner !== this || this.#state !== 'idle') return;
      const asked = !note.hidden;
      note.hidden = true;
      this.#emit('consent', 'given');
      this.#begin();
      if (asked) this.#setOpen(true, true);
    }

    async identify(fields: VisitorFields): Promise<unknown> {
      if (this.#app) return this.#app.identify(fields);
      this.#identity = { ...this.#identity, ...fields };
    }

    async logout(): Promise<void> {
      this.#identity = undefined;
      this.#setOpen(false);
      if (!this.#nodes || this.#waiting) return; // nothing was kept
      const app = await this.#load();
      if (!app) throw new Error('tickki-chat: the chat could not start');
      await app.logout();
    }

    /** Listens to `tickki:<event>`, the DOM event each of the element's events is (a listener that throws is reported, and the others still hear it). */
    on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void {
      const heard = (e: Event) => listener((e as CustomEvent).detail);
      this.addEventListener(`tickki:${event}`, heard);
      return () => this.removeEventListener(`tickki:${event}`, heard);
    }

    destroy(): void {
      this.#teardown('destroyed'); // nothing is emitted from now on; the listeners go with the element
      this.remove();
    }

    #teardown(next: 'idle' | 'destroyed'): void {
      this.#stopSchedule?.();
      this.#drop();
      if (owner === this) owner = undefined;
      this.#to(next);
    }

    /** An event, as `tickki:<event>` (what `on()` listens to). */
    #emit(event: string, detail: unknown): void {
      this.dispatchEvent(new CustomEvent(`tickki:${event}`, { detail }));
    }

    /** Moves to `next` if the lifecycle (`lifecycle.ts`) allows it, and shows it; returns whether it did. */
    #to(next: ElementState): boolean {
      if (!TRANSITIONS[this.#state].includes(next)) return false;
      this.#nodes?.[0].setAttribute('data-state', (this.#state = next));
      this.#draw();
      return true;
    }

    /** The badge and brand colour kept for the current key (the chat, once loaded, keeps them current). */
    #restore(): void {
      const ui = readUi(this.#key, this.getAttribute('visitor-id'));
      this.#setUnread(ui.u! | 0);
      const color = this.getAttribute('primary-color') ?? ui.c;
      if (color) this.#brand(color);
      // a first visit: the launcher wears the brand colour from the config, not the default, as
      // soon as the page is idle (`config-brand.ts`: a small file and one request; later pages have
      // the colour kept); the chat, loaded or on its way, asks for the config itself. When the file
      // or the request fails, the launcher keeps its colour.
      else if (this.#key)
        this.#stopSchedule = afterLoadAndIdle(() => {
          if (this.#state === 'idle') this.#config = load('brand').then((m) => m.brandLauncher(this.#port())).catch(() => undefined);
        });
    }

    /** Builds the launcher, and listens to it. */
    #build(): void {
      const button = (this.#nodes = buildLauncher(this))[2];
      button.addEventListener('click', () => this.toggle());
      // the visitor is about to open it: start loading now
      const preload = () => this.#state === 'idle' && void this.#load(); // nothing while consent is awaited
      for (const intent of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(intent, preload, { passive: true });
      this.#loadWords();
    }

    /** Paints the launcher in a brand colour (`launcher.ts`). */
    #brand(color: string | null | undefined): void {
      paintBrand(this.#nodes![0], color);
    }

    /** The launcher's words: English at once, another language (or overrides) once its table loaded. */
    #loadWords(): void {
      if (/^en([-_]|$)/i.test(this.getAttribute('locale') || navigator.language || 'en') && !this.getAttribute('strings')) this.#words = ENGLISH;
      else
        load('words')
          .then((m) => m.wordsOf(this))
          .then((words) => {
            if (words) {
              this.#words = words;
              this.#draw();
            }
          })
          .catch(() => undefined); // the words it has stay
      this.#draw();
    }

    /** Draws the state in the launcher's words. */
    #draw(): void {
      if (this.#nodes) drawLauncher(this.#nodes, this.#words, this.#open, this.#unread, this.#state === 'failed');
    }

    /** `focus`: opened by the visitor (focus goes into the panel); `restore`: left open in this tab, reopened on load (focus stays where the page put it). */
    #setOpen(open: boolean, focus = false, restore = false): void {
      const [frame, note, button] = this.#nodes ?? [];
      if (this.#state === 'destroyed' || !note) return;
      if (this.#waiting) {
        if (this.getAttribute('consent') === 'on-open' && open) this.consent();
        else {
          // the host's consent banner decides; the visitor learns why nothing opens
          note.hidden = !open || !note.hidden;
          if (!note.hidden) this.#emit('consent', 'needed');
        }
        if (this.#waiting || this.#open) return;
      }
      const changed = open !== this.#open;
      this.#open = open;
      this.toggleAttribute('open', open);
      frame!.toggleAttribute('data-open', open);
      this.#draw();
      tabOpen(this.#key, open);
      if (open) {
        button!.setAttribute('aria-busy', String(!this.#app));
        void this.#load().then((app) => {
          button!.removeAttribute('aria-busy');
          if (app && this.#open) app.opened(!restore);
        });
      } else {
        void this.#app?.refresh();
        if (focus) button!.focus();
      }
      if (changed) this.#emit('open', open);
    }

    #setUnread(count: number): void {
      const changed = count !== this.#unread;
      this.#unread = count;
      this.#draw();
      if (changed) this.#emit('unread', count);
    }

    /**
     * Loads and mounts the chat once (once the first visit's config request settled; later calls
     * share it); resolves it, or `undefined` when it failed, was overtaken or waits for consent.
     */
    async #load(): Promise<WidgetApp | undefined> {
      if (this.#waiting) return undefined;
      if (!this.#app && !this.#loading && this.#to('loading')) {
        const mine = ++this.#generation;
        this.#loading = Promise.all([load('app'), this.#config])
          .then(async ([{ mount }]) => {
            if (mine !== this.#generation) return undefined;
            const app = await mount(this.#port());
            if (mine !== this.#generation) return void app.destroy(); // removed while it mounted
            this.#app = app;
            this.#to('mounted');
            this.#refresh(); // settings changed while it mounted
            if (this.#identity) app.identify(this.#identity).catch(() => undefined);
            this.#identity = undefined;
            return app;
          })
          .catch((error: unknown) => {
            if (mine === this.#generation) this.#fail(error);
            return undefined;
          });
      }
      return this.#app ?? this.#loading;
    }

    /** Destroys the panel and forgets a load on its way. */
    #drop(): void {
      this.#generation++;
      this.#app?.destroy();
      this.#app = this.#loading = undefined;
    }

    /** Tells the mounted chat that settings changed; a new key or base URL it cannot start with fails. */
    #refresh(): void {
      this.#app!.refresh()?.catch((error: unknown) => this.#fail(error));
    }

    /** Shows the failure; the next `open()` or attribute change loads again. */
    #fail(error: unknown): void {
      this.#drop();
      this.#to('failed');
      this.#setOpen(false);
      console.error('tickki-chat: the chat could not start', error);
      this.#emit('error', error);
    }

    /** What the chunks are handed: the element, and what they have it do (`setBrand` paints the launcher unless `primary-color` is set). */
    #port(): ElementPort {
      return {
        element: this,
        adoptCss,
        setOpen: (open, focusLauncher) => this.#setOpen(open, focusLauncher),
        setUnread: (count) => this.#setUnread(count),
        setBrand: (color) => this.getAttribute('primary-color') || this.#brand(color),
      };
    }
  };
}
