/** Every auth and refusal error of the document, reproducibly, with its envelope and status. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, control, start } from './helpers.js';

let sb: RunningSandbox;
let api: Api;

beforeAll(async () => {
  sb = await start({
    keys: [
      { key: 'pk_test_web', allowed_origins: ['https://shop.example.com', 'https://*.preview.example.com'] },
      { key: 'pk_test_app', allowed_bundle_ids: ['com.example.shop'] },
      { key: 'pk_live_registered_secret', type: 'secret' },
    ],
  });
  api = new Api(sb.origin, sb.demoKey);
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const expectError = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error).toBe(code);
  expect(typeof res.body.message).toBe('string');
};

describe('publishable key', () => {
  it('missing → 401 missing_api_key', async () => {
    const res = await api.get('/chat/config', { key: null });
    expectError(res, 401, 'missing_api_key');
    expect(checkAnswer('getConfig', res)).toEqual([]);
    expectError(await api.get('/chat/config', { key: null, headers: { Authorization: 'Bearer ' } }), 401, 'missing_api_key');
    expectError(await api.get('/chat/config', { key: null, headers: { Authorization: 'Basic abc' } }), 401, 'missing_api_key');
  });

  it('unknown → 401 invalid_api_key', async () => {
    const res = await api.get('/chat/config', { key: 'pk_test_unknown' });
    expectError(res, 401, 'invalid_api_key');
    expect(checkAnswer('getConfig', res)).toEqual([]);
  });

  it('secret-type → 401 wrong_key_type (any sk_ key, and keys registered as secret)', async () => {
    expectError(await api.get('/chat/config', { key: 'sk_live_123' }), 401, 'wrong_key_type');
    expectError(await api.get('/chat/config', { key: 'pk_live_registered_secret' }), 401, 'wrong_key_type');
  });

  it('keys added at runtime work, removed ones stop working', async () => {
    const added = await control(sb, 'POST', '/keys', { key: 'pk_test_runtime' });
    expect(added.status).toBe(201);
    expect((await api.get('/chat/config', { key: 'pk_test_runtime' })).status).toBe(200);
    await control(sb, 'DELETE', '/keys/pk_test_runtime');
    expectError(await api.get('/chat/config', { key: 'pk_test_runtime' }), 401, 'invalid_api_key');
  });
});

describe('origin and bundle-id allow-lists', () => {
  it('matches browsers on Origin (with wildcards)', async () => {
    const web = new Api(sb.origin, 'pk_test_web');
    expect((await web.get('/chat/config', { headers: { Origin: 'https://shop.example.com' } })).status).toBe(200);
    expect((await web.get('/chat/config', { headers: { Origin: 'https://pr-12.preview.example.com' } })).status).toBe(200);
    const res = await web.get('/chat/config', { headers: { Origin: 'https://evil.example.net' } });
    expectError(res, 403, 'origin_not_allowed');
    expect(checkAnswer('getConfig', res)).toEqual([]);
    // With an allow-list, a request that shows neither Origin nor bundle id is refused too.
    expectError(await web.get('/chat/config'), 403, 'origin_not_allowed');
    // The refusal still carries CORS headers so a browser can read it.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example.net');
  });

  it('matches apps on X-Tickki-Bundle-Id', async () => {
    const app = new Api(sb.origin, 'pk_test_app');
    expect((await app.get('/chat/config', { headers: { 'X-Tickki-Bundle-Id': 'com.example.shop' } })).status).toBe(200);
    expectError(await app.get('/chat/config', { headers: { 'X-Tickki-Bundle-Id': 'com.other.app' } }), 403, 'origin_not_allowed');
  });

  it('an empty allow-list allows everyone; lists can be changed at runtime', async () => {
    expect((await api.get('/chat/config', { headers: { Origin: 'https://anything.example' } })).status).toBe(200);
    await control(sb, 'PATCH', `/keys/${sb.demoKey}`, { allowed_origins: ['https://only.example'] });
    expectError(await api.get('/chat/config', { headers: { Origin: 'https://anything.example' } }), 403, 'origin_not_allowed');
    expect((await api.get('/chat/config', { headers: { Origin: 'https://only.example' } })).status).toBe(200);
  });
});

describe('session token', () => {
  it('missing → 401 missing_session_token; unknown → 401 invalid_session', async () => {
    const s = await api.session();
    const missing = await api.get(`/chat/sessions/${s.conversation_id}/messages`);
    expectError(missing, 401, 'missing_session_token');
    expect(checkAnswer('listMessages', missing)).toEqual([]);
    expectError(await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: 'st_nope' }), 401, 'invalid_session');
  });

  it("session A's token can't read, write or identify in B's conversation", async () => {
    const a = await api.session('v_a');
    const b = await api.session('v_b');
    await api.send(b, 'secret of B');
    const calls: Array<[string, string, object]> = [
      ['GET', `/chat/sessions/${b.conversation_id}/messages`, {}],
      ['POST', `/chat/sessions/${b.conversation_id}/messages`, { json: { content: 'intrusion' } }],
      ['POST', `/chat/sessions/${b.conversation_id}/identify`, { json: { name: 'x' } }],
      ['POST', `/chat/sessions/${b.conversation_id}/typing`, {}],
      ['POST', `/chat/sessions/${b.conversation_id}/heartbeat`, {}],
    ];
    for (const [method, path, extra] of calls) {
      expectError(await api.request(method, path, { session: a.token, ...extra }), 401, 'invalid_session');
    }
    expect(sb.control.messages(b.conversation_id).map((m) => m.content)).toEqual(['secret of B']);
  });

  it("session A can't sign B's channel (nor any other channel)", async () => {
    const a = await api.session('v_a');
    const b = await api.session('v_b');
    const form = (channel: string) => new URLSearchParams({ socket_id: '123.456', channel_name: channel }).toString();
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const own = await api.post('/chat/broadcasting/auth', { session: a.token, headers, body: form(a.realtime.channel) });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ auth: expect.stringMatching(/^tickki-sandbox-key:[0-9a-f]{64}$/) });
    expect(checkAnswer('authorizeChannel', own)).toEqual([]);
    for (const channel of [b.realtime.channel, 'private-chat.session.1', 'private-admin']) {
      const res = await api.post('/chat/broadcasting/auth', { session: a.token, headers, body: form(channel) });
      expectError(res, 401, 'invalid_session');
      expect(checkAnswer('authorizeChannel', res)).toEqual([]);
    }
    expectError(await api.post('/chat/broadcasting/auth', { headers, body: form(a.realtime.channel) }), 401, 'missing_session_token');
  });

  it('revoked tokens answer invalid_session', async () => {
    const s = await api.session();
    const revoked = await control(sb, 'POST', `/conversations/${s.conversation_id}/revoke`);
    expect(revoked.body.data.revoked).toBe(1);
    expectError(await api.send(s, 'hello?'), 401, 'invalid_session');
  });

  it('an unknown conversation → 404 not_found', async () => {
    const s = await api.session();
    for (const id of ['999999', 'abc', '0']) {
      const res = await api.get(`/chat/sessions/${id}/messages`, { session: s.token });
      expectError(res, 404, 'not_found');
    }
    expect(checkAnswer('listMessages', await api.get('/chat/sessions/999999/messages', { session: s.token }))).toEqual([]);
  });
});

describe('business and plan', () => {
  it('a suspended business → 403 business_suspended on every call', async () => {
    const s = await api.session();
    await control(sb, 'PUT', '/suspended', { suspended: true });
    const res = await api.get('/chat/config');
    expectError(res, 403, 'business_suspended');
    expect(checkAnswer('getConfig', res)).toEqual([]);
    expectError(await api.post('/chat/sessions', { json: { visitor_id: 'v' } }), 403, 'business_suspended');
    expectError(await api.send(s, 'x'), 403, 'business_suspended');
    await control(sb, 'PUT', '/suspended', { suspended: false });
    expect((await api.send(s, 'x')).status).toBe(200);
  });

  it('plan gates → 403 plan_gate for uploads and analytics', async () => {
    const s = await api.session();
    await control(sb, 'PATCH', '/plan', { file_uploads: false, analytics: false });
    const form = new FormData();
    form.set('file', new Blob(['x']), 'x.txt');
    const upload = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form });
    expectError(upload, 403, 'plan_gate');
    expect(checkAnswer('uploadAttachment', upload)).toEqual([]);
    expect((await api.get('/chat/config')).body.data.features.file_uploads).toBe(false);
    const events = await api.post('/chat/events', { json: { visitor_id: 'v', events: [{ type: 'tap', occurred_at: '2026-01-01T00:00:00Z' }] } });
    expectError(events, 403, 'plan_gate');
    expect(checkAnswer('trackEvents', events)).toEqual([]);
  });
});

describe('rate limits', () => {
  it('per key → 429 rate_limited with Retry-After, until the window passes', async () => {
    await control(sb, 'PATCH', '/rate-limits', { per_key: { limit: 3, window_seconds: 60 } });
    for (let i = 0; i < 3; i++) expect((await api.get('/chat/config')).status).toBe(200);
    const res = await api.get('/chat/config');
    expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(checkAnswer('getConfig', res)).toEqual([]);
    // Other keys have their own window.
    await control(sb, 'POST', '/keys', { key: 'pk_test_other' });
    expect((await api.get('/chat/config', { key: 'pk_test_other' })).status).toBe(200);
    await control(sb, 'POST', '/clock', { advance_ms: 61_000 });
    expect((await api.get('/chat/config')).status).toBe(200);
  });

  it('per session → 429 for that session only', async () => {
    const a = await api.session();
    const b = await api.session();
    await control(sb, 'PATCH', '/rate-limits', { per_session: { limit: 2, window_seconds: 10 } });
    expect((await api.send(a, '1')).status).toBe(200);
    expect((await api.send(a, '2')).status).toBe(200);
    const res = await api.send(a, '3');
    expectError(res, 429, 'rate_limited');
    expect(res.headers.get('retry-after')).toMatch(/^(9|10)$/);
    expect(checkAnswer('sendMessage', res)).toEqual([]);
    expect((await api.send(b, '1')).status).toBe(200);
  });
});
