import type { StorageAdapter } from '@tickki/chat';

/**
 * Where a chat screen keeps its state between pages and launches: the chat's own storage adapter
 * (`localStorage`, AsyncStorage, …), plus, where the platform can tell, news of another tab's or
 * window's writes (browsers: the `storage` event).
 */
export interface UiStorage extends StorageAdapter {
  /** Calls `listener` when another tab or window changes `key`; returns a function that stops. */
  watch?(key: string, listener: () => void): () => void;
}

/** What a screen keeps per publishable key. Short keys: the launcher reads them on every page. */
export interface UiState {
  /** The visitor the conversation fields below belong to. */
  v?: string;
  /** Id of the newest agent message the visitor has seen. */
  n?: number;
  /** Unread agent messages (the launcher's badge before the chat loads). */
  u?: number;
  /** A conversation was started (start it again on the next page, to count replies as unread). */
  s?: boolean;
  /** What the visitor gave in the pre-chat form. */
  i?: { name?: string; email?: string };
  /** Brand colour and the text colour on it (the launcher wears them before the config is fetched). */
  c?: string;
  t?: string;
}

const TYPES = { v: 'string', n: 'number', u: 'number', s: 'boolean', i: 'object', c: 'string', t: 'string' } as const;

/** Reads a stored state field by field: anything corrupt, foreign or of another version counts as absent. */
export function readUiState(json: string | null | undefined): UiState {
  try {
    const raw = JSON.parse(json ?? '{}') as Record<string, unknown> | null;
    const out: Record<string, unknown> = {};
    if (raw && typeof raw === 'object') for (const [k, type] of Object.entries(TYPES)) if (typeof raw[k] === type && raw[k] !== null) out[k] = raw[k];
    return out as UiState;
  } catch {
    return {};
  }
}

/** The storage key of a publishable key's screen state. */
export const uiStateKey = (publishableKey: string): string => `tickki-widget:${publishableKey}`;

/**
 * One publishable key's screen state: read once, written through, and re-read when another tab
 * writes it (the listener hears of it). Writes of a full or blocked storage are dropped: the screen
 * still works, it only forgets.
 */
export class UiStore {
  #state: UiState = {};
  readonly #storage: UiStorage;
  readonly #key: string;

  constructor(storage: UiStorage, publishableKey: string) {
    this.#storage = storage;
    this.#key = uiStateKey(publishableKey);
  }

  /** The state as last read or written. */
  get state(): UiState {
    return this.#state;
  }

  /** Reads the stored state; resolves it. */
  async load(): Promise<UiState> {
    return (this.#state = readUiState(await Promise.resolve(this.#storage.getItem(this.#key)).catch(() => null)));
  }

  /** Merges `patch` into the state and writes it. */
  patch(patch: UiState): void {
    this.#state = { ...this.#state, ...patch };
    void Promise.resolve()
      .then(() => this.#storage.setItem(this.#key, JSON.stringify(this.#state)))
      .catch(() => undefined);
  }

  /** Forgets the conversation fields (`v`, `n`, `u`, `s`, `i`), keeping the brand colours. */
  forgetConversation(): void {
    const { c, t } = this.#state;
    this.#state = {};
    this.patch({ c, t });
  }

  /** Calls `listener` after another tab changed the state (re-read first); returns a function that stops. */
  watch(listener: (state: UiState) => void): () => void {
    return this.#storage.watch?.(this.#key, () => void this.load().then(listener)) ?? (() => undefined);
  }
}
