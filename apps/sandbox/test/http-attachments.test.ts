/** Attachment upload, signed download URLs and their expiry, size and type refusals. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { Api, checkAnswer, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]));

function form(data: Uint8Array | string, name = 'photo.png', type = 'image/png', field = 'file'): FormData {
  const f = new FormData();
  f.set(field, new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name);
  return f;
}

describe('uploadAttachment', () => {
  it('stores the file, answers a signed URL that serves it back, and creates an attachment message', async () => {
    const s = await api.session();
    const bytes = randomBytes(200_000);
    const res = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form(bytes) });
    expect(res.status).toBe(200);
    expect(checkAnswer('uploadAttachment', res)).toEqual([]);
    const a = res.body.data.attachment;
    expect(a).toMatchObject({ file_name: 'photo.png', mime_type: 'image/png', file_size: 200_000 });
    const url = new URL(a.signed_url);
    expect(url.origin).toBe(sb.origin);
    expect(url.pathname).toBe(`/attachments/${a.id}/photo.png`);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires - Date.now() / 1000).toBeGreaterThan(3590);
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(3600);

    const download = await fetch(a.signed_url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const messages = sb.control.messages(s.conversation_id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'attachment', direction: 'inbound', content: 'photo.png' });
    expect(messages[0]!.attachments![0]).toMatchObject({ id: a.id, file_size: 200_000 });
  });

  it('signed URLs expire after 60 minutes and refuse tampering', async () => {
    const s = await api.session();
    const res = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form('hello', 'a b&c.txt', 'text/plain') });
    const a = res.body.data.attachment;
    expect(a.file_name).toBe('a b&c.txt');
    expect((await fetch(a.signed_url)).status).toBe(200);

    const tampered = new URL(a.signed_url);
    tampered.searchParams.set('expires', String(Number(tampered.searchParams.get('expires')) + 3600));
    const t = await fetch(tampered);
    expect(t.status).toBe(403);
    expect(((await t.json()) as { error: string }).error).toBe('invalid_signature');
    const unsigned = new URL(a.signed_url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);

    sb.control.advanceClock(59 * 60 * 1000);
    expect((await fetch(a.signed_url)).status).toBe(200);
    sb.control.advanceClock(2 * 60 * 1000);
    const expired = await fetch(a.signed_url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: string }).error).toBe('link_expired');
    // A fresh listing through the control API signs anew.
    const fresh = sb.control.messages(s.conversation_id)[0]!.attachments![0]!.signed_url;
    expect((await fetch(fresh)).status).toBe(200);
    expect((await fetch(`${sb.origin}/attachments/99999/x?expires=1&signature=${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('refuses a file over limits.max_upload_kb with 413', async () => {
    const s = await api.session();
    sb.control.patchConfig({ limits: { max_upload_kb: 1 } });
    expect((await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form(randomBytes(1024)) })).status).toBe(200);
    const res = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form(randomBytes(1025)) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'payload_too_large', message: 'The file may not be greater than 1 kilobytes.' });
    expect(checkAnswer('uploadAttachment', res)).toEqual([]);
    // Far over the limit: refused without buffering, the client still reads the answer.
    const huge = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: form(randomBytes(3 * 1024 * 1024)) });
    expect(huge.status).toBe(413);
    expect(sb.control.messages(s.conversation_id)).toHaveLength(1);
  });

  it('refuses a non-multipart body with 415 and a form without a file with 422', async () => {
    const s = await api.session();
    const path = `/chat/sessions/${s.conversation_id}/attachments`;
    const json = await api.post(path, { session: s.token, json: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.error).toBe('unsupported_media_type');
    expect(checkAnswer('uploadAttachment', json)).toEqual([]);
    const none = await api.post(path, { session: s.token });
    expect(none.status).toBe(415);

    const wrongField = await api.post(path, { session: s.token, body: form('x', 'x.txt', 'text/plain', 'upload') });
    expect(wrongField.status).toBe(422);
    expect(wrongField.body.errors).toEqual({ file: ['The file field is required.'] });
    expect(checkAnswer('uploadAttachment', wrongField)).toEqual([]);

    const textField = new FormData();
    textField.set('file', 'just text');
    const text = await api.post(path, { session: s.token, body: textField });
    expect(text.status).toBe(422);
    expect(text.body.errors).toEqual({ file: ['The file field must be a file.'] });

    const garbled = await api.post(path, { session: s.token, headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' }, body: 'not multipart at all' });
    expect(garbled.status).toBe(422);
    expect(checkAnswer('uploadAttachment', garbled)).toEqual([]);
  });

  it('keeps only the base name of a path-like file name, and defaults the type', async () => {
    const s = await api.session();
    const f = new FormData();
    f.set('file', new Blob(['x']), '../../etc/passwd');
    const res = await api.post(`/chat/sessions/${s.conversation_id}/attachments`, { session: s.token, body: f });
    expect(res.status).toBe(200);
    expect(res.body.data.attachment.file_name).toBe('passwd');
    expect(res.body.data.attachment.mime_type).toBe('application/octet-stream');
  });
});
