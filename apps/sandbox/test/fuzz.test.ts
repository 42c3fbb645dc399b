/**
 * Generated bad (and good) input, driven from the document's request schemas with fast-check:
 * valid bodies built from each operation's request schema, then mutated (fields dropped, wrong
 * types, oversized strings, random JSON, malformed JSON, huge bodies), sent with random content
 * types, keys, session tokens, path ids and query strings. Every answer must be a documented one:
 * status < 500, declared for the operation, and matching its schema (an error envelope for 4xx).
 * Unknown routes and methods must answer the `not_found` envelope.
 *
 * Seeded: set FUZZ_SEED to replay a run; FUZZ_RUNS scales the number of cases per property.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, DOCUMENT, operations, start, validateSchema } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 130);
let total = 0;

let sb: RunningSandbox;
let api: Api;
let own: { conversation_id: number; token: string; channel: string };
let foreign: { conversation_id: number; token: string; channel: string };
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  sb = await start({ rateLimits: { per_key: null, per_session: null }, agent: { mode: 'off' } });
  api = new Api(sb.origin, sb.demoKey);
  const a = await api.session('v_fuzz_own');
  const b = await api.session('v_fuzz_foreign');
  own = { conversation_id: a.conversation_id, token: a.token, channel: a.realtime.channel };
  foreign = { conversation_id: b.conversation_id, token: b.token, channel: b.realtime.channel };
  for (let i = 0; i < 5; i++) await api.send(a, `seed ${i}`);
});
afterAll(async () => {
  await sb.close();
  // eslint-disable-next-line no-console
  console.log(`fuzz: ${total} generated requests (seed ${SEED})`);
});

// ------------------------------------------------------------------ JSON Schema → arbitrary

type Schema = Record<string, any>;

function deref(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === 'string') s = (s.$ref as string).slice(2).split('/').reduce<Schema>((acc, k) => acc[k], DOCUMENT);
  return s;
}

const stringUnit = fc.constantFrom<'grapheme-ascii' | 'grapheme' | 'binary'>('grapheme-ascii', 'grapheme', 'binary');

/** Values valid per `schema` (as far as a generator can tell). */
function valid(schemaIn: Schema): fc.Arbitrary<unknown> {
  const schema = deref(schemaIn);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>((schema.required ?? []) as string[]);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) shape[k] = valid(v);
      if (Object.keys(props).length === 0 && schema.additionalProperties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
    }
    case 'array':
      return fc.array(valid(schema.items as Schema), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 10, 10) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'date-time') return fc.date({ min: new Date(0), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
      if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern as string));
      return stringUnit.chain((unit) => fc.string({ unit, minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 300) }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value that breaks `schema` somehow (or random JSON). */
function mutated(schemaIn: Schema): fc.Arbitrary<unknown> {
  const schema = deref(schemaIn);
  const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
  const arbs: Array<fc.Arbitrary<unknown>> = [wrongType, fc.jsonValue({ maxDepth: 3 })];
  if (schema.type === 'object' && schema.properties) {
    const keys = Object.keys(schema.properties as object);
    arbs.push(
      fc.tuple(valid(schema), fc.constantFrom(...keys)).map(([v, k]) => {
        const copy = { ...(v as object) } as Record<string, unknown>;
        delete copy[k];
        return copy;
      }),
      fc.tuple(valid(schema), fc.constantFrom(...keys), fc.constantFrom(...keys).chain((k) => mutated((schema.properties as Record<string, Schema>)[k]!))).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
      fc.tuple(valid(schema), fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })).map(([v, k, x]) => ({ ...(v as object), [k]: x })),
    );
  }
  if (schema.type === 'string') arbs.push(fc.string({ minLength: (schema.maxLength ?? 300) + 1, maxLength: (schema.maxLength ?? 300) + 20 }), fc.constant(''), fc.constant('   '));
  if (schema.type === 'array' && schema.items) arbs.push(fc.array(mutated(schema.items as Schema), { minLength: 1, maxLength: 4 }), fc.constant(Array.from({ length: 51 }, () => ({ type: 'tap', occurred_at: '2026-01-01T00:00:00Z' }))));
  return fc.oneof(...arbs);
}

// ------------------------------------------------------------------ requests

interface Generated {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData;
}

const keyArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>('demo') },
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
  { weight: 1, arbitrary: fc.constantFrom<string | null>('sk_live_123', 'pk_test_unknown', '', 'Bearer', '💥') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const sessionArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>('own') },
  { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'foreign', 'st_nope', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const pathIdArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant('own') },
  { weight: 1, arbitrary: fc.constantFrom('foreign', '0', '-1', '999999999', '1e3', 'abc', '%00', '7731.5', '99999999999999999999') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s) || 'x') },
);
const contentTypeArb = (usual: string) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant<string | null>(usual) },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/xml', 'application/vnd.api+json', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );

const HUGE = 'x'.repeat(1024 * 1024 + 10);

/** A JSON-ish body for a schema: valid, mutated, malformed text or huge. */
function jsonBody(schema: Schema): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: valid(schema).map((v) => JSON.stringify(v)) },
    { weight: 6, arbitrary: mutated(schema).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, '', '{', '[]', 'null', '{"content":', '\u0000', '{"a":1}{"b":2}') },
    { weight: 1, arbitrary: valid(schema).map((v) => JSON.stringify({ ...(typeof v === 'object' && v ? v : {}), padding: HUGE })) },
  );
}

function requestBodyArb(op: Schema): fc.Arbitrary<{ contentType: string | null; body?: string | Uint8Array | FormData }> {
  const content = (op.requestBody?.content ?? {}) as Record<string, { schema: Schema }>;
  if (content['application/json']) {
    return fc.record({ contentType: contentTypeArb('application/json'), body: jsonBody(content['application/json'].schema) });
  }
  if (content['application/x-www-form-urlencoded']) {
    const schema = content['application/x-www-form-urlencoded'].schema;
    const ownChannel = valid(schema).map((v) => ({ ...(v as object), channel_name: own.channel }));
    const form = fc.oneof(valid(schema), mutated(schema), ownChannel).map((v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return String(v);
      return new URLSearchParams(Object.entries(v).map(([k, x]): [string, string] => [k, typeof x === 'string' ? x : String(JSON.stringify(x))])).toString();
    });
    return fc.oneof(
      { weight: 4, arbitrary: fc.record({ contentType: contentTypeArb('application/x-www-form-urlencoded'), body: form }) },
      { weight: 1, arbitrary: fc.record({ contentType: fc.constant<string | null>('application/json'), body: jsonBody(schema) }) },
    );
  }
  if (content['multipart/form-data']) {
    const multipart = fc
      .record({
        field: fc.oneof({ weight: 5, arbitrary: fc.constant('file') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
        name: fc.string({ maxLength: 40 }),
        type: fc.constantFrom('application/pdf', 'image/png', '', 'text/plain', 'application/octet-stream'),
        bytes: fc.uint8Array({ maxLength: 2048 }),
        asText: fc.boolean(),
      })
      .map(({ field, name, type, bytes, asText }) => {
        const f = new FormData();
        if (asText) f.set(field, new TextDecoder().decode(bytes));
        else f.set(field, new Blob([bytes], { type }), name);
        return { contentType: null, body: f as string | Uint8Array | FormData };
      });
    return fc.oneof(
      { weight: 4, arbitrary: multipart },
      { weight: 1, arbitrary: fc.record({ contentType: contentTypeArb('multipart/form-data; boundary=zzz'), body: fc.uint8Array({ maxLength: 300 }) }) },
      { weight: 1, arbitrary: fc.record({ contentType: contentTypeArb('application/json'), body: fc.jsonValue().map((v) => JSON.stringify(v)) }) },
    );
  }
  // No body declared (typing, heartbeat, GETs): sometimes send garbage anyway.
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ contentType: null }) },
    { weight: 1, arbitrary: fc.record({ contentType: contentTypeArb('application/json'), body: fc.string({ maxLength: 50 }) }) },
  );
}

function queryArb(op: Schema): fc.Arbitrary<string> {
  const params = ((op.parameters ?? []) as Schema[]).map(deref).filter((p) => p.in === 'query');
  if (params.length === 0) return fc.constant('');
  const value = (p: Schema) =>
    fc.oneof(
      valid(p.schema as Schema).map(String),
      fc.constantFrom('', '0', '101', '-5', 'abc', '1.5', 'eyJjIjoxLCJiIjoxfQ', '%%%'),
      fc.string({ maxLength: 30 }),
    );
  return fc
    .tuple(...params.map((p) => fc.option(value(p), { nil: undefined, freq: 2 }).map((v) => [p.name as string, v] as const)))
    .map((pairs) => {
      const q = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(v!)}`);
      return q.length ? `?${q.join('&')}` : '';
    });
}

function operationArb(method: string, template: string, op: Schema): fc.Arbitrary<Generated> {
  return fc
    .record({
      key: keyArb,
      session: sessionArb,
      pathId: pathIdArb,
      query: queryArb(op),
      body: requestBodyArb(op),
      idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /^[\x20-\x7e]+$/.test(s.trim()) && s === s.trim()), { nil: undefined }),
      bundle: fc.option(fc.constantFrom('com.example.app', ''), { nil: undefined }),
    })
    .map(({ key, session, pathId, query, body, idempotencyKey, bundle }) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (key === 'demo') headers.Authorization = `Bearer ${sb.demoKey}`;
      else if (key !== null) headers.Authorization = `Bearer ${encodeURIComponent(key)}`;
      if (session === 'own') headers['X-Tickki-Session'] = own.token;
      else if (session === 'foreign') headers['X-Tickki-Session'] = foreign.token;
      else if (session !== null) headers['X-Tickki-Session'] = encodeURIComponent(session);
      if (body.contentType !== null) headers['Content-Type'] = body.contentType;
      if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
      if (bundle !== undefined) headers['X-Tickki-Bundle-Id'] = bundle;
      const id = pathId === 'own' ? String(own.conversation_id) : pathId === 'foreign' ? String(foreign.conversation_id) : pathId;
      const path = `/api/v1${template.replace('{conversation_id}', id)}${query}`;
      const out: Generated = { method, path, headers };
      if (body.body !== undefined) out.body = body.body;
      return out;
    });
}

interface Received {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function send(g: Generated): Promise<Received> {
  total++;
  const init: RequestInit = { method: g.method, headers: g.headers };
  if (g.body !== undefined && g.method !== 'GET' && g.method !== 'HEAD') init.body = g.body as RequestInit['body'];
  const res = await fetch(sb.origin + g.path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** An error envelope per the document. */
function isEnvelope(body: unknown): boolean {
  return validateSchema('#/components/schemas/ErrorResponse', body).length === 0 || validateSchema('#/components/schemas/ValidationErrorResponse', body).length === 0;
}

const run = <T extends unknown[]>(property: fc.IAsyncProperty<T>, numRuns = RUNS) =>
  fc.assert(property, { numRuns, seed: SEED, endOnFailure: true });

describe('fuzz: every operation with generated input', () => {
  for (const { method, path, operationId, op } of operations()) {
    it(`${operationId}: ${method} ${path} answers only documented answers`, async () => {
      await run(
        fc.asyncProperty(operationArb(method, path, op), async (g) => {
          const res = await send(g);
          const where = `${g.method} ${g.path} ${JSON.stringify(g.headers)} → ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          // A malformed conversation id never matches a conversation: the path is still this operation's.
          const problems = checkAnswer(operationId, res);
          expect(problems, where).toEqual([]);
          if (res.status >= 400) expect(isEnvelope(res.body), where).toBe(true);
        }),
      );
    }, 120_000);
  }
});

describe('fuzz: unknown routes, methods and raw bytes', () => {
  it('answer the not_found envelope (or a documented answer), never 5xx', async () => {
    const segment = fc.oneof(fc.constantFrom('api', 'v1', 'v2', 'chat', 'sessions', 'config', 'messages', '7731', '..', '%2e%2e', 'events', 'broadcasting', 'auth'), fc.string({ maxLength: 10 }).map(encodeURIComponent));
    const arb = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'),
      segments: fc.array(segment, { maxLength: 6 }),
      body: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
      prefix: fc.boolean(),
    });
    await run(
      fc.asyncProperty(arb, async ({ method, segments, body, prefix }) => {
        const path = `${prefix ? '/api/v1/' : '/'}${segments.join('/')}`;
        const g: Generated = { method, path, headers: { Authorization: `Bearer ${sb.demoKey}`, 'X-Tickki-Session': own.token, 'Content-Type': 'application/json' } };
        if (body !== undefined) g.body = body;
        const res = await send(g);
        const where = `${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (method !== 'HEAD' && res.status >= 400) expect(isEnvelope(res.body), where).toBe(true);
      }),
      200,
    );
  }, 120_000);

  it('survives raw garbage on the socket', async () => {
    const { connect } = await import('node:net');
    const arb = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`POST /api/v1/chat/sessions HTTP/1.1\r\nHost: x\r\n${s}\r\n\r\n`)),
      fc.nat({ max: 1_000_000_000 }).map((n) => new TextEncoder().encode(`POST /api/v1/chat/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: ${n}\r\nContent-Type: application/json\r\n\r\n{`)),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (bytes) => {
        total++;
        await new Promise<void>((resolve) => {
          const socket = connect(sb.port, '127.0.0.1', () => {
            socket.end(bytes);
          });
          socket.on('data', () => {});
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
          socket.setTimeout(300, () => socket.destroy());
        });
      }),
      { numRuns: 100, seed: SEED },
    );
    // Still serving, nothing logged as an unexpected error.
    expect((await api.get('/chat/config')).status).toBe(200);
  }, 120_000);

  it('logged no unexpected server error and answered no 5xx', () => {
    expect(consoleError).not.toHaveBeenCalled();
    expect(sb.control.requests().filter((r) => r.status >= 500)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1000);
  });
});
