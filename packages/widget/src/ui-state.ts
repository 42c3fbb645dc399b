/**
 * What the loader reads before the chat loads, in the format `UiStore` of `@tickki/chat-ui` keeps
 * per publishable key in `localStorage` (`tickki-widget:<key>`): `u` the unread count, `s` a
 * conversation was started, `v` whose conversation it is, `c` the brand colour. Whether the panel is
 * open is kept per tab, in `sessionStorage`: a second tab does not open its panel by itself.
 */
import { readUiState, uiStateKey, type UiState } from '@tickki/chat-ui';

/** `localStorage`, or `undefined` where it is blocked. */
export const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (privacy modes, sandboxed frames)
  }
};

/** The state kept for `key`; a conversation of another visitor than `visitorId` counts as none. */
export function readUi(key: string, visitorId: string | null): UiState {
  const ui = readUiState(storage()?.getItem(uiStateKey(key)));
  return visitorId && ui.v && ui.v !== visitorId ? { c: ui.c } : ui;
}

/** Same-tab news of a write to the UI state (the `storage` event tells only the other tabs). */
export const UI_WRITE = 'tickki:ui-state';

/** Keeps the brand colour with the UI state (for the launcher of the next pages). */
export function saveBrand(key: string, color: string): void {
  const name = uiStateKey(key);
  const ui = readUiState(storage()?.getItem(name));
  if (ui.c === color) return;
  try {
    storage()?.setItem(name, JSON.stringify({ ...ui, c: color }));
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
