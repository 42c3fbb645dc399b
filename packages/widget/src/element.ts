import { textOn } from '@tickki/chat-ui';
import { adoptCss } from './adopt.js';
import { fetchBrandColor } from './config-brand.js';
import { LAUNCHER_CSS } from './launcher-css.js';
import { readUiState, writeUiState, type UiState } from './ui-state.js';

/** What the visitor tells about themselves (`identify()`). */
export interface VisitorFields {
  name?: string;
  email?: string;
  phone?: string;
}

/** Events of the widget: a new message, the panel opened or closed, the unread count changed. */
export interface WidgetEvents {
  message: { content: string; isFromAgent: boolean; id: number | undefined; createdAt: Date };
  open: boolean;
  unread: number;
}

/**
 * The attributes of `<tickki-chat>`, its settings: what JSX (and a template type-checker) accepts on
 * the element besides the usual HTML attributes.
 */
export interface TickkiChatAttributes {
  /** The business's publishable key. */
  'publishable-key': string;
  /** API host without `/api/v1`. */
  'base-url'?: string;
  /** UI language (BCP 47); default the browser's. */
  locale?: string;
  /** `light`, `dark`, or `auto` (the system's; default). */
  theme?: 'light' | 'dark' | 'auto';
  /** Brand colour (`#rrggbb`), instead of the configured one. */
  'primary-color'?: string;
  /** Corner: `right` (default) or `left`. */
  position?: 'right' | 'left';
  /** Your id for the visitor (same id, same conversation). */
  'visitor-id'?: string;
  /** Present: a chime on agent replies while the panel is closed or the tab hidden. */
  sound?: boolean | '';
  /** Text direction; default from the locale. */
  dir?: 'ltr' | 'rtl';
  /** Overrides of the UI strings, as JSON. */
  strings?: string;
  /** A CSP nonce, used only where constructable stylesheets are missing. */
  nonce?: string;
}

/**
 * What JSX accepts on `<tickki-chat>` (React 19, `jsx: react-jsx`): its attributes, a few global
 * HTML ones and a `ref` to the element. Written without React's types, so that the `react` module
 * augmentation of `@tickki/chat-widget` type-checks in projects that have no React.
 */
export interface TickkiChatJsxProps extends TickkiChatAttributes {
  ref?: ((element: TickkiChatElement | null) => void | (() => void)) | { current: TickkiChatElement | null } | null;
  key?: string | number | bigint | null;
  id?: string;
  className?: string;
  hidden?: boolean;
  slot?: string;
  /** Inline styles, e.g. `{ '--tickki-primary': '#0f766e' }` (not under a strict CSP). */
  style?: Record<string, string | number | undefined>;
  [data: `data-${string}`]: string | undefined;
  [aria: `aria-${string}`]: string | undefined;
}

/** The chat panel, loaded after the launcher. */
export interface WidgetApp {
  /** The panel was opened (focus goes into it). */
  opened(): void;
  /** The visitor's details; resolves once the server has them. */
  identify(fields: VisitorFields): Promise<unknown>;
  /** An attribute changed. */
  refresh(): void;
  destroy(): void;
}

/** What the element hands the lazily loaded panel. */
export interface WidgetHost {
  element: HTMLElement;
  root: ShadowRoot;
  /** Where the panel renders. */
  mount: HTMLElement;
  launcher: HTMLButtonElement;
  /** Where colours and direction are set (`style.setProperty`, `dir`). */
  frame: HTMLElement;
  attr(name: string): string | null;
  isOpen(): boolean;
  setOpen(open: boolean, focusLauncher?: boolean): void;
  setUnread(count: number): void;
  /** Config branding (the `primary-color` attribute wins). */
  setBrand(color: string): void;
  ui(): UiState;
  saveUi(patch: UiState): void;
  emit<K extends keyof WidgetEvents>(event: K, value: WidgetEvents[K]): void;
  adopt(css: string): void;
}

/** Loads the panel module: `mount(host)` renders it. */
export type LoadApp = () => Promise<{ mount(host: WidgetHost): WidgetApp }>;

/** The element's public API (besides its attributes). */
export interface TickkiChatElement extends HTMLElement {
  /** Opens the panel (loading it first if needed). */
  open(): void;
  /** Closes the panel. */
  close(): void;
  /** Opens or closes the panel. */
  toggle(): void;
  /**
   * Sends the visitor's name, email or phone; before the chat starts they are used to start it.
   * Before the chat has loaded, the fields are kept (nothing is downloaded or sent for them) and
   * applied when it loads, and the promise resolves at once.
   */
  identify(fields: VisitorFields): Promise<unknown>;
  /** Listens to `message`, `open` or `unread` (also before the chat has loaded, loading nothing); returns a function that stops. */
  on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void;
  /** Stops the chat (socket, timers, listeners) and removes the element. */
  destroy(): void;
  /** Whether the panel is open. */
  readonly isOpen: boolean;
  /** The unread count. */
  readonly unread: number;
}

const ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21.5l4.6-2.2c1.1.3 2.2.5 3.4.5 5.5 0 10-3.8 10-8.3S17.5 3 12 3z"/></svg>';
const ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

const LABELS: Record<string, [open: string, close: string, unread: string]> = {
  en: ['Open chat', 'Close chat', 'unread'],
  fr: ['Ouvrir le chat', 'Fermer le chat', 'non lus'],
  de: ['Chat öffnen', 'Chat schließen', 'ungelesen'],
};

/**
 * Defines `<tickki-chat>` (once; only in a browser, so importing is SSR-safe). The element draws
 * the launcher and unread badge at once. It loads the panel with `load` when the visitor reaches for
 * the launcher (hover, focus, touch) or opens it; after the page's `load` event and an idle moment
 * when a conversation is going on (so replies count as unread); at once when it was left open.
 */
export function defineTickkiChat(load: LoadApp, name = 'tickki-chat'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, makeElement(load));
}

function makeElement(load: LoadApp): CustomElementConstructor {
  return class TickkiChat extends HTMLElement implements TickkiChatElement {
    static observedAttributes = ['publishable-key', 'base-url', 'locale', 'theme', 'primary-color', 'dir', 'strings', 'visitor-id', 'sound'];
    #root: ShadowRoot | undefined;
    #frame!: HTMLElement;
    #launcher!: HTMLButtonElement;
    #badge!: HTMLElement;
    #mount!: HTMLElement;
    #app: WidgetApp | undefined;
    #loading: Promise<WidgetApp> | undefined;
    /** What `identify()` was given before the chat loaded. */
    #identity: VisitorFields | undefined;
    /** The loader's config request, which the chat waits for (it then reads the config it kept). */
    #config: Promise<void> | undefined;
    #listeners = new Map<string, Set<(value: never) => void>>();
    #open = false;
    #unread = 0;
    #stopSchedule: (() => void) | undefined;
    #destroyed = false;

    get isOpen(): boolean {
      return this.#open;
    }

    get unread(): number {
      return this.#unread;
    }

    get #key(): string {
      return `tickki-widget:${this.getAttribute('publishable-key') ?? ''}`;
    }

    connectedCallback(): void {
      if (this.#destroyed) return;
      if (!this.#root) this.#build();
      if (this.#app || this.#loading) return;
      const ui = readUiState(this.#key);
      this.#open = false;
      this.#setUnread(ui.u ?? 0);
      this.#brand(this.getAttribute('primary-color') ?? ui.c ?? '');
      if (ui.o) this.open();
      // a visitor with a conversation: load it in the background, to count replies as unread;
      // anyone else: only when they reach for the launcher
      else if (ui.s) this.#schedule(() => void this.#load().catch(() => undefined));
      // a first visit: the launcher wears the brand colour from the config, not the default, as
      // soon as the page is idle (one small request; later pages have the colour kept)
      else if (!ui.c && !this.hasAttribute('primary-color')) this.#schedule(() => this.#fetchBrand());
    }

    disconnectedCallback(): void {
      // moved elsewhere in the page: connected again within the same task
      queueMicrotask(() => !this.isConnected && this.#teardown());
    }

    attributeChangedCallback(name: string): void {
      if (!this.#root) return;
      if (name === 'primary-color') this.#brand(this.getAttribute('primary-color') ?? readUiState(this.#key).c ?? '');
      if (name === 'locale') this.#label();
      this.#app?.refresh();
    }

    open(): void {
      this.#setOpen(true);
    }

    close(): void {
      this.#setOpen(false);
    }

    toggle(): void {
      this.#setOpen(!this.#open);
    }

    async identify(fields: VisitorFields): Promise<unknown> {
      if (this.#app) return this.#app.identify(fields);
      this.#identity = { ...this.#identity, ...fields };
    }

    on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void {
      let set = this.#listeners.get(event);
      if (!set) this.#listeners.set(event, (set = new Set()));
      set.add(listener as (value: never) => void);
      return () => void set.delete(listener as (value: never) => void);
    }

    destroy(): void {
      this.#destroyed = true;
      this.#teardown();
      this.#listeners.clear();
      this.remove();
    }

    #teardown(): void {
      this.#stopSchedule?.();
      this.#app?.destroy();
      this.#app = undefined;
      this.#loading = undefined;
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
      const preload = () => void this.#load().catch(() => undefined);
      for (const intent of ['pointerenter', 'focus', 'touchstart']) launcher.addEventListener(intent, preload, { once: true, passive: true });
      frame.append(this.#mount, launcher);
      root.append(frame);
      this.#label();
    }

    #label(): void {
      const lang = (this.getAttribute('locale') ?? navigator.language ?? 'en').slice(0, 2).toLowerCase();
      const [open, close, unread] = LABELS[lang] ?? LABELS.en!;
      const count = this.#unread ? ` (${this.#unread} ${unread})` : '';
      this.#launcher.setAttribute('aria-label', (this.#open ? close : open) + count);
    }

    #setOpen(open: boolean, focusLauncher = false): void {
      if (this.#destroyed || !this.#root) return;
      const changed = open !== this.#open;
      this.#open = open;
      this.#launcher.setAttribute('aria-expanded', String(open));
      this.#launcher.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
      this.#launcher.append(this.#badge);
      this.toggleAttribute('open', open);
      this.#frame.toggleAttribute('data-open', open);
      this.#label();
      writeUiState(this.#key, { o: open });
      if (open) {
        this.#launcher.setAttribute('aria-busy', String(!this.#app));
        void this.#load().then(
          (app) => {
            this.#launcher.removeAttribute('aria-busy');
            if (this.#open) app.opened();
          },
          () => this.#launcher.removeAttribute('aria-busy'),
        );
      } else {
        this.#app?.refresh();
        if (focusLauncher) this.#launcher.focus();
      }
      if (changed) this.#emit('open', open);
    }

    #setUnread(count: number): void {
      const changed = count !== this.#unread;
      this.#unread = count;
      this.#badge.textContent = count > 99 ? '99+' : String(count);
      this.#badge.hidden = count === 0;
      this.#label();
      if (changed) {
        writeUiState(this.#key, { u: count });
        this.#emit('unread', count);
      }
    }

    #brand(color: string): void {
      const on = textOn(color);
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
      if (this.#app || this.#loading) return;
      this.#config = fetchBrandColor(this.getAttribute('publishable-key') ?? '', this.getAttribute('base-url') ?? undefined).then((color) => {
        // the panel, if it loaded meanwhile, owns the colour
        if (color && textOn(color) && !this.#app && !this.#destroyed) this.#host().setBrand(color);
      });
    }

    #load(): Promise<WidgetApp> {
      if (this.#app) return Promise.resolve(this.#app);
      return (this.#loading ??= Promise.all([load(), this.#config]).then(
        ([{ mount }]) => {
          if (this.#destroyed || !this.isConnected) throw new Error('tickki-chat: removed before it loaded');
          const app = (this.#app = mount(this.#host()));
          if (this.#identity) app.identify(this.#identity).catch(() => undefined);
          this.#identity = undefined;
          return app;
        },
        (error: unknown) => {
          this.#loading = undefined; // try again at the next open
          throw error;
        },
      ));
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
          writeUiState(this.#key, { c: color });
        },
        ui: () => readUiState(this.#key),
        saveUi: (patch) => void writeUiState(this.#key, patch),
        emit: (event, value) => this.#emit(event, value),
        adopt: (css) => adoptCss(this.#root!, css, this.#nonce()),
      };
    }
  };
}
