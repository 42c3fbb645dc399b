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

/** Whether the machine may go from `from` to `to`. */
export const canTransition = (from: ConnectionState, to: ConnectionState): boolean => TRANSITIONS[from].includes(to);

/**
 * Holds the current {@link ConnectionState} and applies transitions, refusing those not listed in
 * {@link TRANSITIONS}.
 */
export class ConnectionStateMachine {
  /** The current state. */
  state: ConnectionState = 'idle';

  /** Called after every applied change. */
  declare onChange: ((change: StateChange) => void) | undefined;

  /**
   * Moves to `to`. Returns `true` when the state changed; `false` when already in `to` or when the
   * transition is not allowed (the state is then left as it was).
   */
  transition(to: ConnectionState, reason: string): boolean {
    const from = this.state;
    if (!canTransition(from, to)) return false;
    this.state = to;
    this.onChange?.({ from, to, reason });
    return true;
  }
}
