import type { UiStorage } from '@tickki/chat-ui';
import { storage, UI_WRITE } from '../ui-state.js';

/**
 * The chat's and the screen's storage in a browser: `localStorage` (blocked storage: nothing is
 * kept), and news of writes by other tabs (the `storage` event) or by the element in this tab (the
 * brand colour it keeps for the launcher), so that every tab agrees on unread and seen.
 */
export function browserStorage(): UiStorage {
  return {
    getItem: (key) => storage()?.getItem(key) ?? null,
    setItem: (key, value) => storage()?.setItem(key, value),
    removeItem: (key) => storage()?.removeItem(key),
    watch(key, listener) {
      const other = (e: StorageEvent) => (e.key === key || e.key === null) && listener();
      const mine = (e: Event) => (e as CustomEvent<string>).detail === key && listener();
      addEventListener('storage', other);
      addEventListener(UI_WRITE, mine);
      return () => {
        removeEventListener('storage', other);
        removeEventListener(UI_WRITE, mine);
      };
    },
  };
}
