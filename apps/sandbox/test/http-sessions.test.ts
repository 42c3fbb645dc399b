/** Config, sessions, identify, typing, heartbeat and analytics over real HTTP. */
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, control, start, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]));

describe('getConfig', () => {
  it('answers the seeded demo business, valid per the document', async () => {
    const res = await api.get('/chat/config');
    expect(res.status).toBe(200);
    expect(checkAnswer('getConfig', res)).toEqual([]);
    expect(res.body.data).toMatchObject({
      business: { id: 42, name: 'Northwind Outfitters', slug: 'northwind' },
      branding: { primary_color: '#4F46E5', accent_color: '#111827', welcome_message: 'Hi! How can we help?', logo_url: null },
      features: { file_uploads: true, voice_notes: false },
      limits: { max_upload_kb: 5120, message_max_length: 8000 },
      presence: { agents_online: 1 },
      identification: { required_on_start: false },
    });
  });

  it('reflects runtime changes of branding, features, limits and presence', async () => {
    sb.control.patchConfig({ branding: { primary_color: '#FF0000', logo_url: `${sb.origin}/assets/logo.svg` }, limits: { message_max_length: 20 } });
    sb.control.setAgentsOnline(3);
    const res = await api.get('/chat/config');
    expect(res.body.data.branding.primary_color).toBe('#FF0000');
    expect(res.body.data.limits.message_max_length).toBe(20);
    expect(res.body.data.presence.agents_online).toBe(3);
    expect(checkAnswer('getConfig', res)).toEqual([]);
    const logo = await fetch(res.body.data.branding.logo_url);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('takes initial config from the options', async () => {
    const other = await start({ config: { branding: { welcome_message: 'Ahoy' }, identification: { required_on_start: true } } });
    try {
      const res = await new Api(other.origin, other.demoKey).get('/chat/config');
      expect(res.body.data.branding.welcome_message).toBe('Ahoy');
      expect(res.body.data.branding.primary_color).toBe('#4F46E5');
      expect(res.body.data.identification.required_on_start).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('startSession', () => {
  it('answers a session with a realtime block pointing at this server', async () => {
    const res = await api.post('/chat/sessions', { json: { visitor_id: 'v_1', name: 'Ada', email: 'ada@example.com', phone: '+44 1' } });
    expect(res.status).toBe(200);
    expect(checkAnswer('startSession', res)).toEqual([]);
    const s = res.body.data;
    expect(s.visitor_id).toBe('v_1');
    expect(s.contact).toEqual({ name: 'Ada', email: 'ada@example.com' });
    expect(s.session_token).toMatch(/^st_[0-9a-f]{32}$/);
    expect(s.session_id).not.toBe(s.conversation_id);
    expect(s.realtime).toEqual({
      key: 'tickki-sandbox-key',
      host: '127.0.0.1',
      port: sb.port,
      scheme: 'http',
      channel: `private-chat.session.${s.session_id}`,
      auth_endpoint: `${sb.origin}/api/v1/chat/broadcasting/auth`,
      event: 'MessageCreated',
    });
  });

  it('resumes the same conversation and channel for the same visitor_id, with a new token; both tokens work', async () => {
    const a = await api.session('v_same');
    await api.send(a, 'first');
    const b = await api.session('v_same', { name: 'Later Name' });
    expect(b.conversation_id).toBe(a.conversation_id);
    expect(b.session_id).toBe(a.session_id);
    expect(b.realtime.channel).toBe(a.realtime.channel);
    expect(b.token).not.toBe(a.token);
    expect(b.contact.name).toBe('Later Name');
    for (const token of [a.token, b.token]) {
      const list = await api.get(`/chat/sessions/${a.conversation_id}/messages`, { session: token });
      expect(list.status).toBe(200);
      expect(list.body.data.map((m: { content: string }) => m.content)).toEqual(['first']);
    }
    const other = await api.session('v_other');
    expect(other.conversation_id).not.toBe(a.conversation_id);
  });

  it('validates the body (422 with field errors)', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'visitor_id'],
      [{ visitor_id: '' }, 'visitor_id'],
      [{ visitor_id: 5 }, 'visitor_id'],
      [{ visitor_id: 'x'.repeat(256) }, 'visitor_id'],
      [{ visitor_id: 'v', email: 'not-an-email' }, 'email'],
      [{ visitor_id: 'v', name: 'n'.repeat(256) }, 'name'],
      [{ visitor_id: 'v', phone: 'p'.repeat(65) }, 'phone'],
    ];
    for (const [json, field] of cases) {
      const res = await api.post('/chat/sessions', { json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(checkAnswer('startSession', res)).toEqual([]);
    }
  });

  it('refuses an anonymous start when identification is required', async () => {
    sb.control.patchConfig({ identification: { required_on_start: true } });
    const anon = await api.post('/chat/sessions', { json: { visitor_id: 'v_anon' } });
    expect(anon.status).toBe(422);
    expect(Object.keys(anon.body.errors).sort()).toEqual(['email', 'name']);
    expect(checkAnswer('startSession', anon)).toEqual([]);
    const named = await api.post('/chat/sessions', { json: { visitor_id: 'v_anon', email: 'a@example.com' } });
    expect(named.status).toBe(200);
    // Already identified: resuming without the form is fine.
    const again = await api.post('/chat/sessions', { json: { visitor_id: 'v_anon' } });
    expect(again.status).toBe(200);
  });
});

describe('identifyVisitor', () => {
  it('updates the contact, keeping fields left out', async () => {
    const s = await api.session('v_id', { name: 'Ada' });
    const res = await api.post(`/chat/sessions/${s.conversation_id}/identify`, { session: s.token, json: { email: 'ada@example.com', phone: '123' } });
    expect(res.status).toBe(200);
    expect(checkAnswer('identifyVisitor', res)).toEqual([]);
    expect(res.body).toEqual({ data: { name: 'Ada', email: 'ada@example.com' } });
    expect(sb.control.conversation(s.conversation_id).contact).toEqual({ name: 'Ada', email: 'ada@example.com', phone: '123' });
    const empty = await api.post(`/chat/sessions/${s.conversation_id}/identify`, { session: s.token, json: {} });
    expect(empty.body.data).toEqual({ name: 'Ada', email: 'ada@example.com' });
    const bad = await api.post(`/chat/sessions/${s.conversation_id}/identify`, { session: s.token, json: { email: 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.email).toEqual(['The email field must be a valid email address.']);
  });
});

describe('typing and heartbeat', () => {
  it('answer {ok: true} and drive the visitor presence the agent side sees', async () => {
    const s = await api.session('v_presence');
    const typing = await api.post(`/chat/sessions/${s.conversation_id}/typing`, { session: s.token });
    expect(typing.status).toBe(200);
    expect(typing.body).toEqual({ ok: true });
    expect(checkAnswer('sendTyping', typing)).toEqual([]);
    expect(sb.control.conversation(s.conversation_id).visitor_typing).toBe(true);

    expect(sb.control.conversation(s.conversation_id).visitor_online).toBe(true);
    sb.control.advanceClock(70_000);
    const stale = sb.control.conversation(s.conversation_id);
    expect(stale.visitor_online).toBe(false);
    expect(stale.visitor_typing).toBe(false);

    const beat = await api.post(`/chat/sessions/${s.conversation_id}/heartbeat`, { session: s.token });
    expect(beat.status).toBe(200);
    expect(beat.body).toEqual({ ok: true });
    expect(checkAnswer('sendHeartbeat', beat)).toEqual([]);
    expect(sb.control.conversation(s.conversation_id).visitor_online).toBe(true);
  });
});

describe('trackEvents', () => {
  it('records a batch, readable through the control API', async () => {
    const events = [
      { type: 'screen_view', occurred_at: '2026-11-29T10:15:02Z', title: 'Checkout', url: 'https://shop.example.com/checkout' },
      { type: 'tap', occurred_at: '2026-11-29T10:15:09+01:00', element_label: 'Contact support', element_type: 'button', element_key: 'cta' },
      { type: 'coupon_applied', occurred_at: '2026-11-29T10:15:31.250Z', value: 'WINTER10', meta: { cart_total: 84.5 } },
    ];
    const res = await api.post('/chat/events', { json: { visitor_id: 'v_events', events } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(checkAnswer('trackEvents', res)).toEqual([]);
    const all = await control(sb, 'GET', '/analytics?visitor_id=v_events');
    expect(all.body.data.map((e: { event: { type: string } }) => e.event.type)).toEqual(['screen_view', 'tap', 'coupon_applied']);
    expect(all.body.data[2].event.meta).toEqual({ cart_total: 84.5 });
    expect(all.body.data[0].key).toBe(sb.demoKey);
    const taps = await control(sb, 'GET', '/analytics?type=tap');
    expect(taps.body.data).toHaveLength(1);
  });

  it('refuses more than 50 events, no events, and bad timestamps with 422', async () => {
    const ev = { type: 'tap', occurred_at: '2026-11-29T10:15:02Z' };
    for (const events of [Array.from({ length: 51 }, () => ev), [], [{ type: 'tap', occurred_at: 'yesterday' }], [{ occurred_at: ev.occurred_at }], 'nope']) {
      const res = await api.post('/chat/events', { json: { visitor_id: 'v', events } });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('validation_failed');
      expect(checkAnswer('trackEvents', res)).toEqual([]);
    }
    expect(sb.control.events()).toHaveLength(0);
    const fifty = await api.post('/chat/events', { json: { visitor_id: 'v', events: Array.from({ length: 50 }, () => ev) } });
    expect(fifty.status).toBe(200);
  });
});
