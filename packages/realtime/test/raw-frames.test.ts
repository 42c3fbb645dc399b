/**
 * Frames a well-behaved server never sends, from a bare `ws` server speaking just enough of the
 * Pusher protocol: the handshake and a subscription answer.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { RealtimeConnection, type RealtimeError } from '../src/index.js';
import { CHANNEL, next, startHarness, wireMessage, type Harness } from './harness.js';

let h: Harness;
let wss: WebSocketServer;
let socket: Promise<WebSocket>;

beforeEach(async () => {
  h = await startHarness(); // answers the authorization call
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  socket = new Promise((resolve) => {
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: '1.2', activity_timeout: 30 }) }));
      ws.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { event: string; data: { channel: string } };
        if (frame.event === 'pusher:subscribe') {
          ws.send(JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel: frame.data.channel, data: '{}' }));
        }
      });
      resolve(ws);
    });
  });
});

afterEach(async () => {
  for (const ws of wss.clients) ws.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await h.close();
});

it('reports a frame that is not JSON as parse_error and keeps going', async () => {
  const port = (wss.address() as AddressInfo).port;
  const c = new RealtimeConnection({ realtime: { ...h.realtime, port }, client: h.client });
  const errors: RealtimeError[] = [];
  c.on('error', (e) => errors.push(e));
  const subscribed = next(c, 'subscribed');
  c.connect();
  await subscribed;
  const ws = await socket;
  const got = next(c, 'message');
  ws.send('this is not a frame {');
  ws.send(JSON.stringify({ event: 'MessageCreated', channel: CHANNEL, data: '{"id":' })); // truncated data
  ws.send(JSON.stringify({ event: 'MessageCreated', channel: CHANNEL, data: JSON.stringify(wireMessage(9)) }));
  expect((await got).id).toBe(9);
  expect(errors.map((e) => e.code)).toEqual(['parse_error', 'parse_error']);
  expect(c.state).toBe('connected');
  c.dispose();
});
