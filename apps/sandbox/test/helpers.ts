/** Shared helpers of the sandbox's HTTP tests: a started sandbox, a tiny fetch client, the document's schemas. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { DOCUMENT_PATH } from '@tickki/mock';
import type { RealtimeConfig, Session } from '@tickki/chat-api';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/index.js';

/** Starts a sandbox on a free port; the scripted agent is off unless asked for. */
export function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: 7, ...options, agent: { mode: 'off', delay_ms: 0, ...options.agent } });
}

/**
 * One sandbox for the test file: started before all its tests, reset before each, closed after
 * all. `ready` receives it and an {@link Api} with the demo key.
 */
export function useSandbox(ready: (sb: RunningSandbox, api: Api) => void, options: SandboxOptions = {}): void {
  let sb: RunningSandbox | undefined;
  beforeAll(async () => {
    sb = await start(options);
    ready(sb, new Api(sb.origin, sb.demoKey));
  });
  afterAll(() => sb?.close());
  beforeEach(() => sb?.control.reset());
}

/** An answer, with its body parsed as JSON when it is JSON. */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  /** A JSON body (sets Content-Type). */
  json?: unknown;
  /** A raw body. */
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /** Session token for `X-Tickki-Session`. */
  session?: string;
  /** The publishable key; `null` sends no Authorization header. */
  key?: string | null;
  signal?: AbortSignal;
}

/** A minimal client of one sandbox (or of a Prism proxy in front of it). */
export class Api {
  readonly base: string;
  readonly key: string;

  constructor(origin: string, key: string) {
    this.base = `${origin}/api/v1`;
    this.key = key;
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const key = options.key === undefined ? this.key : options.key;
    if (key !== null) headers.Authorization = `Bearer ${key}`;
    if (options.session !== undefined) headers['X-Tickki-Session'] = options.session;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    if (options.signal) init.signal = options.signal;
    const res = await fetch(this.base + path, init);
    return toAnswer<T>(res);
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }

  post<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('POST', path, options);
  }

  /** Starts (or resumes) a session. */
  async session(visitorId = `v_${Math.random().toString(36).slice(2)}`, extra: Record<string, unknown> = {}): Promise<Session & { token: string }> {
    const res = await this.post<{ data: Session }>('/chat/sessions', { json: { visitor_id: visitorId, ...extra } });
    if (res.status !== 200) throw new Error(`startSession answered ${res.status}: ${res.text}`);
    return { ...res.body.data, token: res.body.data.session_token };
  }

  /** Sends a text message. */
  send(session: { conversation_id: number; token: string }, content: string, headers: Record<string, string> = {}) {
    return this.post(`/chat/sessions/${session.conversation_id}/messages`, { session: session.token, json: { content }, headers });
  }
}

/** Reads an answer, parsing its body as JSON when it is JSON (else keeping the text). */
async function toAnswer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** Control API client. */
export async function control<T = any>(sb: { origin: string }, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await fetch(`${sb.origin}/_control${path}`, init);
  return toAnswer<T>(res);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a truthy value. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

// ------------------------------------------------------------------ the document

type Json = Record<string, any>;

/** The canonical document, parsed. */
export const DOCUMENT: Json = parse(readFileSync(DOCUMENT_PATH, 'utf8')) as Json;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('binary', true);
ajv.addSchema(DOCUMENT, 'doc');

function deref(node: Json): Json {
  let out = node;
  while (typeof out.$ref === 'string') {
    const path = (out.$ref as string).replace(/^#\//, '').split('/');
    out = path.reduce<Json>((acc, part) => acc[part], DOCUMENT);
  }
  return out;
}

/** The document's operations: method, path template, operationId, the operation object. */
export function operations(): Array<{ method: string; path: string; operationId: string; op: Json }> {
  const out: Array<{ method: string; path: string; operationId: string; op: Json }> = [];
  for (const [path, item] of Object.entries<Json>(DOCUMENT.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Json | undefined;
      if (op) out.push({ method: method.toUpperCase(), path, operationId: op.operationId as string, op });
    }
  }
  return out;
}

/** Validates a schema reference (`#/components/schemas/X`) against a value; returns the errors. */
export function validateSchema(ref: string, value: unknown): string[] {
  const validate = ajv.getSchema(`doc${ref}`) ?? ajv.compile({ $ref: `doc${ref}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/**
 * Checks an answer against the document: the status must be declared for the operation, the body
 * must match the response's JSON schema, and a 429 must carry `Retry-After`. Returns the problems.
 */
export function checkAnswer(operationId: string, answer: { status: number; headers: Headers; body: unknown }): string[] {
  const entry = operations().find((o) => o.operationId === operationId);
  if (!entry) return [`unknown operation ${operationId}`];
  const declared = (entry.op.responses[String(answer.status)] ?? entry.op.responses[`${String(answer.status)[0]}XX`]) as Json | undefined;
  if (!declared) return [`status ${answer.status} is not declared for ${operationId}`];
  const response = deref(declared);
  const problems: string[] = [];
  const type = answer.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) problems.push(`content-type ${type}`);
  const schema = response.content?.['application/json']?.schema as Json | undefined;
  if (schema) {
    const ref = schema.$ref as string | undefined;
    const errors = ref ? validateSchema(ref.replace(/^#/, '#'), answer.body) : ['inline schema not supported'];
    problems.push(...errors);
  }
  if (response.headers?.['Retry-After'] && !/^\d+$/.test(answer.headers.get('retry-after') ?? '')) problems.push('Retry-After missing');
  return problems;
}

/** The realtime block's websocket URL. */
export function wsUrl(realtime: RealtimeConfig): string {
  return `${realtime.scheme === 'https' ? 'wss' : 'ws'}://${realtime.host}:${realtime.port}/app/${realtime.key}?protocol=7&client=test&version=1`;
}

// ------------------------------------------------------------------ a raw Pusher client

/** A frame received on the websocket; `data` decoded until it is no longer a JSON string. */
export interface ProbeFrame {
  event: string;
  channel?: string;
  /** The raw `data` string. */
  raw?: string;
  data?: any;
  /** How many JSON decodings `data` needed (1 normally, 2 when double-encoded). */
  decodings: number;
}

/**
 * A bare `ws` client speaking the Pusher protocol by hand, authorizing through the sandbox's real
 * auth endpoint. Records every frame.
 */
export class PusherProbe {
  readonly ws: WebSocket;
  readonly frames: ProbeFrame[] = [];
  readonly closed: Promise<number>;
  readonly opened: Promise<string>;

  constructor(realtime: RealtimeConfig) {
    this.ws = new WebSocket(wsUrl(realtime));
    this.closed = new Promise((resolve) => this.ws.addEventListener('close', (e) => resolve(e.code)));
    this.opened = new Promise((resolve, reject) => {
      this.ws.addEventListener('error', () => reject(new Error('websocket error')));
      this.ws.addEventListener('close', (e) => reject(new Error(`websocket closed (${e.code})`)));
      this.ws.addEventListener('message', (e) => {
        const msg = JSON.parse(String(e.data)) as { event: string; channel?: string; data?: unknown };
        let data: unknown = msg.data;
        let decodings = 0;
        while (typeof data === 'string') {
          try {
            data = JSON.parse(data);
            decodings++;
          } catch {
            break;
          }
        }
        const frame: ProbeFrame = { event: msg.event, data, decodings };
        if (typeof msg.data === 'string') frame.raw = msg.data;
        if (msg.channel !== undefined) frame.channel = msg.channel;
        this.frames.push(frame);
        if (msg.event === 'pusher:connection_established') resolve((data as { socket_id: string }).socket_id);
      });
    });
  }

  /** Connects, authorizes `realtime.channel` through `auth_endpoint` and subscribes. */
  static async subscribe(api: Api, session: { realtime: RealtimeConfig; token: string }): Promise<PusherProbe> {
    const probe = new PusherProbe(session.realtime);
    const socketId = await probe.opened;
    const res = await fetch(session.realtime.auth_endpoint, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.key}`, 'X-Tickki-Session': session.token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ socket_id: socketId, channel_name: session.realtime.channel }),
    });
    const { auth } = (await res.json()) as { auth: string };
    probe.ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel: session.realtime.channel, auth } }));
    await until(() => probe.frames.some((f) => f.event === 'pusher_internal:subscription_succeeded'), 3000, 'subscription');
    return probe;
  }

  /** Channel events whose name ends with `name` (matches `.MessageCreated` and class paths too). */
  events(name: string): ProbeFrame[] {
    return this.frames.filter((f) => f.channel !== undefined && !f.event.startsWith('pusher') && f.event.replace(/^.*[.\\]/, '') === name);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await Promise.race([this.closed, sleep(1000)]);
  }
}
