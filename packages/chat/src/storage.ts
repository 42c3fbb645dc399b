/**
 * Where the SDK keeps what must survive a reload: the session token, the outbox of unsent
 * messages, the newest messages seen and the cached config. Synchronous (`localStorage`) and
 * asynchronous (React Native's AsyncStorage) stores both fit.
 */
export interface StorageAdapter {
  /** The stored string, or `null`/`undefined` when absent. */
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): void | Promise<void>;
  /** Removes `key`. */
  removeItem(key: string): void | Promise<void>;
}

/** An in-memory store: nothing survives a reload. The default outside browsers. */
export function memoryStorage(): StorageAdapter {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key),
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/**
 * The browser's `localStorage` (or another Web Storage), read when first used, never at import.
 * Quota and privacy-mode errors are swallowed: the chat keeps working, only without persistence.
 */
export function localStorageAdapter(storage?: Storage): StorageAdapter {
  /** Runs `fn` on the storage; what it throws is swallowed (`fallback` is returned instead). */
  const use = <T>(fn: (s: Storage | undefined) => T, fallback: T): T => {
    try {
      return fn(storage ?? (globalThis as { localStorage?: Storage }).localStorage);
    } catch {
      return fallback;
    }
  };
  return {
    getItem: (key) => use((s) => s?.getItem(key), null),
    setItem: (key, value) => use((s) => s?.setItem(key, value), undefined),
    removeItem: (key) => use((s) => s?.removeItem(key), undefined),
  };
}

/** The subset of React Native's `AsyncStorage` (`@react-native-async-storage/async-storage`) used here. */
export interface AsyncStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** Wraps React Native's AsyncStorage (or any promise-based store); failures are swallowed. */
export function asyncStorageAdapter(storage: AsyncStorageLike): StorageAdapter {
  return {
    getItem: (key) => storage.getItem(key).catch(() => null),
    setItem: (key, value) => storage.setItem(key, value).catch(() => undefined),
    removeItem: (key) => storage.removeItem(key).catch(() => undefined),
  };
}

/** Reads and parses a JSON value; `undefined` when absent or unreadable. */
export async function readJson<T>(storage: StorageAdapter, key: string): Promise<T | undefined> {
  try {
    const raw = await storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON (removes the key for `undefined`); never throws. */
export async function writeJson(storage: StorageAdapter, key: string, value: unknown): Promise<void> {
  try {
    await (value === undefined ? storage.removeItem(key) : storage.setItem(key, JSON.stringify(value)));
  } catch {
    // persistence is best effort
  }
}
