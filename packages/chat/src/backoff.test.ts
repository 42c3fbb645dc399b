import { describe, expect, it, vi } from 'vitest';
import { sleep } from './backoff.js';
import { call } from './request.js';

const policy = { retries: 3, baseMs: 100, maxMs: 1000 };

describe('sleep', () => {
  it('rejects at once when a signal aborts, leaving no timer', async () => {
    vi.useFakeTimers();
    try {
      const ctl = new AbortController();
      const p = sleep(10_000, [ctl.signal]);
      ctl.abort();
      await expect(p).rejects.toThrow('aborted');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  data: status < 300 ? body : undefined,
  error: status < 300 ? undefined : body,
  response: new Response(null, { status, headers }),
});

describe('call', () => {
  it('retries 5xx, 429 (waiting Retry-After) and network errors, then resolves', async () => {
    vi.useFakeTimers();
    try {
      const results = [
        answer(500, { error: 'server_error', message: 'x' }),
        answer(429, { error: 'rate_limited', message: 'x' }, { 'Retry-After': '2' }),
        { error: new TypeError('fetch failed') },
        answer(200, { data: 42 }),
      ];
      const attempt = vi.fn(async () => results.shift()!);
      const p = call(attempt, { timeoutMs: 1000, retry: { retries: 5, baseMs: 10, maxMs: 5000 } });
      await vi.advanceTimersByTimeAsync(15);
      expect(attempt).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1900); // Retry-After: 2 s not yet over
      expect(attempt).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(200); // then a network error, retried 20–40 ms later
      expect(attempt).toHaveBeenCalledTimes(4);
      await expect(p).resolves.toEqual({ data: 42 });
      expect(attempt).toHaveBeenCalledTimes(4);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry 4xx and gives up after the last retry', async () => {
    const bad = vi.fn(async () => answer(422, { error: 'validation_failed', message: 'x' }));
    await expect(call(bad, { timeoutMs: 1000, retry: policy })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(bad).toHaveBeenCalledTimes(1);
    const down = vi.fn(async () => answer(503, {}));
    await expect(call(down, { timeoutMs: 1000, retry: { retries: 2, baseMs: 1, maxMs: 2 } })).rejects.toMatchObject({ code: 'server_error', status: 503 });
    expect(down).toHaveBeenCalledTimes(3);
  });

  it('times out each attempt and aborts the request', async () => {
    let seen: AbortSignal | undefined;
    const hang = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    await expect(call(hang, { timeoutMs: 20 })).rejects.toMatchObject({ code: 'timeout', retryable: true });
    expect(seen?.aborted).toBe(true);
  });

  it('stops on the caller’s AbortSignal, also while waiting to retry', async () => {
    const ctl = new AbortController();
    const attempt = vi.fn(async () => answer(500, {}));
    const p = call(attempt, { timeoutMs: 1000, retry: { retries: 5, baseMs: 10_000, maxMs: 10_000 }, signals: [ctl.signal] });
    setTimeout(() => ctl.abort(), 20);
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('renews the session once on invalid_session, then surfaces it', async () => {
    const invalid = answer(401, { error: 'invalid_session', message: 'x' });
    const renew = vi.fn(async () => undefined);
    const ok = vi.fn().mockResolvedValueOnce(invalid).mockResolvedValueOnce(answer(200, 'ok'));
    await expect(call(ok, { timeoutMs: 1000, renew })).resolves.toBe('ok');
    expect(renew).toHaveBeenCalledTimes(1);
    const never = vi.fn(async () => answer(401, { error: 'invalid_session', message: 'x' }));
    await expect(call(never, { timeoutMs: 1000, renew, retry: policy })).rejects.toMatchObject({ code: 'invalid_session' });
    expect(never).toHaveBeenCalledTimes(2);
    expect(renew).toHaveBeenCalledTimes(2);
  });
});
