/** Sending and listing messages: cursor pagination, limits, idempotency, the scripted agent. */
import { describe, expect, it } from 'vitest';
import type { Message } from '@tickki/chat-api';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, until, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]));

describe('sendMessage', () => {
  it('stores an inbound text message and answers it', async () => {
    const s = await api.session();
    const res = await api.send(s, 'Hi, my order #4521 has not arrived.');
    expect(res.status).toBe(200);
    expect(checkAnswer('sendMessage', res)).toEqual([]);
    const m = res.body.data as Message;
    expect(m).toMatchObject({ direction: 'inbound', type: 'text', content: 'Hi, my order #4521 has not arrived.' });
    expect(Number.isInteger(m.id)).toBe(true);
    expect(Date.parse(m.created_at)).not.toBeNaN();
    expect(m.attachments).toBeUndefined();
  });

  it('enforces limits.message_max_length from the configuration, and refuses blank content', async () => {
    const s = await api.session();
    sb.control.patchConfig({ limits: { message_max_length: 10 } });
    expect((await api.send(s, '0123456789')).status).toBe(200);
    expect((await api.send(s, '😀'.repeat(10))).status).toBe(200); // characters, not UTF-16 units
    const long = await api.send(s, '01234567890');
    expect(long.status).toBe(422);
    expect(long.body.errors.content).toEqual(['The content field must not be greater than 10 characters.']);
    expect(checkAnswer('sendMessage', long)).toEqual([]);
    for (const json of [{}, { content: '' }, { content: '   ' }, { content: 42 }, []]) {
      const res = await api.post(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(checkAnswer('sendMessage', res)).toEqual([]);
    }
  });

  it('with a repeated Idempotency-Key returns the first message and stores nothing new', async () => {
    const s = await api.session();
    const first = await api.send(s, 'once', { 'Idempotency-Key': 'key-1' });
    const again = await api.send(s, 'once', { 'Idempotency-Key': 'key-1' });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.send(s, 'once', { 'Idempotency-Key': 'key-2' });
    expect(other.body.data.id).not.toBe(first.body.data.id);
    const list = await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
    expect(list.body.data).toHaveLength(2);
    // Keys are per conversation.
    const t = await api.session();
    const elsewhere = await api.send(t, 'once', { 'Idempotency-Key': 'key-1' });
    expect(elsewhere.body.data.id).not.toBe(first.body.data.id);
    const log = sb.control.requests().filter((r) => r.operation === 'sendMessage');
    expect(log.map((r) => r.idempotent_replay)).toEqual([false, true, false, false]);
  });
});

describe('listMessages', () => {
  it('pages newest first by opaque cursor until next_cursor is null', async () => {
    const s = await api.session();
    const sent: number[] = [];
    for (let i = 0; i < 75; i++) sent.push((await api.send(s, `m${i}`)).body.data.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const res = await api.get(`/chat/sessions/${s.conversation_id}/messages${q}`, { session: s.token });
      expect(res.status).toBe(200);
      expect(checkAnswer('listMessages', res)).toEqual([]);
      expect(res.body.data.length).toBeLessThanOrEqual(30);
      seen.push(...res.body.data.map((m: Message) => m.id));
      cursor = res.body.meta.next_cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...sent].reverse());
  });

  it('honours limit 1..100 and refuses others', async () => {
    const s = await api.session();
    for (let i = 0; i < 5; i++) await api.send(s, `m${i}`);
    const one = await api.get(`/chat/sessions/${s.conversation_id}/messages?limit=1`, { session: s.token });
    expect(one.body.data.map((m: Message) => m.content)).toEqual(['m4']);
    expect(one.body.meta.next_cursor).toEqual(expect.any(String));
    const all = await api.get(`/chat/sessions/${s.conversation_id}/messages?limit=100`, { session: s.token });
    expect(all.body.data).toHaveLength(5);
    expect(all.body.meta.next_cursor).toBeNull();
    const exact = await api.get(`/chat/sessions/${s.conversation_id}/messages?limit=5`, { session: s.token });
    expect(exact.body.meta.next_cursor).toBeNull();
    for (const limit of ['0', '101', 'abc', '1.5', '-1']) {
      const res = await api.get(`/chat/sessions/${s.conversation_id}/messages?limit=${limit}`, { session: s.token });
      expect(res.status, limit).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual(['limit']);
      expect(checkAnswer('listMessages', res)).toEqual([]);
    }
  });

  it('refuses garbled cursors and cursors of another conversation', async () => {
    const a = await api.session();
    const b = await api.session();
    for (let i = 0; i < 3; i++) await api.send(a, `a${i}`);
    const page = await api.get(`/chat/sessions/${a.conversation_id}/messages?limit=1`, { session: a.token });
    const cursor = page.body.meta.next_cursor as string;
    const foreign = await api.get(`/chat/sessions/${b.conversation_id}/messages?cursor=${cursor}`, { session: b.token });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors.cursor).toEqual(['The cursor is invalid.']);
    for (const bad of ['garbage!', 'eyJ4IjoxfQ', Buffer.from('[1]').toString('base64url')]) {
      const res = await api.get(`/chat/sessions/${a.conversation_id}/messages?cursor=${encodeURIComponent(bad)}`, { session: a.token });
      expect(res.status).toBe(422);
      expect(checkAnswer('listMessages', res)).toEqual([]);
    }
  });

  it('carries no attachments in REST lists', async () => {
    const s = await api.session();
    const form = new FormData();
    form.set('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'receipt.pdf');
    expect((await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form })).status).toBe(200);
    const list = await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
    expect(list.body.data[0]).toMatchObject({ type: 'attachment', content: 'receipt.pdf', direction: 'inbound' });
    expect(list.body.data[0].attachments).toBeUndefined();
  });
});

describe('the scripted agent', () => {
  it('echoes, answers canned replies in turn, or stays off', async () => {
    const s = await api.session();
    sb.control.setAgent({ mode: 'echo', delay_ms: 0 });
    await api.send(s, 'ping');
    await until(() => sb.control.messages(s.conversation_id).length === 2, 2000, 'echo');
    expect(sb.control.messages(s.conversation_id)[1]).toMatchObject({ direction: 'outbound', content: 'Echo: ping', agent_name: 'Sam (sandbox agent)' });

    sb.control.setAgent({ mode: 'canned', canned: ['one', 'two'], name: 'Kim' });
    for (const text of ['a', 'b', 'c']) await api.send(s, text);
    await until(() => sb.control.messages(s.conversation_id).length === 8, 2000, 'canned');
    const outbound = sb.control.messages(s.conversation_id).filter((m) => m.direction === 'outbound').map((m) => m.content);
    expect(outbound).toEqual(['Echo: ping', 'one', 'two', 'one']);

    sb.control.setAgent({ mode: 'off' });
    await api.send(s, 'anyone?');
    await new Promise((r) => setTimeout(r, 50));
    expect(sb.control.messages(s.conversation_id)).toHaveLength(9);
  });

  it('waits its delay', async () => {
    const s = await api.session();
    sb.control.setAgent({ mode: 'echo', delay_ms: 150 });
    const t0 = Date.now();
    await api.send(s, 'slow');
    expect(sb.control.messages(s.conversation_id)).toHaveLength(1);
    await until(() => sb.control.messages(s.conversation_id).length === 2, 3000, 'delayed echo');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
