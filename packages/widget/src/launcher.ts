/**
 * What the loader draws at once, and how: the shadow root's nodes, the icons, the English words, the
 * text colour on the brand colour, and the functions that build, paint and draw the launcher for
 * the element (`element.ts`), which decides what it shows.
 */
import { adoptCss } from './adopt.js';
import { LAUNCHER_CSS } from './launcher-css.js';

/**
 * The shadow root's nodes: the frame (where the panel mounts, colours and direction are set) with,
 * in this order, the panel's mount point, the consent note (shown when the visitor opens the chat
 * before consent), and the launcher button with its icon and unread badge (a button's content is
 * not read out: its label says it all, the count included). HTML is fewer bytes than building them
 * node by node.
 */
export const LAUNCHER_HTML =
  '<div class="root" part="root"><div></div><div class="note" part="consent-note" role="status" hidden></div>' +
  '<button class="launcher" part="launcher" aria-haspopup="dialog"><svg viewBox="0 0 24 24"><path/></svg>' +
  '<span class="badge" part="badge" hidden></span></button></div>';

/** The icon's path: a speech bubble. */
export const CHAT_ICON = 'M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21.5l4.6-2.2c1.1.3 2.2.5 3.4.5 5.5 0 10-3.8 10-8.3S17.5 3 12 3z';
/** The icon's path when the chat is open: a cross, stroked with round ends (`launcher-css.ts`). */
export const CLOSE_ICON = 'M6.4 6.4 17.6 17.6M17.6 6.4 6.4 17.6';

/**
 * The text colour on `color` (`#rgb` or `#rrggbb`; anything else, `undefined`): white, or near-black where it
 * reads better. `textOn` of `@tickki/chat-ui` (`brand.ts`) in fewer bytes, for the loader: the same
 * luminance, and its threshold written with the fewest digits that still split the 16,777,216
 * colours as that one does (`launcher.test.ts` holds the two together).
 */
export function textOn(color: unknown): string | undefined {
  let hex = String(color).trim();
  if (!/^#([\da-f]{3}){1,2}$/i.test(hex)) return undefined;
  if (hex.length < 5) hex = hex.replace(/\w/g, '$&$&');
  let luminance = 0;
  for (const [i, weight] of [0.2126, 0.7152, 0.0722].entries()) {
    const c = parseInt(hex.substr(2 * i + 1, 2), 16) / 255;
    luminance += weight * (c <= 0.04 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  }
  return luminance <= 0.19929637 ? '#fff' : '#111827';
}

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
export const ENGLISH: LauncherWords = {
  open: 'Open chat',
  close: 'Close chat',
  unread: (count) => `(${count} unread)`,
  failed: "The chat isn't available right now.",
  consentNeeded: "The chat starts once you accept this site's privacy settings.",
};

/** The launcher's nodes: the frame, the consent note, the button. */
export type LauncherNodes = [frame: HTMLElement, note: HTMLElement, button: HTMLButtonElement];

/** Builds the launcher in a new shadow root of `host`, styled the way a strict CSP allows (with `host`'s nonce). */
export function buildLauncher(host: HTMLElement): LauncherNodes {
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = LAUNCHER_HTML;
  adoptCss(root, LAUNCHER_CSS, host.nonce || host.getAttribute('nonce'));
  const frame = root.firstChild as HTMLElement;
  const [, note, button] = frame.children as unknown as [mount: HTMLElement, note: HTMLElement, button: HTMLButtonElement];
  return [frame, note, button];
}

/** Paints `frame` in the brand colour and the text colour that reads on it; ignored unless it is a hex colour. */
export function paintBrand(frame: HTMLElement, color: string | null | undefined): void {
  const on = color && textOn(color);
  if (!on) return;
  frame.style.setProperty('--tk-config-brand', color);
  frame.style.setProperty('--tk-config-on-brand', on);
}

/**
 * Draws the launcher in `words`: its icon, its label (with the unread `count`, or that the chat is
 * `broken`), its badge, and the consent note's text.
 */
export function drawLauncher([, note, button]: LauncherNodes, words: LauncherWords, open: boolean, count: number, broken: boolean): void {
  const [icon, badge] = button.children as unknown as [SVGElement, HTMLElement];
  button.setAttribute('aria-expanded', String(open));
  button.setAttribute('aria-label', (open ? words.close : words.open) + (count ? ' ' + words.unread(count) : '') + (broken ? ` (${words.failed})` : ''));
  icon.firstElementChild!.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
  badge.textContent = broken ? '!' : count > 99 ? '99+' : String(count);
  badge.hidden = !broken && !count;
  note.textContent = words.consentNeeded;
}
