import type { Message } from '@tickki/chat-realtime';
import type { TickkiChatError } from './errors.js';

/** Where a message stands: `pending` (being sent), `sent` (stored by the server), `failed` (see `error`). */
export type MessageStatus = 'pending' | 'sent' | 'failed';

/**
 * A message of the store: the camelCase {@link Message} model plus its delivery state. Objects are
 * replaced, never mutated, so a changed message is a new object (cheap memoized rendering).
 */
export interface ChatMessage extends Omit<Message, 'id'> {
  /** The server's id; `undefined` while the message is pending or failed. */
  id: number | undefined;
  /** A stable key for lists: the client id for messages sent from here (kept once sent), else the id. */
  key: string;
  /** Delivery state. */
  status: MessageStatus;
  /** The client id of a message sent from this device; also its `Idempotency-Key`. */
  clientId: string | undefined;
  /** Why the last attempt failed (failed messages only). */
  error: TickkiChatError | undefined;
}
