/**
 * What the published build leaves out, each swapped at build time for a stand-in (`tsdown.config.ts`):
 * the generated fetch client's server-sent-events support (`src/without-sse.ts`; the API has no
 * event-stream operation) and its array and object parameter serializers (`src/scalar-params-only.ts`;
 * the API has no such parameter, which `parameters.test.ts` holds). The built client must build the
 * same URLs as the source, which runs the real generated modules.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/generated/core/pathSerializer.gen.js';
import * as standIn from '../src/scalar-params-only.js';
import * as source from '../src/index.js';

const dist = resolve(import.meta.dirname, '../dist');
const built = async () => (await import(resolve(dist, 'index.js'))) as typeof source;
const UNSUPPORTED = '@tickki/chat-api: array and object parameters are not supported (the API has none)';

describe('the built client', () => {
  it.each(['index.js', 'index.cjs'])('%s carries no SSE client', (file) => {
    const code = readFileSync(resolve(dist, file), 'utf8');
    expect(code).not.toContain('Last-Event-ID');
    expect(code).not.toContain('text/event-stream');
    expect(code).toContain('createTickkiClient');
  });

  it('refuses an SSE call with a clear error instead of failing obscurely', async () => {
    const { createTickkiClient } = await built();
    const client = createTickkiClient({ publishableKey: 'pk_test_demo', baseUrl: 'http://127.0.0.1:9' });
    await expect(client.sse.get({ url: '/anything' })).rejects.toThrow('server-sent events are not supported');
  });

  it.each(['index.js', 'index.cjs'])('%s carries no array or object parameter serializer', (file) => {
    const code = readFileSync(resolve(dist, file), 'utf8');
    for (const style of ['pipeDelimited', 'spaceDelimited', 'separatorArrayExplode', 'separatorObjectExplode']) {
      expect(code).not.toContain(style);
    }
    expect(code).toContain(UNSUPPORTED);
  });
});

/** Every request URL a client sends, answered with an empty JSON object. */
function recording(api: typeof source) {
  const urls: string[] = [];
  const client = api.createTickkiClient({
    publishableKey: 'pk_test_demo',
    sessionToken: 'st_demo',
    baseUrl: 'https://app.tickki.test',
    fetch: async (input, init) => {
      urls.push(new Request(input, init).url);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, urls };
}

/** Awkward scalars: reserved and unreserved characters, non-ASCII, and numbers at the edges. */
const CURSORS = ['eyJpZCI6OTAwMX0', 'eyJpZCI6OTAwMX0=', 'a b/c?d=e&f+g#h%i;j,k.l|m[n]o', 'é✓🙂', "~-_.!*'()", '0', ' '];
const IDS = [7731, 1, 9007199254740991];

describe('the built client serializes the API’s scalar parameters exactly as the generated code', () => {
  /** Calls every operation with a path or query parameter, once per value, through one API (built or source). */
  async function everyCall(api: typeof source) {
    const { client, urls } = recording(api);
    for (const conversation_id of IDS) {
      const path = { conversation_id };
      await api.listMessages({ client, path });
      await api.listMessages({ client, path, query: { limit: 30 } });
      for (const cursor of CURSORS) await api.listMessages({ client, path, query: { cursor, limit: conversation_id % 100 || 100 } });
      await api.listMessages({ client, path, query: { cursor: undefined, limit: undefined } });
      await api.sendMessage({ client, path, body: { content: 'hi' } });
      await api.identifyVisitor({ client, path, body: { email: 'ada@example.com' } });
      await api.sendTyping({ client, path });
      await api.sendHeartbeat({ client, path });
    }
    await api.getConfig({ client });
    return urls;
  }

  it('every operation, every awkward value: the same URLs as the source', async () => {
    const fromSource = await everyCall(source);
    const fromBuild = await everyCall(await built());
    expect(fromSource).toHaveLength(IDS.length * (CURSORS.length + 7) + 1);
    expect(fromBuild).toEqual(fromSource);
  });

  it('listMessages: a path id, before-cursor and limit, as the server expects them', async () => {
    const api = await built();
    const { client, urls } = recording(api);
    await api.listMessages({ client, path: { conversation_id: 7731 }, query: { cursor: 'eyJpZCI6OTAwMX0=', limit: 30 } });
    await api.listMessages({ client, path: { conversation_id: 7731 }, query: { cursor: 'a b/c&d' } });
    await api.sendMessage({ client, path: { conversation_id: 42 }, body: { content: 'hi' } });
    expect(urls).toEqual([
      'https://app.tickki.test/api/v1/chat/sessions/7731/messages?cursor=eyJpZCI6OTAwMX0%3D&limit=30',
      'https://app.tickki.test/api/v1/chat/sessions/7731/messages?cursor=a%20b%2Fc%26d',
      'https://app.tickki.test/api/v1/chat/sessions/42/messages',
    ]);
  });

  it('buildUrl with every path style and query option a scalar can take: the same URLs as the source', async () => {
    const api = await built();
    const options = { publishableKey: 'pk_test_demo', baseUrl: 'https://app.tickki.test' };
    const builtClient = api.createTickkiClient(options);
    const sourceClient = source.createTickkiClient(options);
    for (const value of [...CURSORS, ...IDS, 0, -1.5, true, false]) {
      for (const url of ['/x/{id}', '/x/{id*}', '/x/{.id}', '/x/{;id}', '/x/{;id*}', '/x{.id*}/y']) {
        for (const querySerializer of [undefined, { allowReserved: true }, { parameters: { q: { allowReserved: true } } }]) {
          const request = { url, path: { id: value }, query: { q: value, n: null, u: undefined }, querySerializer };
          expect(builtClient.buildUrl(request), `${url} ${String(value)}`).toBe(sourceClient.buildUrl(request));
        }
      }
    }
  });

  it.each<[string, { url: string; path?: Record<string, unknown>; query?: Record<string, unknown> }]>([
    ['an array query parameter', { url: '/x', query: { ids: [1, 2] } }],
    ['an object query parameter', { url: '/x', query: { filter: { a: 1 } } }],
    ['a Date query parameter', { url: '/x', query: { at: new Date(0) } }],
    ['an array path parameter', { url: '/x/{ids}', path: { ids: [1, 2] } }],
    ['an object path parameter', { url: '/x/{filter}', path: { filter: { a: 1 } } }],
  ])('refuses %s with a clear error instead of serializing it', async (_, request) => {
    const { createTickkiClient } = await built();
    const client = createTickkiClient({ publishableKey: 'pk_test_demo', baseUrl: 'https://app.tickki.test' });
    expect(() => client.buildUrl(request)).toThrow(UNSUPPORTED);
    await expect(client.get({ ...request, throwOnError: true })).rejects.toThrow(UNSUPPORTED);
  });
});

describe('src/scalar-params-only.ts', () => {
  it('serializePrimitiveParam answers as the generated one for every scalar', () => {
    for (const value of [...CURSORS, ...IDS, 0, -1.5, true, false, undefined, null]) {
      for (const allowReserved of [undefined, false, true]) {
        const param = { allowReserved, name: 'cursor', value: value as string };
        expect(standIn.serializePrimitiveParam(param)).toBe(generated.serializePrimitiveParam(param));
      }
    }
  });

  it('exports what the generated client imports from the module it replaces', () => {
    const imported = ['client/utils.gen.ts', 'core/utils.gen.ts'].flatMap((file) => {
      const code = readFileSync(resolve(import.meta.dirname, '../src/generated', file), 'utf8');
      const clause = /import\s*\{([^}]*)\}\s*from\s*'\.{1,2}\/(?:core\/)?pathSerializer\.gen\.js'/.exec(code)?.[1] ?? '';
      return clause
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && !name.startsWith('type '));
    });
    expect(imported.length).toBeGreaterThan(0);
    expect(Object.keys(standIn).sort()).toEqual([...new Set(imported)].sort());
  });

  it('throws the clear error for arrays and objects', () => {
    expect(() => standIn.serializeArrayParam({ explode: true, name: 'ids', style: 'form', value: [1] })).toThrow(UNSUPPORTED);
    expect(() => standIn.serializeObjectParam({ explode: true, name: 'f', style: 'deepObject', value: { a: 1 } })).toThrow(UNSUPPORTED);
  });
});
