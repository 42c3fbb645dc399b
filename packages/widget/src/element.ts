import { textOn } from '@tickki/chat-ui';
import { adoptCss } from './adopt.js';
import { fetchBrandColor } from './config-brand.js';
import { Lifecycle, type ElementState } from './lifecycle.js';
import { LAUNCHER_CSS } from './launcher-css.js';
import type { LoadApp, TickkiChatElement, VisitorFields, WidgetApp, WidgetEvents, WidgetHost } from './types.js';
import { readUi, saveBrand, tabOpen } from './ui-state.js';

export type { ElementState } from './lifecycle.js';
export type * from './types.js';

const ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21.5l4.6-2.2c1.1.3 2.2.5 3.4.5 5.5 0 10-3.8 10-8.3S17.5 3 12 3z"/></svg>';
const ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

const LABELS: Record<string, [open: string, close: string, unread: string, failed: string, consentNeeded: string]> = {
  en: ['Open chat', 'Close chat', 'unread', 'could not load, try again', "The chat starts once you accept this site's privacy settings."],
  fr: ['Ouvrir le chat', 'Fermer le chat', 'non lus', 'échec du chargement, réessayez', 'Le chat démarre une fois les réglages de confidentialité de ce site acceptés.'],
  de: ['Chat öffnen', 'Chat schließen', 'ungelesen', 'Laden fehlgeschlagen, erneut versuchen', 'Der Chat startet, sobald Sie die Datenschutzeinstellungen dieser Website akzeptiert haben.'],
};

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
 */
export function defineTickkiChat(load: LoadApp, name = 'tickki-chat'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, makeElement(load));
}

function makeElement(load: LoadApp): CustomElementConstructor {
  return class TickkiChat extends HTMLElement implements TickkiChatElement {
    static observedAttributes = ['publishable-key', 'base-url', 'locale', 'theme', 'primary-color', 'dir', 'strings', 'visitor-id', 'sound', 'consent'];
    #root: ShadowRoot | undefined;
    #frame!: HTMLElement;
    #launcher!: HTMLButtonElement;
    #badge!: HTMLElement;
    /** The consent note shown when the visitor opens the chat before consent. */
    #note!: HTMLElement;
    #consented = false;
    #mount!: HTMLElement;
    #life = new Lifecycle((state) => {
      this.#frame?.setAttribute('data-state', state);
      if (this.#launcher) this.#label();
    });
    #app: WidgetApp | undefined;
    #loading: Promise<WidgetApp | undefined> | undefined;
    /** Counts loads: a load that a removal or a newer load overtook mounts nothing. */
    #generation = 0;
    #sheets = new Set<string>();
    /** What `identify()` was given before the chat loaded. */
    #identity: VisitorFields | undefined;
    /** The loader's config request, which the chat waits for (it then reads the config it kept). */
    #config: Promise<void> | undefined;
    #listeners = new Map<string, Set<(value: never) => void>>();
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
      if (this.#waiting) return this.#brand(this.getAttribute('primary-color'));
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
      if (name === 'locale') this.#label();
      if (this.#waiting) return this.#brand(this.getAttribute('primary-color'));
      if (name === 'consent') return this.consent();
      if (this.state === 'mounted') {
        this.#app!.refresh()?.catch((error: unknown) => this.#fail(error));
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
      if (!this.#root || owner !== this || this.state !== 'idle') return;
      const asked = !this.#note.hidden;
      this.#note.hidden = true;
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
      if (!this.#root || this.#waiting) return; // nothing was kept
      const app = await this.#load();
      if (!app) throw new Error('tickki-chat: the chat could not load to log out');
      await app.logout();
    }

    on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void {
      let set = this.#listeners.get(event);
      if (!set) this.#listeners.set(event, (set = new Set()));
      set.add(listener as (value: never) => void);
      return () => void set.delete(listener as (value: never) => void);
    }

    destroy(): void {
      this.#teardown('destroyed');
      this.#listeners.clear();
      this.remove();
    }

    #teardown(next: 'idle' | 'destroyed'): void {
      this.#stopSchedule?.();
      this.#generation++;
      this.#app?.destroy();
      this.#app = this.#loading = undefined;
      if (owner === this) owner = undefined;
      this.#life.to(next);
    }

    /** The badge and brand colour kept for the current key (the chat, once loaded, keeps them current). */
    #restore(): void {
      const ui = readUi(this.#key, this.getAttribute('visitor-id'));
      this.#setUnread(ui.u ?? 0);
      const color = this.getAttribute('primary-color') ?? ui.c;
      if (color) this.#brand(color);
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
      const root = (this.#root = this.attachShadow({ mode: 'open' }));
      adoptCss(root, LAUNCHER_CSS, this.#nonce());
      const frame = (this.#frame = document.createElement('div'));
      frame.className = 'root';
      frame.setAttribute('part', 'root');
      this.#mount = document.createElement('div');
      const launcher = (this.#launcher = document.createElement('button'));
      launcher.type = 'button';
      launcher.className = 'launcher';
      launcher.setAttribute('part', 'launcher');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-haspopup', 'dialog');
      launcher.innerHTML = ICON_CHAT;
      const badge = (this.#badge = document.createElement('span'));
      badge.className = 'badge';
      badge.setAttribute('part', 'badge');
      badge.setAttribute('aria-hidden', 'true');
      launcher.append(badge);
      launcher.addEventListener('click', () => this.toggle());
      // the visitor is about to open it: start loading now
      const preload = () => this.state === 'idle' && !this.#waiting && void this.#load();
      for (const intent of ['pointerenter', 'focus', 'touchstart']) launcher.addEventListener(intent, preload, { once: true, passive: true });
      const note = (this.#note = document.createElement('div'));
      note.className = 'note';
      note.setAttribute('part', 'consent-note');
      note.setAttribute('role', 'status');
      note.hidden = true;
      frame.append(this.#mount, note, launcher);
      root.append(frame);
      this.#label();
    }

    #label(): void {
      const language = (this.getAttribute('locale') || navigator.language || 'en').split(/[-_]/)[0]!.toLowerCase();
      const [open, close, unread, failed, consentNeeded] = LABELS[language] ?? LABELS.en!;
      this.#note.textContent = consentNeeded;
      const fail = this.state === 'failed';
      const count = this.#unread ? ` (${this.#unread} ${unread})` : '';
      this.#launcher.setAttribute('aria-label', (this.#open ? close : open) + count + (fail ? ` (${failed})` : ''));
      this.#badge.textContent = fail ? '!' : this.#unread > 99 ? '99+' : String(this.#unread);
      this.#badge.hidden = !fail && !this.#unread;
    }

    /** `focus`: opened by the visitor (focus goes into the panel); `restore`: left open in this tab, reopened on load (focus stays where the page put it). */
    #setOpen(open: boolean, focus = false, restore = false): void {
      if (this.state === 'destroyed' || !this.#root) return;
      if (this.#waiting) {
        if (this.getAttribute('consent') === 'on-open' && open) this.consent();
        else {
          // the host's consent banner decides; the visitor learns why nothing opens
          this.#note.hidden = !open || !this.#note.hidden;
          if (!this.#note.hidden) this.#emit('consent', 'needed');
        }
        if (this.#waiting || this.#open) return;
      }
      const changed = open !== this.#open;
      this.#open = open;
      this.#launcher.setAttribute('aria-expanded', String(open));
      this.#launcher.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
      this.#launcher.append(this.#badge);
      this.toggleAttribute('open', open);
      this.#frame.toggleAttribute('data-open', open);
      this.#label();
      tabOpen(this.#key, open);
      if (open) {
        this.#launcher.setAttribute('aria-busy', String(!this.#app));
        void this.#load().then((app) => {
          this.#launcher.removeAttribute('aria-busy');
          if (app && this.#open) app.opened(!restore);
        });
      } else {
        void this.#app?.refresh();
        if (focus) this.#launcher.focus();
      }
      if (changed) this.#emit('open', open);
    }

    #setUnread(count: number): void {
      const changed = count !== this.#unread;
      this.#unread = count;
      this.#label();
      if (changed) this.#emit('unread', count);
    }

    #brand(color: string | null): void {
      const on = color && textOn(color);
      if (!on) return;
      this.#frame.style.setProperty('--tk-config-brand', color);
      this.#frame.style.setProperty('--tk-config-on-brand', on);
    }

    #emit<K extends keyof WidgetEvents>(event: K, value: WidgetEvents[K]): void {
      for (const listener of [...(this.#listeners.get(event) ?? [])]) {
        try {
          (listener as (value: WidgetEvents[K]) => void)(value);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
      this.dispatchEvent(new CustomEvent(`tickki:${event}`, { detail: value }));
    }

    /** Runs `run` after the page's `load` event and an idle moment (at most 3 s later). */
    #schedule(run: () => void): void {
      let idle: number | undefined;
      const go = () => {
        const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
        idle = ric ? ric(run, { timeout: 3000 }) : (setTimeout(run, 200) as unknown as number);
      };
      if (document.readyState === 'complete') go();
      else addEventListener('load', go, { once: true });
      this.#stopSchedule = () => {
        removeEventListener('load', go);
        (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(idle!);
      };
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

    /** Loads and mounts the chat (once); resolves it, or `undefined` when it failed or was overtaken. */
    #load(): Promise<WidgetApp | undefined> {
      if (this.#waiting) return Promise.resolve(undefined);
      if (this.#app) return Promise.resolve(this.#app);
      if (this.#loading) return this.#loading;
      if (!this.#life.to('loading')) return Promise.resolve(undefined);
      const mine = ++this.#generation;
      return (this.#loading = Promise.all([load(), this.#config])
        .then(async ([{ mount }]) => {
          if (mine !== this.#generation) return undefined;
          const app = await mount(this.#host());
          if (mine !== this.#generation) return void app.destroy(); // removed while it mounted
          this.#app = app;
          this.#life.to('mounted');
          // settings changed while it mounted
          app.refresh()?.catch((error: unknown) => this.#fail(error));
          if (this.#identity) app.identify(this.#identity).catch(() => undefined);
          this.#identity = undefined;
          return app;
        })
        .catch((error: unknown) => {
          if (mine === this.#generation) this.#fail(error);
          return undefined;
        }));
    }

    /** Shows the failure; the next `open()` or attribute change loads again. */
    #fail(error: unknown): void {
      this.#app?.destroy();
      this.#app = this.#loading = undefined;
      this.#generation++;
      this.#life.to('failed');
      this.#setOpen(false);
      console.error('tickki-chat: the chat could not start', error);
      this.dispatchEvent(new CustomEvent('tickki:error', { detail: error }));
    }

    #host(): WidgetHost {
      return {
        element: this,
        root: this.#root!,
        mount: this.#mount,
        launcher: this.#launcher,
        frame: this.#frame,
        attr: (name) => this.getAttribute(name),
        isOpen: () => this.#open,
        setOpen: (open, focusLauncher) => this.#setOpen(open, focusLauncher),
        setUnread: (count) => this.#setUnread(count),
        setBrand: (color) => {
          if (!this.getAttribute('primary-color')) this.#brand(color);
          saveBrand(this.#key, color);
        },
        emit: (event, value) => this.#emit(event, value),
        adopt: (css) => {
          if (!this.#sheets.has(css)) adoptCss(this.#root!, css, this.#nonce());
          this.#sheets.add(css);
        },
      };
    }
  };
}
