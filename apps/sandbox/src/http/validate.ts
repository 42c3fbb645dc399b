/**
 * Request-body validation with Laravel's messages, following the document's request schemas
 * (`StartSessionRequest`, `SendMessageRequest`, `IdentifyRequest`, `ChannelAuthRequest`,
 * `TrackEventsRequest`). A failure is a 422 `validation_failed` with an `errors` map.
 */
import type { AnalyticsEvent, ChannelAuthRequest, IdentifyRequest, SendMessageRequest, StartSessionRequest, TrackEventsRequest } from '@tickki/chat-api';
import { isObject } from '../json-value.js';
import { validationFailed, type FieldErrors } from './errors.js';

/** The same `email` rule as ajv-formats (what Prism checks), so both sides agree. */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
/** RFC 3339 `date-time` (a time zone is required). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2}|60)(\.\d+)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const SOCKET_ID = /^\d+\.\d+$/;

/** Laravel's attribute name: `visitor_id` → `visitor id`. */
const label = (field: string): string => field.replace(/_/g, ' ');

/** Length in characters (code points), as JSON Schema and Laravel count. */
export const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Whether `value` is a plain JSON object. */

/** Whether `s` is an RFC 3339 date-time with a valid calendar date and time. */
export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59) return false;
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return d! <= days;
}

class Checker {
  readonly errors: FieldErrors = {};
  readonly source: Record<string, unknown>;

  constructor(source: Record<string, unknown>) {
    this.source = source;
  }

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  /** A string field; `undefined` when absent or invalid. */
  string(field: string, rules: { required?: boolean; min?: number; max?: number; email?: boolean; pattern?: RegExp; trimRequired?: boolean }, value: unknown = this.source[field], name = field): string | undefined {
    if (value === undefined || (rules.trimRequired && typeof value === 'string' && value.trim() === '')) {
      if (rules.required) this.add(name, `The ${label(name)} field is required.`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(name, `The ${label(name)} field must be a string.`);
      return undefined;
    }
    const length = charLength(value);
    if (rules.min !== undefined && length < rules.min) {
      this.add(name, rules.min === 1 ? `The ${label(name)} field is required.` : `The ${label(name)} field must be at least ${rules.min} characters.`);
      return undefined;
    }
    if (rules.max !== undefined && length > rules.max) {
      this.add(name, `The ${label(name)} field must not be greater than ${rules.max} characters.`);
      return undefined;
    }
    if (rules.email && !EMAIL.test(value)) {
      this.add(name, `The ${label(name)} field must be a valid email address.`);
      return undefined;
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      this.add(name, `The ${label(name)} field format is invalid.`);
      return undefined;
    }
    return value;
  }

  done<T>(value: T): T {
    if (Object.keys(this.errors).length > 0) throw validationFailed(this.errors);
    return value;
  }
}

/** Refuses a body that is not a JSON object. */
function objectBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw validationFailed({ body: ['The request body must be a JSON object.'] });
  return body;
}

/** The contact fields shared by `startSession` and `identify`. */
function contactFields(c: Checker): { name?: string; email?: string; phone?: string } {
  const out: { name?: string; email?: string; phone?: string } = {};
  const name = c.string('name', { max: 255 });
  const email = c.string('email', { max: 255, email: true });
  const phone = c.string('phone', { max: 64 });
  if (name !== undefined) out.name = name;
  if (email !== undefined) out.email = email;
  if (phone !== undefined) out.phone = phone;
  return out;
}

/** `StartSessionRequest`. */
export function validateStartSession(body: unknown): StartSessionRequest {
  const c = new Checker(objectBody(body));
  const visitor_id = c.string('visitor_id', { required: true, min: 1, max: 255 });
  const contact = contactFields(c);
  return c.done({ visitor_id: visitor_id as string, ...contact });
}

/** `IdentifyRequest`. */
export function validateIdentify(body: unknown): IdentifyRequest {
  const c = new Checker(objectBody(body));
  return c.done(contactFields(c));
}

/** `SendMessageRequest`; `maxLength` is the configuration's `limits.message_max_length`. Blank content is refused like Laravel's `required`. */
export function validateSendMessage(body: unknown, maxLength: number): SendMessageRequest {
  const c = new Checker(objectBody(body));
  const content = c.string('content', { required: true, min: 1, max: maxLength, trimRequired: true });
  return c.done({ content: content as string });
}

/** `ChannelAuthRequest` (from a form or a JSON body). */
export function validateChannelAuth(body: unknown): ChannelAuthRequest {
  const c = new Checker(objectBody(body));
  const socket_id = c.string('socket_id', { required: true, min: 1, max: 100, pattern: SOCKET_ID });
  const channel_name = c.string('channel_name', { required: true, min: 1, max: 200, pattern: /^private-/ });
  return c.done({ socket_id: socket_id as string, channel_name: channel_name as string });
}

const EVENT_STRING_FIELDS = ['title', 'url', 'element_label', 'element_type', 'element_key', 'value'] as const;

/** `TrackEventsRequest`: 1–50 events, each with a `type` and an RFC 3339 `occurred_at`. */
export function validateTrackEvents(body: unknown): TrackEventsRequest {
  const c = new Checker(objectBody(body));
  const visitor_id = c.string('visitor_id', { required: true, min: 1, max: 255 });
  const raw = c.source.events;
  const events: AnalyticsEvent[] = [];
  if (raw === undefined) c.add('events', 'The events field is required.');
  else if (!Array.isArray(raw)) c.add('events', 'The events field must be an array.');
  else if (raw.length < 1) c.add('events', 'The events field must have at least 1 items.');
  else if (raw.length > 50) c.add('events', 'The events field must not have more than 50 items.');
  else {
    raw.forEach((item: unknown, i) => {
      const at = `events.${i}`;
      if (!isObject(item)) {
        c.add(at, `The ${at} field must be an object.`);
        return;
      }
      const type = c.string('type', { required: true, min: 1 }, item.type, `${at}.type`);
      const occurred = c.string('occurred_at', { required: true, min: 1 }, item.occurred_at, `${at}.occurred_at`);
      if (occurred !== undefined && !isDateTime(occurred)) c.add(`${at}.occurred_at`, `The ${at}.occurred_at field must be a valid date.`);
      const event: AnalyticsEvent = { ...(item as Record<string, unknown>), type: type ?? '', occurred_at: occurred ?? '' } as AnalyticsEvent;
      for (const f of EVENT_STRING_FIELDS) c.string(f, {}, item[f], `${at}.${f}`);
      if (item.meta !== undefined && !isObject(item.meta)) c.add(`${at}.meta`, `The ${at}.meta field must be an object.`);
      events.push(event);
    });
  }
  return c.done({ visitor_id: visitor_id as string, events });
}

/** `cursor` and `limit` of `listMessages`. */
export function validateListQuery(query: { cursor?: string | undefined; limit?: string | undefined }): { cursor?: string; limit: number } {
  const errors: FieldErrors = {};
  let limit = 30;
  if (query.limit !== undefined) {
    if (!/^\d+$/.test(query.limit)) errors.limit = ['The limit field must be an integer.'];
    else {
      limit = Number(query.limit);
      if (limit < 1 || limit > 100) errors.limit = ['The limit field must be between 1 and 100.'];
    }
  }
  if (query.cursor !== undefined && query.cursor.length === 0) errors.cursor = ['The cursor field must be a string.'];
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return query.cursor === undefined ? { limit } : { cursor: query.cursor, limit };
}
