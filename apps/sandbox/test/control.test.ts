/** The `/_control` HTTP API, the agent console page, CORS, and the programmatic handle. */
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { Api, control, PusherProbe, until, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]));

describe('state and reset', () => {
  it('GET /state summarizes; POST /reset forgets conversations and restores the seed', async () => {
    await api.session();
    await control(sb, 'PATCH', '/config', { branding: { welcome_message: 'Changed' } });
    const state = await control(sb, 'GET', '/state');
    expect(state.status).toBe(200);
    expect(state.body.data).toMatchObject({ origin: sb.origin, demo_key: sb.demoKey, app_key: 'tickki-sandbox-key', counts: { conversations: 1 } });
    expect(state.body.data.config.branding.welcome_message).toBe('Changed');
    const reset = await control(sb, 'POST', '/reset');
    expect(reset.body.data.counts.conversations).toBe(0);
    expect(reset.body.data.config.branding.welcome_message).toBe('Hi! How can we help?');
    expect((await control(sb, 'GET', '/health')).body).toEqual({ data: { ok: true } });
  });
});

describe('config', () => {
  it('GET/PATCH /config with validation', async () => {
    expect((await control(sb, 'GET', '/config')).body.data.business.slug).toBe('northwind');
    const patched = await control(sb, 'PATCH', '/config', { business: { name: 'Acme' }, features: { voice_notes: true }, identification: { required_on_start: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.data.business.name).toBe('Acme');
    expect((await api.get('/chat/config')).body.data.features.voice_notes).toBe(true);
    for (const bad of [{ branding: { primary_color: 'red' } }, { limits: { max_upload_kb: 0 } }, { nope: {} }, { business: { nope: 1 } }, { presence: { agents_online: -1 } }, { branding: { logo_url: 'not a url' } }, []]) {
      const res = await control(sb, 'PATCH', '/config', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error).toBe('bad_request');
    }
    expect((await control(sb, 'PATCH', '/config', '{not json')).status).toBe(400);
  });

  it('agents online/offline drive presence.agents_online', async () => {
    expect((await control(sb, 'POST', '/agents/online', { count: 4 })).body.data.presence.agents_online).toBe(4);
    expect((await api.get('/chat/config')).body.data.presence.agents_online).toBe(4);
    expect((await control(sb, 'POST', '/agents/offline')).body.data.presence.agents_online).toBe(0);
    expect((await control(sb, 'PUT', '/agents', { online: 2 })).body.data.presence.agents_online).toBe(2);
    expect((await control(sb, 'POST', '/agents/online')).body.data.presence.agents_online).toBe(1);
  });
});

describe('agent', () => {
  it('GET/PATCH /agent sets the scripted agent', async () => {
    const res = await control(sb, 'PATCH', '/agent', { mode: 'canned', canned: ['Hello from the test'], delay_ms: 0, name: 'Tess', typing: false });
    expect(res.body.data).toEqual({ mode: 'canned', canned: ['Hello from the test'], delay_ms: 0, name: 'Tess', typing: false });
    expect((await control(sb, 'GET', '/agent')).body.data.name).toBe('Tess');
    const s = await api.session();
    await api.send(s, 'hi');
    await until(() => sb.control.messages(s.conversation_id).length === 2, 2000, 'canned reply');
    expect(sb.control.messages(s.conversation_id)[1]).toMatchObject({ content: 'Hello from the test', agent_name: 'Tess' });
    for (const bad of [{ mode: 'loud' }, { delay_ms: -1 }, { canned: [1] }, { whatever: true }]) {
      expect((await control(sb, 'PATCH', '/agent', bad)).status).toBe(400);
    }
  });
});

describe('conversations', () => {
  it('lists conversations and messages; posts agent replies and typing, broadcast on the channel', async () => {
    const s = await api.session('v_ctl', { name: 'Ada' });
    const probe = await PusherProbe.subscribe(api, s);
    try {
      await api.send(s, 'I need help');
      const list = await control(sb, 'GET', '/conversations');
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]).toMatchObject({
        id: s.conversation_id,
        session_id: s.session_id,
        channel: s.realtime.channel,
        visitor_id: 'v_ctl',
        contact: { name: 'Ada', email: null, phone: null },
        message_count: 1,
        last_message: { content: 'I need help' },
        visitor_online: true,
        active_tokens: 1,
      });

      const typing = await control(sb, 'POST', `/conversations/${s.conversation_id}/typing`, { typing: true, agent_name: 'Bo' });
      expect(typing.status).toBe(200);
      await until(() => probe.events('AgentTyping').length === 1, 2000, 'AgentTyping');
      expect(probe.events('AgentTyping')[0]!.data).toEqual({ typing: true, agent_name: 'Bo' });

      const reply = await control(sb, 'POST', `/conversations/${s.conversation_id}/messages`, { content: 'On it!', agent_name: 'Bo' });
      expect(reply.status).toBe(200);
      expect(reply.body.data).toMatchObject({ direction: 'outbound', type: 'text', content: 'On it!', attachments: [] });
      await until(() => probe.events('MessageCreated').length === 2, 2000, 'reply broadcast');
      expect(probe.events('MessageCreated')[1]!.data.id).toBe(reply.body.data.id);

      const detail = await control(sb, 'GET', `/conversations/${s.conversation_id}`);
      expect(detail.body.data.messages.map((m: { content: string }) => m.content)).toEqual(['I need help', 'On it!']);
      expect(detail.body.data.messages[1].agent_name).toBe('Bo');
      const messages = await control(sb, 'GET', `/conversations/${s.conversation_id}/messages`);
      expect(messages.body.data).toHaveLength(2);
      // The visitor sees the reply through the API too.
      const visible = await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
      expect(visible.body.data[0].content).toBe('On it!');

      expect((await control(sb, 'GET', '/conversations/424242')).status).toBe(404);
      expect((await control(sb, 'POST', '/conversations/424242/messages', { content: 'x' })).status).toBe(404);
      expect((await control(sb, 'POST', `/conversations/${s.conversation_id}/messages`, { content: '' })).status).toBe(400);
      expect((await control(sb, 'POST', `/conversations/${s.conversation_id}/typing`, { typing: 'yes' })).status).toBe(400);
    } finally {
      await probe.close();
    }
  });
});

describe('business, plan, limits, keys, clock, requests', () => {
  it('PUT /suspended, PATCH /plan, PATCH /rate-limits validate and apply', async () => {
    expect((await control(sb, 'PUT', '/suspended', { suspended: true })).body.data).toEqual({ suspended: true });
    expect((await control(sb, 'PUT', '/suspended', { suspended: 'yes' })).status).toBe(400);
    await control(sb, 'PUT', '/suspended', { suspended: false });

    expect((await control(sb, 'GET', '/plan')).body.data).toEqual({ file_uploads: true, analytics: true });
    expect((await control(sb, 'PATCH', '/plan', { analytics: false })).body.data).toEqual({ file_uploads: true, analytics: false });
    expect((await control(sb, 'PATCH', '/plan', { gold: true })).status).toBe(400);

    expect((await control(sb, 'GET', '/rate-limits')).body.data).toEqual({ per_key: { limit: 3000, window_seconds: 60 }, per_session: { limit: 600, window_seconds: 60 } });
    const off = await control(sb, 'PATCH', '/rate-limits', { per_key: null });
    expect(off.body.data.per_key).toBeNull();
    expect((await control(sb, 'PATCH', '/rate-limits', { per_key: { limit: 0, window_seconds: 1 } })).status).toBe(400);
  });

  it('GET/POST/PATCH/DELETE /keys manage keys', async () => {
    const keys = await control(sb, 'GET', '/keys');
    expect(keys.body.data.map((k: { key: string }) => k.key)).toEqual([sb.demoKey]);
    const generated = await control(sb, 'POST', '/keys', { label: 'CI', allowed_origins: ['https://ci.example'] });
    expect(generated.status).toBe(201);
    expect(generated.body.data).toMatchObject({ type: 'publishable', label: 'CI', allowed_origins: ['https://ci.example'], allowed_bundle_ids: [] });
    expect(generated.body.data.key).toMatch(/^pk_test_/);
    const secret = await control(sb, 'POST', '/keys', { type: 'secret' });
    expect(secret.body.data.key).toMatch(/^sk_test_/);
    expect((await api.get('/chat/config', { key: secret.body.data.key })).body.error).toBe('wrong_key_type');
    expect((await control(sb, 'POST', '/keys', { key: sb.demoKey })).status).toBe(400);
    expect((await control(sb, 'POST', '/keys', { key: 'bad key!' })).status).toBe(400);
    const patched = await control(sb, 'PATCH', `/keys/${generated.body.data.key}`, { allowed_origins: [], label: 'open' });
    expect(patched.body.data).toMatchObject({ label: 'open', allowed_origins: [] });
    expect((await control(sb, 'PATCH', '/keys/pk_nope', {})).status).toBe(404);
    expect((await control(sb, 'DELETE', `/keys/${generated.body.data.key}`)).body.data).toEqual({ deleted: true });
    expect((await control(sb, 'DELETE', `/keys/${generated.body.data.key}`)).status).toBe(404);
  });

  it('POST /clock moves sandbox time; GET /requests logs API calls', async () => {
    const before = Date.now();
    const moved = await control(sb, 'POST', '/clock', { advance_ms: 3_600_000 });
    expect(moved.body.data.offset_ms).toBe(3_600_000);
    const s = await api.session();
    const sent = await api.send(s, 'from the future');
    expect(Date.parse(sent.body.data.created_at)).toBeGreaterThanOrEqual(before + 3_600_000);
    expect((await control(sb, 'POST', '/clock', { advance_ms: 'soon' })).status).toBe(400);
    await api.get('/chat/config', { key: 'pk_test_unknown' });
    const log = await control(sb, 'GET', '/requests');
    expect(log.body.data.map((r: { operation: string; status: number; error: string | null }) => [r.operation, r.status, r.error])).toEqual([
      ['startSession', 200, null],
      ['sendMessage', 200, null],
      ['getConfig', 401, 'invalid_api_key'],
    ]);
  });

  it('analytics filter and unknown control routes', async () => {
    await api.post('/chat/events', { json: { visitor_id: 'a', events: [{ type: 'tap', occurred_at: '2026-01-01T00:00:00Z' }] } });
    await api.post('/chat/events', { json: { visitor_id: 'b', events: [{ type: 'screen_view', occurred_at: '2026-01-01T00:00:00Z' }] } });
    expect((await control(sb, 'GET', '/analytics')).body.data).toHaveLength(2);
    expect((await control(sb, 'GET', '/analytics?visitor_id=b')).body.data[0].event.type).toBe('screen_view');
    const unknown = await control(sb, 'GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
  });
});

describe('pages and CORS', () => {
  it('serves the agent console and the index', async () => {
    const page = await fetch(`${sb.origin}/agent`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('agent console');
    expect(html).toContain("'/_control' + path");
    const index = (await (await fetch(`${sb.origin}/`)).json()) as Record<string, string>;
    expect(index).toMatchObject({ base_url: sb.origin, demo_key: sb.demoKey, agent_console: `${sb.origin}/agent` });
  });

  it('answers CORS preflights for the API headers', async () => {
    const res = await fetch(`${sb.origin}/api/v1/chat/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-tickki-session,idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-tickki-session');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
  });
});
