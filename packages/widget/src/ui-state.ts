/**
 * What the widget keeps between pages and reloads, per publishable key, in `localStorage`: whether
 * the panel is open, the unread count, the newest agent message seen, whether a conversation was
 * started, and the brand colours (so the launcher has them before the config is fetched).
 * Read back field by field: a corrupt or foreign entry counts as empty.
 */
export interface UiState {
  /** Open. */
  o?: boolean;
  /** Unread count. */
  u?: number;
  /** Id of the newest agent message seen. */
  n?: number;
  /** A conversation was started (start it again on the next page, to count unread replies). */
  s?: boolean;
  /** Brand colour and the text colour on it. */
  c?: string;
  t?: string;
  /** The visitor filled in the pre-chat form. */
  i?: boolean;
}

const TYPES: Record<keyof UiState, string> = { o: 'boolean', u: 'number', n: 'number', s: 'boolean', c: 'string', t: 'string', i: 'boolean' };

/** `localStorage`, or `undefined` where it is blocked. */
export const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (privacy modes, sandboxed frames)
  }
};

/** The state kept under `key`. */
export function readUiState(key: string): UiState {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
    const out: Record<string, unknown> = {};
    if (raw && typeof raw === 'object') for (const [k, type] of Object.entries(TYPES)) if (typeof (raw as Record<string, unknown>)[k] === type) out[k] = (raw as Record<string, unknown>)[k];
    return out as UiState;
  } catch {
    return {};
  }
}

/** Merges `patch` into the state kept under `key`; returns the new state. */
export function writeUiState(key: string, patch: UiState): UiState {
  const next = { ...readUiState(key), ...patch };
  try {
    storage()?.setItem(key, JSON.stringify(next));
  } catch {
    // full or blocked: the widget still works, it just forgets
  }
  return next;
}
