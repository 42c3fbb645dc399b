/**
 * The Chat SDK API v1 under `/api/v1`, answering exactly as the canonical document says: envelopes,
 * error codes and statuses, `Retry-After`, the `Idempotency-Key` extension and the realtime block.
 *
 * Every operation runs the same gate, in this order: faults (latency, injected 429/5xx, hangs) →
 * publishable key → origin / bundle-id allow-list → business suspended → per-key rate limit →
 * (session calls) session token, conversation, per-session rate limit → body → validation.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type {
  AttachmentResponse,
  ChannelAuthResponse,
  ConfigResponse,
  ContactResponse,
  MessageListResponse,
  MessageResponse,
  OkResponse,
  SessionResponse,
} from '@tickki/chat-api';
import type { OperationId } from '../faults.js';
import { authorizeChannel } from '../realtime/index.js';
import type { Sandbox } from '../sandbox.js';
import { toWireMessage, type ConversationRecord, type KeyRecord } from '../store.js';
import { ClientGone, readFormOrJson, readJson, readUpload } from './body.js';
import { Errors, validationFailed } from './errors.js';
import { validateChannelAuth, validateIdentify, validateListQuery, validateSendMessage, validateStartSession, validateTrackEvents } from './validate.js';

/** Hono environment of the sandbox's routes. */
export type SandboxEnv = {
  Bindings: HttpBindings;
  Variables: {
    operation: OperationId;
    key: KeyRecord;
    conversation: ConversationRecord;
    idempotentReplay: boolean;
    dropped: boolean;
  };
};

type Ctx = Context<SandboxEnv>;

/** Header names the API reads. */
export const SESSION_HEADER = 'x-tickki-session';
export const BUNDLE_HEADER = 'x-tickki-bundle-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits `ms` (0: forever) unless the client goes away or the sandbox shuts down. */
function hang(c: Ctx, ms: number, shutdown: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = c.env.outgoing;
    let timer: NodeJS.Timeout | undefined;
    const done = (gone: boolean) => {
      clearTimeout(timer);
      outgoing.off('close', onClose);
      shutdown.removeEventListener('abort', onShutdown);
      if (gone) reject(new ClientGone());
      else resolve();
    };
    const onClose = () => done(true);
    const onShutdown = () => done(true);
    if (ms > 0) timer = setTimeout(() => done(false), ms);
    outgoing.once('close', onClose);
    shutdown.addEventListener('abort', onShutdown, { once: true });
  });
}

/** `*` matches any run of characters; everything else literally, case-insensitively. */
function matches(patterns: string[], value: string): boolean {
  return patterns.some((p) => {
    if (!p.includes('*')) return p.toLowerCase() === value.toLowerCase();
    const re = new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    return re.test(value);
  });
}

/** The opaque cursor: base64url of `{c: conversation, b: before id}`. */
export function encodeCursor(conversationId: number, beforeId: number): string {
  return Buffer.from(JSON.stringify({ c: conversationId, b: beforeId })).toString('base64url');
}

function decodeCursor(cursor: string, conversationId: number): number {
  const invalid = () => validationFailed({ cursor: ['The cursor is invalid.'] });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const v = value as { c?: unknown; b?: unknown } | null;
  if (typeof v !== 'object' || v === null || v.c !== conversationId || !Number.isSafeInteger(v.b) || (v.b as number) < 1) throw invalid();
  return v.b as number;
}

/** Builds the `/api/v1` routes. */
export function apiRoutes(sb: Sandbox): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>();
  const { store } = sb;

  /** The publishable key of the request, or the matching 401. */
  function authenticate(c: Ctx): KeyRecord {
    const header = c.req.header('authorization')?.trim() ?? '';
    const m = /^Bearer\s+(\S.*)$/i.exec(header);
    if (!m) throw Errors.missingApiKey();
    const token = (m[1] as string).trim();
    if (token.startsWith('sk_')) throw Errors.wrongKeyType();
    const record = store.keys.get(token);
    if (!record) throw Errors.invalidApiKey();
    if (record.type === 'secret') throw Errors.wrongKeyType();
    return record;
  }

  /** With an allow-list on the key, the bundle id (apps) or the Origin (browsers) must be on it. */
  function checkOrigin(c: Ctx, key: KeyRecord): void {
    if (key.allowed_origins.length === 0 && key.allowed_bundle_ids.length === 0) return;
    const bundle = c.req.header(BUNDLE_HEADER);
    if (bundle) {
      if (!matches(key.allowed_bundle_ids, bundle)) throw Errors.originNotAllowed('app');
      return;
    }
    const origin = c.req.header('origin');
    if (origin && matches(key.allowed_origins, origin)) return;
    throw Errors.originNotAllowed('origin');
  }

  function limit(bucket: string, which: 'per_key' | 'per_session'): void {
    const verdict = sb.limiter.hit(bucket, store.rateLimits[which], sb.clock.now());
    if (!verdict.ok) throw Errors.rateLimited(verdict.retryAfter);
  }

  /** The conversation of the session token, checked against the path's `conversation_id`. */
  function session(c: Ctx, pathId: string | undefined): ConversationRecord {
    const token = c.req.header(SESSION_HEADER)?.trim();
    if (!token) throw Errors.missingSessionToken();
    const own = store.conversationOfToken(token);
    if (!own) throw Errors.invalidSession();
    if (pathId === undefined) return own;
    const id = /^[1-9]\d{0,15}$/.test(pathId) ? Number(pathId) : NaN;
    if (!store.conversations.has(id)) throw Errors.notFound();
    if (own.id !== id) throw Errors.invalidSession('This session token does not belong to this conversation.');
    return own;
  }

  /** The gate every operation runs first (see the module comment). */
  const operation =
    (op: OperationId, options: { session: boolean }): MiddlewareHandler<SandboxEnv> =>
    async (c, next) => {
      c.set('operation', op);
      const latency = sb.faults.latency(op);
      if (latency > 0) await sleep(latency);
      const action = sb.faults.before(op);
      if (action.kind === 'rate_limit') throw Errors.rateLimited(action.retryAfter);
      if (action.kind === 'error') throw Errors.serverError(action.status);
      if (action.kind === 'hang') await hang(c, action.ms, sb.shutdown.signal);

      const key = authenticate(c);
      c.set('key', key);
      checkOrigin(c, key);
      if (store.suspended) throw Errors.businessSuspended();
      limit(`key:${key.key}`, 'per_key');
      if (options.session) {
        const conversation = session(c, c.req.param('conversation_id'));
        c.set('conversation', conversation);
        limit(`session:${conversation.session_id}`, 'per_session');
      }
      await next();
      const fate = sb.faults.answer(op);
      if (fate === 'drop') {
        c.set('dropped', true);
        c.env.outgoing.socket?.destroy();
      } else if (fate !== 'send') {
        // the status and headers stay; the JSON is cut off (as a broken proxy would) or of another shape
        // (as a server of another API version might)
        const answer = c.res;
        const text = await answer.text();
        const headers = new Headers(answer.headers);
        headers.delete('content-length');
        c.res = undefined;
        c.res = new Response(fate === 'garble' ? text.slice(0, Math.ceil(text.length / 2)) : '{"data":{"unexpected":true}}', { status: answer.status, headers });
      }
    };

  // 1. GET /chat/config
  api.get('/chat/config', operation('getConfig', { session: false }), (c) => c.json<ConfigResponse>({ data: store.config }));

  // 2. POST /chat/sessions
  api.post('/chat/sessions', operation('startSession', { session: false }), async (c) => {
    const body = validateStartSession(await readJson(c.env.incoming, 422));
    if (store.config.identification.required_on_start && body.name === undefined && body.email === undefined) {
      const existing = store.byVisitor.get(body.visitor_id);
      const contact = existing === undefined ? undefined : store.conversations.get(existing)?.contact;
      if (!contact || (contact.name === null && contact.email === null)) {
        throw validationFailed({
          name: ['The name field is required when email is not present.'],
          email: ['The email field is required when name is not present.'],
        });
      }
    }
    const contact: { name?: string; email?: string; phone?: string } = {};
    if (body.name !== undefined) contact.name = body.name;
    if (body.email !== undefined) contact.email = body.email;
    if (body.phone !== undefined) contact.phone = body.phone;
    const { conversation, token } = store.startSession(body.visitor_id, contact);
    return c.json<SessionResponse>({
      data: {
        session_id: conversation.session_id,
        session_token: token,
        conversation_id: conversation.id,
        visitor_id: conversation.visitor_id,
        contact: { name: conversation.contact.name, email: conversation.contact.email },
        realtime: sb.realtimeBlock(conversation),
      },
    });
  });

  // 4. GET /chat/sessions/{conversation_id}/messages
  api.get('/chat/sessions/:conversation_id/messages', operation('listMessages', { session: true }), (c) => {
    const conversation = c.get('conversation');
    const query = validateListQuery({ cursor: c.req.query('cursor'), limit: c.req.query('limit') });
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, conversation.id);
    const { items, more } = store.page(conversation.id, query.limit, before);
    const last = items[items.length - 1];
    return c.json<MessageListResponse>({
      data: items.map((m) => toWireMessage(m)),
      meta: { next_cursor: more && last ? encodeCursor(conversation.id, last.id) : null },
    });
  });

  // 3. POST /chat/sessions/{conversation_id}/messages
  api.post('/chat/sessions/:conversation_id/messages', operation('sendMessage', { session: true }), async (c) => {
    const conversation = c.get('conversation');
    // a server that does not know the extension neither checks nor remembers the header
    const idempotencyKey = sb.faults.ignoresIdempotencyKey ? undefined : c.req.header(IDEMPOTENCY_HEADER);
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 255)) {
      throw validationFailed({ 'Idempotency-Key': ['The Idempotency-Key header must be 1 to 255 characters.'] });
    }
    const body = validateSendMessage(await readJson(c.env.incoming, 413), store.config.limits.message_max_length);
    if (idempotencyKey !== undefined) {
      const first = store.idempotentMessage(conversation.id, idempotencyKey);
      if (first) {
        c.set('idempotentReplay', true);
        c.header('Idempotent-Replayed', 'true');
        return c.json<MessageResponse>({ data: toWireMessage(first) });
      }
    }
    const message = store.addMessage({
      conversation_id: conversation.id,
      direction: 'inbound',
      type: 'text',
      content: body.content,
      ...(idempotencyKey === undefined ? {} : { idempotency_key: idempotencyKey }),
    });
    if (sb.faults.broadcast('sendMessage')) sb.publish(conversation, message);
    sb.agent.onVisitorMessage(conversation.id, message);
    return c.json<MessageResponse>({ data: toWireMessage(message) });
  });

  // 5. POST /chat/broadcasting/auth
  api.post('/chat/broadcasting/auth', operation('authorizeChannel', { session: true }), async (c) => {
    const conversation = c.get('conversation');
    const body = validateChannelAuth(await readFormOrJson(c.env.incoming, 422));
    if (body.channel_name !== sb.channelOf(conversation)) {
      throw Errors.invalidSession('This session may not subscribe to that channel.');
    }
    return c.json<ChannelAuthResponse>(authorizeChannel(sb.appKey, sb.appSecret, body.socket_id, body.channel_name));
  });

  // 6. POST /chat/sessions/{conversation_id}/identify
  api.post('/chat/sessions/:conversation_id/identify', operation('identifyVisitor', { session: true }), async (c) => {
    const conversation = c.get('conversation');
    const body = validateIdentify(await readJson(c.env.incoming, 422));
    store.identify(conversation, body);
    return c.json<ContactResponse>({ data: { name: conversation.contact.name, email: conversation.contact.email } });
  });

  // 7. POST /chat/sessions/{conversation_id}/typing
  api.post('/chat/sessions/:conversation_id/typing', operation('sendTyping', { session: true }), (c) => {
    c.get('conversation').visitor_typing_at = sb.clock.now();
    return c.json<OkResponse>({ ok: true });
  });

  // 8. POST /chat/sessions/{conversation_id}/heartbeat
  api.post('/chat/sessions/:conversation_id/heartbeat', operation('sendHeartbeat', { session: true }), (c) => {
    c.get('conversation').last_seen_at = sb.clock.now();
    return c.json<OkResponse>({ ok: true });
  });

  // 9. POST /chat/sessions/{conversation_id}/attachments
  api.post('/chat/sessions/:conversation_id/attachments', operation('uploadAttachment', { session: true }), async (c) => {
    const conversation = c.get('conversation');
    if (!store.config.features.file_uploads) throw Errors.planGate();
    const kb = store.config.limits.max_upload_kb;
    const file = await readUpload(c.env.incoming, kb * 1024, kb);
    const { attachment, message } = store.addAttachment(conversation.id, { file_name: file.name, mime_type: file.type, data: file.data });
    if (sb.faults.broadcast('uploadAttachment')) sb.publish(conversation, message);
    sb.agent.onVisitorMessage(conversation.id, message);
    return c.json<AttachmentResponse>({ data: { attachment: sb.wireAttachment(attachment) } });
  });

  // 10. POST /chat/events
  api.post('/chat/events', operation('trackEvents', { session: false }), async (c) => {
    if (!store.plan.analytics) throw Errors.planGate('Analytics events are not available on this plan.');
    const body = validateTrackEvents(await readJson(c.env.incoming, 413));
    store.recordEvents(body.visitor_id, c.get('key').key, body.events);
    return c.json<OkResponse>({ ok: true });
  });

  return api;
}

