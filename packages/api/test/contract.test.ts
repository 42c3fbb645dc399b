/**
 * Contract tests: every generated call against the real Prism mock of the canonical document,
 * served under the production paths. Prism validates each request against the document and
 * answers from its examples; invalid requests must come back as typed error envelopes.
 */
import { startMock, type RunningMock } from '@tickki/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeChannel,
  createTickkiClient,
  getConfig,
  identifyVisitor,
  listMessages,
  sendHeartbeat,
  sendMessage,
  sendTyping,
  startSession,
  trackEvents,
  uploadAttachment,
  type Client,
  type ErrorResponse,
  type ValidationErrorResponse,
} from '../src/index.js';

let mock: RunningMock;
let tickki: Client;
const requests: Request[] = [];

beforeAll(async () => {
  mock = await startMock();
  tickki = createTickkiClient({
    publishableKey: 'pk_test_demo',
    baseUrl: mock.origin,
    sessionToken: () => 'st_9b1d5c0e4f7a4e2b8d3c6a1f0e9d8c7b',
    bundleId: 'com.example.shop',
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      return fetch(request);
    },
  });
});

afterAll(async () => {
  await mock?.stop();
});

const lastRequest = () => requests[requests.length - 1]!;
const conversation = { conversation_id: 7731 };

describe('every operation against the Prism mock', () => {
  it('getConfig returns the typed configuration', async () => {
    const { data, error, response } = await getConfig({ client: tickki });
    expect(error).toBeUndefined();
    expect(response?.status).toBe(200);
    expect(data?.data.business).toEqual({ id: 42, name: 'Northwind Outfitters', slug: 'northwind' });
    expect(data?.data.limits.max_upload_kb).toBe(5120);
    expect(data?.data.identification.required_on_start).toBe(false);
    const sent = lastRequest();
    expect(new URL(sent.url).pathname).toBe('/api/v1/chat/config');
    expect(sent.headers.get('authorization')).toBe('Bearer pk_test_demo');
    expect(sent.headers.get('accept')).toBe('application/json');
    expect(sent.headers.get('x-tickki-bundle-id')).toBe('com.example.shop');
  });

  it('startSession returns the session token and the realtime block', async () => {
    const { data, error } = await startSession({ client: tickki, body: { visitor_id: 'v_1', name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(error).toBeUndefined();
    expect(data?.data.session_token).toMatch(/^st_/);
    expect(data?.data.conversation_id).toBe(7731);
    expect(data?.data.realtime).toMatchObject({ scheme: 'https', channel: 'private-chat.session.904', event: 'MessageCreated' });
    expect(lastRequest().headers.get('content-type')).toBe('application/json');
  });

  it('listMessages returns a page newest first with a cursor', async () => {
    const { data, error } = await listMessages({ client: tickki, path: conversation, query: { limit: 30, cursor: 'abc' } });
    expect(error).toBeUndefined();
    const ids = data!.data.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(data?.meta.next_cursor).toEqual(expect.any(String));
    const url = new URL(lastRequest().url);
    expect(url.pathname).toBe('/api/v1/chat/sessions/7731/messages');
    expect(url.searchParams.get('limit')).toBe('30');
    expect(lastRequest().headers.get('x-tickki-session')).toBe('st_9b1d5c0e4f7a4e2b8d3c6a1f0e9d8c7b');
  });

  it('sendMessage sends content and the Idempotency-Key extension', async () => {
    const { data, error } = await sendMessage({
      client: tickki,
      path: conversation,
      headers: { 'Idempotency-Key': 'key-1' },
      body: { content: 'Hello' },
    });
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ id: 9002, direction: 'inbound', type: 'text' });
    expect(lastRequest().headers.get('idempotency-key')).toBe('key-1');
  });

  it('authorizeChannel sends a form and gets the bare {auth} answer', async () => {
    const { data, error } = await authorizeChannel({
      client: tickki,
      body: { socket_id: '123.456', channel_name: 'private-chat.session.904' },
    });
    expect(error).toBeUndefined();
    expect(data?.auth).toMatch(/^tickki-reverb-key:[0-9a-f]{64}$/);
    const sent = lastRequest();
    expect(sent.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await sent.text()).toBe('socket_id=123.456&channel_name=private-chat.session.904');
  });

  it('identifyVisitor returns the contact', async () => {
    const { data, error } = await identifyVisitor({ client: tickki, path: conversation, body: { email: 'ada@example.com' } });
    expect(error).toBeUndefined();
    expect(data?.data).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });

  it('sendTyping and sendHeartbeat answer ok', async () => {
    for (const call of [sendTyping, sendHeartbeat]) {
      const { data, error } = await call({ client: tickki, path: conversation });
      expect(error).toBeUndefined();
      expect(data).toEqual({ ok: true });
    }
  });

  it('uploadAttachment sends multipart and returns the attachment', async () => {
    const file = new File([new Uint8Array(2048)], 'receipt.pdf', { type: 'application/pdf' });
    const { data, error } = await uploadAttachment({ client: tickki, path: conversation, body: { file } });
    expect(error).toBeUndefined();
    expect(data?.data.attachment).toMatchObject({ id: 311, file_name: 'receipt.pdf', mime_type: 'application/pdf' });
    expect(lastRequest().headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('trackEvents sends a batch', async () => {
    const { data, error } = await trackEvents({
      client: tickki,
      body: { visitor_id: 'v_1', events: [{ type: 'screen_view', occurred_at: '2026-11-29T10:00:00Z', title: 'Home' }] },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ ok: true });
  });
});

describe('invalid requests are refused with typed envelopes', () => {
  it('a session start without visitor_id is a 422 validation_failed', async () => {
    const { data, error, response } = await startSession({ client: tickki, body: {} as never });
    expect(data).toBeUndefined();
    expect(response?.status).toBe(422);
    const envelope = error as ValidationErrorResponse;
    expect(envelope.error).toBe('validation_failed');
    expect(envelope.errors.visitor_id).toBeDefined();
  });

  it('a call without a key is a 401 missing_api_key', async () => {
    const keyless = createTickkiClient({ publishableKey: '', baseUrl: mock.origin });
    const { error, response } = await getConfig({ client: keyless });
    expect(response?.status).toBe(401);
    expect((error as ErrorResponse).error).toBe('missing_api_key');
  });

  it('a session call without a session token is refused with 401', async () => {
    const tokenless = createTickkiClient({ publishableKey: 'pk_test_demo', baseUrl: mock.origin });
    const { error, response } = await listMessages({ client: tokenless, path: conversation });
    expect(response?.status).toBe(401);
    expect((error as ErrorResponse).error).toEqual(expect.any(String));
  });

  it('a wrong content type is refused', async () => {
    const { error, response } = await sendMessage({
      client: tickki,
      path: conversation,
      body: 'content=hi' as never,
      bodySerializer: (body) => body as string,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(response?.status).toBeGreaterThanOrEqual(400);
    expect(response?.status).toBeLessThan(500);
    expect(error).toBeDefined();
  });

  it('throwOnError rejects with the typed envelope', async () => {
    const keyless = createTickkiClient({ publishableKey: '', baseUrl: mock.origin });
    await expect(getConfig({ client: keyless, throwOnError: true })).rejects.toMatchObject({ error: 'missing_api_key' });
  });

  it('content longer than the document allows is refused', async () => {
    const { error, response } = await sendMessage({ client: tickki, path: conversation, body: { content: 'x'.repeat(8001) } });
    expect(response?.status).toBe(422);
    expect((error as ValidationErrorResponse).error).toBe('validation_failed');
  });
});
