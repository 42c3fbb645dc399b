/** `persist`: a restart on the same file keeps conversations, tokens, messages, files, keys and config. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { Api, control, start } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tickki-sandbox-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence across restart', () => {
  it('keeps the state in the JSON file', async () => {
    const file = join(dir, 'state', 'sandbox.json');
    const first = await start({ persist: file });
    const api1 = new Api(first.origin, first.demoKey);
    const s = await api1.session('v_persist', { name: 'Ada' });
    await api1.send(s, 'kept', { 'Idempotency-Key': 'k-1' });
    const form = new FormData();
    form.set('file', new Blob(['file body'], { type: 'text/plain' }), 'notes.txt');
    const upload = await api1.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form });
    await api1.post('/chat/events', { json: { visitor_id: 'v_persist', events: [{ type: 'tap', occurred_at: '2026-01-01T00:00:00Z' }] } });
    await control(first, 'PATCH', '/config', { branding: { welcome_message: 'Persisted!' } });
    await control(first, 'POST', '/keys', { key: 'pk_test_added' });
    await first.close();

    const second = await start({ persist: file });
    try {
      const api2 = new Api(second.origin, second.demoKey);
      // The old token still works; the conversation is the same.
      const list = await api2.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
      expect(list.status).toBe(200);
      expect(list.body.data.map((m: { content: string }) => m.content)).toEqual(['notes.txt', 'kept']);
      // Idempotency survives: the retry of a send answered before the restart is not duplicated.
      const retry = await api2.send(s, 'kept', { 'Idempotency-Key': 'k-1' });
      expect(retry.body.data.id).toBe(list.body.data[1].id);
      const resumed = await api2.session('v_persist');
      expect(resumed.conversation_id).toBe(s.conversation_id);
      expect(resumed.contact.name).toBe('Ada');
      // New ids continue after the old ones.
      const fresh = await api2.session('v_new');
      expect(fresh.conversation_id).toBeGreaterThan(s.conversation_id);
      const next = await api2.send(s, 'after restart');
      expect(next.body.data.id).toBeGreaterThan(list.body.data[0].id);
      // Files and their signatures survive (the port changed, the path and signature did not).
      const old = new URL(upload.body.data.attachment.signed_url);
      const download = await fetch(`${second.origin}${old.pathname}${old.search}`);
      expect(await download.text()).toBe('file body');
      expect((await api2.get('/chat/config')).body.data.branding.welcome_message).toBe('Persisted!');
      expect((await api2.get('/chat/config', { key: 'pk_test_added' })).status).toBe(200);
      expect(second.control.events()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('refuses a corrupt state file with a clear error', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{ not json');
    await expect(startSandbox({ port: 0, persist: file })).rejects.toThrow(/cannot read the sandbox state/);
  });
});
