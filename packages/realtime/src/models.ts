import type {
  AgentTypingEvent as WireAgentTyping,
  Attachment as WireAttachment,
  Message as WireMessage,
} from '@tickki/chat-api';
import { hasFields, isObject } from './decode.js';

/**
 * Wire → model mapping, in one place. The wire speaks snake_case JSON (see the `Message`,
 * `Attachment` and `AgentTypingEvent` schemas of the OpenAPI document); the SDKs hand out these
 * camelCase models. The chat package reuses them for REST answers too.
 */

/** A file attached to a message. */
export interface Attachment {
  /** Unique id of the attachment. */
  id: number;
  /** The original file name. */
  fileName: string;
  /** MIME type, e.g. `image/png`. */
  mimeType: string;
  /** Size in bytes. */
  fileSize: number;
  /** Download URL; it expires 60 minutes after the server made it. */
  signedUrl: string;
}

/** A message of the conversation, from the visitor (`inbound`) or an agent (`outbound`). */
export interface Message {
  /** Unique in the conversation; the REST answer and the realtime echo share it, so de-duplicate by it. */
  id: number;
  /** `inbound` is from the visitor, `outbound` from an agent. */
  direction: 'inbound' | 'outbound';
  /** `text`, or `attachment` (then see {@link Message.attachments}). */
  type: 'text' | 'attachment';
  /** The text; may be empty for attachment messages. */
  content: string;
  /** When the server stored the message. */
  createdAt: Date;
  /** Attachments; present with signed URLs in realtime payloads, empty in REST list answers. */
  attachments: Attachment[];
  /** `true` for agent replies (`direction === 'outbound'`). */
  isFromAgent: boolean;
}

/** *Extension* (sent by the sandbox): an agent started or stopped typing. */
export interface AgentTyping {
  /** Whether the agent is typing now. */
  typing: boolean;
  /** The agent's display name, when the server tells it. */
  agentName: string | undefined;
}

/** Maps one wire attachment to the model. */
export function fromWireAttachment(wire: WireAttachment): Attachment {
  return {
    id: wire.id,
    fileName: wire.file_name,
    mimeType: wire.mime_type,
    fileSize: wire.file_size,
    signedUrl: wire.signed_url,
  };
}

/**
 * Parses a wire timestamp. Laravel sends microseconds (`2026-11-29T10:16:05.123456Z`), beyond the
 * milliseconds of the ECMAScript date format that every engine must read: they are cut to
 * milliseconds first, so no engine's own fallback parsing is relied on.
 */
export const parseTime = (value: string): Date => new Date(value.replace(/(\.\d{3})\d+/, '$1'));

/** Maps a wire message (already known to be well-formed, e.g. a typed REST answer) to the model. */
export function fromWireMessage(wire: WireMessage): Message {
  return {
    id: wire.id,
    direction: wire.direction,
    type: wire.type,
    content: wire.content ?? '',
    createdAt: parseTime(wire.created_at),
    attachments: (wire.attachments ?? []).map(fromWireAttachment),
    isFromAgent: wire.direction === 'outbound',
  };
}

/** The type of every field of a well-formed wire attachment. */
const ATTACHMENT_FIELDS = { id: 'number', file_name: 'string', mime_type: 'string', file_size: 'number', signed_url: 'string' };

const isWireAttachment = (a: unknown): a is WireAttachment => hasFields(a, ATTACHMENT_FIELDS);

/**
 * Validates an untrusted value (a decoded realtime payload) and maps it to a {@link Message}.
 * Returns `undefined` when `id`, `direction`, `type`, `content` or `created_at` is missing or
 * wrong. A `null` content counts as empty; malformed attachments are left out, not fatal.
 */
export function parseMessage(value: unknown): Message | undefined {
  if (!isObject(value)) return undefined;
  const { id, direction, type, created_at } = value;
  const content = value.content ?? '';
  if (
    !Number.isFinite(id) || // false for anything but a finite number
    (direction !== 'inbound' && direction !== 'outbound') ||
    (type !== 'text' && type !== 'attachment') ||
    typeof content !== 'string' ||
    typeof created_at !== 'string' ||
    Number.isNaN(parseTime(created_at).getTime())
  ) {
    return undefined;
  }
  const attachments = Array.isArray(value.attachments) ? value.attachments.filter(isWireAttachment) : [];
  return fromWireMessage({ id: id as number, direction, type, content, created_at, attachments });
}

/** Validates an untrusted `AgentTyping` payload; `undefined` when `typing` is not a boolean. */
export function parseAgentTyping(value: unknown): AgentTyping | undefined {
  if (!isObject(value) || typeof value.typing !== 'boolean') return undefined;
  const name = (value as Partial<WireAgentTyping>).agent_name;
  return { typing: value.typing, agentName: typeof name === 'string' ? name : undefined };
}
