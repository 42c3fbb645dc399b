/** The element's public types: attributes, events, API, and what it hands the lazily loaded panel. */
import type { ElementState } from './lifecycle.js';
import type { adoptCss } from './adopt.js';

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
  /** Consent mode: `needed` when the visitor opens the chat before consent (show your consent banner), `given` on `consent()`. */
  consent: 'needed' | 'given';
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
  /**
   * `required`: nothing is stored, read from storage or requested until `consent()` (the launcher
   * shows; opening it says the chat waits for consent). `on-open`: as `required`, and the visitor
   * opening the chat counts as consent. `given` or absent: at once.
   */
  consent?: 'required' | 'on-open' | 'given';
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
  /** The panel was opened; `focus`: by the visitor (focus goes into it), not restored on page load. */
  opened(focus: boolean): void;
  /** The visitor's details; resolves once the server has them. */
  identify(fields: VisitorFields): Promise<unknown>;
  /** An attribute changed (or the panel closed); a promise for a new key or base URL, rejected when the chat cannot start with it. */
  refresh(): Promise<void> | void;
  /** Ends the visitor's chat on this device (`ChatScreen.logout()`). */
  logout(): Promise<void>;
  destroy(): void;
}

/**
 * What the element hands the chunks it loads: itself (its attributes, `isOpen`, `state`, and its
 * open shadow root, which holds the frame and the panel's mount point: `LAUNCHER_HTML` of
 * `launcher.ts`) and what only it can do. `setBrand` here only paints the launcher (unless
 * `primary-color` is set): the chunks keep the colour. The panel's entry (`app-entry.ts`) makes the
 * panel's {@link WidgetHost} of it, so that the loader, which every page loads, carries no more.
 */
export type ElementPort = Pick<WidgetHost, 'setOpen' | 'setUnread' | 'setBrand'> & {
  element: TickkiChatElement;
  /** The loader's `adoptCss` (`adopt.ts`), so that the panel does not carry a second copy. */
  adoptCss: typeof adoptCss;
};

/** What the lazily loaded panel is given (by `app-entry.ts`). */
export interface WidgetHost {
  /** The element (its shadow root holds the panel's nodes). */
  element: HTMLElement;
  /** Where the panel renders. */
  mount: HTMLElement;
  /** Where colours and direction are set (`style.setProperty`, `dir`). */
  frame: HTMLElement;
  attr(name: string): string | null;
  isOpen(): boolean;
  setOpen(open: boolean, focusLauncher?: boolean): void;
  setUnread(count: number): void;
  /** Config branding (the `primary-color` attribute wins); kept for the launcher of the next pages. */
  setBrand(color: string): void;
  emit<K extends keyof WidgetEvents>(event: K, value: WidgetEvents[K]): void;
  /** Adds a style sheet to the shadow root (once per sheet, however often the panel mounts). */
  adopt(css: string): void;
}

/** The modules the element loads when it needs them, by name (the script tag's `tickki-chat-<name>.js`). */
export interface Chunks {
  /** The panel (`app-entry.ts`, `app/app.tsx`): `mount(port)` renders it (and throws, or rejects, when the chat cannot start). */
  app: { mount(port: ElementPort): WidgetApp | Promise<WidgetApp> };
  /** The UI's words (`words.ts`): the launcher's in the page's language, before the chat loads. */
  words: { wordsOf(element: Element): Promise<import('./launcher.js').LauncherWords | undefined> };
  /** The first visit's brand colour (`config-brand.ts`), fetched at idle. */
  brand: { brandLauncher(port: ElementPort): Promise<void> };
}

/** Loads the module `name` of {@link Chunks}. */
export type LoadChunk = <K extends keyof Chunks>(name: K) => Promise<Chunks[K]>;

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
  /**
   * The site has the visitor's consent (`consent` attribute): the chat may store and connect from now
   * on; if the visitor already asked to open it, it opens. Call it on every page once your consent
   * banner says yes. Without the attribute it does nothing.
   */
  consent(): void;
  /** Listens to `message`, `open`, `unread` or `consent` (also before the chat has loaded, loading nothing); returns a function that stops. */
  on<K extends keyof WidgetEvents>(event: K, listener: (value: WidgetEvents[K]) => void): () => void;
  /**
   * Ends the visitor's chat on this device (a sign-out on a shared computer): the session stops, and
   * its token, cached messages, unsent messages (dropped, never sent as the next person), the contact
   * fields, the unread state and the anonymous visitor id are removed; the panel closes. Loads the
   * chat first if it has not loaded.
   */
  logout(): Promise<void>;
  /** Stops the chat (socket, timers, listeners) and removes the element. */
  destroy(): void;
  /** Where the element's lifecycle stands (`idle`, `loading`, `mounted`, `failed`, `destroyed`). */
  readonly state: ElementState;
  /** Whether the panel is open. */
  readonly isOpen: boolean;
  /** The unread count. */
  readonly unread: number;
}

