/**
 * What the published build leaves out: the generated fetch client's server-sent-events support,
 * swapped at build time for `src/without-sse.ts` (the API has no event-stream operation).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../dist');

describe('the built client', () => {
  it.each(['index.js', 'index.cjs'])('%s carries no SSE client', (file) => {
    const code = readFileSync(resolve(dist, file), 'utf8');
    expect(code).not.toContain('Last-Event-ID');
    expect(code).not.toContain('text/event-stream');
    expect(code).toContain('createTickkiClient');
  });

  it('refuses an SSE call with a clear error instead of failing obscurely', async () => {
    const { createTickkiClient } = (await import(resolve(dist, 'index.js'))) as typeof import('../src/index.js');
    const client = createTickkiClient({ publishableKey: 'pk_test_demo', baseUrl: 'http://127.0.0.1:9' });
    await expect(client.sse.get({ url: '/anything' })).rejects.toThrow('server-sent events are not supported');
  });
});
