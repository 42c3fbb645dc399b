/**
 * The sandbox's runtime: its state and everything that acts on it (clock, store, websocket server,
 * fault engine, rate limiter, scripted agent). HTTP handlers and the control API get it; it imports
 * nothing of theirs (the wiring is in `start.ts`).
 */
import type { Attachment, RealtimeConfig } from '@tickki/chat-api';
import { ScriptedAgent } from './agent.js';
import { Clock } from './clock.js';
import { FaultEngine } from './faults.js';
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, DEFAULT_DEMO_KEY, MAX_LOG, type KeyInput, type RequestLogEntry, type SandboxOptions } from './options.js';
import { RateLimiter } from './ratelimit.js';
import { PusherServer } from './realtime/index.js';
import { SIGNED_URL_TTL_SECONDS, signedAttachmentUrl } from './signing.js';
import {
  defaultAgent,
  defaultConfig,
  defaultRateLimits,
  Store,
  toWireMessage,
  type ConversationRecord,
  type KeyRecord,
  type Seed,
  type StoredAttachment,
  type StoredMessage,
} from './store.js';
import { sandboxUrls } from './urls.js';

/** The sandbox's runtime: state plus everything that acts on it. Handlers get this. */
export class Sandbox {
  readonly options: SandboxOptions;
  readonly clock = new Clock();
  readonly store: Store;
  readonly realtime: PusherServer;
  readonly faults: FaultEngine;
  readonly limiter = new RateLimiter();
  readonly agent: ScriptedAgent;
  readonly appKey: string;
  readonly appSecret: string;
  readonly demoKey: string;
  readonly signedUrlTtlSeconds: number;
  readonly presenceTtlMs: number;
  readonly requestLog: RequestLogEntry[] = [];
  /** Aborted on close: ends hung requests. */
  readonly shutdown = new AbortController();
  #origin = '';
  #port = 0;
  #host = '127.0.0.1';

  constructor(options: SandboxOptions) {
    this.options = options;
    this.appKey = options.appKey ?? DEFAULT_APP_KEY;
    this.appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
    this.demoKey = options.demoKey ?? DEFAULT_DEMO_KEY;
    this.signedUrlTtlSeconds = options.signedUrlTtlSeconds ?? SIGNED_URL_TTL_SECONDS;
    this.presenceTtlMs = (options.presenceTtlSeconds ?? 65) * 1000;
    this.store = new Store(this.clock, seedFromOptions(options, this.demoKey));
    this.faults = new FaultEngine(options.seed);
    if (options.faults) this.faults.set(options.faults);
    this.realtime = new PusherServer({
      appKey: this.appKey,
      appSecret: this.appSecret,
      activityTimeoutSeconds: options.activityTimeoutSeconds ?? 30,
      ...(options.seed === undefined ? {} : { seed: options.seed + 1 }),
      ...(options.realtimeFaults ? { faults: options.realtimeFaults } : {}),
    });
    this.agent = new ScriptedAgent({
      settings: () => this.store.agent,
      reply: (conversationId, content, name) => this.agentReply(conversationId, content, name) !== undefined,
      typing: (conversationId, typing, name) => this.agentTyping(conversationId, typing, name),
      attach: (conversationId, file, name) => this.agentAttachment(conversationId, file, name) !== undefined,
    });
  }

  /** `http://host:port` of this server (known once it listens). */
  get origin(): string {
    return this.#origin;
  }

  get port(): number {
    return this.#port;
  }

  /** Called once the server listens. */
  listening(host: string, port: number): void {
    this.#host = host;
    this.#port = port;
    const urlHost = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.#origin = (this.options.publicOrigin ?? `http://${urlHost}:${port}`).replace(/\/+$/, '');
  }

  get host(): string {
    return this.#host;
  }

  /** The session's private channel. One per conversation, so a resumed session keeps it. */
  channelOf(conversation: ConversationRecord): string {
    return `private-chat.session.${conversation.session_id}`;
  }

  /** The realtime block of a session answer: this same server. */
  realtimeBlock(conversation: ConversationRecord): RealtimeConfig {
    const url = new URL(this.#origin);
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
    return {
      key: this.appKey,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port,
      scheme,
      channel: this.channelOf(conversation),
      auth_endpoint: sandboxUrls(this.#origin, this.appKey).authEndpoint,
      event: 'MessageCreated',
    };
  }

  /** The wire attachment with a fresh signed URL. */
  wireAttachment(attachment: StoredAttachment): Attachment {
    const expires = Math.floor(this.clock.now() / 1000) + this.signedUrlTtlSeconds;
    return {
      id: attachment.id,
      file_name: attachment.file_name,
      mime_type: attachment.mime_type,
      file_size: attachment.file_size,
      signed_url: signedAttachmentUrl(this.#origin, this.store.signingSecret, attachment.id, attachment.file_name, expires),
    };
  }

  /** A message's attachments as wire objects (empty for text messages). */
  attachmentsOf(message: StoredMessage): Attachment[] {
    const out: Attachment[] = [];
    for (const id of message.attachment_ids ?? []) {
      const a = this.store.attachments.get(id);
      if (a) out.push(this.wireAttachment(a));
    }
    return out;
  }

  /** Broadcasts `MessageCreated` (with `attachments`) on the conversation's channel. */
  publish(conversation: ConversationRecord, message: StoredMessage): void {
    this.realtime.broadcast(this.channelOf(conversation), 'MessageCreated', toWireMessage(message, this.attachmentsOf(message)));
  }

  /** Stores and broadcasts an agent (outbound) message. */
  agentReply(conversationId: number, content: string, agentName: string | null = this.store.agent.name): StoredMessage | undefined {
    const conversation = this.store.conversations.get(conversationId);
    if (!conversation) return undefined;
    const message = this.store.addMessage({ conversation_id: conversationId, direction: 'outbound', type: 'text', content, agent_name: agentName });
    this.publish(conversation, message);
    return message;
  }

  /** Stores and broadcasts an agent (outbound) attachment message: the file, its name as the content. */
  agentAttachment(conversationId: number, file: { file_name: string; mime_type: string; data: Buffer }, agentName: string | null = this.store.agent.name): StoredMessage | undefined {
    const conversation = this.store.conversations.get(conversationId);
    if (!conversation) return undefined;
    const { message } = this.store.addAttachment(conversationId, file, { direction: 'outbound', agent_name: agentName });
    this.publish(conversation, message);
    return message;
  }

  /** Broadcasts the `AgentTyping` extension event. */
  agentTyping(conversationId: number, typing: boolean, agentName: string | null = this.store.agent.name): boolean {
    const conversation = this.store.conversations.get(conversationId);
    if (!conversation) return false;
    this.realtime.broadcast(this.channelOf(conversation), 'AgentTyping', { typing, agent_name: agentName });
    return true;
  }

  /** Appends to the request log (and the `log` option). */
  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > MAX_LOG) this.requestLog.splice(0, this.requestLog.length - MAX_LOG);
    this.options.log?.(
      `${entry.method} ${entry.path} → ${entry.status}${entry.error ? ` ${entry.error}` : ''}${entry.dropped ? ' (answer dropped)' : ''} ${entry.duration_ms} ms`,
    );
  }
}

function keyRecord(input: KeyInput, now: string): KeyRecord {
  return {
    key: input.key,
    type: input.type ?? (input.key.startsWith('sk_') ? 'secret' : 'publishable'),
    label: input.label ?? '',
    allowed_origins: [...(input.allowed_origins ?? [])],
    allowed_bundle_ids: [...(input.allowed_bundle_ids ?? [])],
    created_at: now,
  };
}

function seedFromOptions(options: SandboxOptions, demoKey: string): Seed {
  const now = new Date().toISOString();
  const config = defaultConfig();
  for (const [section, values] of Object.entries(options.config ?? {})) {
    Object.assign((config as unknown as Record<string, object>)[section] ?? {}, values);
  }
  const keys = [keyRecord({ key: demoKey, label: 'Demo key' }, now)];
  for (const k of options.keys ?? []) if (k.key !== demoKey) keys.push(keyRecord(k, now));
  const limits = defaultRateLimits();
  return {
    config,
    keys,
    rate_limits: { ...limits, ...options.rateLimits },
    plan: { analytics: true, ...options.plan },
    agent: { ...defaultAgent(), ...options.agent },
    suspended: options.suspended ?? false,
  };
}

