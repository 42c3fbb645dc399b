/**
 * The connection's state, as one explicit machine.
 *
 * - `idle`: not started, or stopped by `disconnect()`.
 * - `connecting`: the first attempt after `connect()` (socket opening, channel being authorized).
 * - `connected`: the socket is open **and** the channel is subscribed: events flow. Safe to treat as ready.
 * - `reconnecting`: a connection was lost (or `reconnect()` was called) and is being restored.
 * - `offline`: the network is unavailable (the platform said so, or no socket for a while); still retrying.
 * - `failed`: stopped for a reason retrying will not fix (subscription refused, app key unknown);
 *   `connect()` or `reconnect()` starts again.
 * - `closed`: disposed; final.
 */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed' | 'closed';

/** One state change, with a human-readable reason such as `'socket closed'` or `'disposed'`. */
export interface StateChange {
  /** The state before. */
  readonly from: ConnectionState;
  /** The state after. */
  readonly to: ConnectionState;
  /** Why it changed. */
  readonly reason: string;
}

/** The allowed transitions: `TRANSITIONS[from]` lists every state `from` may change to. */
export const TRANSITIONS: { readonly [S in ConnectionState]: readonly ConnectionState[] } = {
  idle: ['connecting', 'closed'],
  connecting: ['connected', 'reconnecting', 'offline', 'failed', 'idle', 'closed'],
  connected: ['reconnecting', 'offline', 'failed', 'idle', 'closed'],
  reconnecting: ['connected', 'offline', 'failed', 'idle', 'closed'],
  offline: ['reconnecting', 'connected', 'failed', 'idle', 'closed'],
  failed: ['connecting', 'idle', 'closed'],
  closed: [],
};

/** Whether the connection may go from `from` to `to`. */
export const canTransition = (from: ConnectionState, to: ConnectionState): boolean => TRANSITIONS[from].includes(to);
