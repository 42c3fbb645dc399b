/**
 * `startSandbox()`: a local, stateful Tickki. One `http.Server` serves the Chat SDK API under
 * `/api/v1`, the control API under `/_control`, the agent console at `/agent`, signed attachment
 * downloads under `/attachments`, and (through {@link PusherServer}) the Pusher protocol 7 websocket
 * on `/app/{key}`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Attachment, ChatConfig, RealtimeConfig } from '@tickki/chat-api';
import { ScriptedAgent } from './agent.js';
import { Clock } from './clock.js';
import { SandboxControl } from './control.js';
import { FaultEngine, type HttpFaults } from './faults.js';
import { createApp } from './http/app.js';
import { RateLimiter } from './http/ratelimit.js';
import { SIGNED_URL_TTL_SECONDS, signedAttachmentUrl } from './http/signing.js';
import { Persistence } from './persist.js';
import { PusherServer, type Faults } from './realtime/index.js';
import {
  defaultAgent,
  defaultConfig,
  defaultRateLimits,
  Store,
  toWireMessage,
  type AgentSettings,
  type ConversationRecord,
  type KeyRecord,
  type PlanGates,
  type RateLimits,
  type Seed,
  type StoredAttachment,
  type StoredMessage,
} from './store.js';

/** A partial of a two-level object (a section of {@link ChatConfig} at a time). */
export type ConfigPatch = { [S in keyof ChatConfig]?: Partial<ChatConfig[S]> };

/** A key given in {@link SandboxOptions.keys}. */
export interface KeyInput {
  key: string;
  type?: 'publishable' | 'secret';
  label?: string;
  allowed_origins?: string[];
  allowed_bundle_ids?: string[];
}

/** Options of {@link startSandbox}. Everything is optional. */
export interface SandboxOptions {
  /** Port; default 4010. Use 0 for a free port (tests). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Origin put in realtime blocks and signed URLs; default `http://{host}:{port}` (127.0.0.1 for a wildcard host). */
  publicOrigin?: string;
  /** The demo publishable key; default `pk_test_tickki_sandbox`. */
  demoKey?: string;
  /** More keys (publishable or secret, with allow-lists). */
  keys?: KeyInput[];
  /** Changes to the demo business's configuration. */
  config?: ConfigPatch;
  /** The scripted agent's settings (`mode`, `delay_ms`, `canned`, `name`, `typing`). */
  agent?: Partial<AgentSettings>;
  /** Rate limits (`null` switches one off). */
  rateLimits?: Partial<RateLimits>;
  /** Plan gates besides `features.file_uploads`. */
  plan?: Partial<PlanGates>;
  /** Start with the business suspended. */
  suspended?: boolean;
  /** Initial HTTP faults (see {@link HttpFaults}). */
  faults?: Partial<HttpFaults>;
  /** Initial websocket faults (see the realtime server's `Faults`). */
  realtimeFaults?: Partial<Faults>;
  /** Seed of every random choice of the fault knobs; random when omitted. */
  seed?: number;
  /** A JSON file that keeps the state across restarts. */
  persist?: string;
  /** Reverb app key in realtime blocks; default `tickki-sandbox-key`. */
  appKey?: string;
  /** Secret private channels are signed with; default `tickki-sandbox-secret`. */
  appSecret?: string;
  /** Websocket activity timeout announced to clients, in seconds; default 30. */
  activityTimeoutSeconds?: number;
  /** Lifetime of signed attachment URLs, in seconds; default 3600. */
  signedUrlTtlSeconds?: number;
  /** A visitor without a heartbeat for this long is shown offline; default 65. */
  presenceTtlSeconds?: number;
  /** Logs one line per API request to this function (the CLI passes `console.log`). */
  log?: (line: string) => void;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** `http://127.0.0.1:{port}`: the base URL to give an SDK (it appends `/api/v1`). */
  origin: string;
  /** `{origin}/api/v1`. */
  baseUrl: string;
  /** `ws://127.0.0.1:{port}/app/{appKey}`. */
  wsUrl: string;
  /** `{origin}/agent`: the agent console. */
  agentConsoleUrl: string;
  port: number;
  host: string;
  /** The demo publishable key. */
  demoKey: string;
  /** Programmatic control (the same operations as the `/_control` HTTP API). */
  control: SandboxControl;
  /** The state itself. */
  store: Store;
  /** The websocket server. */
  realtime: PusherServer;
  /** The HTTP fault engine. */
  faults: FaultEngine;
  clock: Clock;
  agent: ScriptedAgent;
  /** The underlying `http.Server`. */
  server: Server;
  /** Stops everything: pending agent replies, hung requests, websockets, the server; saves state. */
  close(): Promise<void>;
}

/** One line of the request log (`GET /_control/requests`). */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  operation: string | null;
  status: number;
  duration_ms: number;
  idempotency_key: string | null;
  idempotent_replay: boolean;
  /** The answer was destroyed by the drop-answer fault. */
  dropped: boolean;
  /** The error code answered, if any. */
  error: string | null;
}

const MAX_LOG = 1000;
export const DEFAULT_DEMO_KEY = 'pk_test_tickki_sandbox';
export const DEFAULT_APP_KEY = 'tickki-sandbox-key';
export const DEFAULT_APP_SECRET = 'tickki-sandbox-secret';
export const DEFAULT_PORT = 4010;

/** The sandbox's runtime: state plus everything that acts on it. Handlers get this. */
export class Sandbox {
  readonly options: SandboxOptions;
  readonly clock = new Clock();
  readonly store: Store;
  readonly realtime: PusherServer;
  readonly faults: FaultEngine;
  readonly limiter = new RateLimiter();
  readonly agent: ScriptedAgent;
  readonly control: SandboxControl;
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
    });
    this.control = new SandboxControl(this);
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
      auth_endpoint: `${this.#origin}/api/v1/chat/broadcasting/auth`,
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

/** Starts a sandbox; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sb = new Sandbox(options);
  const persistence = options.persist ? new Persistence(options.persist, sb.store) : undefined;
  const app = createApp(sb);
  const server = createServer(getRequestListener(app.fetch, { overrideGlobalObjects: false }));
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  try {
    persistence?.load(sb.demoKey);
    sb.realtime.attach(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await sb.realtime.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  sb.listening(host, address.port);
  persistence?.start();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      sb.agent.cancelAll();
      sb.shutdown.abort();
      await sb.realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      persistence?.stop();
    })();
    return closing;
  };

  return {
    origin: sb.origin,
    baseUrl: `${sb.origin}/api/v1`,
    wsUrl: `${sb.origin.replace(/^http/, 'ws')}/app/${sb.appKey}`,
    agentConsoleUrl: `${sb.origin}/agent`,
    port: address.port,
    host,
    demoKey: sb.demoKey,
    control: sb.control,
    store: sb.store,
    realtime: sb.realtime,
    faults: sb.faults,
    clock: sb.clock,
    agent: sb.agent,
    server,
    close,
  };
}
