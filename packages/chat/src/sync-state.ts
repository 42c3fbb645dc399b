import type { TickkiChatError } from './errors.js';

/**
 * Where gap filling stands, as one explicit machine.
 *
 * - `idle`: nothing fetched yet.
 * - `syncing`: history is being fetched (one run at a time; requests made meanwhile extend the run).
 * - `synced`: the store holds everything up to the newest message the server had.
 * - `failed`: the last fill failed (see `reason`); it is retried with backoff, or at the next request.
 */
export type SyncStatus = 'idle' | 'syncing' | 'synced' | 'failed';

/** Where gap filling stands: `syncing` while history is fetched, `failed` (with why) until a retry succeeds. */
export interface SyncState {
  /** See {@link SyncStatus}. */
  status: SyncStatus;
  /** Why it failed. */
  reason?: string;
  /** The error of a failed sync. */
  error?: TickkiChatError;
}

/** The allowed transitions: `SYNC_TRANSITIONS[from]` lists every status `from` may change to. */
export const SYNC_TRANSITIONS: { readonly [S in SyncStatus]: readonly SyncStatus[] } = {
  idle: ['syncing'],
  syncing: ['synced', 'failed'],
  synced: ['syncing'],
  failed: ['syncing'],
};
