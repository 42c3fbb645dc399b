/**
 * End to end with unmodified pusher-js: start a session with fetch, subscribe with the session's
 * realtime block through the sandbox's own auth endpoint, send, and receive the echo and the
 * scripted agent's reply.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import PusherModule from 'pusher-js';
import type { AgentTypingEvent, Message, RealtimeConfig } from '@tickki/chat-api';
import type { RunningSandbox } from '../src/index.js';
import { Api, control, start, until } from './helpers.js';

/** pusher-js's types describe an ES module default; on Node the CJS export is the class. */
const Pusher = PusherModule as unknown as typeof PusherModule.default;
type PusherClient = InstanceType<typeof Pusher>;

let sb: RunningSandbox;
let api: Api;
const clients: PusherClient[] = [];

beforeAll(async () => {
  sb = await start({ agent: { mode: 'echo', delay_ms: 50 } });
  api = new Api(sb.origin, sb.demoKey);
});
afterAll(() => sb.close());
beforeEach(() => {
  sb.control.reset();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
});

/** A pusher-js client configured only from the session's realtime block, as an SDK would. */
function connect(realtime: RealtimeConfig, token: string): PusherClient {
  const client = new Pusher(realtime.key, {
    cluster: 'unused',
    wsHost: realtime.host,
    wsPort: realtime.port,
    wssPort: realtime.port,
    forceTLS: realtime.scheme === 'https',
    enabledTransports: ['ws', 'wss'],
    disableStats: true,
    channelAuthorization: {
      endpoint: realtime.auth_endpoint,
      transport: 'ajax',
      headers: { Authorization: `Bearer ${api.key}`, 'X-Tickki-Session': token, Accept: 'application/json' },
    },
  });
  clients.push(client);
  return client;
}

function subscribe(client: PusherClient, channelName: string) {
  const channel = client.subscribe(channelName);
  const outcome = new Promise<{ ok: true } | { ok: false; status: number }>((resolve) => {
    channel.bind('pusher:subscription_succeeded', () => resolve({ ok: true }));
    channel.bind('pusher:subscription_error', (e: { status: number }) => resolve({ ok: false, status: e.status }));
  });
  return { channel, outcome };
}

describe('pusher-js end to end', () => {
  it('receives the echo of its own send (same id) and the scripted agent reply', async () => {
    const s = await api.session('v_e2e');
    const client = connect(s.realtime, s.token);
    const { channel, outcome } = subscribe(client, s.realtime.channel);
    expect(await outcome).toEqual({ ok: true });
    const received: Message[] = [];
    const typing: AgentTypingEvent[] = [];
    channel.bind(s.realtime.event, (m: Message) => received.push(m));
    channel.bind('AgentTyping', (t: AgentTypingEvent) => typing.push(t));

    const sent = await api.send(s, 'Hello from pusher-js');
    expect(sent.status).toBe(200);
    await until(() => received.length >= 2, 5000, 'echo and reply');
    expect(received[0]).toEqual({ ...sent.body.data, attachments: [] });
    expect(received[1]).toMatchObject({ direction: 'outbound', type: 'text', content: 'Echo: Hello from pusher-js' });
    expect(typing).toEqual([
      { typing: true, agent_name: 'Sam (sandbox agent)' },
      { typing: false, agent_name: 'Sam (sandbox agent)' },
    ]);
    const history = await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
    expect(history.body.data.map((m: Message) => m.id)).toEqual([received[1]!.id, received[0]!.id]);
  });

  it("cannot subscribe to another session's channel: the auth endpoint refuses it", async () => {
    const a = await api.session('v_a');
    const b = await api.session('v_b');
    const client = connect(a.realtime, a.token);
    const { outcome } = subscribe(client, b.realtime.channel);
    expect(await outcome).toEqual({ ok: false, status: 401 });
    // Its own channel still works on the same socket.
    const own = subscribe(client, a.realtime.channel);
    expect(await own.outcome).toEqual({ ok: true });
  });

  it('broadcasts attachment messages with signed URLs', async () => {
    const s = await api.session('v_files');
    const client = connect(s.realtime, s.token);
    const { channel, outcome } = subscribe(client, s.realtime.channel);
    await outcome;
    const received: Message[] = [];
    channel.bind('MessageCreated', (m: Message) => received.push(m));
    const form = new FormData();
    form.set('file', new Blob(['%PDF-1.4 receipt'], { type: 'application/pdf' }), 'receipt.pdf');
    const up = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form });
    expect(up.status).toBe(200);
    await until(() => received.length >= 2, 5000, 'attachment message and reply');
    const message = received[0]!;
    expect(message).toMatchObject({ type: 'attachment', direction: 'inbound', content: 'receipt.pdf' });
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments![0]).toMatchObject({ id: up.body.data.attachment.id, file_name: 'receipt.pdf', mime_type: 'application/pdf', file_size: 16 });
    const file = await fetch(message.attachments![0]!.signed_url);
    expect(await file.text()).toBe('%PDF-1.4 receipt');
    expect(received[1]!.content).toBe('Got your file: receipt.pdf');
  });

  it('a resumed session keeps its channel; an agent reply by hand arrives on a new socket', async () => {
    const first = await api.session('v_resume');
    await api.send(first, 'before the reload');
    const resumed = await api.session('v_resume');
    expect(resumed.realtime.channel).toBe(first.realtime.channel);
    const client = connect(resumed.realtime, resumed.token);
    const { channel, outcome } = subscribe(client, resumed.realtime.channel);
    await outcome;
    const received: Message[] = [];
    channel.bind('MessageCreated', (m: Message) => received.push(m));
    const reply = await control(sb, 'POST', `/conversations/${resumed.conversation_id}/messages`, { content: 'Welcome back' });
    await until(() => received.some((m) => m.id === reply.body.data.id), 5000, 'manual reply');
  });

  it('pusher-js reconnects after dropped connections and resubscribes through the auth endpoint', async () => {
    const s = await api.session('v_drop');
    const client = connect(s.realtime, s.token);
    const { channel, outcome } = subscribe(client, s.realtime.channel);
    await outcome;
    const received: Message[] = [];
    channel.bind('MessageCreated', (m: Message) => received.push(m));
    const before = sb.realtime.stats().subscribes;
    sb.control.dropConnections(4200);
    await until(() => sb.realtime.stats().subscribes > before && client.connection.state === 'connected', 8000, 'resubscribed');
    sb.control.setAgent({ mode: 'off' });
    const sent = await api.send(s, 'after the drop');
    await until(() => received.some((m) => m.id === sent.body.data.id), 5000, 'message after reconnect');
  });
});
