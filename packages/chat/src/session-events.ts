import type { AgentTyping, RealtimeError, StateChange } from '@tickki/chat-realtime';
import type { TickkiChatError } from './errors.js';
import type { FillCause } from './gap-fill.js';
import type { SyncState } from './sync-state.js';

/** Why messages were recovered; see {@link ChatSessionEvents.recovered}. */
export type RecoveryCause = FillCause;

/** Events of a {@link ChatSession}. */
export interface ChatSessionEvents {
  /** The realtime connection changed state. */
  connection: StateChange;
  /** The sync state changed. */
  sync: SyncState;
  /**
   * A gap fill finished, recovering `count` messages the socket did not deliver. `cause` says why it
   * ran: `subscribed` (after a (re)subscription), `visible`, `start`, `poll`, `upload`, or
   * `missed_broadcasts`: the socket was connected, yet the server had replies it never broadcast
   * (emitted only when some were found; see `reconcileIntervalMs`).
   */
  recovered: { count: number; cause: RecoveryCause };
  /** *Extension:* an agent started or stopped typing. */
  agentTyping: AgentTyping;
  /** A problem that was not thrown to a caller (realtime failures, a failed session renewal). */
  error: TickkiChatError | RealtimeError;
  /** The session was started again (after `invalid_session`); ids and token may have changed. */
  renewed: { conversationId: number; sessionId: number };
}

/** Options of {@link ChatSession.uploadAttachment}. */
export interface UploadOptions {
  /**
   * Progress from 0 to 1: 0 when the upload starts, then as the bytes go out where the platform can
   * tell (browsers, web workers, React Native: over `XMLHttpRequest`), and 1 when it is done.
   */
  onProgress?: (progress: number) => void;
  /** Cancels the upload. */
  signal?: AbortSignal;
}
