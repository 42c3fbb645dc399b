/**
 * What the loader reads before the chat loads, in the format `UiStore` of `@tickki/chat-ui` keeps
 * per publishable key in `localStorage` (`tickki-widget:<key>`): `u` the unread count, `s` a
 * conversation was started, `v` whose conversation it is, `c` the brand colour. Whether the panel is
 * open is kept per tab, in `sessionStorage`: a second tab does not open its panel by itself.
 *
 * The loader reads the state as stored, without `readUiState`'s field-by-field check (bytes every
 * page pays): what it uses is checked where it is used (`textOn` takes only a hex colour, the badge
 * only a number), and the chat's `UiStore` checks it all when it loads. The brand colour is kept by
 * the chunks that learn it (`saveBrand`: the first visit's `config-brand.ts`, the panel's entry).
 *
 * This module imports nothing of `@tickki/chat-ui` (`uiStateKey` is written out below, and a test
 * holds the two together): the first visit's brand file, which holds it, stays small.
 */
import type { UiState } from '@tickki/chat-ui';

/** `uiStateKey` of `@tickki/chat-ui`: where the state of `publishableKey` is kept. */
export const uiStateKey = (publishableKey: string): string => `tickki-widget:${publishableKey}`;

/** `localStorage`, or `undefined` where it is blocked. */
export const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (privacy modes, sandboxed frames)
  }
};

/** The state stored under `name`; `{}` when there is none, it is not JSON, or storage is blocked. */
const read = (name: string): UiState => {
  try {
    return JSON.parse(localStorage.getItem(name)!) ?? {};
  } catch {
    return {};
  }
};

/** The state kept for `key`; a conversation of another visitor than `visitorId` counts as none. */
export function readUi(key: string, visitorId: string | null): UiState {
  const ui = read(uiStateKey(key));
  return visitorId && ui.v && ui.v !== visitorId ? { c: ui.c } : ui;
}

/** Same-tab news of a write to the UI state (the `storage` event tells only the other tabs). */
export const UI_WRITE = 'tickki:ui-state';

/** Keeps the brand colour with the UI state (for the launcher of the next pages). */
export function saveBrand(key: string, color: string): void {
  const name = uiStateKey(key);
  const ui = read(name);
  if (ui.c === color) return;
  try {
    localStorage.setItem(name, JSON.stringify({ ...ui, c: color }));
    dispatchEvent(new CustomEvent(UI_WRITE, { detail: name }));
  } catch {
    // full or blocked: the launcher just asks again on the next page
  }
}

/** Whether the panel was left open in this tab; `open` given: keeps it. */
export function tabOpen(key: string, open?: boolean): boolean {
  try {
    const name = uiStateKey(key) + ':open';
    if (open !== undefined) open ? sessionStorage.setItem(name, '1') : sessionStorage.removeItem(name);
    return !!sessionStorage.getItem(name);
  } catch {
    return false;
  }
}
