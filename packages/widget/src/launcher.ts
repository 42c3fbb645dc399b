import { textOn } from '@tickki/chat-ui';
import { adoptCss } from './adopt.js';
import { LAUNCHER_CSS } from './launcher-css.js';

const ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21.5l4.6-2.2c1.1.3 2.2.5 3.4.5 5.5 0 10-3.8 10-8.3S17.5 3 12 3z"/></svg>';
const ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

/** What the launcher says: its label open and closed, the unread count, a chat that could not load, the consent note. */
export interface LauncherWords {
  open: string;
  close: string;
  /** The unread count, as it follows the label: `(3 unread)`. */
  unread(count: number): string;
  /** The chat could not load. */
  failed: string;
  consentNeeded: string;
}

/** English, built in; other languages come with the chat's string tables (`words.ts`). */
const ENGLISH: LauncherWords = {
  open: 'Open chat',
  close: 'Close chat',
  unread: (count) => `(${count} unread)`,
  failed: "The chat isn't available right now.",
  consentNeeded: "The chat starts once you accept this site's privacy settings.",
};

/** What the launcher shows. */
export interface LauncherState {
  open: boolean;
  unread: number;
  /** The chat could not load: a "!" badge, said in the label. */
  failed: boolean;
}

/**
 * What the loader draws at once in the element's shadow root: the frame (where the panel mounts,
 * colours and direction are set), the launcher button with its unread badge, and the consent note.
 */
export class Launcher {
  readonly frame = document.createElement('div');
  /** Where the panel renders. */
  readonly mount = document.createElement('div');
  readonly button = document.createElement('button');
  /** Shown when the visitor opens the chat before consent. */
  readonly note = document.createElement('div');
  readonly #badge = document.createElement('span');
  readonly #root: ShadowRoot;
  readonly #nonce: () => string | null;
  readonly #sheets = new Set<string>();
  /** The page's language's words, once loaded (else English). */
  words: LauncherWords = ENGLISH;

  /** `nonce`: the CSP nonce, for browsers without constructable stylesheets. */
  constructor(root: ShadowRoot, nonce: () => string | null) {
    this.#root = root;
    this.#nonce = nonce;
    this.adopt(LAUNCHER_CSS);
    const { frame, button, note } = this;
    frame.className = 'root';
    frame.setAttribute('part', 'root');
    button.type = 'button';
    button.className = 'launcher';
    button.setAttribute('part', 'launcher');
    button.setAttribute('aria-haspopup', 'dialog');
    this.#badge.className = 'badge';
    this.#badge.setAttribute('part', 'badge');
    this.#badge.setAttribute('aria-hidden', 'true');
    note.className = 'note';
    note.setAttribute('part', 'consent-note');
    note.setAttribute('role', 'status');
    note.hidden = true;
    frame.append(this.mount, note, button);
    root.append(frame);
  }

  /** Draws `state` in {@link Launcher.words}: icon, label (with the unread count or the failure), badge, and the note. */
  draw({ open, unread, failed }: LauncherState): void {
    const { button, words } = this;
    button.setAttribute('aria-expanded', String(open));
    button.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
    button.append(this.#badge);
    button.setAttribute('aria-label', (open ? words.close : words.open) + (unread ? ' ' + words.unread(unread) : '') + (failed ? ` (${words.failed})` : ''));
    this.#badge.textContent = failed ? '!' : unread > 99 ? '99+' : String(unread);
    this.#badge.hidden = !failed && !unread;
    this.note.textContent = words.consentNeeded;
  }

  /** Adds a style sheet to the shadow root (once per sheet, however often the panel mounts). */
  adopt(css: string): void {
    if (!this.#sheets.has(css)) adoptCss(this.#root, css, this.#nonce());
    this.#sheets.add(css);
  }

  /** The brand colour (and the text colour that reads on it); ignored unless it is a `#rrggbb` colour. */
  brand(color: string | null | undefined): void {
    const on = color && textOn(color);
    if (!on) return;
    this.frame.style.setProperty('--tk-config-brand', color);
    this.frame.style.setProperty('--tk-config-on-brand', on);
  }
}
