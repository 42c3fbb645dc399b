import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressFetch } from './progress-fetch.js';

afterEach(() => vi.unstubAllGlobals());

describe('progressFetch', () => {
  it('is absent where there is no XMLHttpRequest (Node)', () => {
    expect(progressFetch(new FormData(), () => {})).toBeUndefined();
  });

  it("sends the given body, never the request's (React Native's fetch cannot read form data back)", async () => {
    // React Native's XMLHttpRequest cannot run here: a stand-in that records what it is given
    const sent: { method?: string; url?: string; headers: Record<string, string>; body?: unknown } = { headers: {} };
    class FakeXHR {
      upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
      responseType = '';
      status = 0;
      response: unknown;
      onload?: () => void;
      onerror?: () => void;
      onabort?: () => void;
      open(method: string, url: string) {
        Object.assign(sent, { method, url });
      }
      setRequestHeader(name: string, value: string) {
        sent.headers[name] = value;
      }
      getResponseHeader(name: string) {
        return name === 'content-type' ? 'application/json' : null;
      }
      abort() {}
      send(body: unknown) {
        sent.body = body;
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
        this.status = 201;
        this.response = new Blob(['{"data":{"ok":true}}']);
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXHR);
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    const request = new Request('https://app.tickki.com/api/v1/chat/sessions/1/attachments', {
      method: 'POST',
      body: new FormData(),
      headers: { Authorization: 'Bearer pk_test_x', 'X-Tickki-Session': 'tok' },
    });
    for (const read of ['blob', 'formData', 'text', 'arrayBuffer'] as const) {
      Object.defineProperty(request, read, { value: () => Promise.reject(new Error('could not read FormData body')) });
    }
    const progress: number[] = [];
    const response = await progressFetch(form, (p) => progress.push(p))!(request);
    expect(sent.body).toBe(form);
    expect(sent).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer pk_test_x', 'x-tickki-session': 'tok' } });
    expect(Object.keys(sent.headers)).not.toContain('content-type'); // XMLHttpRequest sets it, boundary included
    expect(progress).toEqual([0.5, 1]);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: { ok: true } });
  });
});
