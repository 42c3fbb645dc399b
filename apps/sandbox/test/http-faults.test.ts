/** Each fault knob, HTTP and websocket, set through the control API or start options. */
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, control, PusherProbe, sleep, start, until, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]));

const setFaults = async (faults: object) => {
  const res = await control(sb, 'PUT', '/faults', faults);
  expect(res.status, res.text).toBe(200);
  return res.body.data;
};

describe('HTTP faults', () => {
  it('latency_ms (+ jitter) delays every answer', async () => {
    await setFaults({ http: { latency_ms: 150, latency_jitter_ms: 20 } });
    const t0 = Date.now();
    expect((await api.get('/chat/config')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('error_next answers server_error 500 (or 503) before processing', async () => {
    const s = await api.session();
    await setFaults({ http: { error_next: 2 } });
    for (let i = 0; i < 2; i++) {
      const res = await api.send(s, 'lost');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'server_error', message: expect.any(String) });
      expect(checkAnswer('sendMessage', res)).toEqual([]);
    }
    expect(sb.control.messages(s.conversation_id)).toHaveLength(0);
    expect((await api.send(s, 'ok')).status).toBe(200);
    await setFaults({ http: { error_next: 1, error_status: 503 } });
    const unavailable = await api.get('/chat/config');
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error).toBe('server_error');
  });

  it('error_rate fails a share of requests, the same ones for the same seed', async () => {
    const pattern = async (target: RunningSandbox) => {
      const client = new Api(target.origin, target.demoKey);
      await control(target, 'PUT', '/faults', { http: { error_rate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await client.get('/chat/config')).status);
      return out;
    };
    const a = await start({ seed: 99 });
    const b = await start({ seed: 99 });
    try {
      const pa = await pattern(a);
      const pb = await pattern(b);
      expect(pa).toEqual(pb);
      const failures = pa.filter((s) => s === 500).length;
      expect(failures).toBeGreaterThan(5);
      expect(failures).toBeLessThan(35);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rate_limit_next answers a 429 burst with Retry-After', async () => {
    await setFaults({ http: { rate_limit_next: 3, retry_after_seconds: 7 } });
    for (let i = 0; i < 3; i++) {
      const res = await api.get('/chat/config');
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('rate_limited');
      expect(res.headers.get('retry-after')).toBe('7');
      expect(checkAnswer('getConfig', res)).toEqual([]);
    }
    expect((await api.get('/chat/config')).status).toBe(200);
  });

  it('a hung request (timeout_ms 0) is ended by the client abort and stores nothing', async () => {
    const s = await api.session();
    await setFaults({ http: { timeout_next: 1, timeout_ms: 0 } });
    const t0 = Date.now();
    const attempt = api.post(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token, json: { content: 'hung' }, signal: AbortSignal.timeout(300) });
    await expect(attempt).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await sleep(20);
    expect(sb.control.messages(s.conversation_id)).toHaveLength(0);
    expect((await api.send(s, 'next')).status).toBe(200);
    expect(sb.control.faults().counters.hung).toBe(1);
  });

  it('close() ends hung requests instead of waiting for them', async () => {
    const other = await start({ faults: { timeout_next: 1, timeout_ms: 0 } });
    const client = new Api(other.origin, other.demoKey);
    const hung = client.get('/chat/config').then(
      () => 'answered',
      () => 'reset',
    );
    await until(() => other.faults.counters.hung === 1, 2000, 'the hang');
    const t0 = Date.now();
    await other.close();
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(await hung).toBe('reset');
  });

  it('a hung request with timeout_ms is processed late', async () => {
    await setFaults({ http: { timeout_rate: 1, timeout_ms: 250, operations: ['getConfig'] } });
    const t0 = Date.now();
    expect((await api.get('/chat/config')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(245);
  });

  it('drop_response_next: the send is stored and broadcast, the answer is destroyed; an idempotent retry does not duplicate it', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    try {
      await setFaults({ http: { drop_response_next: 1, operations: ['sendMessage'] } });
      await expect(api.send(s, 'important', { 'Idempotency-Key': 'idem-1' })).rejects.toThrow();
      expect(sb.control.messages(s.conversation_id).map((m) => m.content)).toEqual(['important']);
      const retry = await api.send(s, 'important', { 'Idempotency-Key': 'idem-1' });
      expect(retry.status).toBe(200);
      expect(retry.body.data.id).toBe(sb.control.messages(s.conversation_id)[0]!.id);
      expect(sb.control.messages(s.conversation_id)).toHaveLength(1);
      await until(() => probe.events('MessageCreated').length === 1, 2000, 'the broadcast');
      await sleep(50);
      expect(probe.events('MessageCreated')).toHaveLength(1);
      const log = sb.control.requests().filter((r) => r.operation === 'sendMessage');
      expect(log.map((r) => [r.dropped, r.idempotent_replay])).toEqual([
        [true, false],
        [false, true],
      ]);
    } finally {
      await probe.close();
    }
  });

  it('ignore_idempotency_key: the header is neither checked nor remembered, so a repeated send is stored again (as a server without the extension)', async () => {
    const s = await api.session();
    await setFaults({ http: { ignore_idempotency_key: true } });
    const first = await api.send(s, 'twice', { 'Idempotency-Key': 'idem-ignored' });
    const again = await api.send(s, 'twice', { 'Idempotency-Key': 'idem-ignored' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.data.id).not.toBe(first.body.data.id);
    // not even checked: a key the extension refuses (over 255 characters) is ignored too
    expect((await api.send(s, 'long key', { 'Idempotency-Key': 'k'.repeat(300) })).status).toBe(200);
    expect(sb.control.messages(s.conversation_id).map((m) => m.content)).toEqual(['twice', 'twice', 'long key']);
    expect(sb.control.requests().filter((r) => r.operation === 'sendMessage').map((r) => r.idempotent_replay)).toEqual([false, false, false]);
    // honoured again once switched off; what was sent while ignored is not remembered
    await setFaults({ http: { ignore_idempotency_key: false } });
    const remembered = await api.send(s, 'once', { 'Idempotency-Key': 'idem-kept' });
    expect((await api.send(s, 'once', { 'Idempotency-Key': 'idem-kept' })).body.data.id).toBe(remembered.body.data.id);
    expect((await api.send(s, 'twice', { 'Idempotency-Key': 'idem-ignored' })).body.data.id).toBeGreaterThan(remembered.body.data.id);
  });

  it('silent_store_next: the message is stored and answered but never broadcast; with drop_response_next neither the answer nor the echo arrive', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    try {
      await setFaults({ http: { silent_store_next: 1, operations: ['sendMessage'] } });
      expect((await api.send(s, 'unannounced')).status).toBe(200);
      await setFaults({ http: { silent_store_next: 1, drop_response_next: 1, operations: ['sendMessage'] } });
      await expect(api.send(s, 'lost both ways')).rejects.toThrow();
      expect((await api.send(s, 'announced')).status).toBe(200);
      await until(() => probe.events('MessageCreated').length === 1, 2000, 'the third broadcast');
      await sleep(100);
      expect(probe.events('MessageCreated').map((e) => (e.data as { content: string }).content)).toEqual(['announced']);
      expect(sb.control.messages(s.conversation_id).map((m) => m.content)).toEqual(['unannounced', 'lost both ways', 'announced']);
      expect(sb.control.faults().counters.silent_stores).toBe(2);
    } finally {
      await probe.close();
    }
  });

  it('garble_response_next: the send is stored, its answer is cut in half (status and type kept); an idempotent retry gets it whole', async () => {
    const s = await api.session();
    await setFaults({ http: { garble_response_next: 1, operations: ['sendMessage'] } });
    const garbled = await api.send(s, 'cut short', { 'Idempotency-Key': 'idem-garble' });
    expect(garbled.status).toBe(200);
    expect(garbled.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(garbled.text)).toThrow(SyntaxError);
    expect(garbled.text.length).toBeGreaterThan(10);
    const whole = await api.send(s, 'cut short', { 'Idempotency-Key': 'idem-garble' });
    expect(JSON.parse(whole.text).data.content).toBe('cut short');
    expect(whole.text.startsWith(garbled.text)).toBe(true);
    expect(sb.control.messages(s.conversation_id)).toHaveLength(1);
    expect((await control(sb, 'GET', '/faults')).body.data.counters.garbled_responses).toBe(1);
  });

  it('reshape_response_next: the request is processed, the answer is valid JSON of another shape', async () => {
    const s = await api.session();
    await setFaults({ http: { reshape_response_next: 1, operations: ['sendMessage'] } });
    const reshaped = await api.send(s, 'reshaped', { 'Idempotency-Key': 'idem-reshape' });
    expect(reshaped.status).toBe(200);
    expect(reshaped.body).toEqual({ data: { unexpected: true } });
    expect(sb.control.messages(s.conversation_id).map((m) => m.content)).toEqual(['reshaped']);
    const replay = await api.send(s, 'reshaped', { 'Idempotency-Key': 'idem-reshape' });
    expect(replay.body.data.content).toBe('reshaped');
    expect((await control(sb, 'GET', '/faults')).body.data.counters.reshaped_responses).toBe(1);
  });

  it('drop_response_rate drops a share of answers', async () => {
    await setFaults({ http: { drop_response_rate: 1, operations: ['getConfig'] } });
    await expect(api.get('/chat/config')).rejects.toThrow();
    expect((await api.post('/chat/sessions', { json: { visitor_id: 'v' } })).status).toBe(200);
  });

  it('operations limits faults to the operations named', async () => {
    const s = await api.session();
    await setFaults({ http: { error_rate: 1, operations: ['sendMessage'] } });
    expect((await api.get('/chat/config')).status).toBe(200);
    expect((await api.send(s, 'x')).status).toBe(500);
  });

  it('DELETE /faults clears everything; bad values are refused with 400 and change nothing', async () => {
    await setFaults({ http: { error_rate: 1 } });
    await control(sb, 'DELETE', '/faults');
    expect((await api.get('/chat/config')).status).toBe(200);
    for (const bad of [{ http: { error_rate: 2 } }, { http: { nope: 1 } }, { realtime: { dropBroadcastRate: -1 } }, { other: {} }, { http: { operations: ['nope'] } }, { http: { ignore_idempotency_key: 1 } }, { http: { silent_store_rate: 1.5 } }]) {
      const res = await control(sb, 'PUT', '/faults', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error).toBe('bad_request');
    }
    const both = await control(sb, 'PUT', '/faults', { http: { latency_ms: 5 }, realtime: { eventNameStyle: 'nope' } });
    expect(both.status).toBe(400);
    expect(sb.control.faults().http.latency_ms).toBe(0);
  });

  it('start options set initial faults', async () => {
    const other = await start({ faults: { error_next: 1 }, realtimeFaults: { eventNameStyle: 'classPath' } });
    try {
      const client = new Api(other.origin, other.demoKey);
      expect((await client.get('/chat/config')).status).toBe(500);
      expect((await client.get('/chat/config')).status).toBe(200);
      expect(other.control.faults().realtime.eventNameStyle).toBe('classPath');
    } finally {
      await other.close();
    }
  });
});

describe('websocket faults', () => {
  it('doubleEncodeData and eventNameStyle change the frames', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    try {
      await setFaults({ realtime: { doubleEncodeData: true, eventNameStyle: 'dotted' } });
      const sent = await api.send(s, 'twice');
      await until(() => probe.events('MessageCreated').length === 1, 2000, 'frame');
      const frame = probe.events('MessageCreated')[0]!;
      expect(frame.event).toBe('.MessageCreated');
      expect(frame.decodings).toBe(2);
      expect(frame.data.id).toBe(sent.body.data.id);
      await setFaults({ realtime: { doubleEncodeData: false, eventNameStyle: 'classPath' } });
      await api.send(s, 'class');
      await until(() => probe.events('MessageCreated').length === 2, 2000, 'frame 2');
      expect(probe.events('MessageCreated')[1]!.event).toBe('App\\Events\\MessageCreated');
      expect(probe.events('MessageCreated')[1]!.decodings).toBe(1);
    } finally {
      await probe.close();
    }
  });

  it('duplicateBroadcastRate, dropBroadcastRate and reorderWindowMs act on broadcasts', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    try {
      await setFaults({ realtime: { duplicateBroadcastRate: 1 } });
      await api.send(s, 'dup');
      await until(() => probe.events('MessageCreated').length === 2, 2000, 'duplicate');
      await setFaults({ realtime: { duplicateBroadcastRate: 0, dropBroadcastRate: 1 } });
      await api.send(s, 'dropped');
      await sleep(50);
      expect(probe.events('MessageCreated')).toHaveLength(2);
      expect(sb.control.messages(s.conversation_id).map((m) => m.content)).toEqual(['dup', 'dropped']);
      await setFaults({ realtime: { dropBroadcastRate: 0, reorderWindowMs: 60 } });
      for (let i = 0; i < 10; i++) await api.send(s, `r${i}`);
      await until(() => probe.events('MessageCreated').length === 12, 3000, 'reordered');
      const contents = probe.events('MessageCreated').slice(2).map((f) => f.data.content);
      expect([...contents].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`).sort());
      expect(sb.control.faults().counters.broadcasts_delayed).toBeGreaterThanOrEqual(10);
    } finally {
      await probe.close();
    }
  });

  it('drop-connections closes sockets; refuseConnections refuses new ones', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    const dropped = await control(sb, 'POST', '/realtime/drop-connections', { code: 4200 });
    expect(dropped.body.data.dropped).toBe(1);
    expect(await probe.closed).toBe(4200);
    await setFaults({ realtime: { refuseConnections: true } });
    const refused = new PusherProbe(s.realtime);
    await expect(refused.opened).rejects.toThrow();
    await refused.close();
    expect((await control(sb, 'GET', '/realtime')).body.data.connectionsRefused).toBe(1);
  });

  it('stall-connections leaves sockets open but silent', async () => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    const stalled = await control(sb, 'POST', '/realtime/stall-connections');
    expect(stalled.body.data.stalled).toBe(1);
    const seen = probe.frames.length;
    await control(sb, 'POST', `/conversations/${s.conversation_id}/messages`, { content: 'not delivered' });
    await sleep(200);
    expect(probe.frames.length).toBe(seen);
    expect(probe.ws.readyState).toBe(1); // OPEN
    expect((await control(sb, 'GET', '/realtime')).body.data.connectionsStalled).toBe(1);
    await probe.close();
  });
});
