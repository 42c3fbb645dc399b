/**
 * Contract: the sandbox's traffic runs through `prism proxy` with validation on the canonical
 * document. Every operation and every error code goes through it at least once; any request or
 * answer that violates the document (an `sl-violations` header, or Prism answering in its own
 * problem+json) fails the test.
 *
 * Two codes can never reach the sandbox through Prism: `missing_api_key` and
 * `missing_session_token` are requests that break the document's security requirements, and
 * `unsupported_media_type` one that breaks its request content type, so Prism refuses them itself.
 * For those the test shows Prism's refusal and checks the sandbox's own answer against the same
 * document with a JSON Schema validator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@tickki/mock';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, DOCUMENT, start, type Answer } from './helpers.js';

let sb: RunningSandbox;
let prism: RunningMock;
/** Through Prism. */
let proxied: Api;
/** Straight to the sandbox. */
let direct: Api;
const covered = { operations: new Set<string>(), codes: new Set<string>() };

beforeAll(async () => {
  sb = await start({ keys: [{ key: 'pk_test_app', allowed_bundle_ids: ['com.example.shop'] }] });
  prism = await startMock({ mode: 'proxy', upstream: sb.origin });
  proxied = new Api(prism.origin, sb.demoKey);
  direct = new Api(sb.origin, sb.demoKey);
}, 60_000);
afterAll(async () => {
  await prism?.stop();
  await sb?.close();
});
beforeEach(() => sb.control.reset());

/** Asserts that Prism saw no violation, the status is the expected one, and records coverage. */
function conforms(operationId: string, res: Answer, status: number, code?: string): void {
  const violations = res.headers.get('sl-violations');
  expect(violations, `${operationId} ${status}: ${violations}\n${res.text}`).toBeNull();
  expect(res.headers.get('content-type') ?? '').not.toMatch(/problem\+json/);
  expect(res.status, res.text).toBe(status);
  if (code !== undefined) expect(res.body.error).toBe(code);
  // Belt and braces: the same answer checked against the document here too.
  expect(checkAnswer(operationId, res)).toEqual([]);
  if (status < 300) covered.operations.add(operationId);
  if (code !== undefined) covered.codes.add(code);
}

const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('every operation through prism proxy', () => {
  it('answers each of the ten operations per the document', async () => {
    conforms('getConfig', await proxied.get('/chat/config'), 200);

    const started = await proxied.post('/chat/sessions', { json: { visitor_id: 'v_contract', name: 'Ada', email: 'ada@example.com', phone: '+44 20 7946 0958' } });
    conforms('startSession', started, 200);
    const s = { ...started.body.data, token: started.body.data.session_token };
    const base = `/chat/sessions/${s.conversation_id}`;

    const sent = await proxied.post(`${base}/messages`, { session: s.token, json: { content: 'Hi, my order has not arrived.' }, headers: { 'Idempotency-Key': '0f8e2c1a-7d4b-4f5e-9a3c-6b2d1e0f9a87' } });
    conforms('sendMessage', sent, 200);
    const replay = await proxied.post(`${base}/messages`, { session: s.token, json: { content: 'Hi, my order has not arrived.' }, headers: { 'Idempotency-Key': '0f8e2c1a-7d4b-4f5e-9a3c-6b2d1e0f9a87' } });
    conforms('sendMessage', replay, 200);
    expect(replay.body.data.id).toBe(sent.body.data.id);
    for (let i = 0; i < 3; i++) await direct.send(s, `more ${i}`);

    const page = await proxied.get(`${base}/messages?limit=2`, { session: s.token });
    conforms('listMessages', page, 200);
    const older = await proxied.get(`${base}/messages?limit=2&cursor=${page.body.meta.next_cursor}`, { session: s.token });
    conforms('listMessages', older, 200);
    expect(older.body.meta.next_cursor).toBeNull();

    const auth = await proxied.post('/chat/broadcasting/auth', { session: s.token, headers: formHeaders, body: new URLSearchParams({ socket_id: '123456.7890123', channel_name: s.realtime.channel }).toString() });
    conforms('authorizeChannel', auth, 200);

    conforms('identifyVisitor', await proxied.post(`${base}/identify`, { session: s.token, json: { name: 'Ada Lovelace' } }), 200);
    conforms('sendTyping', await proxied.post(`${base}/typing`, { session: s.token }), 200);
    conforms('sendHeartbeat', await proxied.post(`${base}/heartbeat`, { session: s.token }), 200);

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3])], { type: 'application/pdf' }), 'receipt.pdf');
    const upload = await proxied.post(`${base}/attachments`, { session: s.token, body: form });
    conforms('uploadAttachment', upload, 200);
    expect(upload.body.data.attachment.file_size).toBe(8);

    const events = await proxied.post('/chat/events', {
      json: {
        visitor_id: 'v_contract',
        events: [
          { type: 'screen_view', occurred_at: '2026-11-29T10:15:02Z', title: 'Checkout', url: 'https://shop.example.com/checkout' },
          { type: 'coupon_applied', occurred_at: '2026-11-29T10:15:31Z', value: 'WINTER10', meta: { cart_total: 84.5 } },
        ],
      },
    });
    conforms('trackEvents', events, 200);
    expect(covered.operations.size).toBe(10);
  });
});

describe('every error code through prism proxy', () => {
  it('key, session and conversation errors', async () => {
    conforms('getConfig', await proxied.get('/chat/config', { key: 'pk_test_unknown' }), 401, 'invalid_api_key');
    conforms('getConfig', await proxied.get('/chat/config', { key: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' }), 401, 'wrong_key_type');
    const s = await direct.session('v_err');
    const other = await direct.session('v_err_other');
    conforms('listMessages', await proxied.get(`/chat/sessions/${s.conversation_id}/messages`, { session: 'st_unknown' }), 401, 'invalid_session');
    conforms('sendMessage', await proxied.post(`/chat/sessions/${other.conversation_id}/messages`, { session: s.token, json: { content: 'x' } }), 401, 'invalid_session');
    conforms(
      'authorizeChannel',
      await proxied.post('/chat/broadcasting/auth', { session: s.token, headers: formHeaders, body: new URLSearchParams({ socket_id: '1.2', channel_name: other.realtime.channel }).toString() }),
      401,
      'invalid_session',
    );
    conforms('sendHeartbeat', await proxied.post('/chat/sessions/987654321/heartbeat', { session: s.token }), 404, 'not_found');
  });

  it('origin_not_allowed, business_suspended, plan_gate', async () => {
    const app = new Api(prism.origin, 'pk_test_app');
    conforms('getConfig', await app.get('/chat/config', { headers: { 'X-Tickki-Bundle-Id': 'com.example.shop' } }), 200);
    conforms('getConfig', await app.get('/chat/config', { headers: { 'X-Tickki-Bundle-Id': 'com.attacker.app' } }), 403, 'origin_not_allowed');

    const s = await direct.session('v_gate');
    sb.control.setPlan({ file_uploads: false, analytics: false });
    const form = new FormData();
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    conforms('uploadAttachment', await proxied.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form }), 403, 'plan_gate');
    conforms('trackEvents', await proxied.post('/chat/events', { json: { visitor_id: 'v', events: [{ type: 'tap', occurred_at: '2026-11-29T10:15:09Z' }] } }), 403, 'plan_gate');

    sb.control.setSuspended(true);
    conforms('startSession', await proxied.post('/chat/sessions', { json: { visitor_id: 'v' } }), 403, 'business_suspended');
  });

  it('rate_limited with Retry-After (limits and bursts) and server_error', async () => {
    const s = await direct.session('v_rl');
    sb.control.setRateLimits({ per_session: { limit: 1, window_seconds: 30 } });
    conforms('sendTyping', await proxied.post(`/chat/sessions/${s.conversation_id}/typing`, { session: s.token }), 200);
    const limited = await proxied.post(`/chat/sessions/${s.conversation_id}/typing`, { session: s.token });
    conforms('sendTyping', limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    sb.control.setFaults({ http: { rate_limit_next: 1, retry_after_seconds: 3 } });
    conforms('getConfig', await proxied.get('/chat/config'), 429, 'rate_limited');
    sb.control.setFaults({ http: { error_next: 1 } });
    conforms('getConfig', await proxied.get('/chat/config'), 500, 'server_error');
  });

  it('validation_failed and payload_too_large on requests the document allows', async () => {
    const s = await direct.session('v_422');
    sb.control.patchConfig({ limits: { message_max_length: 5, max_upload_kb: 1 }, identification: { required_on_start: true } });
    conforms('sendMessage', await proxied.post(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token, json: { content: 'longer than five' } }), 422, 'validation_failed');
    conforms('sendMessage', await proxied.post(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token, json: { content: '   ' } }), 422, 'validation_failed');
    conforms('startSession', await proxied.post('/chat/sessions', { json: { visitor_id: 'v_anonymous' } }), 422, 'validation_failed');
    conforms('listMessages', await proxied.get(`/chat/sessions/${s.conversation_id}/messages?cursor=bm9wZQ`, { session: s.token }), 422, 'validation_failed');
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(2048)], { type: 'application/octet-stream' }), 'big.bin');
    conforms('uploadAttachment', await proxied.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form }), 413, 'payload_too_large');
  });

  it('missing_api_key, missing_session_token, unsupported_media_type: Prism refuses them, the sandbox answers them per the document', async () => {
    const s = await direct.session('v_prism');
    const cases: Array<[string, (api: Api) => Promise<Answer>, number, string]> = [
      ['getConfig', (api) => api.get('/chat/config', { key: null }), 401, 'missing_api_key'],
      ['listMessages', (api) => api.get(`/chat/sessions/${s.conversation_id}/messages`), 401, 'missing_session_token'],
      ['uploadAttachment', (api) => api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, json: { file: 'x' } }), 415, 'unsupported_media_type'],
    ];
    for (const [operationId, call, status, code] of cases) {
      const viaPrism = await call(proxied);
      expect(viaPrism.headers.get('content-type')).toMatch(/problem\+json/);
      const res = await call(direct);
      expect(res.status).toBe(status);
      expect(res.body.error).toBe(code);
      expect(checkAnswer(operationId, res)).toEqual([]);
      covered.codes.add(code);
    }
  });

  it('a 503 from a proxy in front of the server is declared (5XX) and passes the proxy', async () => {
    sb.control.setFaults({ http: { error_next: 1, error_status: 503 } });
    const res = await proxied.get('/chat/config');
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('server_error');
    expect(res.headers.get('sl-violations')).toBeNull();
  });

  it('the proxy does flag a violation (sanity check): a branding color outside the schema', async () => {
    const saved = sb.store.config.branding.primary_color;
    sb.store.config.branding.primary_color = 'red';
    try {
      const res = await proxied.get('/chat/config');
      expect(res.headers.get('sl-violations')).toContain('primary_color');
    } finally {
      sb.store.config.branding.primary_color = saved;
    }
  });

  it('covered every code of the document', () => {
    expect([...covered.codes].sort()).toEqual([...(DOCUMENT.components.schemas.ErrorCode.enum as string[])].sort());
  });
});
