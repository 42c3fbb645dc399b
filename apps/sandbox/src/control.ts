/**
 * The sandbox's control surface: what tests, the agent console and the `/_control` HTTP API use to
 * look at and change the state. Not part of the public API document.
 */
import type { ChatConfig, Message } from '@tickki/chat-api';
import type { HttpFaults } from './faults.js';
import type { Faults, RealtimeStats } from './realtime/index.js';
import { isObject } from './json-value.js';
import type { KeyInput, RequestLogEntry } from './options.js';
import type { Sandbox } from './sandbox.js';
import { sandboxUrls } from './urls.js';
import { toWireMessage, type AgentSettings, type KeyRecord, type PlanGates, type RateLimit, type RateLimits, type RecordedEvent } from './store.js';

/** A refused control call (bad input, unknown id): HTTP 400 or 404 with the error envelope. */
export class ControlError extends Error {
  readonly status: 400 | 404;
  readonly code: string;

  constructor(status: 400 | 404, message: string) {
    super(message);
    this.status = status;
    this.code = status === 404 ? 'not_found' : 'bad_request';
  }
}

const bad = (message: string) => new ControlError(400, message);

/** A conversation as the control API lists it. */
export interface ConversationSummary {
  id: number;
  session_id: number;
  channel: string;
  visitor_id: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  created_at: string;
  message_count: number;
  last_message: Message | null;
  /** A heartbeat (or start) within the presence window. */
  visitor_online: boolean;
  last_seen_at: string;
  /** A typing signal within the last 5 seconds. */
  visitor_typing: boolean;
  /** Valid session tokens of the conversation. */
  active_tokens: number;
}

/** A stored message as the control API shows it: the wire message plus who answered. */
export type ControlMessage = Message & { agent_name?: string | null; idempotency_key?: string };

/** Both fault sets. */
export interface AllFaults {
  http: HttpFaults;
  realtime: Faults;
}

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;
const TYPING_WINDOW_MS = 5000;

type FieldRule = 'string' | 'color' | 'boolean' | 'int>=0' | 'int>=1' | 'url|null';
const CONFIG_RULES: { [S in keyof ChatConfig]: Record<keyof ChatConfig[S], FieldRule> } = {
  business: { id: 'int>=1', name: 'string', slug: 'string' },
  branding: { primary_color: 'color', accent_color: 'color', welcome_message: 'string', logo_url: 'url|null' },
  features: { file_uploads: 'boolean', voice_notes: 'boolean' },
  limits: { max_upload_kb: 'int>=1', message_max_length: 'int>=1' },
  presence: { agents_online: 'int>=0' },
  identification: { required_on_start: 'boolean' },
};

function checkRule(path: string, rule: FieldRule, value: unknown): void {
  const ok =
    rule === 'string'
      ? typeof value === 'string'
      : rule === 'color'
        ? typeof value === 'string' && HEX_COLOR.test(value)
        : rule === 'boolean'
          ? typeof value === 'boolean'
          : rule === 'int>=0'
            ? Number.isInteger(value) && (value as number) >= 0
            : rule === 'int>=1'
              ? Number.isInteger(value) && (value as number) >= 1
              : value === null || (typeof value === 'string' && URL.canParse(value));
  if (!ok) throw bad(`${path} must be ${rule === 'color' ? 'a #RRGGBB color' : rule === 'url|null' ? 'an absolute URL or null' : rule.replace('int', 'an integer ')}`);
}

function rateLimit(path: string, value: unknown): RateLimit | null {
  if (value === null) return null;
  if (!isObject(value) || !Number.isInteger(value.limit) || (value.limit as number) < 1 || !Number.isInteger(value.window_seconds) || (value.window_seconds as number) < 1) {
    throw bad(`${path} must be null or {limit: integer >= 1, window_seconds: integer >= 1}`);
  }
  return { limit: value.limit as number, window_seconds: value.window_seconds as number };
}

function stringList(path: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw bad(`${path} must be a list of strings`);
  return [...value] as string[];
}

export class SandboxControl {
  readonly #sb: Sandbox;

  constructor(sandbox: Sandbox) {
    this.#sb = sandbox;
  }

  /** Everything at a glance. */
  state(): Record<string, unknown> {
    const sb = this.#sb;
    return {
      origin: sb.origin,
      api: sandboxUrls(sb.origin, sb.appKey).api,
      websocket: sandboxUrls(sb.origin, sb.appKey).websocket,
      app_key: sb.appKey,
      demo_key: sb.demoKey,
      config: sb.store.config,
      suspended: sb.store.suspended,
      plan: this.plan(),
      rate_limits: sb.store.rateLimits,
      agent: sb.store.agent,
      faults: this.faults(),
      clock_offset_ms: sb.clock.offsetMs,
      counts: {
        conversations: sb.store.conversations.size,
        messages: sb.store.messageById.size,
        attachments: sb.store.attachments.size,
        events: sb.store.events.length,
        keys: sb.store.keys.size,
      },
    };
  }

  /** Back to the start state: seed config and keys, no conversations, no faults, clock at wall time. */
  reset(): void {
    const sb = this.#sb;
    sb.agent.cancelAll();
    sb.store.reset();
    sb.limiter.clear();
    sb.faults.clear();
    sb.realtime.resetFaults();
    sb.clock.reset();
    sb.requestLog.length = 0;
  }

  // -------------------------------------------------------------- config

  config(): ChatConfig {
    return structuredClone(this.#sb.store.config);
  }

  /** Changes some fields of the configuration (two levels: section → field). */
  patchConfig(patch: unknown): ChatConfig {
    if (!isObject(patch)) throw bad('the configuration patch must be an object');
    const next = structuredClone(this.#sb.store.config);
    for (const [section, values] of Object.entries(patch)) {
      const rules = (CONFIG_RULES as Record<string, Record<string, FieldRule>>)[section];
      if (!rules) throw bad(`unknown configuration section: ${section}`);
      if (!isObject(values)) throw bad(`${section} must be an object`);
      for (const [field, value] of Object.entries(values)) {
        const rule = rules[field];
        if (!rule) throw bad(`unknown configuration field: ${section}.${field}`);
        checkRule(`${section}.${field}`, rule, value);
        ((next as unknown as Record<string, Record<string, unknown>>)[section] as Record<string, unknown>)[field] = value;
      }
    }
    this.#sb.store.config = next;
    this.#sb.store.onChange();
    return this.config();
  }

  /** Sets `presence.agents_online`. */
  setAgentsOnline(count: unknown): ChatConfig {
    return this.patchConfig({ presence: { agents_online: count } });
  }

  // -------------------------------------------------------------- agent

  agentSettings(): AgentSettings {
    return structuredClone(this.#sb.store.agent);
  }

  /** Changes the scripted agent: `mode` (echo|canned|off), `delay_ms`, `canned`, `name`, `typing`. */
  setAgent(patch: unknown): AgentSettings {
    if (!isObject(patch)) throw bad('the agent settings must be an object');
    const next = structuredClone(this.#sb.store.agent);
    for (const [field, value] of Object.entries(patch)) {
      switch (field) {
        case 'mode':
          if (value !== 'echo' && value !== 'canned' && value !== 'off') throw bad('mode must be echo, canned or off');
          next.mode = value;
          break;
        case 'delay_ms':
          if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 600_000) throw bad('delay_ms must be an integer 0..600000');
          next.delay_ms = value as number;
          break;
        case 'canned':
          next.canned = stringList('canned', value);
          break;
        case 'name':
          if (typeof value !== 'string' || value === '') throw bad('name must be a non-empty string');
          next.name = value;
          break;
        case 'typing':
          if (typeof value !== 'boolean') throw bad('typing must be a boolean');
          next.typing = value;
          break;
        default:
          throw bad(`unknown agent setting: ${field}`);
      }
    }
    this.#sb.store.agent = next;
    this.#sb.store.onChange();
    return this.agentSettings();
  }

  // -------------------------------------------------------------- conversations

  #summary(id: number): ConversationSummary {
    const sb = this.#sb;
    const c = sb.store.conversations.get(id);
    if (!c) throw new ControlError(404, `no conversation ${id}`);
    const list = sb.store.messages.get(id) ?? [];
    const last = list[list.length - 1];
    const now = sb.clock.now();
    return {
      id: c.id,
      session_id: c.session_id,
      channel: sb.channelOf(c),
      visitor_id: c.visitor_id,
      contact: { ...c.contact },
      created_at: c.created_at,
      message_count: list.length,
      last_message: last ? toWireMessage(last) : null,
      visitor_online: now - c.last_seen_at < sb.presenceTtlMs,
      last_seen_at: new Date(c.last_seen_at).toISOString(),
      visitor_typing: c.visitor_typing_at > 0 && now - c.visitor_typing_at < TYPING_WINDOW_MS,
      active_tokens: c.tokens.length,
    };
  }

  /** Every conversation, the most recently active first. */
  conversations(): ConversationSummary[] {
    const out = [...this.#sb.store.conversations.keys()].map((id) => this.#summary(id));
    const lastId = (s: ConversationSummary) => s.last_message?.id ?? 0;
    return out.sort((a, b) => lastId(b) - lastId(a) || b.id - a.id);
  }

  conversation(id: number): ConversationSummary {
    return this.#summary(id);
  }

  /** The conversation's messages, oldest first, with attachments and signed URLs. */
  messages(id: number): ControlMessage[] {
    const sb = this.#sb;
    this.#summary(id);
    return (sb.store.messages.get(id) ?? []).map((m) => {
      const wire: ControlMessage = toWireMessage(m, sb.attachmentsOf(m));
      if (m.agent_name !== undefined) wire.agent_name = m.agent_name;
      if (m.idempotency_key !== undefined) wire.idempotency_key = m.idempotency_key;
      return wire;
    });
  }

  /** Posts an agent reply (outbound, broadcast as `MessageCreated`). */
  reply(conversationId: number, content: unknown, agentName?: unknown): Message {
    if (typeof content !== 'string' || content.trim() === '') throw bad('content must be a non-empty string');
    if (agentName !== undefined && agentName !== null && typeof agentName !== 'string') throw bad('agent_name must be a string');
    this.#summary(conversationId);
    const message = this.#sb.agentReply(conversationId, content, (agentName as string | null | undefined) ?? this.#sb.store.agent.name);
    if (!message) throw new ControlError(404, `no conversation ${conversationId}`);
    return toWireMessage(message, this.#sb.attachmentsOf(message));
  }

  /** Broadcasts `AgentTyping {typing, agent_name}` on the conversation's channel. */
  agentTyping(conversationId: number, typing: unknown = true, agentName?: unknown): void {
    if (typeof typing !== 'boolean') throw bad('typing must be a boolean');
    if (agentName !== undefined && agentName !== null && typeof agentName !== 'string') throw bad('agent_name must be a string');
    this.#summary(conversationId);
    this.#sb.agentTyping(conversationId, typing, (agentName as string | null | undefined) ?? this.#sb.store.agent.name);
  }

  /** Invalidates the conversation's session tokens (they then answer `invalid_session`). */
  revokeSessions(conversationId: number): number {
    this.#summary(conversationId);
    return this.#sb.store.revokeTokens(conversationId);
  }

  // -------------------------------------------------------------- analytics

  /** Recorded analytics events, oldest first; filter by visitor and/or type. */
  events(filter: { visitor_id?: string | undefined; type?: string | undefined } = {}): RecordedEvent[] {
    return this.#sb.store.events.filter((e) => (filter.visitor_id === undefined || e.visitor_id === filter.visitor_id) && (filter.type === undefined || e.event.type === filter.type));
  }

  // -------------------------------------------------------------- faults

  faults(): AllFaults & { counters: Record<string, number> } {
    const realtime = this.#sb.realtime.stats();
    return {
      http: this.#sb.faults.faults,
      realtime: { ...this.#sb.realtime.faults },
      counters: {
        ...this.#sb.faults.counters,
        broadcasts_dropped: realtime.broadcastsDropped,
        broadcasts_duplicated: realtime.broadcastsDuplicated,
        broadcasts_delayed: realtime.broadcastsDelayed,
        connections_dropped: realtime.connectionsDropped,
        connections_stalled: realtime.connectionsStalled,
        connections_refused: realtime.connectionsRefused,
      },
    };
  }

  /** Changes some fault knobs: `{http: {...}, realtime: {...}}`. Invalid values change nothing. */
  setFaults(patch: unknown): AllFaults {
    if (!isObject(patch)) throw bad('the faults patch must be an object');
    for (const k of Object.keys(patch)) if (k !== 'http' && k !== 'realtime') throw bad(`unknown fault group: ${k} (use http or realtime)`);
    if (patch.http !== undefined && !isObject(patch.http)) throw bad('http must be an object');
    if (patch.realtime !== undefined && !isObject(patch.realtime)) throw bad('realtime must be an object');
    const previousHttp = this.#sb.faults.faults;
    try {
      if (patch.http) this.#sb.faults.set(patch.http);
      if (patch.realtime) this.#sb.realtime.setFaults(patch.realtime as Partial<Faults>);
    } catch (err) {
      this.#sb.faults.set(previousHttp as unknown as Record<string, unknown>);
      throw bad(err instanceof Error ? err.message : String(err));
    }
    const { http, realtime } = this.faults();
    return { http, realtime };
  }

  /** Clears every fault, HTTP and websocket. */
  clearFaults(): void {
    this.#sb.faults.clear();
    this.#sb.realtime.resetFaults();
  }

  /** Drops every websocket (abruptly, or with a close `code` such as 4200). */
  dropConnections(code?: unknown): number {
    if (code !== undefined && !Number.isInteger(code)) throw bad('code must be an integer');
    try {
      return this.#sb.realtime.dropConnections(code === undefined ? {} : { code: code as number });
    } catch (err) {
      throw bad(err instanceof Error ? err.message : String(err));
    }
  }

  /** Makes every open websocket half-open: still open, but nothing flows either way. */
  stallConnections(): number {
    return this.#sb.realtime.stallConnections();
  }

  realtimeStats(): RealtimeStats {
    return this.#sb.realtime.stats();
  }

  // -------------------------------------------------------------- business

  /** Suspends (or resumes) the business: every API call answers `business_suspended`. */
  setSuspended(suspended: unknown): boolean {
    if (typeof suspended !== 'boolean') throw bad('suspended must be a boolean');
    this.#sb.store.suspended = suspended;
    this.#sb.store.onChange();
    return suspended;
  }

  /** The plan gates: `file_uploads` (the config feature) and `analytics`. */
  plan(): PlanGates & { file_uploads: boolean } {
    return { file_uploads: this.#sb.store.config.features.file_uploads, analytics: this.#sb.store.plan.analytics };
  }

  setPlan(patch: unknown): PlanGates & { file_uploads: boolean } {
    if (!isObject(patch)) throw bad('the plan patch must be an object');
    for (const [k, v] of Object.entries(patch)) {
      if (k !== 'file_uploads' && k !== 'analytics') throw bad(`unknown plan gate: ${k}`);
      if (typeof v !== 'boolean') throw bad(`${k} must be a boolean`);
    }
    if (typeof patch.analytics === 'boolean') this.#sb.store.plan = { ...this.#sb.store.plan, analytics: patch.analytics };
    if (typeof patch.file_uploads === 'boolean') this.patchConfig({ features: { file_uploads: patch.file_uploads } });
    this.#sb.store.onChange();
    return this.plan();
  }

  rateLimits(): RateLimits {
    return structuredClone(this.#sb.store.rateLimits);
  }

  /** Changes the rate limits (`per_key`, `per_session`; `null` switches one off) and restarts the windows. */
  setRateLimits(patch: unknown): RateLimits {
    if (!isObject(patch)) throw bad('the rate limits patch must be an object');
    const next = this.rateLimits();
    for (const [k, v] of Object.entries(patch)) {
      if (k !== 'per_key' && k !== 'per_session') throw bad(`unknown rate limit: ${k}`);
      next[k] = rateLimit(k, v);
    }
    this.#sb.store.rateLimits = next;
    this.#sb.limiter.clear();
    this.#sb.store.onChange();
    return this.rateLimits();
  }

  // -------------------------------------------------------------- keys

  keys(): KeyRecord[] {
    return [...this.#sb.store.keys.values()].map((k) => structuredClone(k));
  }

  /** Adds a key (a random `pk_test_…` when `key` is omitted). */
  addKey(input: unknown): KeyRecord {
    if (!isObject(input)) throw bad('the key must be an object');
    const type = input.type ?? (typeof input.key === 'string' && input.key.startsWith('sk_') ? 'secret' : 'publishable');
    if (type !== 'publishable' && type !== 'secret') throw bad('type must be publishable or secret');
    const key = input.key ?? `${type === 'secret' ? 'sk' : 'pk'}_test_${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;
    if (typeof key !== 'string' || !/^[A-Za-z0-9_\-.]{4,200}$/.test(key)) throw bad('key must be 4-200 characters of letters, digits, _ - .');
    if (this.#sb.store.keys.has(key)) throw bad(`key ${key} already exists`);
    if (input.label !== undefined && typeof input.label !== 'string') throw bad('label must be a string');
    const record: KeyRecord = {
      key,
      type,
      label: (input.label as string | undefined) ?? '',
      allowed_origins: input.allowed_origins === undefined ? [] : stringList('allowed_origins', input.allowed_origins),
      allowed_bundle_ids: input.allowed_bundle_ids === undefined ? [] : stringList('allowed_bundle_ids', input.allowed_bundle_ids),
      created_at: this.#sb.clock.iso(),
    };
    this.#sb.store.putKey(record);
    return structuredClone(record);
  }

  /** Changes a key's `label`, `type`, `allowed_origins` or `allowed_bundle_ids`. */
  updateKey(key: string, patch: unknown): KeyRecord {
    const record = this.#sb.store.keys.get(key);
    if (!record) throw new ControlError(404, `no key ${key}`);
    if (!isObject(patch)) throw bad('the key patch must be an object');
    const next = structuredClone(record);
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'label') {
        if (typeof v !== 'string') throw bad('label must be a string');
        next.label = v;
      } else if (k === 'type') {
        if (v !== 'publishable' && v !== 'secret') throw bad('type must be publishable or secret');
        next.type = v;
      } else if (k === 'allowed_origins' || k === 'allowed_bundle_ids') next[k] = stringList(k, v);
      else throw bad(`unknown key field: ${k}`);
    }
    this.#sb.store.putKey(next);
    return structuredClone(next);
  }

  removeKey(key: string): void {
    if (!this.#sb.store.deleteKey(key)) throw new ControlError(404, `no key ${key}`);
  }

  /** Adds a key given as {@link KeyInput} (programmatic convenience). */
  addKeyInput(input: KeyInput): KeyRecord {
    return this.addKey(input);
  }

  // -------------------------------------------------------------- misc

  /** Moves the sandbox clock (signed-URL expiry, presence, rate-limit windows, timestamps). */
  advanceClock(ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw bad('ms must be a number');
    this.#sb.clock.advance(ms);
    return this.#sb.clock.offsetMs;
  }

  /** The last requests to the API (at most 1000), oldest first. */
  requests(): RequestLogEntry[] {
    return this.#sb.requestLog.map((e) => ({ ...e }));
  }
}
