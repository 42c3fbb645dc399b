import type { AppLifecycle } from './lifecycle.js';
import { localStorageAdapter, memoryStorage, type StorageAdapter } from './storage.js';

/**
 * The one place that looks at the host platform. Nothing here runs at import time: every check
 * happens when a {@link TickkiChat} is created, so importing the SDK touches no `window`,
 * `document` or `localStorage` (Node, React Native, server-side rendering).
 */

interface BrowserGlobals {
  document?: Document;
  localStorage?: Storage;
  addEventListener?: unknown;
}

const browser = (): BrowserGlobals | undefined => {
  const g = globalThis as BrowserGlobals;
  return typeof g.document === 'object' && typeof g.addEventListener === 'function' ? g : undefined;
};

/** `localStorage` in a browser where it works, memory elsewhere (Node, React Native, privacy modes). */
export function defaultStorage(): StorageAdapter {
  try {
    const storage = browser()?.localStorage;
    if (storage) {
      storage.setItem('tickki:probe', '1');
      storage.removeItem('tickki:probe');
      return localStorageAdapter(storage);
    }
  } catch {
    // blocked storage: fall through
  }
  return memoryStorage();
}

/** Browser lifecycle: `online`/`offline`, `visibilitychange` and `pagehide`; `undefined` outside browsers. */
export function browserLifecycle(): AppLifecycle | undefined {
  const g = browser();
  const doc = g?.document;
  if (!doc) return undefined;
  const visible = (): boolean => doc.visibilityState !== 'hidden';
  const targets: [EventTarget, string][] = [
    [g as EventTarget, 'online'],
    [g as EventTarget, 'offline'],
    [g as EventTarget, 'pagehide'],
    [doc, 'visibilitychange'],
  ];
  return {
    visible,
    subscribe(listener) {
      // `online`/`offline` as they are; `pagehide` hides; `visibilitychange` tells which way
      const on = ({ type }: Event): void =>
        listener(type === 'online' || type === 'offline' ? type : type !== 'pagehide' && visible() ? 'visible' : 'hidden');
      for (const [target, type] of targets) target.addEventListener(type, on);
      return () => {
        for (const [target, type] of targets) target.removeEventListener(type, on);
      };
    },
  };
}

let counter = 0;

/** A unique id for client ids and `Idempotency-Key`s: a UUID where available, else time + counter + randomness. */
export const randomId = (): string =>
  (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID?.() ??
  `${Date.now()}-${counter++}-${Math.random()}`;
