import type { Message } from '@tickki/chat-realtime';
import { TickkiChatError } from './errors.js';

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

/**
 * `text` if it can be sent, else the refusal: `invalid_argument` (not a string, from plain
 * JavaScript), `empty_message` (blank) or `message_too_long` (over `max` characters, counted as the
 * server counts them: code points, so an emoji is one).
 */
export function checkText(text: unknown, max: number): string {
  if (typeof text !== 'string') throw new TickkiChatError('invalid_argument', `A message is a string, not ${text === null ? 'null' : typeof text}`);
  if (!text.trim()) throw new TickkiChatError('empty_message', 'empty_message');
  if (text.length > max && [...text].length > max) throw new TickkiChatError('message_too_long', `Over ${max} characters`);
  return text;
}
